"""Turning an export's cells into canonical values, with the codebooks' 'unknown' codes as 'not stated'."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from functools import lru_cache

UNKNOWN_TEXT = frozenset({"", "unknown", "unk", "n/a", "na", "none", "-9", "-99", "null"})
SENTINELS = frozenset({-9, -99})  # GTD: -9 unknown (yes/no), -99 unknown (counts); ACLED/UCDP never use negatives


class Reject(Exception):
    """This row cannot become a record; the message says why (it goes into the rejection report)."""


def text(value: str | None) -> str | None:
    """Stripped text, or None for blanks and the codebooks' 'Unknown' spellings."""
    if value is None:
        return None
    value = value.strip()
    return None if value.lower() in UNKNOWN_TEXT else value


MAX_COUNT = 10_000_000  # more people than any one event has killed or hurt: a typo or a spreadsheet overflow
_SEPARATORS = ",.' \u00a0\u202f"
_GROUPED = re.compile(r"\d{1,3}([,.' \u00a0\u202f])\d{3}(?:\1\d{3})*")
_PLAIN = re.compile(r"[+]?(\d+(\.\d*)?|\.\d+)([eE][+]?\d{1,3})?")


def number(value: str | None, field: str) -> float | None:
    """A finite number >= 0 as a person writes it (or a -9/-99 code), None for a blank cell; Reject otherwise.

    Thousands separators: a comma, dot, space or apostrophe followed by groups of exactly three
    digits (1,234 / 1.234 / 1 234: a count of people has no three-decimal fractions); any other
    single comma is a decimal mark (2,5). 'nan', 'inf', 1e309 and 2^63 are refused, not read.
    """
    raw = (value or "").strip()
    if not raw:
        return None
    if raw in ("-9", "-99"):
        return float(raw)
    if _GROUPED.fullmatch(raw):
        cleaned = raw.translate({ord(c): None for c in _SEPARATORS})
    elif raw.count(",") == 1 and "." not in raw:
        cleaned = raw.replace(",", ".")
    else:
        cleaned = raw
    if not _PLAIN.fullmatch(cleaned):
        raise Reject(f"{field} {raw[:40]!r} is not a number")
    parsed = float(cleaned)
    if not math.isfinite(parsed) or parsed > MAX_COUNT:
        raise Reject(f"{field} {raw[:40]!r} is not a count of people (more than {MAX_COUNT:,})")
    return parsed


def count(value: str | None, field: str) -> int | None:
    """A whole number of people; blank or a sentinel is None (not stated), never 0."""
    parsed = number(value, field)
    if parsed is None or parsed in SENTINELS:
        return None
    if parsed != int(parsed):
        raise Reject(f"{field} {(value or '').strip()[:40]!r} is not a count of people")
    return int(parsed)


def count_range(value: str | None, field: str) -> tuple[int | None, int | None]:
    """Like `count`, but a fraction (GTD averages some tolls, e.g. 2.5) becomes the whole numbers around it."""
    parsed = number(value, field)
    if parsed is not None and parsed not in SENTINELS and parsed != int(parsed):
        return math.floor(parsed), math.ceil(parsed)
    whole = count(value, field)
    return whole, whole


_DEGREES = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d{1,3})?")


def coordinate(value: str | None, field: str, limit: float) -> float | None:
    """Degrees (a decimal comma is read too); Reject when not a finite number within -limit..limit."""
    raw = (value or "").strip()
    if not raw:
        return None
    if not _DEGREES.fullmatch(raw):
        raise Reject(f"{field} {raw[:40]!r} is not a number")
    degrees = float(raw.replace(",", "."))
    if not -limit <= degrees <= limit:
        raise Reject(f"{field} {degrees} is outside -{limit}..{limit}")
    return degrees


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=1024)
def iso3(name_or_code: str) -> str | None:
    """ISO 3166 alpha-3 for a country name or code, from pycountry (the ISO tables); None if unknown."""
    import pycountry

    raw = name_or_code.strip()
    if not raw:
        return None
    for lookup in (
        lambda: pycountry.countries.get(alpha_3=raw.upper()),
        lambda: pycountry.countries.get(alpha_2=raw.upper()) if len(raw) == 2 else None,
        lambda: pycountry.countries.lookup(raw),
    ):
        try:
            found = lookup()
        except LookupError:
            found = None
        if found is not None:
            return found.alpha_3
    return None

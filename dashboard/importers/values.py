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


def count(value: str | None, field: str) -> int | None:
    """A whole number of people; blank or a sentinel is None (not stated), never 0."""
    raw = (value or "").strip()
    if not raw:
        return None
    try:
        number = float(raw)
    except ValueError:
        raise Reject(f"{field} {raw!r} is not a number") from None
    if number in SENTINELS:
        return None
    if number < 0 or number != int(number):
        raise Reject(f"{field} {raw!r} is not a count of people")
    return int(number)


def count_range(value: str | None, field: str) -> tuple[int | None, int | None]:
    """Like `count`, but a fraction (GTD averages some tolls, e.g. 2.5) becomes the whole numbers around it."""
    raw = (value or "").strip()
    try:
        number = float(raw) if raw else None
    except ValueError:
        raise Reject(f"{field} {raw!r} is not a number") from None
    if number is not None and number >= 0 and number != int(number):
        return math.floor(number), math.ceil(number)
    whole = count(value, field)
    return whole, whole


def coordinate(value: str | None, field: str, limit: float) -> float | None:
    raw = (value or "").strip()
    if not raw:
        return None
    try:
        number = float(raw.replace(",", "."))
    except ValueError:
        raise Reject(f"{field} {raw!r} is not a number") from None
    if not -limit <= number <= limit:
        raise Reject(f"{field} {number} is outside -{limit}..{limit}")
    return number


DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y", "%Y/%m/%d", "%m/%d/%Y")
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


SPREADSHEET_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (as read by every spreadsheet)


@lru_cache(maxsize=50_000)
def date(value: str, field: str, formats: tuple[str, ...] = DATE_FORMATS) -> dt.date:
    """A calendar date in any of the given formats (a time of day is ignored); Reject otherwise.

    A bare five-digit number is a spreadsheet's day serial (a workbook saved to CSV "as stored").
    """
    raw = _TIME_SUFFIX.sub("", (value or "").strip())
    if not raw:
        raise Reject(f"{field} is empty")
    serial = raw.removesuffix(".0")
    if serial.isdigit() and 20_000 <= int(serial) <= 80_000:
        return SPREADSHEET_EPOCH + dt.timedelta(days=int(serial))
    for pattern in formats:
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise Reject(f"{field} {value.strip()!r} is not a date")


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

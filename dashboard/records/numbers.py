"""Whole numbers from text typed by people: links, YAML strings, table cells."""

from __future__ import annotations

import re

# ASCII digits only. Not str.isdigit(): it accepts '²' (which int() then rejects) and other
# scripts' digits ('١٢', which int() reads as 12, so a link would not round-trip to itself).
_WHOLE = re.compile(r"[0-9]+")
MAX_DIGITS = 12  # a count of people: a trillion is already absurd, and Int64 holds it


def whole_number(text: str, max_digits: int = MAX_DIGITS) -> int | None:
    """The non-negative whole number `text` spells (spaces around it allowed), else None.

    Refuses signs, decimals, exponents, superscripts, other scripts' digits and anything longer
    than `max_digits` digits (so a 5,000-digit value costs nothing to refuse).
    """
    raw = text.strip()
    if len(raw) > max_digits or not _WHOLE.fullmatch(raw):
        return None
    try:
        return int(raw)
    except ValueError:  # cannot happen for ASCII digits within the length limit; caught all the same
        return None

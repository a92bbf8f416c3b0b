"""Dates as spreadsheets and export tools write them, read one column at a time.

Shapes read: `2020-05-09` (with or without a time: `2020-05-09 00:00:00`, `2020-05-09T00:00:00Z`),
`2020/05/09`, `9 May 2020`, `09-May-2020`, `9-May-20`, `May 9, 2020`, `05/09/2020` and `5.9.2020`,
and spreadsheet day serials (`43960`: days since 1899-12-30, Excel's 1900 date system).

Numeric day/month dates (`05/09/2020`) are read in one order for the whole column: a value whose
first number is above 12 settles day-first, a second number above 12 month-first. When no value
settles it the column is ambiguous, and the rule below decides (and the report says so).
A time of day and a UTC offset are ignored: the date is the one written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .values import Reject

SPREADSHEET_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (as read by every spreadsheet)
SERIAL_RANGE = (20_000, 80_000)  # 1954 to 2119: a bare number outside it is not taken for a date
# Two-digit years follow the rule spreadsheets use when they read them back (Excel's 1930 pivot):
# 00-29 are 2000-2029, 30-99 are 1930-1999.
TWO_DIGIT_PIVOT = 30
TWO_DIGIT_RULE = "two-digit years 00-29 read as 2000-2029, 30-99 as 1930-1999 (the spreadsheet rule)"

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9

_TIME = r"(?P<time>[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?)?"
SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern + _TIME + r"$"))
    for name, pattern in (
        ("YYYY-MM-DD", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
        ("YYYY/MM/DD", r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"),
        ("D Month YYYY", r"(?P<d>\d{1,2})[ -](?P<mon>[A-Za-z]{3,9})\.?[ -](?P<y>\d{4})"),
        ("D-Mon-YY", r"(?P<d>\d{1,2})[ -](?P<mon>[A-Za-z]{3,9})\.?[ -](?P<y>\d{2})"),
        ("Month D, YYYY", r"(?P<mon>[A-Za-z]{3,9})\.? (?P<d>\d{1,2}),? (?P<y>\d{4})"),
        ("NN/NN/YYYY", r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"),
        ("spreadsheet day serial", r"(?P<serial>\d{5})(?:\.\d+)?"),
    )
)


@dataclass(frozen=True)
class DateOrder:
    """How one column's numeric dates are read, and why."""

    day_first: bool
    settled: bool  # a value above 12 decided it; otherwise the file's convention did
    reason: str

    def label(self) -> str:
        return "DD/MM/YYYY" if self.day_first else "MM/DD/YYYY"


DAY_FIRST = DateOrder(True, True, "")


def _shape(raw: str) -> tuple[str, re.Match[str]] | None:
    for name, pattern in SHAPES:
        found = pattern.match(raw)
        if found:
            return name, found
    return None


def decide_order(values: Iterable[str], semicolon_file: bool) -> DateOrder:
    """Day-first or month-first for a whole column, from its numeric dates (values may repeat)."""
    day_first = month_first = 0
    dotted = False
    for value in values:
        found = _shape(value.strip())
        if found is None or found[0] != "NN/NN/YYYY":
            continue
        first, second = int(found[1]["a"]), int(found[1]["b"])
        dotted |= found[1]["sep"] == "."
        day_first += first > 12 and second <= 12
        month_first += second > 12 and first <= 12
    if day_first or month_first:
        chosen = day_first >= month_first
        return DateOrder(chosen, True, f"a value above 12 settles it ({day_first} day-first, {month_first} month-first)")
    if dotted:
        return DateOrder(True, False, "ambiguous (no value above 12); dotted dates are read day-first (05.09.2020)")
    if semicolon_file:
        return DateOrder(
            True, False, "ambiguous (no value above 12); read day-first, as a ';'-delimited (European) spreadsheet writes"
        )
    return DateOrder(
        False, False, "ambiguous (no value above 12); read month-first, as a US-locale spreadsheet writes (5/9/2020)"
    )


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        return 2000 + year if year < TWO_DIGIT_PIVOT else 1900 + year
    return year


@lru_cache(maxsize=100_000)
def parse_date(value: str, field: str, order: DateOrder = DAY_FIRST) -> tuple[dt.date, str]:
    """The calendar date a cell holds and the name of its shape; Reject (naming field and value) otherwise."""
    raw = (value or "").strip()
    if not raw:
        raise Reject(f"{field} is empty")
    found = _shape(raw)
    if found is None:
        raise Reject(f"{field} {raw[:40]!r} is not a date")
    name, parts = found
    try:
        if name == "spreadsheet day serial":
            serial = int(parts["serial"])
            if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
                raise ValueError
            return SPREADSHEET_EPOCH + dt.timedelta(days=serial), name
        if name == "NN/NN/YYYY":
            first, second = int(parts["a"]), int(parts["b"])
            day, month = (first, second) if order.day_first else (second, first)
            name = order.label().replace("/", parts["sep"])
        else:
            day = int(parts["d"])
            month = int(parts["m"]) if "m" in parts.groupdict() else MONTHS[parts["mon"].lower()]
        day_value = dt.date(_year(parts["y"]), month, day)
    except (ValueError, KeyError, OverflowError):
        raise Reject(f"{field} {raw[:40]!r} is not a date") from None
    if parts.groupdict().get("time"):
        name += " with a time"
    return day_value, name


@dataclass
class DateReport:
    """What a file's date column held: the shapes read, and how numeric dates were ordered."""

    field: str
    shapes: Counter[str] = field(default_factory=Counter)
    order: DateOrder | None = None

    def describe(self) -> str:
        if not self.shapes:
            return ""
        shapes = ", ".join(name for name, _ in self.shapes.most_common())
        text = f"{self.field} format: {shapes}"
        if any("YY" in name and "YYYY" not in name for name in self.shapes):
            text += f"; {TWO_DIGIT_RULE}"
        if self.order is not None and any(name.startswith(("DD", "MM")) for name in self.shapes):
            text += f"; day or month first: {self.order.reason}"
        return text

"""The curated records' rules applied to a canonical table (CSV, Parquet), column by column.

Same rules and the same words as `validation.RecordChecker` checks for YAML records: types,
vocabularies, required fields, ranges, dates, coordinates within the country, unique ids,
well-formed sources. Each problem names the file, the row (and its id) and the field; every
problem is reported, never just the first. Some rules differ, because tables come from imports,
whose exports know less than a curated record must: a province the gazetteer does not know is
kept as written (exports name admin areas of their own); an empty perpetrator means "not stated"
(imports do not write 'Unknown'); a place known only by a name with no coordinates is listed, not
drawn, so coordinates and province are not required; quotes are not checked (no article).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from .gazetteer import Gazetteer
from .grading import GRADES, NOT_GRADED
from .problems import DataError, Problem
from .schema import (
    CATEGORY_COLUMNS,
    COLUMNS,
    COUNT_COLUMNS,
    DATE_COLUMNS,
    FLOAT_COLUMNS,
    REQUIRED_FIELDS,
    REQUIRED_FOR_VIOLENCE,
)
from .table_columns import (
    Parsed,
    as_text,
    blank_mask,
    parse_categories,
    parse_counts,
    parse_dates,
    parse_floats,
    parse_sources,
)

SHOWN_CHARS = 60
OPTIONAL_IN_TABLES = ("perpetrator",)  # blank: not stated (see above)


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a Parquet float column's -5.0 was written as -5
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS]}… ({len(text)} characters)"


class TableChecker:
    """Collects the problems of one table; `typed` holds each column once it is parsed."""

    def __init__(self, raw: pd.DataFrame, file: str, gazetteer: Gazetteer):
        self.raw = raw.reset_index(drop=True)
        self.file = file
        self.gazetteer = gazetteer
        self.typed: dict[str, object] = {}
        self.blank: dict[str, np.ndarray] = {}  # per column: rows where nothing was given
        self.found: list[tuple[int, Problem]] = []  # (row position, problem); -1 for a whole column
        self.ids = as_text(self.raw["id"]) if "id" in self.raw else pd.Series(pd.NA, index=self.raw.index)

    def label(self, position: int) -> str:
        ident = self.ids.iloc[position]
        return f"row {position + 1}" if pd.isna(ident) else f"'{_shown(ident)}' (row {position + 1})"

    def add(self, mask: np.ndarray, field: str, message: Callable[[int], str]) -> None:
        for position in np.flatnonzero(mask):
            self.found.append((int(position), Problem(self.file, message(int(position)), self.label(int(position)), None, field)))

    def raw_value(self, column: str) -> Callable[[int], str]:
        return lambda position: _shown(self.raw[column].iloc[position])

    def parse(self, column: str, parsed: Parsed, expected: str) -> pd.Series:
        if parsed.reason:
            self.found.append((-1, Problem(self.file, f"the column {parsed.reason}", None, None, column)))
        else:
            value = self.raw_value(column)
            self.add(parsed.bad, column, lambda p: f"'{value(p)}' {expected}")
        self.typed[column] = parsed.values
        self.blank[column] = parsed.blank if parsed.blank is not None else blank_mask(self.raw[column])
        return parsed.values

    def problems(self) -> list[Problem]:
        return [problem for _, problem in sorted(self.found, key=lambda found: found[0])]


def check_table(raw: pd.DataFrame, file: str, gazetteer: Gazetteer) -> pd.DataFrame:
    """The typed canonical table, or DataError listing every problem with its row and field."""
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise DataError([Problem(file, f"not a canonical table: missing columns {', '.join(missing)}")])
    checker = TableChecker(raw, file, gazetteer)
    _parse_columns(checker)
    _check_required(checker)
    _check_dates(checker)
    _check_place(checker)
    _check_counts(checker)
    _check_ids(checker)
    problems = checker.problems()
    if problems:
        raise DataError(problems)
    return pd.DataFrame({column: checker.typed[column] for column in checker.raw.columns})


GRADE_WORDS = (*GRADES, NOT_GRADED)


def _parse_columns(checker: TableChecker) -> None:
    raw = checker.raw
    for column in raw.columns:
        if column in DATE_COLUMNS:
            checker.parse(column, parse_dates(raw[column]), "is not a date; expected YYYY-MM-DD")
        elif column in COUNT_COLUMNS or column == "source_row":
            checker.parse(column, parse_counts(raw[column]), "is not a whole number >= 0 (leave it empty when not stated)")
        elif column == "article_paragraph":
            checker.parse(column, parse_counts(raw[column], minimum=1), "is not a paragraph number (1, 2, ...)")
        elif column in FLOAT_COLUMNS:
            checker.parse(column, parse_floats(raw[column]), "is not a number")
        elif column in CATEGORY_COLUMNS:
            allowed = CATEGORY_COLUMNS[column]
            checker.parse(column, parse_categories(raw[column], allowed), f"is not one of: {', '.join(allowed)}")
        elif column == "grade":  # computed by the loader for curated records; a table carries it as written
            checker.parse(column, parse_categories(raw[column], GRADE_WORDS), f"is not one of: {', '.join(GRADE_WORDS)}")
        elif column == "sources":
            rows, faults = parse_sources(raw[column])
            for position, row_faults in faults.items():
                for field, message in row_faults:
                    checker.found.append((position, Problem(checker.file, message, checker.label(position), None, field)))
            checker.typed[column] = rows
        else:
            # Repeated text read as categories (Parquet dictionaries) stays so: checked per category.
            text = checker.ids if column == "id" else as_text(raw[column], keep_categories=True)
            checker.blank[column] = text.isna().to_numpy(dtype=bool)
            checker.typed[column] = text if isinstance(text.dtype, pd.CategoricalDtype) else text.astype("string")


def _text(checker: TableChecker, column: str) -> pd.Series:
    """A text column as typed: categorical (kept, its checks run per category) or string."""
    typed = pd.Series(checker.typed[column])
    return typed if isinstance(typed.dtype, pd.CategoricalDtype) else typed.astype("string")


def _given(checker: TableChecker, column: str) -> np.ndarray:
    """Rows where the column holds a readable value."""
    return pd.Series(checker.typed[column]).notna().to_numpy(dtype=bool)


def _unread(checker: TableChecker, column: str) -> np.ndarray:
    """Rows where the column was left empty (not where it holds a value that could not be read)."""
    return checker.blank[column]


def _check_required(checker: TableChecker) -> None:
    for column in REQUIRED_FIELDS:
        checker.add(_unread(checker, column), column, lambda _: "missing: this field is required")
    kinds = pd.Series(checker.typed["kind"])
    violent = kinds.isin(("attack", "strike")).to_numpy(dtype=bool)
    for column in (c for c in REQUIRED_FOR_VIOLENCE if c not in OPTIONAL_IN_TABLES):
        checker.add(
            violent & _unread(checker, column),
            column,
            lambda p: f"missing: required for a record of kind '{kinds.iloc[p]}'",
        )


def _check_dates(checker: TableChecker) -> None:
    start, end = pd.Series(checker.typed["date_start"]), pd.Series(checker.typed["date_end"])
    before = (end < start).fillna(False).to_numpy(dtype=bool)
    checker.add(before, "date_end", lambda p: f"{_day(end.iloc[p])} is before date_start {_day(start.iloc[p])}")


def _day(stamp: pd.Timestamp) -> str:
    """'2014-03-20'; also for a day outside Python's dates (year 0 or before), where .date() raises."""
    return stamp.isoformat().split("T")[0]


def _check_place(checker: TableChecker) -> None:
    gazetteer = checker.gazetteer
    country = _text(checker, "country")
    shape = country.str.fullmatch(r"[A-Z]{3}").fillna(True).to_numpy(dtype=bool)
    checker.add(~shape, "country", lambda p: f"'{_shown(country.iloc[p])}' is not an ISO 3166 alpha-3 code")
    province = _text(checker, "province")
    # Per distinct value, then one take per row: a million rows name a few dozen places.
    country_codes, countries = pd.factorize(country)  # -1: missing
    province_codes, provinces = pd.factorize(province)
    home = {
        name: gazetteer.provinces[canonical].country for name in provinces if (canonical := gazetteer.canonical_province(name))
    }
    position = {name: code for code, name in enumerate(countries)}
    no_home = -2  # a province the gazetteer does not place, or a missing one: nothing to compare
    home_codes = np.array(
        [position.get(home[name], len(countries)) if name in home else no_home for name in provinces] + [no_home]
    )
    row_home = home_codes[province_codes]
    known = np.array([name in gazetteer.country_bboxes for name in countries] + [False])
    known_country = known[country_codes]
    elsewhere = known_country & (row_home != no_home) & (row_home != country_codes)
    checker.add(elsewhere, "province", lambda p: f"'{province.iloc[p]}' is in {home[province.iloc[p]]}, not {country.iloc[p]}")
    _check_coordinates(checker, country, countries, country_codes, known_country)


def _check_coordinates(
    checker: TableChecker, country: pd.Series, countries: pd.Index, country_codes: np.ndarray, known_country: np.ndarray
) -> None:
    lat = pd.Series(checker.typed["lat"]).to_numpy(dtype=float, na_value=np.nan)
    lon = pd.Series(checker.typed["lon"]).to_numpy(dtype=float, na_value=np.nan)
    for column, values, limit in (("lat", lat, 90), ("lon", lon, 180)):
        checker.add(np.abs(values) > limit, column, lambda p, v=values, n=limit: f"{v[p]} is outside -{n}..{n}")
    has_lat, has_lon = ~np.isnan(lat), ~np.isnan(lon)
    lat_given, lon_given = ~_unread(checker, "lat"), ~_unread(checker, "lon")
    checker.add(lon_given & ~lat_given, "lat", lambda _: "lat and lon go together: give both or neither")
    checker.add(lat_given & ~lon_given, "lon", lambda _: "lat and lon go together: give both or neither")
    # Each row's country box (west, south, east, north), NaN where the country has none.
    unknown = (np.nan,) * 4
    boxes = np.array([checker.gazetteer.country_bboxes.get(name, unknown) for name in countries] + [unknown], dtype=float)
    west, south, east, north = boxes[country_codes].T
    inside = (west <= lon) & (lon <= east) & (south <= lat) & (lat <= north)
    located = has_lat & has_lon & (np.abs(lat) <= 90) & (np.abs(lon) <= 180) & known_country
    checker.add(located & ~inside, "lat", lambda p: f"({lat[p]}, {lon[p]}) lies outside {country.iloc[p]}")


def _check_counts(checker: TableChecker) -> None:
    for stem in ("killed", "injured", "attackers_killed"):
        low = pd.Series(checker.typed[f"{stem}_min"])
        high = pd.Series(checker.typed[f"{stem}_max"])
        over = (low > high).fillna(False).to_numpy(dtype=bool)
        checker.add(over, f"{stem}_min", lambda p, lo=low, hi=high, s=stem: f"{lo.iloc[p]} is greater than {s}_max {hi.iloc[p]}")
        open_low = _unread(checker, f"{stem}_min") & high.notna().to_numpy(dtype=bool)
        checker.add(
            open_low,
            f"{stem}_min",
            lambda p, hi=high, s=stem: f"missing while {s}_max is {hi.iloc[p]}: give the lowest figure reported",
        )


def _check_ids(checker: TableChecker) -> None:
    ids = checker.ids
    if ids.dropna().is_unique:  # the usual case, and a hash of each id once instead of twice
        return
    repeated = (ids.duplicated(keep=False) & ids.notna()).to_numpy(dtype=bool)
    checker.add(repeated, "id", lambda p: f"duplicate id '{_shown(ids.iloc[p])}': ids must be unique")

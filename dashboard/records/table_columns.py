"""A canonical table's columns parsed column by column, each value either typed or marked bad.

A CSV gives text; a Parquet file gives whatever types its writer chose (integer dates, float
counts, text numbers). Each parser returns the typed column and a mask of the values that were
given but cannot be read, so validation can name them; nothing is coerced silently to missing.
Vectorised: a million rows parse in about a second.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .numbers import MAX_DIGITS


@dataclass
class Parsed:
    values: pd.Series  # typed; missing where blank or bad
    bad: np.ndarray  # bool per row: a value was given and could not be read
    reason: str = ""  # why, for the whole column, when its type is wrong (integer dates)
    blank: np.ndarray | None = None  # bool per row: nothing was given


def is_text(column: pd.Series) -> bool:
    return column.dtype == object or isinstance(column.dtype, pd.StringDtype)


def as_text(column: pd.Series, keep_categories: bool = False) -> pd.Series:
    """Text with blanks as missing; a number or a date in a text column becomes its text.
    A column that is already text stays in its storage (Arrow for Parquet): no copy to Python objects.
    With `keep_categories`, a categorical column (Parquet's dictionary text) stays categorical: its few
    distinct values are stripped, not its million rows."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        text = _categories_as_text(column)
        return text if keep_categories else text.astype("string")
    text = column if isinstance(column.dtype, pd.StringDtype) else column.astype("string")
    text = text.str.strip()
    return text.where(text != "")


def _categories_as_text(column: pd.Series) -> pd.Series:
    """The categorical with its categories stripped, blank ones as missing, and categories that
    become equal once stripped (' Kabul' and 'Kabul') merged into one."""
    names = as_text(pd.Series(column.cat.categories, dtype=object))
    codes, uniques = pd.factorize(names, sort=True)  # sorted, as astype("category") sorts; blank: -1
    lookup = np.append(codes, -1)  # a row's code -1 (missing) picks the last entry
    row_codes = lookup[column.cat.codes.to_numpy()]
    categories = pd.Index(np.asarray(uniques, dtype=object), dtype="string")
    return pd.Series(pd.Categorical.from_codes(row_codes, categories=categories), index=column.index)


def blank_mask(column: pd.Series) -> np.ndarray:
    """Missing, or text of only whitespace."""
    if is_text(column):
        return as_text(column).isna().to_numpy(dtype=bool)
    return column.isna().to_numpy(dtype=bool)


def parse_dates(column: pd.Series) -> Parsed:
    """Dates as datetime64[s]. Text must be ISO (YYYY-MM-DD); a numeric column is refused as a whole,
    since Parquet integers would otherwise be read as nanoseconds after 1970."""
    blank = column.isna().to_numpy(dtype=bool)
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        values = column.dt.tz_localize(None) if getattr(column.dt, "tz", None) else column
        return Parsed(values.dt.normalize().astype("datetime64[s]"), np.zeros(len(column), bool), blank=blank)
    if pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
        example = column.dropna()
        shown = f" (e.g. {example.iloc[0]})" if len(example) else ""
        reason = f"holds numbers{shown}, not dates: write YYYY-MM-DD text or a date column"
        return Parsed(pd.Series(pd.NaT, index=column.index, dtype="datetime64[s]"), ~blank, reason, blank)
    text = as_text(column)
    blank = text.isna().to_numpy(dtype=bool)
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    retry = parsed.isna().to_numpy() & ~blank  # '2014-03-20T00:00:00' and other ISO forms, rare: parsed apart
    if retry.any():
        parsed[retry] = pd.to_datetime(text[retry], format="ISO8601", errors="coerce", utc=True).dt.tz_localize(None)
    bad = parsed.isna().to_numpy() & ~blank
    return Parsed(parsed.dt.normalize().astype("datetime64[s]"), bad, blank=blank)


def parse_counts(column: pd.Series, minimum: int = 0) -> Parsed:
    """Whole numbers >= minimum as Int64; text must be plain digits, numbers must be whole."""
    blank = column.isna().to_numpy(dtype=bool)
    if pd.api.types.is_bool_dtype(column.dtype):
        return Parsed(pd.Series(pd.NA, index=column.index, dtype="Int64"), ~blank, blank=blank)
    if pd.api.types.is_numeric_dtype(column.dtype):
        array = column.to_numpy(dtype=float, na_value=np.nan)
    else:
        text = as_text(column)
        blank = text.isna().to_numpy(dtype=bool)
        digits = text.str.fullmatch(f"[0-9]{{1,{MAX_DIGITS}}}").fillna(False).to_numpy(dtype=bool)
        array = pd.to_numeric(text.where(digits), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        good = np.isfinite(array) & (array == np.floor(array)) & (array >= minimum) & (array < 10.0**MAX_DIGITS)
    values = pd.arrays.IntegerArray(np.where(good, array, 0).astype(np.int64), mask=~good)
    return Parsed(pd.Series(values, index=column.index), ~good & ~blank, blank=blank)


def parse_floats(column: pd.Series) -> Parsed:
    """Numbers as Float64; text must read as a number."""
    blank = column.isna().to_numpy(dtype=bool)
    if pd.api.types.is_bool_dtype(column.dtype):
        return Parsed(pd.Series(pd.NA, index=column.index, dtype="Float64"), ~blank, blank=blank)
    source = column
    if not pd.api.types.is_numeric_dtype(column.dtype):
        source = as_text(column)
        blank = source.isna().to_numpy(dtype=bool)
    numbers = pd.to_numeric(source, errors="coerce").astype("Float64")
    array = numbers.to_numpy(dtype=float, na_value=np.nan)
    bad = ~np.isfinite(array) & ~blank
    return Parsed(numbers.mask(pd.Series(bad, index=column.index)), bad, blank=blank)


def parse_categories(column: pd.Series, allowed: tuple[str, ...]) -> Parsed:
    """A vocabulary column as a Categorical of the allowed values; anything else is bad."""
    if isinstance(column.dtype, pd.CategoricalDtype):  # Parquet keeps categories: check each once, not each row
        names = [str(name).strip() for name in column.cat.categories]
        lookup = np.array([allowed.index(n) if n in allowed else -1 for n in names] + [-1])
        given = np.array([bool(n) for n in names] + [False])
        codes = column.cat.codes.to_numpy()  # -1 (missing) picks the last entry of each lookup
        new_codes = lookup[codes]
        blank = ~given[codes]
        values = pd.Series(pd.Categorical.from_codes(new_codes, categories=list(allowed)), index=column.index)
        return Parsed(values, (new_codes == -1) & ~blank, blank=blank)
    text = as_text(column)
    blank = text.isna().to_numpy(dtype=bool)
    known = text.isin(allowed).to_numpy(dtype=bool)
    values = pd.Series(pd.Categorical(text.where(known), categories=list(allowed)), index=column.index)
    return Parsed(values, ~known & ~blank, blank=blank)


def source_problems(sources: object) -> list[tuple[str, str]]:
    """(field, message) for each fault of one row's decoded sources."""
    if not isinstance(sources, list):
        return [("sources", "expected a JSON list of sources")]
    problems = []
    for n, source in enumerate(sources, start=1):
        if not isinstance(source, dict):
            problems.append((f"sources[{n}]", "expected a mapping with publisher, url and supports"))
            continue
        url = source.get("url")
        if url is not None and not str(url).startswith(("http://", "https://")):
            problems.append((f"sources[{n}].url", f"{str(url)[:60]!r} is not an http(s) URL"))
    return problems


def parse_sources(column: pd.Series) -> tuple[list[list], dict[int, list[tuple[str, str]]]]:
    """Each row's list of sources, and the problems by row. Each distinct text is decoded once:
    rows of one export share a handful of publishers."""
    # Factorised as stored (Arrow text, categories): a copy to a million Python strings took 0.3 s.
    codes, texts = pd.factorize(column)
    decoded: list[list] = []
    faults_of: list[list[tuple[str, str]]] = []
    for text in texts:
        if isinstance(text, str) and not text.strip():  # blank: no sources, like a missing value
            decoded.append([])
            faults_of.append([])
            continue
        try:
            value = json.loads(text) if isinstance(text, str) else text
        except ValueError as error:
            decoded.append([])
            faults_of.append([("sources", f"not valid JSON ({error.msg}, character {error.pos})")])
            continue
        if isinstance(value, np.ndarray):
            value = value.tolist()
        faults = source_problems(value)
        decoded.append([] if faults and faults[0][0] == "sources" else value)
        faults_of.append(faults)
    # One numpy take, not a million look-ups in Python (1.1 s at 1M, measured on main); rows of one
    # export share a handful of publishers, so they share the decoded lists (pages only read them).
    shared = np.empty(len(decoded) + 1, dtype=object)
    for code, value in enumerate(decoded):
        shared[code] = value
    shared[-1] = []  # code -1: blank
    rows = list(shared[codes])
    faulty = [code for code, faults in enumerate(faults_of) if faults]
    problems = {int(p): faults_of[codes[p]] for p in np.flatnonzero(np.isin(codes, faulty))} if faulty else {}
    return rows, problems

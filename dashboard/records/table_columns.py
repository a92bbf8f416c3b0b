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


def blank_mask(column: pd.Series) -> np.ndarray:
    """Missing, or text of only whitespace."""
    missing = column.isna().to_numpy(dtype=bool)
    if column.dtype == object or isinstance(column.dtype, pd.StringDtype):
        text = column.astype("string")
        missing = missing | text.str.strip().eq("").fillna(True).to_numpy(dtype=bool)
    return missing


def as_text(column: pd.Series) -> pd.Series:
    """Text with blanks as missing; a number or a date in a text column becomes its text."""
    text = column.astype("string").str.strip()
    return text.mask(text.eq(""))


def parse_dates(column: pd.Series) -> Parsed:
    """Dates as datetime64[s]. Text must be ISO (YYYY-MM-DD); a numeric column is refused as a whole,
    since Parquet integers would otherwise be read as nanoseconds after 1970."""
    blank = blank_mask(column)
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        values = column.dt.tz_localize(None) if getattr(column.dt, "tz", None) else column
        return Parsed(values.dt.normalize().astype("datetime64[s]"), np.zeros(len(column), bool))
    if pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
        example = column.dropna()
        shown = f" (e.g. {example.iloc[0]})" if len(example) else ""
        reason = f"holds numbers{shown}, not dates: write YYYY-MM-DD text or a date column"
        return Parsed(pd.Series(pd.NaT, index=column.index, dtype="datetime64[s]"), ~blank, reason)
    text = as_text(column)
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    retry = parsed.isna().to_numpy() & ~blank  # '2014-03-20T00:00:00' and other ISO forms, rare: parsed apart
    if retry.any():
        parsed[retry] = pd.to_datetime(text[retry], format="ISO8601", errors="coerce", utc=True).dt.tz_localize(None)
    bad = parsed.isna().to_numpy() & ~blank
    return Parsed(parsed.dt.normalize().astype("datetime64[s]"), bad)


def parse_counts(column: pd.Series, minimum: int = 0) -> Parsed:
    """Whole numbers >= minimum as Int64; text must be plain digits, numbers must be whole."""
    blank = blank_mask(column)
    if pd.api.types.is_bool_dtype(column.dtype):
        return Parsed(pd.array([pd.NA] * len(column), dtype="Int64"), ~blank)
    if pd.api.types.is_numeric_dtype(column.dtype):
        numbers = pd.to_numeric(column, errors="coerce").astype("Float64")
    else:
        text = as_text(column)
        digits = text.str.fullmatch(f"[0-9]{{1,{MAX_DIGITS}}}").fillna(False).to_numpy(dtype=bool)
        numbers = pd.to_numeric(text.where(digits), errors="coerce").astype("Float64")
    array = numbers.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        good = np.isfinite(array) & (array == np.floor(array)) & (array >= minimum) & (array < 10.0**MAX_DIGITS)
    values = pd.array(np.where(good, array, 0).astype(np.int64), dtype="Int64")
    values[~good] = pd.NA
    return Parsed(pd.Series(values, index=column.index), ~good & ~blank)


def parse_floats(column: pd.Series) -> Parsed:
    """Numbers as Float64; text must read as a number."""
    blank = blank_mask(column)
    if pd.api.types.is_bool_dtype(column.dtype):
        return Parsed(pd.Series(pd.NA, index=column.index, dtype="Float64"), ~blank)
    source = column if pd.api.types.is_numeric_dtype(column.dtype) else as_text(column)
    numbers = pd.to_numeric(source, errors="coerce").astype("Float64")
    array = numbers.to_numpy(dtype=float, na_value=np.nan)
    bad = ~np.isfinite(array) & ~blank
    return Parsed(numbers.mask(pd.Series(bad, index=column.index)), bad)


def parse_categories(column: pd.Series, allowed: tuple[str, ...]) -> Parsed:
    text = as_text(column)
    bad = ~text.isin(allowed).to_numpy(dtype=bool) & ~blank_mask(column)
    return Parsed(text.where(~bad).astype(pd.CategoricalDtype(list(allowed))), bad)


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
    texts = column.astype(object).where(~pd.Series(blank_mask(column), index=column.index), None)
    decoded: dict[str, tuple[list, list[tuple[str, str]]]] = {}
    for text in pd.unique(texts.dropna()):
        try:
            value = json.loads(text) if isinstance(text, str) else text
        except ValueError as error:
            decoded[text] = ([], [("sources", f"not valid JSON ({error.msg}, character {error.pos})")])
            continue
        if isinstance(value, np.ndarray):
            value = value.tolist()
        faults = source_problems(value)
        decoded[text] = ([] if faults and faults[0][0] == "sources" else value, faults)
    rows, problems = [], {}
    for position, text in enumerate(texts):
        value, faults = decoded.get(text, ([], [])) if text is not None else ([], [])
        rows.append(value)
        if faults:
            problems[position] = faults
    return rows, problems

"""Column-at-a-time helpers: a cell parser run once per distinct value, reasons kept per row.

Exports repeat themselves (a million ACLED rows hold a few thousand dates, a dozen precision codes,
a few hundred sources), so a column is factorised and each distinct text parsed once by the same
scalar parser that the property tests exercise; the results are spread back to the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .values import UNKNOWN_TEXT, Reject

STRING = pd.StringDtype("pyarrow")
LONGEST_UNKNOWN = max(len(word) for word in UNKNOWN_TEXT)
UNKNOWN_VALUES = pa.array(sorted(UNKNOWN_TEXT), pa.large_string())


def parse_unique(column: pd.Series, parse: Callable[[str], Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(codes, values, reasons): each row's index into the distinct texts, and per distinct text its
    parsed value (None when rejected) and rejection reason (None when read)."""
    codes, uniques = pd.factorize(column.fillna(""), use_na_sentinel=False)
    values = np.empty(len(uniques), dtype=object)
    reasons = np.empty(len(uniques), dtype=object)
    for position, raw in enumerate(uniques.tolist()):
        try:
            values[position] = parse(raw)
        except Reject as reason:
            reasons[position] = str(reason)
    return codes, values, reasons


def parse_each(column: pd.Series, parse: Callable[[str], Any], numeric: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(values, reasons): each row's parsed value (None when rejected) and its rejection reason (None when not).

    `numeric`: values as a float array, NaN for none (what a nullable numeric column is built from fastest)."""
    codes, values, reasons = parse_unique(column, parse)
    if numeric:
        values = np.array([np.nan if v is None else v for v in values], dtype=float)
    return values[codes], reasons[codes]


def map_each(column: pd.Series, function: Callable[[str], Any]) -> np.ndarray:
    """`function` of each row's text (a blank or missing cell is ""), computed once per distinct text
    (Series.map with a dict converts every Arrow string to a Python object first: far slower)."""
    return parse_each(column, function)[0]


def parse_numbers(column: pd.Series, parse: Callable[[str], Any], low: float, high: float) -> tuple[np.ndarray, np.ndarray]:
    """Like `parse_each` for a column of numbers: one cast in C when every cell is a plain number in
    low..high (or blank); otherwise each distinct text goes through `parse`, which names what is wrong."""
    trimmed = pc.utf8_trim_whitespace(pa.array(column.fillna("").astype(STRING).array))
    try:
        numbers = pc.cast(pc.if_else(pc.equal(trimmed, ""), None, trimmed), pa.float64())
    except pa.ArrowInvalid:
        return parse_each(column, parse, numeric=True)
    values = numbers.to_numpy(zero_copy_only=False)
    if not np.all(np.isnan(values) | ((values >= low) & (values <= high))) or numbers.null_count != np.isnan(values).sum():
        return parse_each(column, parse, numeric=True)
    return values, np.full(len(values), None, dtype=object)


def texts(column: pd.Series) -> pd.Series:
    """Stripped text, missing (NA) for blanks and the codebooks' 'Unknown' spellings."""
    stripped = pc.utf8_trim_whitespace(arrow_text(column))
    short = pc.less_equal(pc.utf8_length(stripped), LONGEST_UNKNOWN)  # only these can be 'unknown': lower just them
    lowered = pc.utf8_lower(pc.if_else(short, stripped, pa.scalar("\x00", pa.large_string())))
    unknown = pc.is_in(lowered, value_set=UNKNOWN_VALUES)
    kept = pc.if_else(unknown, pa.scalar(None, pa.large_string()), stripped)
    return pd.Series(pd.arrays.ArrowStringArray(kept), index=column.index)


def arrow_text(column: pd.Series) -> pa.ChunkedArray:
    """The column's text as Arrow large strings (no copy when it already is), blanks for missing."""
    return pa.chunked_array(pa.array(column.fillna("").astype(STRING).array)).cast(pa.large_string())


def repeated(value: str, size: int) -> pd.arrays.ArrowStringArray:
    """One text for every row, built in Arrow rather than from a list of Python strings."""
    return pd.arrays.ArrowStringArray(pa.chunked_array([pa.repeat(pa.scalar(value, pa.large_string()), size)]))


def first_reason(*reasons: np.ndarray) -> np.ndarray:
    """Per row, the first reason in the order the columns are given (None when every column was read)."""
    chosen = np.empty(len(reasons[0]), dtype=object)
    for column in reversed(reasons):
        chosen = np.where(pd.isna(column), chosen, column)
    return chosen


def json_escaped(column: pd.Series) -> pa.Array:
    """Each value escaped for the inside of a JSON string, as json.dumps(ensure_ascii=False) writes it."""
    escaped = column.fillna("").astype(STRING)
    if not escaped.str.contains(r'[\\"\x00-\x1f]', regex=True).any():
        return pa.array(escaped.array).cast(pa.large_string())  # most columns (codes, numbers, names) need none
    for plain, coded in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        escaped = escaped.str.replace(plain, coded, regex=False)
    controls = escaped.str.contains(r"[\x00-\x1f]", regex=True)
    if controls.any():  # rare: let json.dumps spell them (\u0001 ...)
        import json

        spelled = column.fillna("")[controls].map(lambda v: json.dumps(v, ensure_ascii=False)[1:-1])
        escaped = escaped.where(~controls, spelled)
    return pa.array(escaped.array).cast(pa.large_string())


def json_objects(columns: dict[str, pd.Series]) -> pd.Series:
    """One JSON object per row from named text columns (the export's original values, kept with each record)."""
    import json

    if not columns:
        return pd.Series("{}", index=range(0), dtype=STRING)
    pieces: list[object] = []
    for number, (key, value) in enumerate(columns.items()):
        glue = ("{" if number == 0 else '", ') + json.dumps(key) + ': "'
        pieces += [pa.scalar(glue, pa.large_string()), json_escaped(value)]
    pieces.append(pa.scalar('"}', pa.large_string()))
    joined = pc.binary_join_element_wise(*pieces, pa.scalar("", pa.large_string()))
    return pd.Series(pd.arrays.ArrowStringArray(joined), index=next(iter(columns.values())).index)

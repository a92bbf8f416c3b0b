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

from .values import UNKNOWN_TEXT, Reject

STRING = pd.StringDtype("pyarrow")


def parse_each(column: pd.Series, parse: Callable[[str], Any]) -> tuple[np.ndarray, np.ndarray]:
    """(values, reasons): each row's parsed value (None when rejected) and its rejection reason (None when not)."""
    codes, uniques = pd.factorize(column.fillna(""), use_na_sentinel=False)
    values = np.empty(len(uniques), dtype=object)
    reasons = np.empty(len(uniques), dtype=object)
    for position, raw in enumerate(uniques):
        try:
            values[position] = parse(str(raw))
        except Reject as reason:
            reasons[position] = str(reason)
    return values[codes], reasons[codes]


def texts(column: pd.Series) -> pd.Series:
    """Stripped text, missing (NA) for blanks and the codebooks' 'Unknown' spellings."""
    stripped = column.astype(STRING).str.strip()
    return stripped.mask(stripped.str.lower().isin(UNKNOWN_TEXT))


def first_reason(*reasons: np.ndarray) -> np.ndarray:
    """Per row, the first reason in the order the columns are given (None when every column was read)."""
    chosen = np.empty(len(reasons[0]), dtype=object)
    for column in reversed(reasons):
        chosen = np.where(pd.isna(column), chosen, column)
    return chosen


def json_strings(column: pd.Series) -> pd.Series:
    """Each value as a JSON string literal (quotes included), as json.dumps(ensure_ascii=False) writes it."""
    escaped = column.fillna("").astype(STRING)
    for plain, coded in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        escaped = escaped.str.replace(plain, coded, regex=False)
    controls = escaped.str.contains(r"[\x00-\x1f]", regex=True)
    if controls.any():  # rare: let json.dumps spell them (\u0001 ...)
        import json

        escaped = escaped.where(~controls, column[controls].map(lambda v: json.dumps(v, ensure_ascii=False)[1:-1]))
    return '"' + escaped + '"'


def json_objects(columns: dict[str, pd.Series]) -> pd.Series:
    """One JSON object per row from named text columns (the export's original values, kept with each record)."""
    import json

    pieces = [json.dumps(key) + ": " + json_strings(value) for key, value in columns.items()]
    if not pieces:
        return pd.Series("{}", index=range(0), dtype=STRING)
    joined = pieces[0]
    for piece in pieces[1:]:
        joined = joined + ", " + piece
    return "{" + joined + "}"

"""The canonical table on disk: Parquet (for large data) or CSV, written and read back with its types."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pandas as pd
from pyarrow import ArrowException

from .export import FORMULA_STARTS, to_csv
from .gazetteer import Gazetteer, load_gazetteer
from .problems import DataError, Problem
from .schema import COLUMNS
from .table_validation import check_table

_DEFUSED = "'[" + re.escape("".join(FORMULA_STARTS)) + "]"


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Parquet when the name ends in .parquet, else CSV (spreadsheet-safe, as the download)."""
    if path.suffix.lower() == ".parquet":
        out = frame.copy()
        out["sources"] = [json.dumps(v, ensure_ascii=False, default=str) for v in out["sources"]]
        out.to_parquet(path, index=False)
    else:
        path.write_text(to_csv(frame), encoding="utf-8")


def is_canonical_header(header: list[str]) -> bool:
    return list(header[: len(COLUMNS)]) == list(COLUMNS)


def read_table(path: Path, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """A canonical table written by `write_table` (or downloaded as CSV), with the loader's types.

    Validated by the curated records' rules (see table_validation); DataError lists every problem.
    """
    try:
        if path.suffix.lower() == ".parquet":
            frame = pd.read_parquet(path)
        else:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            for column in frame.columns:  # undo the spreadsheet defusing of the CSV download
                frame[column] = _undefused(frame[column])
    except (OSError, ValueError, ArrowException) as error:
        raise DataError([Problem(str(path), f"cannot be read as a canonical table: {error}")]) from None
    return check_table(frame, str(path), gazetteer or _gazetteer())


@functools.cache
def _gazetteer() -> Gazetteer:
    return load_gazetteer()  # read-only; parsing its YAML took longer than validating 100k rows


def _undefused(column: pd.Series) -> pd.Series:
    """Column by column: a million rows times thirty columns is too many calls for a per-cell map."""
    text = column.astype("string")
    defused = text.str.match(_DEFUSED).fillna(False)
    return text.where(~defused, text.str.slice(1)) if defused.any() else text

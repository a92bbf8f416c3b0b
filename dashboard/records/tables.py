"""The canonical table on disk: Parquet (for large data) or CSV, written and read back with its types."""

from __future__ import annotations

import csv
import functools
import json
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from pyarrow import ArrowException

from .compact import REPEATED_TEXT_COLUMNS, compact
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
    """A canonical table written by `write_table` (or downloaded as CSV), with the loader's types and
    its repeated text as categories (records.compact), from either format.

    Validated by the curated records' rules (see table_validation); DataError lists every problem.
    """
    try:
        if path.suffix.lower() == ".parquet":
            frame = _read_parquet(path)
        else:
            frame = _read_csv_text(path)
            for column in frame.columns:  # undo the spreadsheet defusing of the CSV download
                frame[column] = _undefused(frame[column])
            frame = compact(frame)  # as Parquet's dictionaries read: the same types from both formats
    except (OSError, ValueError, ArrowException) as error:
        raise DataError([Problem(str(path), f"cannot be read as a canonical table: {error}")]) from None
    return check_table(frame, str(path), gazetteer or _gazetteer())


def _read_parquet(path: Path) -> pd.DataFrame:
    """The table with its repeated text columns read as categories (Parquet dictionaries), as the
    dashboard keeps them (records.compact): at a million rows they are validated per category, not
    per row, and never held as a million strings. Other columns keep the types their writer chose."""
    schema = pq.read_schema(path)
    repeated = [
        name
        for name in REPEATED_TEXT_COLUMNS
        if name in schema.names
        and (pa.types.is_string(schema.field(name).type) or pa.types.is_large_string(schema.field(name).type))
    ]
    table = pq.read_table(path, read_dictionary=repeated)
    return table.to_pandas(split_blocks=True, self_destruct=True)  # no second copy of the table


@functools.cache
def _gazetteer() -> Gazetteer:
    return load_gazetteer()  # read-only; parsing its YAML took longer than validating 100k rows


def _read_csv_text(path: Path) -> pd.DataFrame:
    """Every cell as text, strictly: a row with fewer or more cells than the header is an error naming
    it (pandas would pad a short row with blanks and say nothing)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        names = next(csv.reader(handle), [])
    table = pacsv.read_csv(
        path,
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={name: pa.string() for name in names}, strings_can_be_null=False, quoted_strings_can_be_null=False
        ),
    )
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype()}.get)


def _undefused(column: pd.Series) -> pd.Series:
    """Column by column: a million rows times thirty columns is too many calls for a per-cell map."""
    text = column.astype("string")
    defused = text.str.match(_DEFUSED).fillna(False)
    return text.where(~defused, text.str.slice(1)) if defused.any() else text

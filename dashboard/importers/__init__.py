"""Bring your own incidents: ACLED, UCDP GED and GTD exports into the canonical table.

Pure (no Streamlit). The import streams: the file is read in chunks, converted column by column and
written to Parquet a row group at a time (`import_to_table`), so a file of any length imports in
bounded memory. `import_file` runs the same path and reads the table back for the app. Every row is
accounted for: imported, or rejected with its line and reason, and read = imported + rejected.
"""

from __future__ import annotations

import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.records.export import to_csv
from dashboard.records.gazetteer import Gazetteer, load_gazetteer
from dashboard.records.schema import CATEGORY_COLUMNS
from dashboard.records.tables import read_table

from .pipeline import FORMATS, Progress, detect_format, start_import
from .report import ImportReport, Rejection

# Columns with few distinct values, stored as dictionaries; the rest (titles, notes, ids, originals)
# are not tried, which halves the time Parquet takes to write a million ACLED rows.
DICTIONARY_COLUMNS = [*CATEGORY_COLUMNS, "country", "province", "date_basis", "location_basis", "casualty_note"]
DICTIONARY_COLUMNS += ["perpetrator", "actor", "claim_note", "sources", "source_dataset"]

__all__ = ["FORMATS", "ImportReport", "ImportResult", "Rejection", "detect_format", "import_file", "import_to_table"]


@dataclass
class ImportResult:
    frame: pd.DataFrame
    report: ImportReport


def import_to_table(
    path: str | Path, out: Path, fmt: str | None = None, progress: Progress | None = None, gazetteer: Gazetteer | None = None
) -> ImportReport:
    """Import an export into a canonical table file (.parquet, in row groups, or .csv) and return the report.

    Raises DataError naming the file when it cannot be read at all or is not an ACLED, UCDP GED or GTD export.
    """
    job = start_import(Path(path), fmt, gazetteer or load_gazetteer(), progress)
    if out.suffix.lower() == ".parquet":
        _write_parquet(job.frames, out)
    else:
        _write_csv(job.frames, out)
    return job.report


def _write_parquet(frames, out: Path) -> None:
    writer = None
    try:
        for frame in frames:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(out, table.schema, use_dictionary=DICTIONARY_COLUMNS)
            writer.write_table(table.cast(writer.schema))
    finally:
        if writer is not None:
            writer.close()


def _write_csv(frames, out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        for number, frame in enumerate(frames):
            decoded = frame.assign(sources=[json.loads(text) for text in frame["sources"]])
            text = to_csv(decoded)
            handle.write(text if number == 0 else text.split("\n", 1)[1])


def import_file(
    path: str | Path, fmt: str | None = None, progress: Progress | None = None, gazetteer: Gazetteer | None = None
) -> ImportResult:
    """Import an export and hold the canonical table in memory (the app's upload and DASHBOARD_DATA).

    The same streaming path as the command line, through a temporary Parquet file that is read back
    with the loader's types. Raises DataError when the file is not one of the three exports.
    """
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "import.parquet"
        report = import_to_table(path, table, fmt, progress, gazetteer)
        frame = read_table(table)
    return ImportResult(frame, report)


def report_text(result: ImportResult) -> str:
    buffer = io.StringIO()
    for line in result.report.summary():
        buffer.write(line + "\n")
    return buffer.getvalue()

"""Any data the dashboard can open: the curated YAML, a canonical table (Parquet or CSV), or a raw
ACLED, UCDP GED or GTD export (imported on the way in). `DASHBOARD_DATA` and the app use this."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .importers import FORMATS, ImportResult, import_file
from .records.compact import compact
from .records.loader import Dataset, dataset_path, load_dataset
from .records.problems import DataError, Problem
from .records.tables import is_canonical_header, read_table


def _csv_header(path: Path) -> list[str]:
    with path.open("rb") as handle:
        first = handle.readline().decode("utf-8-sig", errors="replace")
    return next(csv.reader(io.StringIO(first)), [])


def imported_dataset(result: ImportResult, path: Path) -> Dataset:
    report = result.report
    meta = {
        "name": f"{FORMATS[report.format].LABEL} export: {path.name}",
        "version": f"imported from {path.name}",
        "import_report": report.summary(),
    }
    return Dataset(result.frame, path, meta, None)


def load_source(path: str | Path | None = None) -> Dataset:
    """Open whatever the path holds, compacted for memory; DataError (naming the file) when it is
    none of the known kinds."""
    dataset = _open_source(dataset_path(path))
    return Dataset(compact(dataset.frame), dataset.path, dataset.meta, dataset.article)


def _open_source(path: Path) -> Dataset:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return load_dataset(path)
    if not path.exists():
        raise DataError([Problem(str(path), "file not found")])
    if suffix == ".parquet" or (suffix == ".csv" and is_canonical_header(_csv_header(path))):
        frame = read_table(path)
        return Dataset(frame, path, {"name": f"Incidents from {path.name}", "version": path.name}, None)
    if suffix in (".csv", ".xlsx", ".xlsm"):
        return imported_dataset(import_file(path), path)
    raise DataError([Problem(str(path), "not a dataset: expected .yaml, .parquet, or a .csv/.xlsx export")])

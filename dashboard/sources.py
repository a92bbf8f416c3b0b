"""Any data the dashboard can open: the curated YAML, a canonical table (Parquet or CSV), or a raw
ACLED, UCDP GED or GTD export (imported on the way in). `DASHBOARD_DATA` and the app use this."""

from __future__ import annotations

import csv
import ctypes
import io
from pathlib import Path

import pyarrow as pa

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
    opened = Dataset(compact(dataset.frame), dataset.path, dataset.meta, dataset.article)
    give_back_freed_memory()
    return opened


def give_back_freed_memory() -> None:
    """Return to the system what reading and validating a table freed. The allocators keep freed
    memory for reuse: at a million rows the server held 840 MB after loading a 309 MB frame, 412 MB
    once pyarrow's pool and C's malloc gave it back (measured here). A server keeps the data for
    days, so that memory would stay taken."""
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # glibc only; trims every thread's arena
    except (OSError, AttributeError):
        pass  # another C library: its allocator keeps the memory for reuse, nothing else is lost


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

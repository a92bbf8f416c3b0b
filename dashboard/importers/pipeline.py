"""The streaming import: batches in, canonical batches out, and a report that accounts for every row.

    read (pyarrow, by chunks) -> convert (column by column) -> finalise -> write (Parquet row groups)

Memory holds one batch at a time, plus 16 bytes a row to find duplicate ids.
"""

from __future__ import annotations

import queue
import threading
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.records.gazetteer import Gazetteer
from dashboard.records.problems import DataError, Problem
from dashboard.records.province_check import BASIS_COLUMN, STATED

from . import acled, gtd, ucdp
from .canonical import SeenIds, canonical_batch, finalise_batch, records_columns
from .context import Context
from .dates import decide_order
from .reading import Batch, Source, Unreadable, is_tag_row, open_source
from .report import ImportReport, Rejection
from .values import Reject

FORMATS: dict[str, ModuleType] = {"acled": acled, "ucdp": ucdp, "gtd": gtd}
TAG_ROWS_CHECKED = 5  # HXL hashtag rows sit right under the header
Progress = Callable[[int, float], None]  # (rows read so far, share of the file read)


def prefetched(batches: Iterator[Batch]) -> Iterator[Batch]:
    """The batches, the next one read and parsed in a thread while this one is converted: pyarrow and
    NumPy release the GIL, so on two cores reading and converting overlap. Errors reach the caller."""
    waiting: queue.Queue = queue.Queue(maxsize=1)
    done = object()

    def read() -> None:
        try:
            for batch in batches:
                waiting.put(batch)
        except (OSError, EOFError, KeyError, ValueError, zipfile.BadZipFile) as error:  # a workbook broken past its start
            waiting.put(Unreadable(f"{type(error).__name__}: {error}"))
        except BaseException as error:  # anything else is a bug: raised in the consumer as it is
            waiting.put(error)
        waiting.put(done)

    threading.Thread(target=read, daemon=True, name="import-reader").start()
    while (item := waiting.get()) is not done:
        if isinstance(item, BaseException):
            raise item
        yield item


def detect_format(header: list[str]) -> str | None:
    for name, module in FORMATS.items():
        if module.matches(header):
            return name
    return None


def open_export(path: Path, fmt: str | None) -> tuple[Source, str]:
    """The opened file and its format; DataError naming the file when it cannot be read or is no export."""
    try:
        source = open_source(path)
    except (Unreadable, OSError) as error:
        raise DataError([Problem(str(path), f"cannot be read: {error}")]) from None
    chosen = fmt or detect_format(source.header)
    if chosen not in FORMATS:
        shown = ", ".join(source.header[:6])
        raise DataError([Problem(str(path), f"not an ACLED, UCDP GED or GTD export (header starts: {shown})")])
    return source, chosen


def _column_of(table: pa.Table, name: str) -> pa.ChunkedArray | None:
    for column in table.column_names:
        if column.lower() == name:
            return table.column(column)
    return None


def _decide_orders(path: Path, module: ModuleType, first: Batch, semicolon: bool) -> dict:
    """Day-first or month-first per date column, from the first batch or, when it cannot tell, the whole file."""
    orders = {}
    for name in module.DATE_FIELDS:
        column = _column_of(first.table, name)
        if column is None:
            continue
        order = decide_order(set(column.to_pylist()), semicolon)
        if not order.settled and any("/" in v or "." in v for v in set(column.to_pylist())):
            values: set[str] = set()
            for batch in open_source(path).batches:  # a second pass, over this column only
                found = _column_of(batch.table, name)
                values.update(found.to_pylist() if found is not None else [])
            order = decide_order(values, semicolon)
        orders[name] = order
    return orders


@dataclass
class Import:
    """One import under way: iterate `frames` (canonical batches); `report` is complete when they end."""

    report: ImportReport
    frames: Iterator[pd.DataFrame]
    location_counts: Counter = field(default_factory=Counter)
    date_counts: Counter = field(default_factory=Counter)


def start_import(path: Path, fmt: str | None, gazetteer: Gazetteer, progress: Progress | None = None) -> Import:
    source, chosen = open_export(path, fmt)
    module = FORMATS[chosen]
    report = ImportReport(path.name, chosen, module.LABEL, source.encoding, source.delimiter)
    job = Import(report, iter(()))
    job.frames = _frames(job, path, source, module, gazetteer, progress)
    return job


def _frames(
    job: Import, path: Path, source: Source, module: ModuleType, gazetteer: Gazetteer, progress
) -> Iterator[pd.DataFrame]:
    report, seen, context = job.report, SeenIds(), Context()
    first = True
    try:
        for batch in prefetched(source.batches):
            if first:
                context.orders = _decide_orders(path, module, batch, source.delimiter == ";")
            frame, rejected = _convert(module, batch, context, first)
            first = False
            kept, more, mismatches = finalise_batch(frame, gazetteer, seen)
            report.province_warnings += mismatches
            report.read += batch.table.num_rows + len(batch.problems)
            report.rejected += [Rejection(line, reason) for line, reason in batch.problems] + rejected + more
            report.not_utf8 += batch.not_utf8
            report.imported += len(kept)
            _account(job, kept)
            if progress:
                progress(report.read, batch.done)
            yield kept
    except Unreadable as error:
        raise DataError([Problem(str(path), f"cannot be read past row {report.read + 1}: {error}")]) from None
    if first:  # nothing after the header: still a table, with no rows
        yield canonical_batch({}, np.array([], dtype=np.int64), module.NAME)
    report.rejected.sort(key=lambda r: r.line)
    report.date_formats = [text for r in context.reports.values() if (text := r.describe())]
    for counts, target in ((job.location_counts, report.location_precision), (job.date_counts, report.date_precision)):
        total = sum(counts.values())
        target.update({key: n / total for key, n in counts.most_common() if n})


def _account(job: Import, kept: pd.DataFrame) -> None:
    if kept.empty:
        return
    span = (kept["date_start"].min().date(), kept["date_end"].max().date())
    known = job.report.date_span
    job.report.date_span = span if known is None else (min(known[0], span[0]), max(known[1], span[1]))
    job.location_counts.update(kept["location_precision"].value_counts().to_dict())
    job.date_counts.update(kept["date_precision"].value_counts().to_dict())
    basis = kept[BASIS_COLUMN]
    job.report.provinces_derived += int(((basis != STATED) & basis.notna()).sum())


def _tag_rows(batch: Batch) -> np.ndarray:
    tags = np.zeros(batch.table.num_rows, dtype=bool)
    for index, row in enumerate(batch.table.slice(0, TAG_ROWS_CHECKED).to_pylist()):
        tags[index] = is_tag_row(list(row.values()))
    return tags


def _convert(module: ModuleType, batch: Batch, context: Context, first: bool) -> tuple[pd.DataFrame, list[Rejection]]:
    """The batch's canonical rows (those that convert) and a rejection for each that does not."""
    tags = _tag_rows(batch) if first else np.zeros(batch.table.num_rows, dtype=bool)
    if hasattr(module, "convert_batch"):
        columns, reasons = module.convert_batch(batch.table, context)
    else:
        columns, reasons = _convert_rows(module, batch, context, tags)
    reasons = np.where(tags, "HXL hashtag row (labels for machines, not an event)", reasons)
    rejected = [
        Rejection(int(line), str(reason)) for line, reason in zip(batch.lines, reasons, strict=True) if reason is not None
    ]
    keep = pd.isna(reasons)
    frame = canonical_batch(columns, batch.lines, module.NAME)
    return frame[keep].reset_index(drop=True), rejected


def _convert_rows(module: ModuleType, batch: Batch, context: Context, tags: np.ndarray) -> tuple[dict, np.ndarray]:
    """Row-by-row converters (UCDP GED, GTD): each row a record or a reason."""
    reasons = np.empty(batch.table.num_rows, dtype=object)
    records = []
    blank = {"id": None, "source_values": {}, "source_id": ""}
    for index, values in enumerate(batch.table.to_pylist()):
        try:
            records.append(blank if tags[index] else module.convert(values, context))
        except Reject as reason:
            reasons[index] = str(reason)
            records.append(blank)
    return records_columns(records), reasons

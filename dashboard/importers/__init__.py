"""Bring your own incidents: ACLED, UCDP GED and GTD exports into the canonical table.

Pure (no Streamlit). `import_file` reads a file, recognises its format from the header (or is told
it), converts every row by its codebook and accounts for every row: each is imported or rejected
with its line and reason, and read = imported + rejected.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pandas as pd

from dashboard.records.gazetteer import Gazetteer, load_gazetteer
from dashboard.records.loader import build_frame
from dashboard.records.problems import DataError, Problem
from dashboard.records.province_check import BASIS_COLUMN, STATED, ProvinceMismatch, derive_provinces

from . import acled, gtd, ucdp
from .reading import Row, is_tag_row, read_table
from .values import Reject

FORMATS: dict[str, ModuleType] = {"acled": acled, "ucdp": ucdp, "gtd": gtd}
SOURCE_COLUMNS = ("source_dataset", "source_row", "source_id", "source_values")
PROGRESS_EVERY = 2000
ENCODING_NAMES = {
    "utf-8-sig": "UTF-8",
    "cp1252": "Windows-1252 (not UTF-8)",
    "latin-1": "Latin-1 (not UTF-8)",
    "xlsx": "Excel workbook",
}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str


@dataclass
class ImportReport:
    source: str
    format: str
    encoding: str
    read: int = 0
    imported: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    date_span: tuple[dt.date, dt.date] | None = None
    location_precision: dict[str, float] = field(default_factory=dict)  # share of imported rows
    date_precision: dict[str, float] = field(default_factory=dict)
    provinces_derived: int = 0  # rows given the province their point lies in (none stated, or an unknown name)
    province_warnings: list[ProvinceMismatch] = field(default_factory=list)  # stated province and point disagree

    @property
    def reconciles(self) -> bool:
        return self.read == self.imported + len(self.rejected)

    def rejected_by_reason(self) -> Counter[str]:
        # Reasons quote values ("fatalities 'x' is not a number"); count them without the values.
        return Counter(re.sub(r"'[^']*'|\b\d[\d.-]*\b", "…", r.reason) for r in self.rejected)

    def summary(self) -> list[str]:
        lines = [
            f"{self.source}: {FORMATS[self.format].LABEL} export, {ENCODING_NAMES.get(self.encoding, self.encoding)}",
            f"rows read {self.read}, imported {self.imported}, rejected {len(self.rejected)}"
            + ("" if self.reconciles else "  (DOES NOT RECONCILE)"),
        ]
        if self.rejected:
            lines.append(
                "rejected by reason: " + "; ".join(f"{reason} ({n})" for reason, n in self.rejected_by_reason().most_common())
            )
        if self.date_span:
            lines.append(f"dates {self.date_span[0]} to {self.date_span[1]}")
        for name, shares in (("location precision", self.location_precision), ("date precision", self.date_precision)):
            if shares:
                lines.append(f"{name}: " + ", ".join(f"{key} {share:.0%}" for key, share in shares.items()))
        if self.provinces_derived:
            lines.append(
                f"province derived from coordinates (none stated, or a name not in the gazetteer): {self.provinces_derived}"
            )
        if self.province_warnings:
            lines.append(
                f"warning: {len(self.province_warnings)} row(s) state a province their point is not in "
                "(1:10m borders, so a point near one may be right)"
            )
            lines += [f"warning: {mismatch}" for mismatch in self.province_warnings[:5]]
            if len(self.province_warnings) > 5:
                lines.append(f"warning: … and {len(self.province_warnings) - 5} more")
        return lines

    def rejections_csv(self) -> str:
        return pd.DataFrame([(r.line, r.reason) for r in self.rejected], columns=["line", "reason"]).to_csv(index=False)


@dataclass
class ImportResult:
    frame: pd.DataFrame
    report: ImportReport


def detect_format(header: list[str]) -> str | None:
    for name, module in FORMATS.items():
        if module.matches(header):
            return name
    return None


def _place_by_province(record: dict, gazetteer: Gazetteer) -> None:
    """No coordinates but a known province: the province's representative point, marked as province-precise.

    This is what GTD's specificity 4 and UCDP's where_prec 4 do themselves; nothing finer is claimed.
    """
    if record["location_precision"] == "country":
        record["lat"] = record["lon"] = None  # a country's centroid is not a place; not drawn
        return
    if record["lat"] is not None and record["lon"] is not None:
        return
    name = gazetteer.canonical_province(record["province"]) if record["province"] else None
    province = gazetteer.provinces.get(name) if name else None
    if province is None or province.country != record["country"]:
        record["lat"] = record["lon"] = None
        return
    record["lat"], record["lon"] = province.lat, province.lon
    record["location_precision"] = "province"
    record["location_basis"] = (
        record.get("location_basis") or ""
    ) + "; no coordinates in the export: the province's point (gazetteer)"


def import_file(
    path: str | Path, fmt: str | None = None, progress: Progress | None = None, gazetteer: Gazetteer | None = None
) -> ImportResult:
    """Import an ACLED, UCDP GED or GTD export. Raises DataError when the file is not one of them."""
    path = Path(path)
    try:
        table = read_table(path)
    except (OSError, ValueError) as error:
        raise DataError([Problem(str(path), f"cannot be read: {error}")]) from None
    chosen = fmt or detect_format(table.header)
    if chosen not in FORMATS:
        shown = ", ".join(table.header[:6])
        raise DataError([Problem(str(path), f"not an ACLED, UCDP GED or GTD export (header starts: {shown})")])
    module = FORMATS[chosen]
    gazetteer = gazetteer or load_gazetteer()
    report = ImportReport(path.name, chosen, table.encoding)
    report.read = len(table.rows) + len(table.problems)
    report.rejected += [Rejection(line, reason) for line, reason in table.problems]
    records: list[dict] = []
    first_line: dict[str, int] = {}
    for done, row in enumerate(table.rows, start=1):
        record = _convert(module, row, report)
        if record is not None:
            if record["id"] in first_line:
                report.rejected.append(
                    Rejection(row.line, f"duplicate id {record['id']} (first at line {first_line[record['id']]})")
                )
            else:
                first_line[record["id"]] = row.line
                _place_by_province(record, gazetteer)
                records.append(record)
        if progress and (done % PROGRESS_EVERY == 0 or done == len(table.rows)):
            progress(done, len(table.rows))
    report.rejected.sort(key=lambda r: r.line)
    frame, report.province_warnings = derive_provinces(canonical_frame(records, gazetteer, chosen))
    report.provinces_derived = int(((frame[BASIS_COLUMN] != STATED) & frame[BASIS_COLUMN].notna()).sum())
    report.imported = len(frame)
    _describe(report, frame)
    return ImportResult(frame, report)


def _convert(module: ModuleType, row: Row, report: ImportReport) -> dict | None:
    if is_tag_row(row.values):
        report.rejected.append(Rejection(row.line, "HXL hashtag row (labels for machines, not an event)"))
        return None
    try:
        record = module.convert(row.values)
    except Reject as reason:
        report.rejected.append(Rejection(row.line, str(reason)))
        return None
    record["source_row"] = row.line
    return record


def canonical_frame(records: list[dict], gazetteer: Gazetteer, dataset: str) -> pd.DataFrame:
    frame = build_frame(records, gazetteer)
    frame["source_dataset"] = pd.array([dataset] * len(frame), dtype="string")
    frame["source_row"] = pd.array([r["source_row"] for r in records], dtype="Int64")
    frame["source_id"] = pd.array([str(r["source_id"]) for r in records], dtype="string")
    frame["source_values"] = pd.array([json.dumps(r["source_values"], ensure_ascii=False) for r in records], dtype="string")
    return frame


def _describe(report: ImportReport, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    report.date_span = (frame["date_start"].min().date(), frame["date_end"].max().date())
    for column, target in (("location_precision", report.location_precision), ("date_precision", report.date_precision)):
        shares = frame[column].value_counts(normalize=True, sort=True)
        target.update({str(k): float(v) for k, v in shares.items() if v > 0})


def report_text(result: ImportResult) -> str:
    buffer = io.StringIO()
    for line in result.report.summary():
        buffer.write(line + "\n")
    return buffer.getvalue()

"""The import report: every row read is imported or rejected with its line and reason, and it says how
the file was read (delimiter, encoding row by row, date formats)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from dashboard.records.province_check import ProvinceMismatch

ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (with a byte-order mark)", "xlsx": "Excel workbook"}
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
FALLBACK_NAMES = {"cp1252": "Windows-1252", "latin-1": "Latin-1"}
SHOWN_LINES = 10


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str


@dataclass
class ImportReport:
    source: str
    format: str
    label: str
    encoding: str
    delimiter: str = ","
    read: int = 0
    imported: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    not_utf8: list[tuple[int, str]] = field(default_factory=list)  # (line, encoding it was read in)
    date_formats: list[str] = field(default_factory=list)  # one line per date column: shapes and order rule
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

    def encoding_text(self) -> str:
        if not self.not_utf8:
            return ENCODING_NAMES.get(self.encoding, self.encoding)
        used = sorted({FALLBACK_NAMES.get(name, name) for _, name in self.not_utf8})
        return f"UTF-8 except {len(self.not_utf8)} row(s) in {' or '.join(used)} (not UTF-8)"

    def summary(self) -> list[str]:
        where = "" if self.encoding == "xlsx" else f", {DELIMITER_NAMES.get(self.delimiter, self.delimiter)}-delimited"
        lines = [
            f"{self.source}: {self.label} export, {self.encoding_text()}{where}",
            f"rows read {self.read}, imported {self.imported}, rejected {len(self.rejected)}"
            + ("" if self.reconciles else "  (DOES NOT RECONCILE)"),
        ]
        if self.not_utf8:
            shown = ", ".join(str(line) for line, _ in self.not_utf8[:SHOWN_LINES])
            more = f" and {len(self.not_utf8) - SHOWN_LINES} more" if len(self.not_utf8) > SHOWN_LINES else ""
            lines.append(f"rows not in UTF-8, read as Windows-1252: lines {shown}{more}")
        lines += self.date_formats
        if self.rejected:
            lines.append(
                "rejected by reason: " + "; ".join(f"{reason} ({n})" for reason, n in self.rejected_by_reason().most_common())
            )
        if self.date_span:
            lines.append(f"dates {self.date_span[0]} to {self.date_span[1]}")
        for name, shares in (("location precision", self.location_precision), ("date precision", self.date_precision)):
            if shares:
                lines.append(f"{name}: " + ", ".join(f"{key} {share:.0%}" for key, share in shares.items()))
        return lines + self._province_lines()

    def _province_lines(self) -> list[str]:
        lines = []
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

    def describe(self, frame: pd.DataFrame) -> None:
        """Date span and precision shares of the imported table."""
        if frame.empty:
            return
        self.date_span = (frame["date_start"].min().date(), frame["date_end"].max().date())
        for column, target in (("location_precision", self.location_precision), ("date_precision", self.date_precision)):
            shares = frame[column].value_counts(normalize=True, sort=True)
            target.update({str(k): float(v) for k, v in shares.items() if v > 0})

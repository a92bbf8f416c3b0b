"""Read a messy export into rows that remember their line: any encoding, quoted newlines, XLSX too."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Tried in order. UTF-8 (with or without a byte-order mark) first; Windows-1252 is what spreadsheet
# exports on Windows write; Latin-1 decodes any byte, so reading never fails, and the report says which.
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
csv.field_size_limit(10_000_000)  # long free-text notes in one cell


@dataclass(frozen=True)
class Row:
    line: int  # the physical line (CSV) or sheet row (XLSX) where the record starts, counting the header as 1
    values: dict[str, str]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[Row]
    encoding: str
    problems: list[tuple[int, str]]  # (line, reason) for rows that are not records (wrong width)


def decode(raw: bytes) -> tuple[str, str]:
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def read_csv(raw: bytes) -> Table:
    """Rows keyed by the header, each with the line it starts on (a quoted field may span lines)."""
    text, encoding = decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] = []
    rows: list[Row] = []
    problems: list[tuple[int, str]] = []
    start = 1
    for fields in reader:
        if not header:
            header = [name.strip() for name in fields]
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not any(field.strip() for field in fields):
            continue  # a blank line is not a row
        if len(fields) != len(header):
            problems.append((line, f"{len(fields)} fields where the header has {len(header)}"))
            continue
        rows.append(Row(line, dict(zip(header, fields, strict=True))))
    return Table(header, rows, encoding, problems)


def read_xlsx(path: Path) -> Table:
    """The first sheet of a workbook, every cell as text, read by pandas with openpyxl."""
    import pandas as pd

    sheet = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    header = [str(name).strip() for name in sheet.columns]
    rows = [
        Row(number + 2, dict(zip(header, (str(v) for v in values), strict=True)))
        for number, values in enumerate(sheet.itertuples(index=False, name=None))
    ]
    return Table(header, rows, "xlsx", [])


def read_table(path: Path) -> Table:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_csv(path.read_bytes())


def is_tag_row(values: dict[str, str]) -> bool:
    """An HXL hashtag row (`#date+start`, `#adm1+name`): labels for machines, not an event."""
    filled = [v.strip() for v in values.values() if v.strip()]
    return bool(filled) and all(v.startswith("#") for v in filled)


def chunks(rows: list[Row], size: int) -> Iterator[list[Row]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]

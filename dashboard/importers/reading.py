"""Read an export as batches of text columns whose rows remember their physical line.

CSV: a UTF-8 byte-order mark is dropped; the delimiter is whichever of `,` `;` and tab the header
uses most (European spreadsheets write `;`); CRLF, blank rows (`,,,,` too) and trailing empty
columns are what spreadsheets write and are read through. pyarrow parses each chunk; a chunk it
disagrees about (a row of the wrong width, a stray quote) is re-read with Python's csv module so that
every row still gets its exact line and reason. XLSX: the first sheet, streamed by openpyxl.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from .chunks import MAX_RECORD_BYTES, Chunk, read_chunks

BOM = b"\xef\xbb\xbf"
DELIMITERS = (",", ";", "\t")
XLSX_BATCH_ROWS = 20_000
csv.field_size_limit(MAX_RECORD_BYTES + 1)  # longer rows are refused by the chunker before csv sees them


class Unreadable(Exception):
    """The file cannot be read at all; the message says why, in words for the person who brought it."""


@dataclass
class Batch:
    table: pa.Table  # every column text, named by the header
    lines: np.ndarray  # the physical line (CSV) or sheet row (XLSX) of each row, the header being 1
    problems: list[tuple[int, str]] = field(default_factory=list)  # rows that are not records
    not_utf8: list[tuple[int, str]] = field(default_factory=list)
    done: float = 0.0  # share of the file read so far


@dataclass(frozen=True)
class Source:
    header: list[str]  # names as written (stripped), trailing empty ones dropped
    delimiter: str
    encoding: str  # "utf-8", "utf-8-sig" (with a byte-order mark) or "xlsx"
    batches: Iterator[Batch]


def _names(header: list[str]) -> list[str]:
    """Unique, non-empty column names for the parser (a spreadsheet's empty trailing columns get placeholders)."""
    seen: set[str] = set()
    names = []
    for number, name in enumerate(header, start=1):
        name = name or f"(column {number})"
        while name in seen:
            name += " (again)"
        seen.add(name)
        names.append(name)
    return names


def open_csv(path: Path) -> Source:
    with path.open("rb") as handle:
        start = handle.read(3)
        if start[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise Unreadable("is UTF-16 text (Excel's 'Unicode text'); save it as 'CSV UTF-8' and import that")
        bom = start == BOM
        handle.seek(3 if bom else 0)
        first = handle.readline(MAX_RECORD_BYTES)
        while first.count(b'"') % 2 and len(first) < MAX_RECORD_BYTES:  # a quoted header name spanning lines
            more = handle.readline(MAX_RECORD_BYTES)
            if not more:
                break
            first += more
        header_end = handle.tell()
    try:
        text = first.decode("utf-8")
    except UnicodeDecodeError:
        text = first.decode("cp1252", errors="replace")
    delimiter = max(DELIMITERS, key=text.count)
    header = [name.strip() for name in next(csv.reader([text.rstrip("\r\n")], delimiter=delimiter), [])]
    while header and not header[-1]:
        header.pop()
    lines = 1 + first.count(b"\n")
    size = max(path.stat().st_size, 1)
    names = _names(header)
    width = len(next(csv.reader([text.rstrip("\r\n")], delimiter=delimiter), []))
    padded = names + [f"(trailing {n})" for n in range(width - len(names))]

    def batches() -> Iterator[Batch]:
        with path.open("rb") as handle:
            handle.seek(header_end)
            for chunk in read_chunks(handle, lines, delimiter, header_end):
                table, lines_of_rows, problems = _parse(chunk, padded, len(names), delimiter)
                yield Batch(table, lines_of_rows, chunk.problems + problems, chunk.not_utf8, chunk.offset / size)

    return Source(header, delimiter, "utf-8-sig" if bom else "utf-8", batches())


def _empty(names: list[str]) -> pa.Table:
    return pa.table({name: pa.array([], pa.string()) for name in names})


def _parse(chunk: Chunk, padded: list[str], width: int, delimiter: str) -> tuple[pa.Table, np.ndarray, list]:
    """pyarrow's parse of the chunk, or Python's when pyarrow finds rows it cannot square with the header."""
    if not chunk.data:
        return _empty(padded[:width]), chunk.lines, []
    invalid: list = []
    try:
        table = pacsv.read_csv(
            io.BytesIO(chunk.data),
            read_options=pacsv.ReadOptions(column_names=padded, block_size=1 << 22),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=lambda row: invalid.append(row) or "skip",
            ),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(padded, pa.string()), strings_can_be_null=False),
        )
    except pa.ArrowException:
        return _parse_slowly(chunk, padded, width, delimiter)
    if invalid or table.num_rows != len(chunk.lines) or not _trailing_empty(table, width):
        return _parse_slowly(chunk, padded, width, delimiter)
    return table.select(range(width)), chunk.lines, []


def _trailing_empty(table: pa.Table, width: int) -> bool:
    return all(pc.all(pc.equal(table.column(i), "")).as_py() is not False for i in range(width, table.num_columns))


def _parse_slowly(chunk: Chunk, padded: list[str], width: int, delimiter: str) -> tuple[pa.Table, np.ndarray, list]:
    """Python's csv module on one chunk: exact lines, and a reason for each row that is not a record."""
    relative = chunk.relative_lines
    reader = csv.reader(io.StringIO(chunk.data.decode("utf-8"), newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    problems: list[tuple[int, str]] = []
    begin = 0
    try:
        for fields in reader:
            index = int(np.searchsorted(relative, begin, side="right")) - 1
            line = int(chunk.lines[index]) + begin - int(relative[index])
            begin = reader.line_num
            while len(fields) > width and not fields[-1].strip():
                fields.pop()  # a spreadsheet's trailing empty cells
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != width:
                problems.append((line, f"{len(fields)} fields where the header has {width}"))
                continue
            rows.append(fields)
            lines.append(line)
    except csv.Error as error:
        problems.append(
            (int(chunk.lines[0]) + begin, f"cannot be read as CSV ({error}); the rest of this part of the file was not read")
        )
    columns = list(zip(*rows, strict=True)) if rows else [()] * width
    table = pa.table({name: pa.array(column, pa.string()) for name, column in zip(padded[:width], columns, strict=True)})
    return table, np.array(lines, dtype=np.int64), problems


def _cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def open_xlsx(path: Path) -> Source:
    """The first sheet, streamed (openpyxl's read-only mode), every cell as text."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            header_cells = next(book.worksheets[0].iter_rows(values_only=True), ())
        finally:
            book.close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, IndexError) as error:
        raise Unreadable(f"is not an Excel workbook that can be opened ({type(error).__name__}: {error})") from None
    header = [_cell_text(v).strip() for v in header_cells]
    while header and not header[-1]:
        header.pop()
    names = _names(header)
    width = len(names)

    def batches() -> Iterator[Batch]:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            values: list[list[str]] = []
            lines: list[int] = []
            for number, cells in enumerate(book.worksheets[0].iter_rows(min_row=2, values_only=True), start=2):
                texts = [_cell_text(v) for v in cells[:width]]
                if any(t.strip() for t in texts):
                    values.append(texts + [""] * (width - len(texts)))
                    lines.append(number)
                if len(values) == XLSX_BATCH_ROWS:
                    yield _xlsx_batch(values, lines, names)
                    values, lines = [], []
            yield _xlsx_batch(values, lines, names)
        finally:
            book.close()

    return Source(header, ",", "xlsx", batches())


def _xlsx_batch(values: list[list[str]], lines: list[int], names: list[str]) -> Batch:
    columns = list(zip(*values, strict=True)) if values else [()] * len(names)
    table = pa.table({name: pa.array(column, pa.string()) for name, column in zip(names, columns, strict=True)})
    return Batch(table, np.array(lines, dtype=np.int64))


def open_source(path: Path) -> Source:
    """Raises Unreadable (or OSError) when the file cannot be read at all."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return open_xlsx(path)
    return open_csv(path)


def is_tag_row(values: list[str]) -> bool:
    """An HXL hashtag row (`#date+start`, `#adm1+name`): labels for machines, not an event."""
    filled = [v.strip() for v in values if v.strip()]
    return bool(filled) and all(v.startswith("#") for v in filled)

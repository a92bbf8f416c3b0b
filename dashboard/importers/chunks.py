"""A CSV export cut into chunks of whole records, in bounded memory, each record with its physical line.

Record ends are found with NumPy: a newline ends a record when an even number of quote characters
precedes it (a quoted field's newlines and doubled quotes keep the count odd or even as they should).
Each record is decoded on its own: UTF-8 when it is, else Windows-1252 (else Latin-1, which reads any
byte), so one Windows-saved row does not turn the file's UTF-8 rows into mojibake; the chunk says which
lines were not UTF-8. A stray quote inside an unquoted field can fool the count; the caller checks each
chunk's row count against the parser's and re-reads a chunk that disagrees with Python's csv module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

import numpy as np

CHUNK_BYTES = 32 << 20
MAX_RECORD_BYTES = 10 << 20  # a longer row is not an incident: rejected with its line, the rest read on
NEWLINE, QUOTE = 10, 34
BOUNDARY = np.zeros(256, dtype=bool)  # what may stand beside a quote that means quoting
BOUNDARY[list(b'\r\n",;\t')] = True
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass
class Chunk:
    data: bytes  # UTF-8, whole records, blank records left out
    lines: np.ndarray  # the physical line each record starts on (the header is line 1)
    relative_lines: np.ndarray  # the line each record starts on within `data` (0 for the first)
    problems: list[tuple[int, str]] = field(default_factory=list)  # records not read (too long)
    not_utf8: list[tuple[int, str]] = field(default_factory=list)  # (line, encoding used)
    offset: int = 0  # bytes of the file consumed so far (for progress)


def _quotes(buf: np.ndarray) -> np.ndarray:
    """Quote characters that open or close a field, or are doubled inside one; a quote inside an
    unquoted field (`5" rocket`) has a plain character on both sides and is text, as csv readers read it."""
    quotes = np.flatnonzero(buf == QUOTE)
    before = buf[np.maximum(quotes - 1, 0)]
    after = buf[np.minimum(quotes + 1, len(buf) - 1)]
    plain = ~BOUNDARY[before] & ~BOUNDARY[after] & (quotes > 0)
    return quotes[~plain]


def _record_ends(buf: np.ndarray, parity: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the newlines that end records, and every newline's position (for line numbers)."""
    newlines = np.flatnonzero(buf == NEWLINE)
    quotes = _quotes(buf)
    quotes_before = np.searchsorted(quotes, newlines) + parity
    return newlines[(quotes_before & 1) == 0], newlines


def _decode_records(raw: bytes, starts: np.ndarray, lines: np.ndarray) -> tuple[bytes, list[tuple[int, str]]]:
    """UTF-8 bytes of the records, re-encoding from Windows-1252 the records that are not UTF-8."""
    try:
        raw.decode("utf-8")
        return raw, []
    except UnicodeDecodeError:
        pass
    pieces: list[bytes] = []
    not_utf8: list[tuple[int, str]] = []
    bounds = [*starts.tolist(), len(raw)]
    for index, (begin, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        record = raw[begin:end]
        try:
            record.decode("utf-8")
            pieces.append(record)
            continue
        except UnicodeDecodeError:
            pass
        for encoding in FALLBACK_ENCODINGS:
            try:
                pieces.append(record.decode(encoding).encode("utf-8"))
                not_utf8.append((int(lines[index]), encoding))
                break
            except UnicodeDecodeError:
                continue
    return b"".join(pieces), not_utf8


def _is_blank(raw: bytes, starts: np.ndarray, stops: np.ndarray, delimiter: int) -> np.ndarray:
    """Records holding only separators and white space (a spreadsheet's empty rows: ',,,,').

    Only records that start with such a byte are looked at one by one: rows of data rarely do."""
    blank = np.zeros(len(starts), dtype=bool)
    filler = b" \t\r\n" + bytes([delimiter])
    first = np.frombuffer(raw, np.uint8)[np.minimum(starts, max(len(raw) - 1, 0))] if len(raw) else starts[:0]
    for index in np.flatnonzero(np.isin(first, np.frombuffer(filler, np.uint8))):
        blank[index] = not raw[starts[index] : stops[index]].translate(None, filler)
    return blank


def _chunk(raw: bytes, ends: np.ndarray, newlines: np.ndarray, first_line: int, delimiter: int, offset: int) -> Chunk:
    starts = np.concatenate(([0], ends[:-1] + 1))
    stops = ends + 1
    lines = first_line + np.searchsorted(newlines, starts)
    keep = ~_is_blank(raw, starts, stops, delimiter)
    problems = []
    too_long = (stops - starts) > MAX_RECORD_BYTES
    for line, size in zip(lines[too_long], (stops - starts)[too_long], strict=True):
        problems.append(
            (int(line), f"row of {size / 1e6:.1f} MB: longer than a row may be ({MAX_RECORD_BYTES >> 20} MB); not read")
        )
    keep &= ~too_long
    kept = raw if keep.all() else b"".join(raw[s:e] for s, e in zip(starts[keep], stops[keep], strict=True))
    spans = np.searchsorted(newlines, stops) - np.searchsorted(newlines, starts)
    relative = np.concatenate(([0], np.cumsum(spans[keep])[:-1])) if keep.any() else spans[:0]
    if not keep.all():
        starts = np.concatenate(([0], np.cumsum((stops - starts)[keep])[:-1]))[: int(keep.sum())]
    data, not_utf8 = _decode_records(kept, starts, lines[keep])
    return Chunk(data, lines[keep], relative, problems, not_utf8, offset)


def read_chunks(handle: BinaryIO, first_line: int, delimiter: str, offset: int) -> Iterator[Chunk]:
    """Chunks of the records after the header; `first_line` is the line the handle is positioned at."""
    carry = b""
    line = first_line
    skipping_since: int | None = None  # the line of an over-long record being skipped
    parity = 0
    separator = ord(delimiter)
    while True:
        block = handle.read(CHUNK_BYTES)
        offset += len(block)
        at_end = not block
        raw = carry + block
        if at_end and raw and not raw.endswith(b"\n"):
            raw += b"\n"  # the last record needs no newline in a file; here it does
        buf = np.frombuffer(raw, np.uint8)
        ends, newlines = _record_ends(buf, parity)
        if skipping_since is not None:
            if not len(ends):
                line += len(newlines)
                parity = (parity + len(_quotes(buf))) & 1
                carry = b""
                if at_end:
                    yield _too_long(skipping_since, offset)
                    return
                continue
            cut = int(ends[0]) + 1
            line += int(np.searchsorted(newlines, cut))
            yield _too_long(skipping_since, offset)
            skipping_since, parity = None, 0
            raw, buf = raw[cut:], buf[cut:]
            ends, newlines = _record_ends(buf, 0)
        if len(ends):
            cut = int(ends[-1]) + 1
            yield _chunk(raw[:cut], ends, newlines, line, separator, offset)
            line += int(np.searchsorted(newlines, cut))
            carry = raw[cut:]
        else:
            carry = raw
        if len(carry) > MAX_RECORD_BYTES:
            skipping_since = line
            newlines_in_carry = np.flatnonzero(np.frombuffer(carry, np.uint8) == NEWLINE)
            line += len(newlines_in_carry)
            parity = len(_quotes(np.frombuffer(carry, np.uint8))) & 1
            carry = b""
        if at_end:
            if carry.strip():
                yield _unterminated(line, offset)
            return


def _unterminated(line: int, offset: int) -> Chunk:
    reason = "a quoted field opened here is never closed: the rest of the file was not read as rows"
    return Chunk(b"", np.array([], dtype=np.int64), np.array([], dtype=np.int64), [(line, reason)], [], offset)


def _too_long(line: int, offset: int) -> Chunk:
    reason = f"row longer than a row may be ({MAX_RECORD_BYTES >> 20} MB, e.g. one cell of that size); not read"
    return Chunk(b"", np.array([], dtype=np.int64), np.array([], dtype=np.int64), [(line, reason)], [], offset)

"""Rules on sources and on what they report, added to the record checks (see validation.py).

Each rule catches a class of error an independent fact-check found in the curated data:
- a source URL that is a site's front page or a download page, not a page about the event;
- a source without a publication date;
- a context record with no source at all;
- a suicide attack with no attackers-killed figure and no note saying why;
- a record whose casualty range does not span what its sources report (an injured count left
  "not stated" although a source gives one; an upper figure lower than a source's).
Each rule calls `add(field, message)`; the checker names the file and the record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .grading import COUNT_REPORTS, REPORT_FIELDS, Figure, figures_span, parse_figure

Add = Callable[[str, str], None]
Record = dict[str, Any]

# A front page (nothing after the host but an index) or a download page points at no event.
_INDEX_PATHS = {"", "/", "/index.html", "/index.htm", "/index.php", "/home", "/en", "/en/"}
_INDEX_FILES = {"index.html", "index.htm", "index.php"}  # a folder's own page: the folder is what it shows
_DOWNLOAD_SEGMENTS = {
    *("download", "downloads", "downloads.html", "download.html", "data", "datasets", "dataset"),
    *("data-export-tool", "export-tool", "export"),  # ACLED's and others' export forms
}
# Query parameters that say where a reader came from, not which page: a front page with them is still one.
_TRACKING = re.compile(r"^(ref|source|from|utm_[a-z]+|fbclid|gclid)$", re.IGNORECASE)
SUICIDE_ATTACK_TYPES = ("suicide_bombing", "complex_attack")
# A blank attackers figure on a suicide attack is explained by a sentence in casualty_note starting "Attackers:".
ATTACKERS_NOTE = re.compile(r"(^|[.;]\s*)Attackers:", re.IGNORECASE)
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def generic_page(url: str) -> str | None:
    """'a front page' or 'a download page' when the URL points at no particular page, else None."""
    parts = urlsplit(url.strip())
    if parts.path in _INDEX_PATHS and all(_TRACKING.match(name) for name, _ in parse_qsl(parts.query, keep_blank_values=True)):
        return "a site's front page"
    segments = [s for s in parts.path.lower().split("/") if s]
    if segments and segments[-1] in _INDEX_FILES:
        segments.pop()
    if segments and segments[-1] in _DOWNLOAD_SEGMENTS:
        return "a download page"
    return None


def source_date_ok(value: Any) -> bool:
    """A publication date: YYYY-MM-DD, or YYYY-MM when the day is not known."""
    if isinstance(value, dt.date):
        return True
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value.strip())
        return True
    except ValueError:
        return bool(_MONTH.match(value.strip()))


def _sources(record: Record) -> list[tuple[int, dict[str, Any]]]:
    sources = record.get("sources")
    return [(n, s) for n, s in enumerate(sources, start=1) if isinstance(s, dict)] if isinstance(sources, list) else []


def check_sources(record: Record, add: Add) -> None:
    """Every source has a dated, particular page; a context record has at least one source."""
    for n, source in _sources(record):
        url = source.get("url")
        if isinstance(url, str) and url.startswith(("http://", "https://")) and (what := generic_page(url)):
            add(f"sources[{n}].url", f"'{url}' is {what}, not a page about this event: cite the event's own page, or drop it")
        if source.get("date") is None or str(source.get("date")).strip() == "":
            add(f"sources[{n}].date", "missing: give the date the source was published (YYYY-MM-DD, or YYYY-MM)")
        elif not source_date_ok(source["date"]):
            add(f"sources[{n}].date", f"'{source['date']}' is not a date (YYYY-MM-DD, or YYYY-MM when the day is unknown)")
    if record.get("kind") == "context" and not _sources(record):
        add("sources", "missing: a context record needs at least one source that reports it")


def check_suicide_attackers(record: Record, add: Add) -> None:
    """A suicide attack kills at least its bomber: give attackers_killed_min, or say why not."""
    if record.get("attack_type") not in SUICIDE_ATTACK_TYPES:
        return
    blank = record.get("attackers_killed_min") is None or str(record.get("attackers_killed_min")).strip() == ""
    if blank and not ATTACKERS_NOTE.search(str(record.get("casualty_note") or "")):
        add(
            "attackers_killed_min",
            f"missing for a '{record['attack_type']}' record: give the attackers killed (a suicide bomber counts), "
            "or explain in casualty_note with a sentence starting 'Attackers:'",
        )


def check_reports(record: Record, add: Add) -> None:
    """`reports` use known fields and readable figures, and the record's ranges span what they report."""
    reported: dict[str, list[Figure]] = {stem: [] for stem in COUNT_REPORTS}
    for n, source in _sources(record):
        said = source.get("reports")
        if said is None:
            continue
        if not isinstance(said, dict):
            add(f"sources[{n}].reports", "expected a mapping of what the source reports (date, place, killed, ...)")
            continue
        for key in said:
            if key not in REPORT_FIELDS:
                add(f"sources[{n}].reports.{key}", f"not a report field; expected one of: {', '.join(REPORT_FIELDS)}")
        for stem in COUNT_REPORTS:
            if said.get(stem) is None:
                continue
            figure = parse_figure(said[stem])
            if figure is None:
                add(f"sources[{n}].reports.{stem}", f"'{said[stem]}' is not a figure: a whole number, 'at least N' or 'N-M'")
            else:
                reported[stem].append(figure)
    for stem, figures in reported.items():
        if figures:
            _check_span(record, stem, figures, add)


def _check_span(record: Record, stem: str, figures: list[Figure], add: Add) -> None:
    low, high = figures_span(figures)
    have = (_whole(record.get(f"{stem}_min")), _whole(record.get(f"{stem}_max")))
    if have != (low, high):
        said = ", ".join(str(f) for f in figures)
        want = f"{low}-{high}" if high is not None else f"at least {low} ({stem}_max empty)"
        add(
            f"{stem}_min" if have[0] != low else f"{stem}_max",
            f"the sources report {said}, so the range is {want}; the record says {have[0]}-{have[1]}",
        )


def _whole(value: Any) -> Any:
    """A count as the checker reads it: None for blank, an int for digits (other values left for its own check)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value)
    return value

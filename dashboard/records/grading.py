"""How well an attack or strike is corroborated, computed from what its sources report.

A grade in the spirit of Airwars' grading: it is never typed into the data. Each source may say
what it reports about the event (`reports:` with date, place, killed, injured, attackers_killed,
perpetrator); the grade follows from how many independent publishers report it and whether they
agree. The README ("Grades") defines the words; this module is their only implementation.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

CORROBORATED = "corroborated"
SINGLE_SOURCE = "single source"
CONTESTED = "contested"
ARTICLE_ONLY = "article only"
NOT_GRADED = "not graded"  # context records, and rows imported from other datasets
GRADES = (CORROBORATED, SINGLE_SOURCE, CONTESTED, ARTICLE_ONLY)
GRADED_KINDS = ("attack", "strike")
GRADE_COLUMNS = ("grade", "grade_detail")  # added by the loader to curated records
REPORT_FIELDS = ("date", "place", "killed", "injured", "attackers_killed", "perpetrator")
COUNT_REPORTS = ("killed", "injured", "attackers_killed")

_EXACT = re.compile(r"^\s*(\d{1,7})\s*$")
_AT_LEAST = re.compile(r"^\s*at least\s+(\d{1,7})\s*$", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(\d{1,7})\s*(?:-|–|to)\s*(\d{1,7})\s*$")


@dataclass(frozen=True)
class Figure:
    """A reported count: `low` exactly, or a range low-high; high None means 'at least low'."""

    low: int
    high: int | None

    def __str__(self) -> str:
        if self.high is None:
            return f"at least {self.low}"
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def parse_figure(value: Any) -> Figure | None:
    """A figure from YAML: a whole number, 'at least N' or 'N-M'. None when it is none of those."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return Figure(value, value)
    if not isinstance(value, str):
        return None
    if match := _EXACT.match(value):
        return Figure(int(match[1]), int(match[1]))
    if match := _AT_LEAST.match(value):
        return Figure(int(match[1]), None)
    if (match := _RANGE.match(value)) and int(match[1]) <= int(match[2]):
        return Figure(int(match[1]), int(match[2]))
    return None


def figures_span(figures: list[Figure]) -> tuple[int, int | None]:
    """The record's (min, max) for these reports: the lowest and the highest figure anyone gives.

    An 'at least N' report counts as the figure N. The top is open (None) only when every report is
    an 'at least' one: then nobody gave a figure that bounds the count. The README's rule: both set,
    the lowest and highest figures reported; min set and max empty, "at least" the min.
    """
    low = min(f.low for f in figures)
    if all(f.high is None for f in figures):
        return low, None
    return low, max(f.high if f.high is not None else f.low for f in figures)


def figures_agree(figures: list[Figure]) -> bool:
    """Whether one true count could satisfy every report (their intervals share a value)."""
    lowest_top = min((f.high for f in figures if f.high is not None), default=None)
    return lowest_top is None or max(f.low for f in figures) <= lowest_top


@dataclass(frozen=True)
class Grade:
    grade: str
    detail: str  # plain words: which publishers, and how they disagree

    def __str__(self) -> str:
        return f"{self.grade}: {self.detail}" if self.detail else self.grade


def publisher_key(source: dict[str, Any]) -> str:
    """Who reported it, for independence: the publisher (not the site a copy is hosted on)."""
    return str(source.get("publisher") or "").strip().casefold()


def _date_of(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _place_agrees(reported: str, record: dict[str, Any]) -> bool:
    said = reported.strip().casefold()
    names = [str(record.get(f) or "").casefold() for f in ("place", "site", "province")]
    return any(name and (said in name or name in said) for name in names)


def _reporting(record: dict[str, Any], article_outlet: str | None) -> list[dict[str, Any]]:
    """Sources that say what they report, leaving out the article's own outlet (it is not independent of it)."""
    outlet = (article_outlet or "").strip().casefold()
    return [
        s
        for s in record.get("sources") or []
        if isinstance(s, dict) and isinstance(s.get("reports"), dict) and publisher_key(s) and publisher_key(s) != outlet
    ]


def disagreements(record: dict[str, Any], reporting: list[dict[str, Any]]) -> list[str]:
    """Each way the reports disagree with each other or with the record's date and place, in plain words."""
    found: list[str] = []
    start, end = _date_of(record.get("date_start")), _date_of(record.get("date_end"))
    for source in reporting:
        said = source["reports"]
        day = _date_of(said.get("date")) if said.get("date") is not None else None
        if day and start and end and not start <= day <= end:
            found.append(f"{source['publisher']} dates it {day.isoformat()}")
        if said.get("place") and not _place_agrees(str(said["place"]), record):
            found.append(f"{source['publisher']} places it in {said['place']}")
    tolls = [(s["publisher"], parse_figure(s["reports"].get("killed"))) for s in reporting]
    tolls = [(name, figure) for name, figure in tolls if figure is not None]
    if len(tolls) > 1 and not figures_agree([f for _, f in tolls]):
        by_figure: dict[str, list[str]] = {}
        for name, figure in tolls:
            by_figure.setdefault(str(figure), []).append(name)
        found.append("tolls differ: " + "; ".join(f"{f} ({', '.join(names)})" for f, names in by_figure.items()))
    blamed = {str(s["reports"]["perpetrator"]).strip(): s["publisher"] for s in reporting if s["reports"].get("perpetrator")}
    if len({name.casefold() for name in blamed}) > 1:
        found.append("perpetrator differs: " + ", ".join(f"{who} ({name})" for who, name in blamed.items()))
    return found


def grade_record(record: dict[str, Any], article_outlet: str | None = None) -> Grade:
    """The grade of one raw record; context records are not graded."""
    if record.get("kind") not in GRADED_KINDS:
        return Grade(NOT_GRADED, "")
    reporting = _reporting(record, article_outlet)
    publishers = list(dict.fromkeys(str(s["publisher"]).strip() for s in reporting))
    if not publishers:
        return Grade(ARTICLE_ONLY, "no other publisher's report is recorded")
    problems = disagreements(record, reporting)
    if problems:
        return Grade(CONTESTED, "; ".join(problems))
    with_toll = list(dict.fromkeys(str(s["publisher"]).strip() for s in reporting if s["reports"].get("killed") is not None))
    if len(publishers) == 1:
        return Grade(SINGLE_SOURCE, f"reported by {publishers[0]} only")
    if len(with_toll) < 2:
        return Grade(SINGLE_SOURCE, f"{len(publishers)} publishers report it, but fewer than two give a toll")
    return Grade(CORROBORATED, f"{len(with_toll)} publishers agree: " + ", ".join(with_toll))


def grade_labels(frame: pd.DataFrame) -> pd.Series:
    """Each row's grade as a plain word; 'not graded' for context rows and for tables without grades (imports)."""
    if "grade" not in frame.columns:
        return pd.Series([NOT_GRADED] * len(frame), index=frame.index, dtype=object)
    return frame["grade"].astype(object).where(frame["grade"].notna(), NOT_GRADED)


def grade_of(row: Any) -> str:
    """One row's (a Series or mapping) grade word; 'not graded' when it has none."""
    grade = row.get("grade")
    return NOT_GRADED if grade is None or pd.isna(grade) else str(grade)


def grade_text(row: Any) -> str:
    """One row's grade in words, with how it was reached: 'contested (tolls differ: ...)'."""
    detail = row.get("grade_detail")
    return grade_of(row) if detail is None or pd.isna(detail) or not str(detail) else f"{grade_of(row)} ({detail})"

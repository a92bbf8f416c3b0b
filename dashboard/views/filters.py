"""The filter state, its stable URL form, and filtering the incident table.

The URL is the state: `Filters.to_query()` and `parse_query()` are inverses for every valid state,
and parsing never raises: what it cannot use it ignores and reports, so a shared link with a typo
still opens on a sensible view.

Query parameters (stable, documented in the README):
    country   repeatable ISO3 code        province  repeatable province name
    from, to  ISO dates (YYYY-MM-DD)      kind      repeatable: attack, strike, context
    actor     repeatable perpetrator or claimant
    attack    repeatable attack type      target    repeatable target type
    grade     repeatable: corroborated, single source, contested, article only, not graded
    killed    minimum killed (whole number, by the lowest reported figure)
    q         free text in title, summary and quote
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.records.grading import grade_labels
from dashboard.records.numbers import whole_number
from dashboard.records.validation import parse_date

from .notices import shown

LIST_PARAMS = {
    "countries": "country",
    "provinces": "province",
    "kinds": "kind",
    "actors": "actor",
    "attack_types": "attack",
    "target_types": "target",
    "grades": "grade",
}
FILTER_PARAMS = frozenset({*LIST_PARAMS.values(), "from", "to", "killed", "q"})
# Filters matched against one column of the same name's codes (grades and actors are matched otherwise).
FILTERED_COLUMNS = {
    "countries": "country",
    "provinces": "province",
    "kinds": "kind",
    "attack_types": "attack_type",
    "target_types": "target_type",
}
MAX_TEXT = 200


@dataclass(frozen=True)
class Filters:
    countries: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kinds: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    attack_types: tuple[str, ...] = ()
    target_types: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    min_killed: int | None = None
    text: str = ""

    def to_query(self) -> dict[str, list[str]]:
        """Query parameters for this state; empty filters are left out, so the default view has a bare URL."""
        query: dict[str, list[str]] = {}
        for attribute, name in LIST_PARAMS.items():
            values = getattr(self, attribute)
            if values:
                query[name] = list(values)
        if self.date_from:
            query["from"] = [self.date_from.isoformat()]
        if self.date_to:
            query["to"] = [self.date_to.isoformat()]
        if self.min_killed:
            query["killed"] = [str(self.min_killed)]
        if self.text:
            query["q"] = [self.text]
        return query

    def is_default(self) -> bool:
        return self == Filters()


@dataclass(frozen=True)
class Choices:
    """The values a filter may take, read from the data, so unknown ones can be named and ignored."""

    countries: frozenset[str]
    provinces: frozenset[str]
    kinds: frozenset[str]
    actors: frozenset[str]
    attack_types: frozenset[str]
    target_types: frozenset[str]
    grades: frozenset[str] = frozenset()

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Choices:
        def present(column: str) -> frozenset[str]:
            return frozenset(str(v) for v in frame[column].dropna().unique())

        return cls(
            countries=present("country"),
            provinces=present("province"),
            kinds=present("kind"),
            actors=present("perpetrator") | present("claimed_by"),
            attack_types=present("attack_type"),
            target_types=present("target_type"),
            grades=frozenset(grade_labels(frame).unique()),
        )


def parse_query(params: Mapping[str, Sequence[str]], choices: Choices) -> tuple[Filters, list[str]]:
    """Filters from query parameters, and a message for each filter value that was ignored.

    Names that are not filters are left to `view_state.parse_view`, which knows the whole URL.
    """
    ignored: list[str] = []
    values: dict[str, object] = {}
    for attribute, name in LIST_PARAMS.items():
        allowed = getattr(choices, attribute)
        kept = []
        for value in params.get(name, []):
            if value in allowed and value not in kept:
                kept.append(value)
            else:
                ignored.append(f"{name}={shown(value)}: " + (f"not a known {name}" if value not in allowed else "repeated"))
        values[attribute] = tuple(kept)
    for attribute, name in (("date_from", "from"), ("date_to", "to")):
        raw = list(params.get(name, []))
        if raw:
            parsed = parse_date(raw[-1])
            if parsed is None:
                ignored.append(f"{name}={shown(raw[-1])}: not a date (expected YYYY-MM-DD)")
            values[attribute] = parsed
    if values.get("date_from") and values.get("date_to") and values["date_from"] > values["date_to"]:  # type: ignore[operator]
        ignored.append(f"from={values['date_from']} is after to={values['date_to']}: both dates ignored")
        values["date_from"] = values["date_to"] = None
    killed = list(params.get("killed", []))
    if killed:
        minimum = whole_number(killed[-1], max_digits=7)
        if minimum is None:
            ignored.append(f"killed={shown(killed[-1])}: not a whole number (0 to 9999999)")
        values["min_killed"] = minimum or None
    text = list(params.get("q", []))
    if text:
        values["text"] = text[-1].strip()[:MAX_TEXT]
        if len(text[-1].strip()) > MAX_TEXT:  # said, so the app shows it and `snapshot` refuses it
            ignored.append(f"q: longer than {MAX_TEXT} characters; only the first {MAX_TEXT} are searched")
    return Filters(**values), ignored  # type: ignore[arg-type]


def filter_incidents(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows that pass every filter, in the frame's order.

    Dates: an incident is kept when its interval overlaps [from, to]. Killed: kept when the lowest
    reported figure reaches the minimum, so "not stated" never passes a minimum above zero.
    """
    keep = pd.Series(True, index=frame.index)
    for attribute, column in FILTERED_COLUMNS.items():
        wanted = getattr(filters, attribute)
        if wanted:
            keep &= frame[column].isin(wanted)
    if filters.grades:
        keep &= grade_labels(frame).isin(filters.grades)
    if filters.actors:
        keep &= (frame["perpetrator"].isin(filters.actors) | frame["claimed_by"].isin(filters.actors)).fillna(False)
    if filters.date_from:
        keep &= frame["date_end"] >= pd.Timestamp(filters.date_from)
    if filters.date_to:
        keep &= frame["date_start"] <= pd.Timestamp(filters.date_to)
    if filters.min_killed:
        keep &= (frame["killed_min"] >= filters.min_killed).fillna(False)
    if filters.text:
        found = pd.Series(False, index=frame.index)
        for column in ("title", "summary", "article_quote"):
            found |= frame[column].str.contains(filters.text, case=False, regex=False).fillna(False).astype(bool)
        keep &= found
    keep = keep.astype(bool)
    # No filter, or none that excludes a row: the frame itself (copy-on-write keeps it safe), not a copy.
    return frame if bool(keep.all()) else frame[keep]

"""The view in sentences: the headline, what the map and the timeline show, and the incidents as a list.

Pure, like every builder: a screen reader, a phone and a reader who skips charts get the same facts in
words. Text from the data comes back unescaped; the page escapes it for where it goes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.views.shared_frames import kept_with_frame

from .colors import COLOR_OPTIONS
from .filters import FILTERED_COLUMNS, Filters
from .labels import country_name, label, place_words
from .record_text import casualty_text
from .summary import Headline


def day_text(day: pd.Timestamp) -> str:
    """'28 March 2014' (no leading zero)."""
    return f"{day.day} {day:%B %Y}"


def span_text(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """'3 to 28 March 2014', '20 February to 28 March 2014', or one day."""
    if first.normalize() == last.normalize():
        return day_text(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} to {day_text(last)}"
    if first.year == last.year:
        return f"{first.day} {first:%B} to {day_text(last)}"
    return f"{day_text(first)} to {day_text(last)}"


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def countries_text(codes: pd.Series) -> str:
    names = sorted({country_name(code) for code in codes.dropna().unique()})
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


# The filters' names as a reader says them (the URL's short names are for links).
FILTER_WORDS = {
    "countries": "country",
    "provinces": "province",
    "kinds": "kind",
    "actors": "perpetrator or claimant",
    "attack_types": "attack type",
    "target_types": "target",
    "grades": "grade",
}


def describe_filters(filters: Filters) -> str:
    """The filters in words, e.g. 'province: Kabul; kind: Attack', or 'none (every record)'; codes read as words."""
    parts = [
        f"{name}: {', '.join(label(FILTERED_COLUMNS.get(attribute, 'name'), value) for value in getattr(filters, attribute))}"
        for attribute, name in FILTER_WORDS.items()
        if getattr(filters, attribute)
    ]
    if filters.date_from:
        parts.append(f"from {filters.date_from.isoformat()}")
    if filters.date_to:
        parts.append(f"to {filters.date_to.isoformat()}")
    if filters.min_killed:
        parts.append(f"at least {filters.min_killed} killed")
    if filters.text:
        parts.append(f"text: “{filters.text}”")
    return "; ".join(parts) if parts else "none (every record)"


@kept_with_frame  # a scan at a million rows: once per shared frame
def headline_sentence(frame: pd.DataFrame, figures: Headline) -> str:
    """What, where and when for the filtered view, in one sentence, with the attacks told apart from context events."""
    events = frame[frame["kind"] != "context"]
    context = (
        f"; {plural(figures.context, 'context event')} {'is' if figures.context == 1 else 'are'} shown with them"
        if figures.context
        else ""
    )
    if events.empty:
        return f"No attack or strike matches these filters{context}."
    killed = str(figures.killed)
    killed = "(no death toll stated)" if killed == "not stated" else f"killed {killed} people"
    where = countries_text(events["country"])
    provinces = f" in {plural(figures.provinces, 'province')} of {where}" if figures.provinces else f" in {where}"
    first, last = events["date_start"].min(), events["date_end"].max()
    when = ("on " if first.normalize() == last.normalize() else "from ") + span_text(first, last)
    before = ""
    if figures.days_before is not None and figures.countdown_label:
        near, far = figures.days_before
        days = str(near) if near == far else f"{near} to {far}"
        before = f", {days} days before the {figures.countdown_label}"
    return f"{plural(figures.incidents, 'attack or strike', 'attacks and strikes')} {killed}{provinces} {when}{before}{context}."


@kept_with_frame  # a scan at a million rows: once per shared frame
def map_summary(frame: pd.DataFrame, color_by: str, layer: str) -> str:
    """One sentence: what the map shows and how to read it."""
    located = frame.dropna(subset=["lat", "lon"])
    if located.empty:
        return "The map has no incident to show: none of those shown has a place."
    if layer == "provinces":
        return f"Map of {countries_text(located['country'])}: one disc per province, numbered with its attacks and strikes."
    return (
        f"Map of {plural(len(located), 'located incident')} in {countries_text(located['country'])}, "
        f"{span_text(located['date_start'].min(), located['date_end'].max())}: circle size is the death toll, "
        f"colour and shape the {COLOR_OPTIONS[color_by].lower()}."
    )


@kept_with_frame  # a scan at a million rows: once per shared frame
def timeline_summary(frame: pd.DataFrame, first: pd.Timestamp | None, last: pd.Timestamp | None) -> str:
    """One sentence: what the timeline shows over which days, and what lies outside them."""
    events = frame[frame["kind"] != "context"]
    context = frame[frame["kind"] == "context"]
    if frame.empty:
        return "The timeline has nothing to show for these filters."
    shown = f"Timeline of {plural(len(events), 'attack or strike', 'attacks and strikes')}"
    if first is not None and last is not None:
        shown += f" from {span_text(first, last)}"
        outside = context[(context["date_end"] < first) | (context["date_start"] > last)]
        if len(outside):
            shown += f" ({plural(len(outside), 'context event')} outside these dates: drag the chart sideways to reach it)"
    return shown + (
        f", placed by date and by the lowest reported death toll; {plural(len(context), 'context event')} "
        "in the band at the top, with the periods shaded and single days as labelled lines."
    )


@dataclass(frozen=True)
class ListedIncident:
    id: str
    text: str  # date, place, title, killed: a button's label


@kept_with_frame  # a scan at a million rows: once per shared frame
def incident_list(frame: pd.DataFrame, limit: int = 50) -> tuple[list[ListedIncident], int]:
    """The incidents in date order as short lines for a text list, and how many were left out."""
    first = frame
    if len(frame) > limit:  # only rows up to the limit-th earliest day can be listed: no sort of a million rows
        first = frame[frame["date_start"] <= frame["date_start"].nsmallest(limit).iloc[-1]]
    ordered = first[["date_start", "id"]].sort_values(["date_start", "id"], kind="stable")
    items = []
    for _, row in frame.loc[ordered.index[:limit]].iterrows():
        killed = "" if row["kind"] == "context" else f" · killed {casualty_text(row, 'killed')}"
        when = span_text(row["date_start"], row["date_end"])
        where = place_words(row, ("place", "province", "country"))
        kind = f" ({label('kind', row['kind']).lower()})" if row["kind"] == "context" else ""
        items.append(ListedIncident(str(row["id"]), f"{when} · {where} · {row['title']}{kind}{killed}"))
    return items, max(len(frame) - limit, 0)

"""What the timeline draws for a view, decided once: `TimelinePlan`, beside the map's `MapPlan`.

Pure, no Streamlit. The figure (`timeline.timeline_figure`) and the page's captions both read the plan,
so the mode (points or counts per bin), the bins, the days it opens on and the words under it can
never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from dashboard.views.shared_frames import kept_with_frame

# Above this many attacks and strikes the timeline draws counts per day, week or month, not points:
# each point costs about 300 bytes of figure and the browser's time to draw it.
MAX_POINTS = 2000
# Context periods are shaded one by one up to this many; more would cover the chart.
MAX_SHADED = 50
BINS = {"day": ("D", "day"), "week": ("W-SUN", "week"), "month": ("M", "month")}  # name -> (period, label)
OPENING_PAD = pd.Timedelta(days=4)  # either side of the opening days, so marks at the edges are not cut
ONE_DAY = pd.Timedelta(days=1)

POINTS_CAPTION = (
    "Points: attacks and strikes at the lowest reported death toll (hollow: not stated). Bars: incidents dated "
    "only to an interval. Dashed lines: context events. Click or box-select points to select incidents."
)


def bin_for(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """The bin that keeps a range readable: days up to four months, weeks up to three years, then months."""
    days = (last - first).days
    return "day" if days <= 120 else "week" if days <= 3 * 365 else "month"


@dataclass(frozen=True)
class TimelinePlan:
    """What the timeline draws for a view, and the words that say so."""

    mode: str  # "points" (one mark per attack or strike) or "bins" (stacked bars of counts)
    bin: str | None  # "day", "week" or "month": the bars' width in "bins" mode, else None
    events: int  # attacks and strikes shown
    context: int  # context events shown
    context_mode: str  # "shaded" (periods shaded, single days lined and named), "row" (diamonds only), "counts"
    context_bin: str | None  # in "counts" context mode: the bin the diamonds count per
    opening: tuple[pd.Timestamp, pd.Timestamp] | None  # first and last day the chart opens on (unpadded)
    captions: tuple[str, ...]  # plain text (data titles unescaped): the page escapes them for where they go
    position: dt.date | None = None  # the play control's day: a line marks it

    @property
    def opening_range(self) -> list[str] | None:
        """The x-axis range the chart opens on: the opening days, padded, as ISO strings (plotly's date form)."""
        if self.opening is None:
            return None
        first, last = self.opening
        return [(first - OPENING_PAD).isoformat(), (last + ONE_DAY + OPENING_PAD).isoformat()]

    @property
    def y_title(self) -> str:
        return f"Incidents per {BINS[self.bin][1]}" if self.bin else "Killed (lowest reported figure)"


def opening_span(frame: pd.DataFrame, marked: Iterable[dt.date] = ()) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The days the timeline opens on: the attacks and strikes and the marked days (the election, the
    article), so that a context record a year earlier does not squash them. Context only: its days."""
    events = frame[frame["kind"] != "context"]
    days = [pd.Timestamp(d) for d in marked]
    source = events if len(events) else frame
    if len(source):
        days += [source["date_start"].min(), source["date_end"].max()]
    return (min(days), max(days)) if days else None


@kept_with_frame  # a scan at a million rows: once per shared frame
def plan_timeline(frame: pd.DataFrame, marked: Iterable[dt.date] = (), position: dt.date | None = None) -> TimelinePlan:
    """The timeline's plan for the shown rows.

    Points up to MAX_POINTS attacks and strikes, else counts per bin chosen from the whole date range
    (bin_for). Context events: shaded up to MAX_SHADED, counted per bin above MAX_POINTS, else a row of
    diamonds. `marked` are days the opening view must include (the article's publication, the
    election); `position` is the play control's day, marked by a line.
    """
    kinds = frame["kind"]
    events = int((kinds != "context").sum())
    context_rows = frame[kinds == "context"]
    whole = bin_for(frame["date_start"].min(), frame["date_end"].max()) if len(frame) else None
    binned = whole if events > MAX_POINTS else None
    if len(context_rows) > MAX_POINTS:
        context_mode, context_bin = "counts", binned or whole
    else:
        context_mode, context_bin = ("shaded" if len(context_rows) <= MAX_SHADED else "row"), None
    return TimelinePlan(
        mode="bins" if binned else "points",
        bin=binned,
        events=events,
        context=len(context_rows),
        context_mode=context_mode,
        context_bin=context_bin,
        opening=opening_span(frame, marked),
        captions=_captions(context_rows, context_mode, events, binned),
        position=position,
    )


def _captions(context: pd.DataFrame, context_mode: str, events: int, binned: str | None) -> tuple[str, ...]:
    captions = []
    periods = context[context["date_end"] > context["date_start"]]
    if context_mode != "shaded":
        captions.append(
            f"{len(context)} context events: too many to shade or draw as lines; they are the diamonds in the top band."
        )
    elif len(periods):
        captions.append(
            "Shaded periods: "
            + "; ".join(
                f"{row.title} ({row.date_start:%d %b %Y} to {row.date_end:%d %b %Y})"
                for row in periods.sort_values("date_start").itertuples()
            )
        )
    if binned:
        captions.append(
            f"{events} attacks and strikes: too many to draw one by one (over {MAX_POINTS}), so bars count them per "
            f"{BINS[binned][1]}, an incident dated to an interval at its middle. Click a bar to narrow the dates to it; "
            f"at {MAX_POINTS} or fewer each incident is a point."
        )
    else:
        captions.append(POINTS_CAPTION)
    return tuple(captions)

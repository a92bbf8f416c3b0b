"""Headline figures of the filtered view, computed without Streamlit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.views.shared_frames import kept_with_frame

from .casualties import TotalRange, total_range


@dataclass(frozen=True)
class Headline:
    incidents: int  # attacks and strike series
    context: int  # context events
    killed: TotalRange
    provinces: int
    countdown_label: str | None  # e.g. "Afghan presidential election"
    days_before: tuple[int, int] | None  # nearest and farthest incident, in days before that event


@kept_with_frame  # a scan at a million rows: once per shared frame
def headline(frame: pd.DataFrame, countdown: pd.Series | None = None) -> Headline:
    """Counts over attacks and strikes; context events are counted apart and never add to the toll."""
    events = frame.loc[frame["kind"] != "context", ["date_start", "date_end", "killed_min", "killed_max", "province"]]
    days = None
    label = None
    if countdown is not None:
        label = str(countdown["title"])
        day = countdown["date_start"]
        if len(events):
            # An interval counts from its last day (nearest) and its first day (farthest).
            days = (int((day - events["date_end"]).dt.days.min()), int((day - events["date_start"]).dt.days.max()))
    return Headline(
        incidents=len(events),
        context=int((frame["kind"] == "context").sum()),
        killed=total_range(events["killed_min"], events["killed_max"]),
        provinces=int(events["province"].dropna().nunique()),
        countdown_label=label,
        days_before=days,
    )


def days_text(days: tuple[int, int] | None) -> str:
    if days is None:
        return "–"
    near, far = days
    return f"{near} days" if near == far else f"{near} to {far} days"  # "8 to 44" alone read as a score

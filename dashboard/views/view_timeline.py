"""The timeline as a view shows it, on the app's pages and in the snapshot alike: the labelled days
(the article's publication), the record the headline counts down to (the election), the plan made
from them and the play control's day, and the figure drawn from that plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from .timeline import timeline_figure
from .timeline_plan import TimelinePlan, plan_timeline
from .view_state import View


def day_markers(meta: dict[str, Any]) -> dict[str, dt.date]:
    """Labelled day lines: the article's publication, when the dataset has an article."""
    published = (meta.get("article") or {}).get("published")
    return {"Article published": published} if published else {}


def countdown_record(everything: pd.DataFrame, meta: dict[str, Any]) -> pd.Series | None:
    """The record `dataset.countdown_to` names (the election), or None."""
    wanted = meta.get("countdown_to")
    if wanted is None:
        return None
    rows = everything[everything["id"] == wanted]  # a scan: callers keep the result (PageContext.countdown)
    return rows.iloc[0] if len(rows) else None


def view_timeline(
    frame: pd.DataFrame, view: View, markers: dict[str, dt.date], countdown: pd.Series | None, scale: dict[str, str]
) -> tuple[go.Figure, TimelinePlan]:
    """The plan (opening on the incidents, the marked days and the countdown's day) and the figure."""
    marked = [*markers.values(), *(() if countdown is None else (countdown["date_start"].date(),))]
    plan = plan_timeline(frame, marked, position=view.until)
    figure = timeline_figure(
        frame, color_by=view.color, markers=markers, highlight=frozenset(view.incidents), scale=scale, plan=plan
    )
    return figure, plan

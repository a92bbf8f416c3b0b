"""The timeline's counts per day, week or month, drawn when there are too many attacks and strikes for points.

Pure, no Streamlit; `timeline_plan.plan_timeline` decides when and which bin, `timeline.timeline_figure`
calls these.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .casualties import add_up, group_range
from .colors import KIND_COLORS
from .escape import text_for_plotly
from .timeline_plan import BINS, ONE_DAY


def bin_starts(days: pd.Series, name: str) -> pd.Series:
    return days.dt.to_period(BINS[name][0]).dt.start_time.astype("datetime64[s]")


def bin_keys(starts: pd.DatetimeIndex, name: str) -> list[str]:
    """Carried by each bar in customdata: a click narrows the date filter to the bin's first and last day."""
    ends = starts.to_period(BINS[name][0]).end_time.normalize()
    return [f"bin:{a}:{b}" for a, b in zip(starts.strftime("%Y-%m-%d"), ends.strftime("%Y-%m-%d"), strict=True)]


def bin_totals(events: pd.DataFrame, labels: pd.Series, name: str) -> pd.DataFrame:
    """Incidents per colour label and bin (by the middle of each one's date interval), the killed
    range added up (see add_up), and how many are dated only to an interval wider than a bin."""
    middles = events["date_start"] + (events["date_end"] + ONE_DAY - events["date_start"]) / 2
    wide = events["date_end"] - events["date_start"] >= pd.Timedelta(days=7 if name == "day" else 28)
    table = pd.DataFrame({"label": labels, "bin": bin_starts(middles, name), "vague": wide})
    return add_up(table, ["label", "bin"], events["killed_min"], events["killed_max"], vague=("vague", "sum"))


def add_bars(figure: go.Figure, totals: pd.DataFrame, name: str, label: str, color: str) -> None:
    unit = BINS[name][1]
    hovers = []
    for start, row in zip(totals.index.strftime("%Y-%m-%d"), totals.itertuples(), strict=True):
        text = (
            f"<b>{text_for_plotly(label)}</b>: {int(row.incidents)} incident(s), {unit} of {start}<br>Killed: {group_range(row)}"
        )
        if row.stated < row.incidents:
            text += f" ({int(row.incidents - row.stated)} with no toll stated)"
        if row.vague:
            text += f"<br>{int(row.vague)} dated only to a wider interval, counted at its middle"
        hovers.append(text)
    figure.add_trace(
        go.Bar(
            x=totals.index,
            y=totals["incidents"],
            name=text_for_plotly(label),
            legendgroup=label,
            marker={"color": color},
            customdata=bin_keys(pd.DatetimeIndex(totals.index), name),
            hovertext=hovers,
            hoverinfo="text",
        )
    )


def add_context_counts(figure: go.Figure, rows: pd.DataFrame, name: str) -> None:
    counts = bin_starts(rows["date_start"], name).value_counts().sort_index()
    figure.add_trace(
        go.Scatter(
            x=counts.index,
            y=[0.5] * len(counts),
            yaxis="y2",
            mode="markers",
            name="context",
            customdata=bin_keys(pd.DatetimeIndex(counts.index), name),
            hovertext=[f"{n} context event(s), {BINS[name][1]} of {start.date().isoformat()}" for start, n in counts.items()],
            hoverinfo="text",
            marker={"symbol": "diamond", "size": 9, "color": KIND_COLORS["context"]},
        )
    )

"""Plotly timeline of incidents: pure `(frame, options) -> Figure`, tested without a browser.

Dates are intervals: an incident known only to a week is drawn as a segment across that week,
not as a point on one day (plotly does not draw error_x on date axes). Context events are
shading (periods) or dashed lines (single days). Every row carries its id in customdata, so a
selection maps back to records whatever the colouring.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from .incident_map import KIND_COLORS, casualty_range

COLOR_OPTIONS = ("kind", "country", "province", "attack_type", "target_type", "perpetrator")
PALETTE = ("#c0392b", "#2c3e8f", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b", "#2e4053")
ONE_DAY = pd.Timedelta(days=1)


def _label(value: object) -> str:
    return "not stated" if pd.isna(value) else str(value)


def _colors(values: list[str], color_by: str) -> dict[str, str]:
    if color_by == "kind":
        return {v: KIND_COLORS.get(v, "#555555") for v in values}
    return {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(sorted(values))}


def _hover(row: pd.Series) -> str:
    start, end = row["date_start"].date(), row["date_end"].date()
    when = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
    place = ", ".join(str(v) for v in (row["place"], row["province"], row["country"]) if not pd.isna(v))
    parts = [
        f"<b>{html.escape(str(row['title']))}</b>",
        f"{html.escape(when)} ({html.escape(str(row['date_precision']))})",
        html.escape(place),
        f"Killed: {casualty_range(row['killed_min'], row['killed_max'])}",
    ]
    return "<br>".join(parts)


def timeline_figure(
    frame: pd.DataFrame,
    color_by: str = "kind",
    markers: dict[str, dt.date] | None = None,
    highlight: frozenset[str] = frozenset(),
) -> go.Figure:
    """Incidents over time, one trace per colour value; `markers` adds labelled day lines (election, publication)."""
    if color_by not in COLOR_OPTIONS:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_OPTIONS)}, not {color_by!r}")
    figure = go.Figure()
    events = frame[frame["kind"] != "context"]
    groups = events[color_by].map(_label) if len(events) else pd.Series(dtype=str)
    colors = _colors(sorted(set(groups)), color_by)
    for value in sorted(set(groups)):
        rows = events[groups == value]
        _add_group(figure, rows, value, colors[value], highlight)
    for _, row in frame[frame["kind"] == "context"].iterrows():
        _add_context(figure, row)
    for label, day in (markers or {}).items():
        figure.add_vline(
            x=pd.Timestamp(day).isoformat(),
            line_dash="dot",
            line_color="#333333",
            annotation_text=html.escape(label),
            annotation_position="top left",
        )
    figure.update_layout(
        xaxis={"type": "date", "rangeslider": {"visible": True}, "title": None, "range": _initial_range(events, markers)},
        yaxis={"title": "Killed (lowest reported figure)", "rangemode": "tozero"},
        legend={"title": {"text": color_by.replace("_", " ")}},
        margin={"l": 40, "r": 20, "t": 30, "b": 20},
        hovermode="closest",
        height=420,
    )
    return figure


def _initial_range(events: pd.DataFrame, markers: dict[str, dt.date] | None) -> list[str] | None:
    """Open on the incidents and marked days; a year-long context period must not squash them."""
    days = [*events["date_start"], *(events["date_end"] + ONE_DAY), *(pd.Timestamp(d) for d in (markers or {}).values())]
    if not days:
        return None
    pad = pd.Timedelta(days=4)
    return [(min(days) - pad).isoformat(), (max(days) + pad).isoformat()]


def _add_group(figure: go.Figure, rows: pd.DataFrame, name: str, color: str, highlight: frozenset[str]) -> None:
    # The y value is the lowest reported death toll; "not stated" sits at 0 with a hollow marker.
    y = rows["killed_min"].astype("Float64").fillna(0).astype(float)
    middle = rows["date_start"] + (rows["date_end"] + ONE_DAY - rows["date_start"]) / 2
    stated = rows["killed_min"].notna()
    figure.add_trace(
        go.Scatter(
            x=middle,
            y=y,
            mode="markers",
            name=html.escape(name),
            legendgroup=name,
            customdata=rows["id"].astype(str).tolist(),
            hovertext=[_hover(row) for _, row in rows.iterrows()],
            hoverinfo="text",
            marker={
                "color": color,
                "size": [10 + 2 * (v**0.5) for v in y],
                "symbol": ["circle" if s else "circle-open" for s in stated],
                "line": {"width": [3 if i in highlight else 1 for i in rows["id"]], "color": "#000000"},
            },
        )
    )
    spans = rows[rows["date_end"] > rows["date_start"]]
    if len(spans):
        xs: list[object] = []
        ys: list[object] = []
        for (_, row), level in zip(spans.iterrows(), y[spans.index], strict=True):
            xs += [row["date_start"], row["date_end"] + ONE_DAY, None]
            ys += [level, level, None]
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"color": color, "width": 6},
                opacity=0.4,
                legendgroup=name,
                showlegend=False,
                hoverinfo="skip",
            )
        )


def _add_context(figure: go.Figure, row: pd.Series) -> None:
    start, end = row["date_start"], row["date_end"] + ONE_DAY
    label = html.escape(str(row["title"]))
    if row["date_end"] > row["date_start"]:
        # Periods overlap (ceasefire, talks, a week's toll), so labels on the chart would pile up;
        # the page names them beside the chart instead.
        figure.add_vrect(x0=start.isoformat(), x1=end.isoformat(), fillcolor="#95a5a6", opacity=0.12, line_width=0)
    else:
        figure.add_vline(
            x=start.isoformat(),
            line_dash="dash",
            line_color="#7f8c8d",
            annotation_text=label,
            annotation_position="top right",
            annotation_font_size=10,
        )

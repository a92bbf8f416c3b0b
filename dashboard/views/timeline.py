"""Plotly timeline of incidents: pure `(frame, options) -> Figure`, tested without a browser.

Dates are intervals: an incident known only to a week is drawn as a segment across that week,
not as a point on one day (plotly does not draw error_x on date axes). Context events are
shading (periods) or dashed lines (single days). Every row carries its id in customdata, so a
selection maps back to records whatever the colouring.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.views.shared_frames import kept_with_frame

from .casualties import casualty_range
from .colors import COLOR_OPTIONS, KIND_COLORS, UNKNOWN_COLOR, color_labels, color_scale, shape_scale
from .escape import text_for_plotly
from .labels import label, labels_for
from .record_text import day_span
from .timeline_bins import add_bars, add_context_counts, bin_totals
from .timeline_plan import ONE_DAY, TimelinePlan, plan_timeline

DRAWN_COLUMNS = (
    "id",
    "kind",
    "title",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "province",
    "country",
    "killed_min",
    "killed_max",
)
TEXT_COLOR = "#333333"  # 12.6:1 on white
POSITION_COLOR = "#000000"


def _hovers(rows: pd.DataFrame) -> list[str]:
    """Hover text per row (title, dates and precision, place, killed), escaped; built column-wise for speed."""
    starts = rows["date_start"].dt.strftime("%Y-%m-%d").tolist()
    ends = rows["date_end"].dt.strftime("%Y-%m-%d").tolist()
    # Codes in words, once per distinct value (labels_for), not once per row.
    worded = {c: labels_for(c, rows[c]) for c in ("date_precision", "country")}
    columns = [
        worded.get(c, rows[c]).astype(object).where(rows[c].notna(), None).tolist()
        for c in ("title", "date_precision", "place", "province", "country", "killed_min", "killed_max")
    ]
    texts = []
    for start, end, title, precision, place, province, country, low, high in zip(starts, ends, *columns, strict=True):
        when = day_span(start, end)  # the record's date text (record_text), built column-wise for speed
        where = ", ".join(dict.fromkeys(str(v) for v in (place, province, country) if v is not None))
        texts.append(
            f"<b>{text_for_plotly(title)}</b><br>{when} ({text_for_plotly(precision)})<br>{text_for_plotly(where)}"
            f"<br>Killed: {casualty_range(pd.NA if low is None else low, pd.NA if high is None else high)}"
        )
    return texts


@kept_with_frame(copy=go.Figure)  # binning a million rows: once per shared frame; each caller lays out its own copy
def timeline_figure(
    frame: pd.DataFrame,
    color_by: str = "kind",
    markers: dict[str, dt.date] | None = None,
    highlight: frozenset[str] = frozenset(),
    scale: dict[str, str] | None = None,
    in_view: tuple[dt.date, ...] = (),
    plan: TimelinePlan | None = None,
) -> go.Figure:
    """Incidents over time, one trace per colour value; `markers` adds labelled day lines (election, publication).

    `plan` (plan_timeline) decides the mode, the bins and the opening days; without one it is made here
    from `frame`, `markers` and `in_view` (days the opening view must include, such as the election
    the headline counts down to). `scale` (label -> colour) is normally computed on the whole dataset,
    so that a filter does not repaint the categories that remain.
    """
    if color_by not in COLOR_OPTIONS:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_OPTIONS)}, not {color_by!r}")
    plan = plan or plan_timeline(frame, [*(markers or {}).values(), *in_view])
    figure = go.Figure()
    # Only the columns drawn: subsets of a million rows copy every column they carry.
    frame = frame[[c for c in dict.fromkeys((*DRAWN_COLUMNS, color_by)) if c in frame.columns]]
    _draw_incidents(figure, frame[frame["kind"] != "context"], plan, color_by, highlight, scale)
    _draw_context(figure, frame[frame["kind"] == "context"], plan, highlight)
    _draw_days(figure, markers or {}, plan.position)
    _lay_out(figure, plan, color_by)
    return figure


def _draw_incidents(
    figure: go.Figure,
    events: pd.DataFrame,
    plan: TimelinePlan,
    color_by: str,
    highlight: frozenset[str],
    scale: dict[str, str] | None,
) -> None:
    groups = color_labels(events, color_by)
    colors = scale or color_scale(groups.unique(), color_by)
    shapes = shape_scale(colors, color_by)
    totals = bin_totals(events, groups, plan.bin) if plan.bin else None
    for value in sorted(groups.unique()):
        color = colors.get(value, UNKNOWN_COLOR)
        if totals is not None and plan.bin:
            add_bars(figure, totals.loc[value], plan.bin, label(color_by, value), color)
        else:
            _add_group(figure, events[groups == value], value, color, highlight, color_by, shapes.get(value, "circle"))


def _draw_context(figure: go.Figure, context: pd.DataFrame, plan: TimelinePlan, highlight: frozenset[str]) -> None:
    if plan.context_mode == "shaded":
        for _, row in context.iterrows():
            _shade_context(figure, row)
        _label_days(figure, context[context["date_end"] == context["date_start"]])
    if plan.context_mode == "counts" and plan.context_bin:
        add_context_counts(figure, context, plan.context_bin)
    elif len(context):
        _add_context_row(figure, context, highlight)


def _draw_days(figure: go.Figure, markers: dict[str, dt.date], position: dt.date | None) -> None:
    """The labelled days (the article's publication) dotted, and the play control's position as a solid line
    at the end of its day: an incident on that day is left of it, among those shown."""
    for marker_name, day in markers.items():
        figure.add_vline(
            x=pd.Timestamp(day).isoformat(),
            line_dash="dot",
            line_color="#333333",
            annotation_text=text_for_plotly(marker_name),
            annotation_position="top right",  # left of it are the single-day labels
            annotation_font_size=11,
            annotation_font_color=TEXT_COLOR,
        )
    if position is not None:
        figure.add_vline(
            x=(pd.Timestamp(position) + ONE_DAY).isoformat(),
            line_width=2,
            line_color=POSITION_COLOR,
            annotation_text=f"Up to {position.day} {position:%b %Y}",
            annotation_position="bottom left",
            annotation_font_size=11,
            annotation_font_color=TEXT_COLOR,
            annotation_bgcolor="rgba(255,255,255,0.85)",
        )


def _lay_out(figure: go.Figure, plan: TimelinePlan, color_by: str) -> None:
    opening = plan.opening_range
    figure.update_layout(
        # Streamlit's chart theme greys tick labels (#808495, 3.7:1 on white); text must reach 4.5:1.
        font={"color": TEXT_COLOR},
        xaxis={
            "tickfont": {"color": TEXT_COLOR},
            "type": "date",
            # The slider spans the opening days too: a 2013 record would leave it mostly empty. Panning reaches the rest.
            "rangeslider": {"visible": True, **({"range": opening} if opening else {})},
            "title": None,
            "range": opening,
        },
        yaxis={
            "title": plan.y_title,
            "rangemode": "tozero",
            "tickfont": {"color": TEXT_COLOR},
            "title_font": {"color": TEXT_COLOR},
            "domain": [0, 0.86],
        },
        barmode="stack",
        # A thin band above the incidents holds one hoverable mark per context event.
        yaxis2={"domain": [0.9, 1], "range": [0, 1], "visible": False, "fixedrange": True},
        legend={
            "title": {"text": COLOR_OPTIONS[color_by]},
            "orientation": "h",
            "y": -0.45,
            "x": 0,
            "font": {"color": TEXT_COLOR},
        },
        margin={"l": 40, "r": 20, "t": 30, "b": 20},
        hovermode="closest",
        height=420,
    )


def _add_group(
    figure: go.Figure,
    rows: pd.DataFrame,
    name: str,
    color: str,
    highlight: frozenset[str],
    color_by: str = "kind",
    shape: str = "circle",
) -> None:
    # The y value is the lowest reported death toll; "not stated" sits at 0 with a hollow marker.
    y = rows["killed_min"].astype("Float64").fillna(0).astype(float)
    middle = rows["date_start"] + (rows["date_end"] + ONE_DAY - rows["date_start"]) / 2
    stated = rows["killed_min"].notna()
    figure.add_trace(
        go.Scatter(
            x=middle,
            y=y,
            mode="markers",
            name=text_for_plotly(label(color_by, name)),
            legendgroup=name,
            customdata=rows["id"].astype(str).tolist(),
            hovertext=_hovers(rows),
            hoverinfo="text",
            marker={
                "color": color,
                "size": [10 + 2 * (v**0.5) for v in y],
                "symbol": [shape if s else f"{shape}-open" for s in stated],  # the shape: a second cue besides colour
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


def _shade_context(figure: go.Figure, row: pd.Series) -> None:
    """Periods as shading, single days as dashed lines; their names are in the hover of the context row."""
    start, end = row["date_start"], row["date_end"] + ONE_DAY
    if row["date_end"] > row["date_start"]:
        figure.add_vrect(x0=start.isoformat(), x1=end.isoformat(), fillcolor="#95a5a6", opacity=0.12, line_width=0)
    else:
        figure.add_vline(x=start.isoformat(), line_dash="dash", line_color="#7f8c8d", line_width=1)


def _label_days(figure: go.Figure, days: pd.DataFrame) -> None:
    """Single-day context events (the election) named beside their dashed line, wrapped and staggered so
    that neighbours do not overlap, the later half written to the left of its line so that it stays on
    the chart; the periods are named in the caption and the hover."""
    middle = days["date_start"].min() + (days["date_start"].max() - days["date_start"].min()) / 2
    for index, (_, row) in enumerate(days.sort_values("date_start").iterrows()):
        figure.add_annotation(
            x=row["date_start"].isoformat(),
            y=0.84 - 0.2 * (index % 2),
            yref="paper",
            text="<br>".join(textwrap.wrap(text_for_plotly(row["title"]), 22)),
            showarrow=False,
            align="left",
            xanchor="right" if len(days) > 1 and row["date_start"] > middle else "left",
            yanchor="top",
            font={"size": 11, "color": TEXT_COLOR},
            bgcolor="rgba(255,255,255,0.85)",
        )


def _add_context_row(figure: go.Figure, rows: pd.DataFrame, highlight: frozenset[str]) -> None:
    # Labels written on the chart pile up (periods overlap, days fall close), so each context event
    # is a diamond in a band at the top, at its start day, with its title in the hover.
    figure.add_trace(
        go.Scatter(
            x=rows["date_start"],
            y=[0.5] * len(rows),
            yaxis="y2",
            mode="markers",
            name="Context events",
            customdata=rows["id"].astype(str).tolist(),
            hovertext=_hovers(rows),
            hoverinfo="text",
            marker={
                "symbol": "diamond",
                "size": 11,
                "color": KIND_COLORS["context"],
                "line": {"width": [3 if i in highlight else 1 for i in rows["id"]], "color": "#000000"},
            },
        )
    )

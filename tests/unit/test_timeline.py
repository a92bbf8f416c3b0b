"""The timeline builder, checked on the figure it returns."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.records.loader import load_dataset
from dashboard.views.timeline import timeline_figure


@pytest.fixture(scope="module")
def frame():
    return load_dataset().frame


def marker_traces(figure):
    """The incident points (the context row, on its own axis, is apart)."""
    return [t for t in figure.data if t.mode == "markers" and t.yaxis != "y2"]


def context_trace(figure):
    (trace,) = [t for t in figure.data if t.yaxis == "y2"]
    return trace


def test_one_point_per_attack_or_strike_carrying_its_id(frame):
    figure = timeline_figure(frame)
    ids = [i for trace in marker_traces(figure) for i in trace.customdata]
    assert sorted(ids) == sorted(frame.loc[frame["kind"] != "context", "id"])


def test_colour_option_splits_traces_by_that_column(frame):
    figure = timeline_figure(frame, color_by="country")
    assert sorted(t.name for t in marker_traces(figure)) == ["Afghanistan", "Pakistan"]  # codes in words
    with pytest.raises(ValueError, match="color_by"):
        timeline_figure(frame, color_by="nonsense")


def test_multi_day_incident_is_drawn_as_a_segment(frame):
    strikes = frame[frame["id"] == "north-waziristan-air-strikes-2014-02-20"]
    lines = [t for t in timeline_figure(strikes).data if t.mode == "lines"]
    assert len(lines) == 1
    start, end = lines[0].x[0], lines[0].x[1]
    assert (end - start).days == 11  # 20-28 February (9 days) and 1-2 March 2014, inclusive


def test_context_periods_shaded_days_lined_and_every_context_event_hoverable(frame):
    figure = timeline_figure(frame, markers={"Article published": dt.date(2014, 3, 28)})
    shapes = figure.layout.shapes
    assert any(s.type == "rect" for s in shapes)  # the ceasefire period
    assert any(s.type == "line" and str(s.x0).startswith("2014-04-05") for s in shapes)  # the election day
    # Single days are named on the chart (the election); periods are shaded and named in the hover.
    single_days = frame[(frame["kind"] == "context") & (frame["date_start"] == frame["date_end"])]["title"]
    assert sorted(a.text.replace("<br>", " ") for a in figure.layout.annotations) == sorted(["Article published", *single_days])
    assert "Afghan presidential election" in set(single_days)
    context = context_trace(figure)
    assert sorted(context.customdata) == sorted(frame.loc[frame["kind"] == "context", "id"])
    election = list(context.customdata).index("afghan-presidential-election-2014-04-05")
    assert "Afghan presidential election" in context.hovertext[election]


def test_hover_and_legend_text_is_escaped(frame):
    row = frame[frame["kind"] == "attack"].head(1).copy()
    row["title"] = "<script>alert(1)</script>"
    row["perpetrator"] = "<b onmouseover=x>"
    figure = timeline_figure(row, color_by="perpetrator")
    (trace,) = marker_traces(figure)
    assert "<script>" not in trace.hovertext[0] and "&lt;script&gt;" in trace.hovertext[0]
    assert trace.name == "&lt;b onmouseover=x&gt;"


def test_not_stated_toll_is_hollow_and_highlight_is_thick(frame):
    rows = frame[frame["id"].isin(["kunar-bank-2014-03-25", "kunduz-buzkashi-2014-03-25"])].copy()
    rows.loc[rows["id"] == "kunar-bank-2014-03-25", "killed_min"] = None
    (trace,) = marker_traces(timeline_figure(rows, highlight=frozenset({"kunduz-buzkashi-2014-03-25"})))
    by_id = dict(zip(trace.customdata, zip(trace.marker.symbol, trace.marker.line.width, strict=True), strict=True))
    assert by_id["kunar-bank-2014-03-25"] == ("circle-open", 1)
    assert by_id["kunduz-buzkashi-2014-03-25"] == ("circle", 3)


def test_view_opens_on_incidents_not_on_year_long_context(frame):
    figure = timeline_figure(frame, markers={"Article published": dt.date(2014, 3, 28)})
    start, end = figure.layout.xaxis.range
    assert start.startswith("2014-01") and end.startswith("2014-04")  # from the January strikes


def test_view_can_be_asked_to_include_the_election(frame):
    attacks = frame[frame["kind"] == "attack"]
    _, end = timeline_figure(attacks).layout.xaxis.range
    assert end < "2014-04-05"
    _, end = timeline_figure(attacks, in_view=(dt.date(2014, 4, 5),)).layout.xaxis.range
    assert end > "2014-04-05"

"""Views of many incidents: the timeline counts per bin, the map groups, filters and profiles stay column-wise."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from benchmarks.synthetic import synthetic_incidents
from dashboard.records.gazetteer import load_gazetteer
from dashboard.views.filters import Choices, Filters, filter_incidents
from dashboard.views.incident_map import (
    MAX_MARKERS,
    MIN_CELL_PX,
    CircleData,
    DiscData,
    bounds_from_leaflet,
    degrees_to_pixels,
    grid_cell_size,
    plan_map,
)
from dashboard.views.labels import label
from dashboard.views.profile import RecordIds, profile_of
from dashboard.views.timeline import timeline_figure
from dashboard.views.timeline_bins import bin_keys
from dashboard.views.timeline_plan import MAX_POINTS, MAX_SHADED, bin_for


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return synthetic_incidents(6000, seed=11)


def bars(figure: go.Figure) -> list[go.Bar]:
    return [trace for trace in figure.data if isinstance(trace, go.Bar)]


def test_above_the_threshold_the_timeline_counts_every_incident_in_bars(frame):
    events = frame[frame["kind"] != "context"]
    assert len(events) > MAX_POINTS
    figure = timeline_figure(frame)
    assert sum(sum(trace.y) for trace in bars(figure)) == len(events)  # every incident counted once
    assert {trace.name for trace in bars(figure)} == {label("kind", k) for k in events["kind"].astype(str)}
    assert figure.layout.yaxis.title.text == "Incidents per month"
    assert len(figure.layout.shapes) == 0  # too many context events to shade
    assert len(figure.to_json()) < 500_000


def test_below_the_threshold_each_incident_is_a_point(frame):
    few = frame[frame["province"] == "Kunar"].head(300)
    figure = timeline_figure(few)
    assert not bars(figure)
    points = [t for t in figure.data if t.mode == "markers" and t.name != "Context events"]
    assert sum(len(t.x) for t in points) == int((few["kind"] != "context").sum())


def test_the_bin_suits_the_range():
    day = pd.Timestamp("2014-03-01")
    assert bin_for(day, day + pd.Timedelta(days=100)) == "day"
    assert bin_for(day, day + pd.Timedelta(days=700)) == "week"
    assert bin_for(day, day + pd.Timedelta(days=3000)) == "month"


def test_a_bar_carries_its_first_and_last_day():
    starts = pd.DatetimeIndex(["2014-03-24", "2014-02-01"])
    assert bin_keys(starts[:1], "week") == ["bin:2014-03-24:2014-03-30"]
    assert bin_keys(starts[1:], "month") == ["bin:2014-02-01:2014-02-28"]


def test_few_context_events_are_shaded_many_are_counted(frame):
    context = frame[frame["kind"] == "context"]
    few = pd.concat([frame[frame["kind"] != "context"].head(100), context.head(3)])
    assert len(timeline_figure(few).layout.shapes) == 3
    assert len(context) > MAX_SHADED and len(timeline_figure(frame).layout.shapes) == 0


def test_the_map_groups_many_incidents_and_draws_those_in_view_when_few(frame):
    gazetteer = load_gazetteer()
    located = int(frame["lat"].notna().sum())
    assert located > MAX_MARKERS
    plan = plan_map(frame, "incidents", gazetteer)
    assert plan.mode == "groups" and plan.clickable == []
    discs = [d for layer in plan.layers for c in layer._children.values() if isinstance(c, DiscData) for d in c.discs]
    assert sum(d["count"] for d in discs) == located
    assert "Zoom in, or filter" in plan.note()
    around_kunar = (34.6, 70.9, 35.1, 71.4)  # Asadabad and its surroundings
    zoomed = plan_map(frame, "incidents", gazetteer, bounds=around_kunar)
    inside = frame[frame["lat"].between(34.6, 35.1) & frame["lon"].between(70.9, 71.4)]
    assert zoomed.mode == "in view" and sorted(zoomed.clickable) == sorted(inside["id"]) and zoomed.in_view == len(inside)
    assert plan_map(frame, "incidents", gazetteer, bounds=(20, 55, 40, 80)).mode == "groups"  # the whole region
    selected = frozenset(frame["id"].head(2))
    with_selection = plan_map(frame, "incidents", gazetteer, selected=selected)
    assert set(with_selection.clickable) == set(frame[frame["id"].isin(selected) & frame["lat"].notna()]["id"])


def test_leaflet_bounds_are_read_or_refused():
    value = {"_southWest": {"lat": 34.0, "lng": 69.0}, "_northEast": {"lat": 35.0, "lng": 70.0}}
    assert bounds_from_leaflet(value) == (34.0, 69.0, 35.0, 70.0)
    assert bounds_from_leaflet(None) is None and bounds_from_leaflet({"_southWest": {"lat": "x"}}) is None
    assert bounds_from_leaflet({"_southWest": {"lat": 36, "lng": 69}, "_northEast": {"lat": 35, "lng": 70}}) is None


def test_marker_data_cannot_close_the_script_it_is_in(frame):
    row = frame[frame["lat"].notna()].head(1).copy()
    row["title"] = "</script><script>alert(1)</script>"
    layer = plan_map(row, "incidents", load_gazetteer()).layers[0]
    (cluster,) = layer._children.values()
    (data,) = [child for child in cluster._children.values() if isinstance(child, CircleData)]
    text = data.rows_json
    assert "</" not in text and "<script" not in text
    assert "&lt;/script&gt;" in json.loads(text)[0][3]  # escaped as text, and still valid JSON


def test_no_filter_returns_the_frame_itself_and_text_search_ignores_case(frame):
    assert filter_incidents(frame, Filters()) is frame
    found = filter_incidents(frame, Filters(text="BOMBING NEAR"))
    assert len(found) and found["title"].str.contains("bombing near", case=False).all()
    assert len(found) == int(frame["title"].str.lower().str.contains("bombing near", regex=False).sum())


def test_the_profile_holds_the_choices_counts_and_colours(frame):
    profile = profile_of(frame)
    assert profile.choices == Choices.from_frame(frame)
    assert sum(profile.province_counts.values()) == int(frame["province"].notna().sum())
    assert profile.span == (frame["date_start"].min().date(), frame["date_end"].max().date())
    assert set(profile.scales["kind"]) == {"attack", "strike", "context"}
    ids = RecordIds(frame["id"])
    assert frame["id"].iloc[5] in ids and "syn-9999999" not in ids and 5 not in ids


def test_group_cells_are_wide_enough_on_screen_at_the_opening_zoom(frame):
    located = frame.dropna(subset=["lat", "lon"])
    for zoom in (4, 5, 6, 8):
        cell = grid_cell_size(located["lat"], located["lon"], zoom=zoom)
        assert degrees_to_pixels(cell, zoom) >= MIN_CELL_PX
    assert grid_cell_size(located["lat"], located["lon"], zoom=4) > grid_cell_size(located["lat"], located["lon"], zoom=8)


def test_zoomed_in_on_too_many_the_map_groups_those_in_view_in_finer_cells(frame):
    gazetteer = load_gazetteer()
    whole = plan_map(frame, "incidents", gazetteer, zoom=5)
    kabul_region = (33.5, 68.0, 35.5, 70.5)  # Kabul and the provinces around it
    inside = frame[frame["lat"].between(33.5, 35.5) & frame["lon"].between(68.0, 70.5)]
    assert len(inside) > MAX_MARKERS
    zoomed = plan_map(frame, "incidents", gazetteer, bounds=kabul_region, zoom=5)
    assert zoomed.mode == "groups" and zoomed.in_view == len(inside) and zoomed.cell < whole.cell
    discs = [d for layer in zoomed.layers for c in layer._children.values() if isinstance(c, DiscData) for d in c.discs]
    assert sum(d["count"] for d in discs) == len(inside)
    assert f"the {len(inside)} in this part of the map are grouped" in zoomed.note()


def test_a_large_total_is_rounded_for_the_headline_and_exact_in_words():
    from dashboard.views.casualties import TotalRange

    total = TotalRange(2_126_541, 2_734_002, 900_000, 70_000)
    assert total.short() == "2.1M-2.7M" and str(total) == "2126541-2734002"  # the one shortener's rule (views/numbers.py)
    assert TotalRange(17, None, 2, 1).short() == "at least 17" == str(TotalRange(17, None, 2, 1))
    assert TotalRange(0, 0, 0, 3).short() == "not stated"


def test_a_disc_shows_a_short_count_and_its_tooltip_the_exact_one():
    from dashboard.views.incident_map import grid_layer
    from dashboard.views.numbers import short_number

    rows = 2140
    frame = pd.DataFrame({"lat": [34.5] * rows, "lon": [69.2] * rows, "killed_min": [1] * rows, "killed_max": [2] * rows})
    layer, groups, _ = grid_layer(frame)
    (disc,) = [d for c in layer._children.values() if isinstance(c, DiscData) for d in c.discs]
    assert groups == 1 and disc["label"] == short_number(rows) == "2.1k"
    assert disc["tooltip"].startswith("2,140 incident(s)")


def test_groups_and_bars_add_up_ranges_as_the_headline_does(frame):
    from dashboard.views.casualties import add_up, group_range, total_range

    rows = frame[frame["kind"] != "context"].head(3000).copy()
    rows.loc[rows.index[0], ["killed_min", "killed_max"]] = [15, pd.NA]  # "at least 15": no upper bound
    whole = add_up(pd.DataFrame({"all": 0}, index=rows.index), ["all"], rows["killed_min"], rows["killed_max"])
    assert str(group_range(next(whole.itertuples()))) == str(total_range(rows["killed_min"], rows["killed_max"]))
    assert str(total_range(rows["killed_min"], rows["killed_max"])).startswith("at least")
    cell = plan_map(rows.head(1200), "incidents", load_gazetteer())  # over 1,000 located: groups
    tooltips = [
        d["tooltip"] for layer in cell.layers for c in layer._children.values() if isinstance(c, DiscData) for d in c.discs
    ]
    assert any("killed at least" in t for t in tooltips)
    bars = [t for t in timeline_figure(rows).data if isinstance(t, go.Bar)]
    assert any("Killed: at least" in text for trace in bars for text in trace.hovertext)

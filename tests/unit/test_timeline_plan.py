"""The timeline's plan: the mode, the bins, the opening days and the captions, decided once and read by the figure."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import pytest

from benchmarks.synthetic import synthetic_incidents
from dashboard.records.loader import load_dataset
from dashboard.views.timeline import timeline_figure
from dashboard.views.timeline_plan import MAX_POINTS, MAX_SHADED, POINTS_CAPTION, plan_timeline

ELECTION = dt.date(2014, 4, 5)
PUBLISHED = dt.date(2014, 3, 28)


@pytest.fixture(scope="module")
def curated():
    return load_dataset().frame


@pytest.fixture(scope="module")
def many():
    return synthetic_incidents(6000, seed=11)  # 2,000+ attacks and strikes spread over years, as a big import is


def test_the_curated_data_is_drawn_as_points_with_its_periods_named(curated):
    plan = plan_timeline(curated, [PUBLISHED, ELECTION])
    assert (plan.mode, plan.bin, plan.context_mode) == ("points", None, "shaded")
    assert plan.events == int((curated["kind"] != "context").sum()) and plan.context == 8
    shaded, points = plan.captions
    assert shaded.startswith("Shaded periods: ") and "ceasefire" in shaded.lower()
    assert "(01 Mar 2014 to 10 Apr 2014)" in shaded  # the TTP ceasefire, with its days
    assert points == POINTS_CAPTION and "hollow: not stated" in points
    assert plan.y_title == "Killed (lowest reported figure)"


def test_the_opening_span_is_the_incidents_not_the_2013_context_record(curated):
    first_context = curated.loc[curated["kind"] == "context", "date_start"].min()
    assert first_context.year == 2013  # the record that would stretch it
    plan = plan_timeline(curated, [PUBLISHED, ELECTION])
    assert plan.opening == (pd.Timestamp("2014-01-20"), pd.Timestamp("2014-04-05"))
    assert plan.opening_range == ["2014-01-16T00:00:00", "2014-04-10T00:00:00"]  # four days either side
    attacks_only = plan_timeline(curated[curated["kind"] == "attack"])
    assert attacks_only.opening == (pd.Timestamp("2014-03-03"), pd.Timestamp("2014-03-28"))


def test_many_incidents_over_years_are_counted_per_week_or_month(many):
    plan = plan_timeline(many)
    assert plan.events > MAX_POINTS and plan.mode == "bins" and plan.bin == "month"
    assert MAX_SHADED < plan.context <= MAX_POINTS and (plan.context_mode, plan.context_bin) == ("row", None)
    context_words, bins_words = plan.captions
    assert context_words.startswith(f"{plan.context} context events: too many to shade")
    assert bins_words.startswith(f"{plan.events} attacks and strikes: too many to draw one by one (over {MAX_POINTS})")
    assert "bars count them per month" in bins_words and plan.y_title == "Incidents per month"
    # The same incidents squeezed into under three years: weeks.
    first = many["date_start"].min()
    starts = (first + (many["date_start"] - first) / 6).dt.normalize()
    squeezed = many.assign(date_start=starts, date_end=starts + ((many["date_end"] - many["date_start"]) / 6).dt.floor("D"))
    assert (squeezed["date_end"].max() - first).days < 3 * 365
    assert plan_timeline(squeezed).bin == "week" and "per week" in plan_timeline(squeezed).captions[-1]
    all_context = plan_timeline(many.assign(kind="context"))  # a table of context events only
    assert (all_context.mode, all_context.context_mode, all_context.context_bin) == ("points", "counts", "month")


def test_between_the_thresholds_context_is_a_row_of_diamonds_not_shading(many):
    some = pd.concat([many[many["kind"] != "context"].head(100), many[many["kind"] == "context"].head(MAX_SHADED + 1)])
    plan = plan_timeline(some)
    assert (plan.mode, plan.context_mode) == ("points", "row")
    assert plan.captions[0].startswith(f"{MAX_SHADED + 1} context events")


def test_the_figure_follows_the_plan_it_is_given(curated, many):
    plan = plan_timeline(curated, [PUBLISHED], position=dt.date(2014, 3, 14))
    figure = timeline_figure(curated, plan=plan)
    assert list(figure.layout.xaxis.range) == plan.opening_range
    assert figure.layout.yaxis.title.text == plan.y_title
    (line,) = [s for s in figure.layout.shapes if s.type == "line" and s.line.width == 2]
    assert str(line.x0).startswith("2014-03-15")  # the end of the 14th: incidents that day are left of it
    assert any(a.text == "Up to 14 Mar 2014" for a in figure.layout.annotations)
    assert not [s for s in timeline_figure(curated).layout.shapes if s.line.width == 2]  # no position, no line
    bars = [t for t in timeline_figure(many, plan=plan_timeline(many)).data if isinstance(t, go.Bar)]
    assert bars and all(str(key).startswith("bin:") for trace in bars for key in trace.customdata)

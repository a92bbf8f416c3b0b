"""The grade from the reader's side, in the pure builders: popup, filter (and its URL), colours, legend."""

from __future__ import annotations

import pytest

from dashboard.records.grading import CONTESTED, CORROBORATED, NOT_GRADED
from dashboard.records.loader import load_dataset
from dashboard.views.colors import GRADE_COLORS, color_labels, color_scale
from dashboard.views.filters import Choices, Filters, filter_incidents, parse_query
from dashboard.views.incident_map import popup_html
from dashboard.views.view_state import parse_view

KUNDUZ = "kunduz-buzkashi-2014-03-25"


@pytest.fixture(scope="module")
def frame():
    return load_dataset().frame


def test_popup_says_the_grade_and_how_it_was_reached(frame):
    row = frame.set_index("id", drop=False).loc[KUNDUZ]
    popup = popup_html(row)
    assert "Grade: contested (tolls differ: at least 6 (Reuters); 6 (The Guardian, dpa); 5 (AFP, Anadolu Agency))" in popup
    context = frame[frame["kind"] == "context"].iloc[0]
    assert "Grade: not graded" in popup_html(context)


def test_grade_filter_keeps_only_that_grade_and_round_trips_through_the_url(frame):
    choices = Choices.from_frame(frame)
    assert {CORROBORATED, CONTESTED, NOT_GRADED} <= choices.grades
    state = Filters(grades=(CONTESTED,))
    assert state.to_query() == {"grade": [CONTESTED]}
    parsed, ignored = parse_query(state.to_query(), choices)
    assert parsed == state and ignored == []
    kept = filter_incidents(frame, state)
    assert len(kept) and set(kept["grade"]) == {CONTESTED} and KUNDUZ in set(kept["id"])
    assert len(kept) == int((frame["grade"] == CONTESTED).sum())


def test_an_unknown_grade_in_a_link_is_ignored_and_named(frame):
    parsed, ignored = parse_query({"grade": ["rumour"]}, Choices.from_frame(frame))
    assert parsed == Filters() and ignored == ["grade='rumour': not a known grade"]


def test_colour_by_grade_gives_each_grade_its_fixed_colour(frame):
    labels = color_labels(frame, "grade")
    assert labels[frame["id"] == KUNDUZ].item() == CONTESTED
    scale = color_scale(labels.unique(), "grade")
    assert scale[CONTESTED] == GRADE_COLORS[CONTESTED] and scale[NOT_GRADED] == GRADE_COLORS[NOT_GRADED]
    assert len(set(scale.values())) == len(scale)  # no two grades share a colour


def test_color_grade_is_a_valid_link_value(frame):
    view, ignored = parse_view({"color": ["grade"]}, Choices.from_frame(frame), set(frame["id"]))
    assert view.color == "grade" and ignored == []

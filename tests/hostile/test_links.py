"""Hostile and mangled links: every value a stranger can type gives a view plus named notices."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from dashboard.records.loader import load_dataset
from dashboard.views.filters import MAX_TEXT, Choices
from dashboard.views.view_state import parse_view

STEPS = 11


@pytest.fixture(scope="module")
def known():
    frame = load_dataset().frame
    return Choices.from_frame(frame), set(frame["id"]), STEPS


@pytest.mark.parametrize("value", ["²", "١٢", "½", "-3", "1e3", "9" * 5000, "", " ", "3.5", "0x10"])
def test_killed_that_is_not_a_plain_whole_number_is_a_notice_not_an_error(value, known):
    view, ignored = parse_view({"killed": [value]}, *known)
    assert view.filters.min_killed is None
    assert len(ignored) == 1 and ignored[0].startswith("killed=") and "not a whole number" in ignored[0]


@pytest.mark.parametrize("value", ["²", "٣", "3²", "-1", "1e1", "9" * 5000])
def test_step_that_is_not_a_passage_number_is_a_notice_not_an_error(value, known):
    view, ignored = parse_view({"step": [value]}, *known)
    assert view.step is None
    assert len(ignored) == 1 and ignored[0].startswith("step=") and "not a passage number" in ignored[0]


def test_killed_with_spaces_still_counts(known):
    view, ignored = parse_view({"killed": [" 12 "]}, *known)
    assert view.filters.min_killed == 12 and ignored == []


def test_a_text_search_longer_than_the_limit_is_cut_and_says_so(known):
    view, ignored = parse_view({"q": ["a" * (MAX_TEXT + 5)]}, *known)
    assert view.filters.text == "a" * MAX_TEXT
    assert ignored == [f"q: longer than {MAX_TEXT} characters; only the first {MAX_TEXT} are searched"]


def test_a_thousand_repeated_values_give_one_short_notice(known):
    params = parse_qs("&".join(f"province=Nowhere{n}" for n in range(1000)))
    view, ignored = parse_view(params, *known)
    assert view.filters.provinces == ()
    text = "; ".join(ignored)
    assert "ignored 1000 values of province" in text and len(text) < 400


def test_a_thousand_unknown_names_give_one_short_notice(known):
    params = parse_qs("&".join(f"zz{n}=1" for n in range(1000)))
    _, ignored = parse_view(params, *known)
    text = "; ".join(ignored)
    assert "1000 unknown parameters" in text and "zz0" in text and len(text) < 400


def test_a_huge_value_is_quoted_short_in_its_notice(known):
    _, ignored = parse_view({"color": ["x" * 100_000]}, *known)
    assert len(ignored) == 1 and len(ignored[0]) < 200


def test_repeated_known_values_are_kept_once(known):
    view, ignored = parse_view({"province": ["Kabul"] * 1000}, *known)
    assert view.filters.provinces == ("Kabul",)
    assert len("; ".join(ignored)) < 400

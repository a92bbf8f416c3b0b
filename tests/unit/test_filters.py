"""Filter state: its round trip through query parameters, malformed links, and what it keeps."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.records.loader import load_dataset
from dashboard.views.filters import Choices, Filters, filter_incidents, parse_query


@pytest.fixture(scope="module")
def frame():
    return load_dataset().frame


@pytest.fixture(scope="module")
def choices(frame):
    return Choices.from_frame(frame)


@pytest.mark.parametrize(
    "state",
    [
        Filters(),
        Filters(provinces=("Kabul", "Kunar")),
        Filters(countries=("PAK",), date_from=dt.date(2014, 3, 1), date_to=dt.date(2014, 3, 31)),
        Filters(kinds=("attack", "strike"), actors=("Ahrar-ul-Hind",), min_killed=5, text="hotel"),
        Filters(attack_types=("complex_attack",), target_types=("police", "election")),
    ],
)
def test_round_trip_through_query_parameters(state, choices):
    parsed, ignored = parse_query(state.to_query(), choices)
    assert parsed == state and ignored == []


def test_default_state_has_a_bare_url():
    assert Filters().to_query() == {}


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"from": ["2014-13-45"]}, "not a date"),
        ({"province": ["Atlantis"]}, "not a known province"),
        ({"from": ["2014-04-01"], "to": ["2014-03-01"]}, "is after"),
        ({"killed": ["lots"]}, "not a whole number"),
        ({"killed": ["9" * 400]}, "not a whole number"),
        ({"kind": ["<script>alert(1)</script>"]}, "not a known kind"),
    ],
)
def test_malformed_parameters_are_ignored_and_named(params, words, choices):
    parsed, ignored = parse_query(params, choices)
    assert parsed == Filters()
    assert len(ignored) == 1 and words in ignored[0]


def test_good_parameters_survive_beside_bad_ones(choices):
    parsed, ignored = parse_query({"province": ["Kabul", "Atlantis"], "to": ["nope"]}, choices)
    assert parsed == Filters(provinces=("Kabul",))
    assert len(ignored) == 2


def test_province_filter_keeps_only_that_province(frame):
    kept = filter_incidents(frame, Filters(provinces=("Kabul",)))
    assert set(kept["province"]) == {"Kabul"} and len(kept) == 3


def test_date_filter_keeps_intervals_that_overlap(frame):
    kept = set(filter_incidents(frame, Filters(date_from=dt.date(2014, 3, 25), date_to=dt.date(2014, 3, 25)))["id"])
    assert {"kunar-bank-2014-03-25", "kunduz-buzkashi-2014-03-25", "kabul-iec-office-2014-03-25"} <= kept
    assert "ttp-ceasefire-2014-03-01" in kept  # a lasting event that spans the day
    assert "kabul-serena-hotel-2014-03-20" not in kept


def test_min_killed_uses_the_lowest_figure_and_drops_not_stated(frame):
    kept = filter_incidents(frame, Filters(min_killed=10))
    assert (kept["killed_min"] >= 10).all()
    assert "kunar-bank-2014-03-25" not in set(kept["id"])  # 2-5 killed


def test_actor_matches_perpetrator_or_claimant_and_text_search(frame):
    assert list(filter_incidents(frame, Filters(actors=("Ahrar-ul-Hind",)))["id"]) == ["islamabad-court-2014-03-03"]
    assert "kabul-serena-hotel-2014-03-20" in set(filter_incidents(frame, Filters(text="SERENA"))["id"])

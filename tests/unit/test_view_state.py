"""The whole view in the URL: selection, colouring and map layer beside the filters."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlencode

import pytest

from dashboard.records.loader import load_dataset
from dashboard.views.filters import Choices, Filters
from dashboard.views.view_state import MAX_SELECTED, View, parse_view


@pytest.fixture(scope="module")
def frame():
    return load_dataset().frame


STEPS = 11  # passages in the curated article


@pytest.fixture(scope="module")
def known(frame):
    return Choices.from_frame(frame), set(frame["id"]), STEPS


@pytest.mark.parametrize(
    "view",
    [
        View(),
        View(incidents=("kabul-guesthouse-2014-03-28",)),
        View(Filters(provinces=("Kabul",)), ("kabul-iec-office-2014-03-25", "kabul-guesthouse-2014-03-28"), "province"),
        View(layer="provinces", color="perpetrator"),
        View(incidents=("kunar-bank-2014-03-25",), step=4, order="date"),
        View(Filters(kinds=("attack",)), until=dt.date(2014, 3, 14)),
    ],
)
def test_round_trip_through_a_real_query_string(view, known):
    # Through urlencode and parse_qs, as a browser's address bar would carry it.
    params = parse_qs(urlencode(view.to_query(), doseq=True))
    parsed, ignored = parse_view(params, *known)
    assert parsed == view and ignored == []


def test_default_view_has_a_bare_url():
    assert View().to_query() == {}


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"incident": ["made-up-2099-01-01"]}, "no record has this id"),
        ({"color": ["rainbow"]}, "not one of"),
        ({"layer": ["satellite"]}, "not one of"),
        ({"zzz": ["1"]}, "not a known parameter"),
        ({"incident": ["<script>alert(1)</script>"]}, "no record has this id"),
        ({"step": ["0"]}, "not a passage number"),
        ({"step": ["12"]}, "not a passage number"),
        ({"step": ["two"]}, "not a passage number"),
        ({"order": ["random"]}, "not one of"),
        ({"until": ["2014-02-30"]}, "until='2014-02-30': not a date"),
        ({"until": ["last week"]}, "not a date (expected YYYY-MM-DD)"),
    ],
)
def test_malformed_view_parameters_fall_back_and_are_named(params, words, known):
    parsed, ignored = parse_view(params, *known)
    assert parsed == View()
    assert len(ignored) == 1 and words in ignored[0]


def test_filter_problems_are_reported_with_view_problems(known):
    parsed, ignored = parse_view({"province": ["Atlantis"], "incident": ["nope"], "color": ["province"]}, *known)
    assert parsed == View(color="province")
    assert len(ignored) == 2


def test_repeated_incidents_are_kept_once_and_capped(frame, known):
    ids = list(frame["id"])
    parsed, _ = parse_view({"incident": [ids[0], ids[0], ids[1]]}, *known)
    assert parsed.incidents == (ids[0], ids[1])
    many = {f"id-{n}" for n in range(MAX_SELECTED + 10)}
    parsed, _ = parse_view({"incident": sorted(many)}, known[0], many)
    assert len(parsed.incidents) == MAX_SELECTED


def test_the_play_position_is_one_parameter_and_the_last_value_wins(known):
    assert View(until=dt.date(2014, 3, 14)).to_query() == {"until": ["2014-03-14"]}
    parsed, ignored = parse_view({"until": ["2014-03-01", "2014-03-14"]}, *known)
    assert parsed.until == dt.date(2014, 3, 14) and ignored == []

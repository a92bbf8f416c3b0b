"""Headline figures of a view, and source links that stay links (or become plain text)."""

from __future__ import annotations

import pytest
import yaml

from dashboard.records.loader import load_dataset
from dashboard.records.problems import DataError
from dashboard.views.escape import markdown_link
from dashboard.views.summary import days_text, headline
from tests.conftest import CONTEXT_RECORD, VALID_RECORD


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def countdown(dataset):
    frame = dataset.frame
    return frame[frame["id"] == dataset.meta["countdown_to"]].iloc[0]


def test_headline_counts_attacks_apart_from_context(dataset):
    frame = dataset.frame
    figures = headline(frame, countdown(dataset))
    assert figures.incidents == int((frame["kind"] != "context").sum())
    assert figures.context == int((frame["kind"] == "context").sum())
    assert figures.provinces == frame.loc[frame["kind"] != "context", "province"].nunique()
    assert figures.countdown_label == "Afghan presidential election"


def test_days_before_the_election_from_nearest_to_farthest(dataset):
    frame = dataset.frame
    kabul_today = frame[frame["id"] == "kabul-guesthouse-2014-03-28"]
    assert headline(kabul_today, countdown(dataset)).days_before == (8, 8)  # 28 March to 5 April
    strikes = frame[frame["id"] == "north-waziristan-air-strikes-2014-02-20"]
    assert headline(strikes, countdown(dataset)).days_before == (34, 44)  # 2 March and 20 February
    assert days_text((34, 44)) == "34 to 44 days" and days_text(None) == "–"


def test_killed_headline_is_a_range_that_never_counts_not_stated_as_zero(dataset):
    frame = dataset.frame
    figures = headline(frame)
    events = frame[frame["kind"] != "context"]
    assert figures.killed.low == int(events["killed_min"].sum())
    assert figures.killed.stated + figures.killed.not_stated == len(events)


def test_countdown_must_name_a_record(write_dataset):
    document = {"dataset": {"countdown_to": "no-such-record"}, "incidents": [VALID_RECORD, CONTEXT_RECORD]}
    path = write_dataset(text=yaml.safe_dump(document, sort_keys=False))
    with pytest.raises(DataError) as error:
        load_dataset(path)
    assert any(p.field == "dataset.countdown_to" and "no-such-record" in p.message for p in error.value.problems)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://e.org/a (b)", "[Dawn](https://e.org/a%20%28b%29)"),
        ("javascript:alert(1)", "Dawn"),
        ("", "Dawn"),
        ("http://e.org/?q=1&r=2", "[Dawn](http://e.org/?q=1&r=2)"),
    ],
)
def test_markdown_links_only_for_http_and_never_broken_out_of(url, expected):
    assert markdown_link("Dawn", url) == expected

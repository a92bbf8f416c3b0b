"""The play control's steps and what each shows, on the curated data and on made-up periods."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.records.loader import load_dataset
from dashboard.views.playback import advance, neighbour, play_period, play_steps, step_text, step_unit, stops, up_to


@pytest.fixture(scope="module")
def frame():
    return load_dataset().frame


def rows(*spans: tuple[str, str], kind: str = "attack") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(len(spans))],
            "kind": [kind] * len(spans),
            "date_start": pd.to_datetime([s for s, _ in spans]),
            "date_end": pd.to_datetime([e for _, e in spans]),
        }
    )


def test_the_curated_period_is_played_week_by_week_from_the_first_strike_to_the_election(frame):
    steps = play_steps(frame)
    # The 2013 video (context) does not add fifty empty weeks; the election (5 April) is the last day a record begins.
    assert play_period(frame) == (dt.date(2014, 1, 20), dt.date(2014, 4, 5))
    assert steps[0] == dt.date(2014, 1, 20) and steps[-1] == dt.date(2014, 4, 5)
    assert all((b - a).days == 7 for a, b in zip(steps[:-2], steps[1:-1], strict=True))
    assert 0 < (steps[-1] - steps[-2]).days <= 7
    assert len(steps) == 12


def test_a_short_period_is_played_day_by_day_and_a_long_one_month_by_month():
    short = play_steps(rows(("2014-03-03", "2014-03-03"), ("2014-03-20", "2014-03-20")))
    assert step_unit(short[0], short[-1]) == "day"
    assert short == tuple(dt.date(2014, 3, d) for d in range(3, 21))
    three_weeks = play_steps(rows(("2014-03-01", "2014-03-01"), ("2014-03-22", "2014-03-22")))
    assert [d.day for d in three_weeks] == [1, 8, 15, 22]  # 21 days apart: weekly, and the last lands on a step
    decade = play_steps(rows(("2004-01-15", "2004-01-15"), ("2013-12-31", "2013-12-31")))
    assert decade[1] == dt.date(2004, 2, 15) and decade[-1] == dt.date(2013, 12, 31) and len(decade) == 121


def test_nothing_shown_gives_no_steps(frame):
    assert play_steps(frame.iloc[:0]) == () and play_period(frame.iloc[:0]) is None
    assert advance((), None) == (None, False)


def test_each_step_shows_the_records_begun_by_its_day(frame):
    steps = play_steps(frame)
    events = frame[frame["kind"] != "context"]
    counts = [int((up_to(frame, day)["kind"] != "context").sum()) for day in steps]
    assert counts == sorted(counts) and counts[0] == 1 and counts[-1] == len(events)  # fewer early, all at the end
    assert len(up_to(frame, None)) == len(frame)
    assert step_text(frame, dt.date(2014, 3, 14)) == "Up to 14 March 2014: 3 of 10 attacks and strikes"
    assert step_text(frame, None) == "All 10 attacks and strikes, 20 January to 5 April 2014"


def test_stepping_and_playing_stay_within_the_steps():
    steps = (dt.date(2014, 1, 1), dt.date(2014, 1, 8), dt.date(2014, 1, 10))
    assert neighbour(steps, None, -1) == dt.date(2014, 1, 8)  # no position is the end
    assert neighbour(steps, steps[0], -1) == steps[0] and neighbour(steps, steps[-1], 1) == steps[-1]
    linked = dt.date(2014, 1, 5)  # a day from a link, between two steps: kept as a stop of its own
    assert stops(steps, linked) == (steps[0], linked, steps[1], steps[2])
    assert neighbour(steps, linked, 1) == steps[1] and neighbour(steps, linked, -1) == steps[0]
    assert advance(steps, None) == (steps[0], True)  # Play from the end starts again
    assert advance(steps, steps[0]) == (steps[1], True)
    assert advance(steps, steps[1]) == (steps[2], False)  # reaching the last step stops
    assert advance(steps, steps[2]) == (steps[0], True)

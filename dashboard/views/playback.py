"""Playing the period: the days the play control steps through, and what is shown at each.

Pure, no Streamlit. The rule: from the first attack or strike's first day to the last day any shown
record begins, one step a day when that is under three weeks, a week up to three years, a month
beyond; the last step is always that last day, so the last step shows everything. At a step the map
shows the records that began on or before its day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.views.shared_frames import kept_with_frame

from .describe import day_text, span_text

DAILY_BELOW = 21  # days: a shorter period is played day by day (three weeks would be only three steps)
MONTHLY_ABOVE = 3 * 365  # days: a longer one month by month, so a decade is about 120 steps, not 520
EVENTS = "attacks and strikes"


def step_unit(first: dt.date, last: dt.date) -> str:
    """'day', 'week' or 'month': the step for a period from `first` to `last`."""
    days = (last - first).days
    return "day" if days < DAILY_BELOW else "week" if days <= MONTHLY_ABOVE else "month"


@kept_with_frame  # a scan at a million rows: once per shared frame
def play_period(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last day to play: from the first attack or strike (a context record a year earlier
    would add fifty empty steps) to the last day any shown record begins. None when nothing is shown."""
    if frame.empty:
        return None
    events = frame[frame["kind"] != "context"]
    first = (events if len(events) else frame)["date_start"].min()
    return first.date(), max(frame["date_start"].max().date(), first.date())


@kept_with_frame  # a scan at a million rows: once per shared frame
def play_steps(frame: pd.DataFrame) -> tuple[dt.date, ...]:
    """The days the control stops at, in order: every day, week or month from the first day, then the last."""
    period = play_period(frame)
    if period is None:
        return ()
    first, last = period
    unit = step_unit(first, last)
    if unit == "month":
        days = [d.date() for d in pd.date_range(first, last, freq=pd.DateOffset(months=1))]
    else:
        days = [d.date() for d in pd.date_range(first, last, freq="D" if unit == "day" else "7D")]
    if days[-1] != last:
        days.append(last)
    return tuple(days)


def stops(steps: tuple[dt.date, ...], position: dt.date | None) -> tuple[dt.date, ...]:
    """The steps, with a position from a link that is not one of them added in its place (it stays as linked)."""
    if position is None or position in steps:
        return steps
    return tuple(sorted({*steps, position}))


def neighbour(steps: tuple[dt.date, ...], position: dt.date | None, offset: int) -> dt.date | None:
    """The stop `offset` steps from `position` (None: the end, where everything is shown), kept within the steps."""
    if not steps:
        return position
    options = stops(steps, position)
    index = len(options) - 1 if position is None else options.index(position)
    return options[min(max(index + offset, 0), len(options) - 1)]


def advance(steps: tuple[dt.date, ...], position: dt.date | None) -> tuple[dt.date | None, bool]:
    """One tick of playing: the next position, and whether to keep playing. From the end (or no position)
    it starts again at the first step; it stops on the last."""
    if not steps:
        return position, False
    if position is None or position >= steps[-1]:
        return steps[0], len(steps) > 1
    following = neighbour(steps, position, 1)
    return following, following != steps[-1]


def up_to(frame: pd.DataFrame, position: dt.date | None) -> pd.DataFrame:
    """The records that began on or before `position` (all of them when there is none)."""
    if position is None:
        return frame
    return frame[frame["date_start"] <= pd.Timestamp(position)]


@kept_with_frame  # a scan at a million rows: once per shared frame
def step_text(frame: pd.DataFrame, position: dt.date | None) -> str:
    """What a step shows, for a reader and a screen reader: 'Up to 14 March 2014: 6 of 9 attacks and strikes'."""
    events = frame[frame["kind"] != "context"]
    if position is None:
        period = play_period(frame)
        when = f", {span_text(pd.Timestamp(period[0]), pd.Timestamp(period[1]))}" if period else ""
        return f"All {len(events)} {EVENTS}{when}"
    reached = int((events["date_start"] <= pd.Timestamp(position)).sum())
    return f"Up to {day_text(pd.Timestamp(position))}: {reached} of {len(events)} {EVENTS}"

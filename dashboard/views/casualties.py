"""Casualty ranges in words. Empty means the sources state no figure, which is not zero."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .numbers import short_number


def casualty_range(low: object, high: object) -> str:
    """'9', '2-5', 'at least 15', or 'not stated'."""
    if pd.isna(low):
        return "not stated"
    if pd.isna(high):
        return f"at least {int(low)}"
    return str(int(low)) if low == high else f"{int(low)}-{int(high)}"


@dataclass(frozen=True)
class TotalRange:
    """The sum of several ranges: `high` is None when one of them is open ('at least')."""

    low: int
    high: int | None
    stated: int  # how many records state a figure
    not_stated: int  # how many do not

    def __str__(self) -> str:
        return self.text(str)

    def short(self) -> str:
        """As str(), with large figures shortened ('2.1M-2.7M', views/numbers.py), for a headline tile that has no room."""
        return self.text(short_number)

    def text(self, number) -> str:
        if self.stated == 0:
            return "not stated"
        if self.high is None:
            return f"at least {number(self.low)}"
        return number(self.low) if self.low == self.high else f"{number(self.low)}-{number(self.high)}"


def total_range(lows: pd.Series, highs: pd.Series) -> TotalRange:
    """Add ranges row by row: lows add up, highs add up unless one is open; unstated rows are counted apart."""
    stated = lows.notna()
    low = int(lows[stated].sum())
    open_ended = (stated & highs.isna()).any()
    high = None if open_ended else int(highs[stated].sum())
    return TotalRange(low, high, int(stated.sum()), int((~stated).sum()))


def add_up(table: pd.DataFrame, by: list[str], lows: pd.Series, highs: pd.Series, **extra: tuple[str, str]) -> pd.DataFrame:
    """Ranges added up per group of `table` (grouped by the columns `by`), as `total_range` adds them:
    incidents, stated, low, high and open (a group holding an 'at least' figure has no upper bound),
    plus any `extra` named aggregations of the table's own columns."""
    stated = lows.notna()
    table = table.assign(_low=lows.astype("Float64"), _high=highs.astype("Float64"), _stated=stated, _open=stated & highs.isna())
    return table.groupby(by, sort=True).agg(
        incidents=("_stated", "size"),
        stated=("_stated", "sum"),
        low=("_low", "sum"),
        high=("_high", "sum"),
        open=("_open", "any"),
        **extra,
    )


def group_range(group: object) -> TotalRange:
    """The TotalRange of one row of `add_up` (from itertuples)."""
    return TotalRange(
        int(group.low),  # type: ignore[attr-defined]
        None if group.open else int(group.high),  # type: ignore[attr-defined]
        int(group.stated),  # type: ignore[attr-defined]
        int(group.incidents - group.stated),  # type: ignore[attr-defined]
    )

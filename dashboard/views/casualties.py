"""Casualty ranges in words. Empty means the sources state no figure, which is not zero."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


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
        """As str(), with large figures rounded ('2.13M-2.74M'), for a headline tile that has no room."""
        return self.text(compact_number)

    def text(self, number) -> str:
        if self.stated == 0:
            return "not stated"
        if self.high is None:
            return f"at least {number(self.low)}"
        return number(self.low) if self.low == self.high else f"{number(self.low)}-{number(self.high)}"


def compact_number(value: int) -> str:
    """Exact below 100,000; then thousands or millions to three figures ('512k', '2.13M')."""
    if value < 100_000:
        return str(value)
    if value < 1_000_000:
        return f"{value / 1000:.0f}k"
    return f"{value / 1_000_000:.3g}M"


def total_range(lows: pd.Series, highs: pd.Series) -> TotalRange:
    """Add ranges row by row: lows add up, highs add up unless one is open; unstated rows are counted apart."""
    stated = lows.notna()
    low = int(lows[stated].sum())
    open_ended = (stated & highs.isna()).any()
    high = None if open_ended else int(highs[stated].sum())
    return TotalRange(low, high, int(stated.sum()), int((~stated).sum()))

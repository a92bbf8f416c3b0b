"""What the sidebar and the link parser need to know about a whole dataset, computed once per dataset.

At a million rows, finding the distinct provinces, actors and types, the date span and the colour
scales takes about a second; the app computes this once per dataset and shares it between
sessions and reruns (dashboard.app caches it), instead of once per click.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from .colors import COLOR_OPTIONS, color_labels, color_scale
from .filters import Choices


@dataclass(frozen=True)
class DataProfile:
    choices: Choices  # the values each filter may take
    span: tuple[dt.date, dt.date]  # first and last day of any record
    province_counts: dict[str, int]  # records per province, shown beside the names in the filter
    scales: dict[str, dict[str, str]]  # colour option -> label -> colour, over the whole dataset


def profile_of(frame: pd.DataFrame) -> DataProfile:
    # Colours are fixed over the whole dataset, so a filter never repaints the categories that remain.
    scales = {option: color_scale(color_labels(frame, option).unique(), option) for option in COLOR_OPTIONS}
    return DataProfile(
        choices=Choices.from_frame(frame),
        span=(frame["date_start"].min().date(), frame["date_end"].max().date()),
        province_counts={str(k): int(v) for k, v in frame["province"].value_counts().items()},
        scales=scales,
    )


class RecordIds:
    """`id in RecordIds(frame["id"])` without building a set of a million ids: links name a handful."""

    def __init__(self, ids: pd.Series) -> None:
        self._ids = ids

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and bool((self._ids == value).any())

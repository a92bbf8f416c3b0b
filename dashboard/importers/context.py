"""What one import knows about its whole file while it converts batch by batch: how each date column
is ordered (decided before the first row is converted) and which date shapes it met."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .columns import parse_unique
from .dates import DAY_FIRST, DateOrder, DateReport, parse_date


@dataclass
class Context:
    orders: dict[str, DateOrder] = field(default_factory=dict)
    reports: dict[str, DateReport] = field(default_factory=dict)

    def _report(self, name: str) -> DateReport:
        if name not in self.reports:
            self.reports[name] = DateReport(name, order=self.orders.get(name))
        return self.reports[name]

    def date(self, value: str, name: str) -> dt.date:
        """One cell (row-by-row converters); Reject when it is not a date."""
        day, shape = parse_date(value, name, self.orders.get(name, DAY_FIRST))
        self._report(name).shapes[shape] += 1
        return day

    def dates(self, column: pd.Series, name: str) -> tuple[np.ndarray, np.ndarray]:
        """A whole column: days (NaT where rejected) and reasons (None where read)."""
        order = self.orders.get(name, DAY_FIRST)
        codes, parsed, reasons = parse_unique(column, lambda v: parse_date(v, name, order))
        days = np.array([p[0] if p else None for p in parsed], dtype="datetime64[D]")
        shapes = np.array([p[1] if p else "" for p in parsed], dtype=object)
        counts = np.bincount(codes, minlength=len(parsed))
        for shape, n in zip(shapes, counts, strict=True):
            if shape and n:
                self._report(name).shapes[shape] += int(n)
        return days[codes], reasons[codes]

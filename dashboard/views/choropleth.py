"""Totals by province as a choropleth: a small table (province -> value, class, hover text) computed here,
joined to the province shapes in the browser (see boundary_layer.ProvinceShapes).

Pure, no Streamlit. Only attacks and strikes count (context events are not violence to add up).
A record placed only at country level is given to no province; the plan counts them for the caption.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.records.boundaries import province_shapes

from .casualties import add_up, group_range
from .escape import text_for_html

MEASURES = {"attacks": "Attacks and strikes", "killed": "Killed (lowest reported figure)"}
DEFAULT_MEASURE = "attacks"
# ColorBrewer "Reds" (sequential, colour-blind safe), light to dark; fewer classes take spread-out steps.
SHADES = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
NOT_STATED_SHADE = "#c8c8c8"  # killed: a province whose attacks state no toll (not zero)
MAX_CLASSES = len(SHADES)


@dataclass(frozen=True)
class ClassBreak:
    low: int
    high: int
    color: str

    @property
    def label(self) -> str:
        return f"{self.low:,}" if self.low == self.high else f"{self.low:,}–{self.high:,}"


def nice_ceiling(value: float) -> int:
    """The next 'round' number at or above value: 1, 2, 3, 5, 10, 20, 25, 50, 100, ..."""
    if value <= 3:
        return max(1, math.ceil(value))
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return int(math.ceil(step * power))
    return int(10 * power)


def class_breaks(values: Sequence[int]) -> list[ClassBreak]:
    """Up to five classes over the provinces' values: one per value when there are five or fewer
    distinct values, else quantile edges rounded up to round numbers. Every value falls in one class."""
    distinct = sorted({int(v) for v in values})
    if not distinct:
        return []
    if len(distinct) <= MAX_CLASSES:
        ranges = [(v, v) for v in distinct]
    else:
        quantiles = np.quantile(np.array(distinct, dtype=float), [0.2, 0.4, 0.6, 0.8])
        uppers = sorted({min(nice_ceiling(q), distinct[-1]) for q in quantiles} | {distinct[-1]})
        ranges, low = [], distinct[0]
        for upper in uppers:
            if upper >= low:
                ranges.append((low, upper))
                low = upper + 1
    steps = len(ranges)
    # Fewer classes than shades: skip the palest, which is hard to tell from an unshaded province.
    first = 0 if steps == MAX_CLASSES else 1
    shades = [
        SHADES[round(first + i * (MAX_CLASSES - 1 - first) / (steps - 1))] if steps > 1 else SHADES[3] for i in range(steps)
    ]
    return [ClassBreak(low, high, shade) for (low, high), shade in zip(ranges, shades, strict=True)]


def class_of(value: int, breaks: Sequence[ClassBreak]) -> ClassBreak:
    return next(b for b in breaks if b.low <= value <= b.high)


@dataclass(frozen=True)
class Choropleth:
    measure: str
    fills: dict[str, tuple[str, str]]  # province -> (colour, hover text, escaped)
    breaks: list[ClassBreak]
    provinces_with_events: int
    country_level: int  # attacks and strikes with no province: placed only at country level
    unmapped: int  # attacks and strikes naming a province that has no shape here
    not_stated: int = 0  # killed: provinces whose attacks and strikes all state no toll

    def legend(self) -> list[tuple[str, str]]:
        """(label, colour) per class, then the plain and the no-toll entries."""
        entries = [(b.label, b.color) for b in self.breaks]
        if self.not_stated:
            entries.append(("no toll stated", NOT_STATED_SHADE))
        return [*entries, ("none", "#ffffff")]

    def note(self) -> str:
        text = f"Provinces shaded by {MEASURES[self.measure].lower()} ({self.provinces_with_events} with any)"
        text += "; provinces with no attack or strike are left plain. Click a province to filter by it."
        text += f" Attacks and strikes placed only at country level, so given to no province: {self.country_level:,}."
        if self.unmapped:
            text += f" {self.unmapped:,} name a province that has no shape on this map and are not shaded."
        return text


def choropleth(frame: pd.DataFrame, measure: str, shapes: Collection[str]) -> Choropleth:
    """Attacks and strikes per province of `shapes`, shaded by `measure` ('attacks' or 'killed')."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    events = frame.loc[frame["kind"] != "context", ["province", "killed_min", "killed_max"]]
    named = events["province"].notna()
    drawn = events["province"].isin(list(shapes)).fillna(False).astype(bool)
    placed = events[drawn]
    totals = add_up(placed[["province"]].astype(object), ["province"], placed["killed_min"], placed["killed_max"])
    values: dict[str, int | None] = {}
    texts: dict[str, str] = {}
    for row in totals.reset_index().itertuples():
        killed = group_range(row)
        values[row.province] = int(row.incidents) if measure == "attacks" else (killed.low if killed.stated else None)
        text = f"{int(row.incidents):,} attack(s) and strike(s); killed {killed}"
        if killed.not_stated and killed.stated:
            text += f" ({killed.not_stated:,} with no toll stated)"
        texts[row.province] = text_for_html(text)
    breaks = class_breaks([v for v in values.values() if v is not None])
    fills = {
        name: (NOT_STATED_SHADE if value is None else class_of(value, breaks).color, texts[name])
        for name, value in values.items()
    }
    return Choropleth(
        measure,
        fills,
        breaks,
        provinces_with_events=len(values),
        country_level=int((~named).sum()),
        unmapped=int((named & ~drawn).sum()),
        not_stated=sum(v is None for v in values.values()),
    )


def shaded_corners(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The corners of the provinces the shown attacks and strikes name, for fitting the map to the
    choropleth (its incidents' points would zoom a single province to street level)."""
    names = frame.loc[frame["kind"] != "context", "province"].dropna().unique()
    lats, lons = province_shapes().corners(names)
    return pd.Series(lats, dtype=float), pd.Series(lons, dtype=float)


def legend_html(shaded: Choropleth) -> str:
    """The classes as colour chips, for the page above the map (the app and a snapshot)."""
    chips = "".join(
        f'<span style="display:inline-block;margin-right:12px;white-space:nowrap"><span style="display:inline-block;'
        f"width:14px;height:11px;border:1px solid #555;background:{colour};margin-right:5px;vertical-align:-1px"
        f'"></span>{text_for_html(label)}</span>'
        for label, colour in shaded.legend()
    )
    return f'<div class="choropleth-legend" style="font-size:0.85rem"><b>{text_for_html(MEASURES[shaded.measure])} per province:</b> {chips}</div>'

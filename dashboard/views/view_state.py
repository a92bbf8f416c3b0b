"""The whole view in the URL: filters, selected incidents, colouring and map layer.

The page itself is the URL's path (`/map`, `/incident`), as Streamlit's navigation routes it;
everything else is in the query string. `View.to_query()` and `parse_view()` are inverses for every
valid view, and parsing never raises: what it cannot use is ignored and reported.

Query parameters besides the filters (see filters.py), stable and documented in the README:
    incident  repeatable record id: the selected incident(s), shown in detail
    color     the category that colours timeline and map (kind, country, province, ...)
    layer     the map layer: incidents (default) or provinces (totals by province)
    measure   what shades the provinces on that layer: attacks (attacks and strikes, default) or killed
    basemap   under the map: streets (OpenStreetMap tiles, default) or boundaries (no tiles, offline)
    step      the article passage being read (1-based, in reading order); it selects its incidents
    order     the article page's incident list: reading (default) or date
    until     the play control's day (YYYY-MM-DD): the map shows the incidents that began on or before it
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dashboard.records.numbers import whole_number
from dashboard.records.validation import parse_date

from .boundary_layer import BASEMAPS, DEFAULT_BASEMAP
from .choropleth import DEFAULT_MEASURE, MEASURES
from .colors import COLOR_OPTIONS, DEFAULT_COLOR
from .filters import FILTER_PARAMS, MAX_TEXT, Choices, Filters, parse_query
from .notices import shown, summarised

MAP_LAYERS = {"incidents": "Incidents", "provinces": "Totals by province"}
DEFAULT_LAYER = "incidents"
ORDERS = {"reading": "Reading order", "date": "Date order"}
DEFAULT_ORDER = "reading"
VIEW_PARAMS = frozenset({"incident", "color", "layer", "step", "order", "measure", "basemap", "until"})
MAX_SELECTED = 50  # a selection is a handful of incidents; a link with thousands is not one


@dataclass(frozen=True)
class View:
    filters: Filters = field(default_factory=Filters)
    incidents: tuple[str, ...] = ()
    color: str = DEFAULT_COLOR
    layer: str = DEFAULT_LAYER
    step: int | None = None
    order: str = DEFAULT_ORDER
    measure: str = DEFAULT_MEASURE
    basemap: str = DEFAULT_BASEMAP
    until: dt.date | None = None

    def to_query(self) -> dict[str, list[str]]:
        """Query parameters for this view; defaults are left out, so the default view has a bare URL."""
        query = self.filters.to_query()
        if self.incidents:
            query["incident"] = list(self.incidents)
        if self.color != DEFAULT_COLOR:
            query["color"] = [self.color]
        if self.layer != DEFAULT_LAYER:
            query["layer"] = [self.layer]
        if self.step is not None:
            query["step"] = [str(self.step)]
        if self.order != DEFAULT_ORDER:
            query["order"] = [self.order]
        if self.measure != DEFAULT_MEASURE:
            query["measure"] = [self.measure]
        if self.basemap != DEFAULT_BASEMAP:
            query["basemap"] = [self.basemap]
        if self.until is not None:
            query["until"] = [self.until.isoformat()]
        return query


def _one_of(params: Mapping[str, Sequence[str]], name: str, allowed: Collection[str], default: str, ignored: list[str]) -> str:
    values = list(params.get(name, []))
    if not values:
        return default
    if values[-1] in allowed:
        return values[-1]
    ignored.append(f"{name}={shown(values[-1])}: not one of {', '.join(sorted(allowed))}")
    return default


def _step(params: Mapping[str, Sequence[str]], steps: int, ignored: list[str]) -> int | None:
    values = list(params.get("step", []))
    if not values:
        return None
    number = whole_number(values[-1], max_digits=6)
    if number is not None and 1 <= number <= steps:
        return number
    ignored.append(
        f"step={shown(values[-1])}: not a passage number (1 to {steps})"
        if steps
        else f"step={shown(values[-1])}: no article passages"
    )
    return None


def _until(params: Mapping[str, Sequence[str]], ignored: list[str]) -> dt.date | None:
    values = list(params.get("until", []))
    day = parse_date(values[-1]) if values else None
    if values and day is None:
        ignored.append(f"until={shown(values[-1])}: not a date (expected YYYY-MM-DD)")
    return day


def normalised(view: View, span: tuple[dt.date, dt.date] | None) -> View:
    """The one form of a view, whether it came from a URL or from the widgets.

    A date at or beyond the data's first or last day filters nothing, so it is no date filter (the
    date widget cannot go past the edges either); search text is stripped and cut to MAX_TEXT,
    the length the search box accepts.
    """
    filters = view.filters
    date_from, date_to = filters.date_from, filters.date_to
    if span is not None:
        date_from = date_from if date_from and date_from > span[0] else None
        date_to = date_to if date_to and date_to < span[1] else None
    text = filters.text.strip()[:MAX_TEXT]
    return replace(view, filters=replace(filters, date_from=date_from, date_to=date_to, text=text))


def parse_view(
    params: Mapping[str, Sequence[str]],
    choices: Choices,
    ids: Collection[str],
    steps: int = 0,
    span: tuple[dt.date, dt.date] | None = None,
) -> tuple[View, list[str]]:
    """The view a URL asks for, and a message for each parameter or value that was ignored.

    `steps` is how many article passages there are, so `step` can be checked; `span` is the data's
    first and last day, for `normalised`.
    """
    filters, ignored = parse_query({k: v for k, v in params.items() if k in FILTER_PARAMS}, choices)
    incidents: list[str] = []
    for value in params.get("incident", []):
        if value not in ids:
            ignored.append(f"incident={shown(value)}: no record has this id")
        elif value not in incidents and len(incidents) < MAX_SELECTED:
            incidents.append(value)
    color = _one_of(params, "color", COLOR_OPTIONS, DEFAULT_COLOR, ignored)
    layer = _one_of(params, "layer", MAP_LAYERS, DEFAULT_LAYER, ignored)
    step = _step(params, steps, ignored)
    order = _one_of(params, "order", ORDERS, DEFAULT_ORDER, ignored)
    measure = _one_of(params, "measure", MEASURES, DEFAULT_MEASURE, ignored)
    basemap = _one_of(params, "basemap", BASEMAPS, DEFAULT_BASEMAP, ignored)
    until = _until(params, ignored)
    unknown = [name for name in params if name not in FILTER_PARAMS | VIEW_PARAMS]
    view = View(filters, tuple(incidents), color, layer, step, order, measure, basemap, until)
    return normalised(view, span), summarised(ignored, unknown)

"""What the map draws for a view, decided once: `plan_map` returns a MapPlan (its layers, its mode
and the words that say so), read by the app's map page and by the snapshot alike.

Pure: never Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import folium
import pandas as pd

from dashboard.records.gazetteer import Gazetteer

from ..boundary_layer import ProvinceShapes
from ..choropleth import DEFAULT_MEASURE, Choropleth, choropleth, shaded_corners
from .elements import stable_names
from .geometry import Bounds, fit_view
from .layers import grid_layer, incident_layer

# Above this many located incidents the map draws groups, not markers: Leaflet and the browser
# stall on tens of thousands of markers, and each costs about 1.5 kB of script to send.
MAX_MARKERS = 1000


@dataclass(frozen=True)
class MapPlan:
    """What the map draws for a view, and the words that say so."""

    layers: list[folium.FeatureGroup]
    mode: str  # "provinces", "groups" (too many to draw one by one), "in view" (zoomed in on few) or "incidents"
    located: int  # records with coordinates among those shown
    total: int
    cell: float | None  # degrees per group cell, in "groups" mode
    clickable: list[str]  # ids of the incidents drawn one by one (a click hands one of them back)
    in_view: int = 0  # with the map's bounds known: the incidents inside them (drawn, or grouped in finer cells)
    choropleth: Choropleth | None = None  # "provinces" mode: the classes, for the legend and the note

    def note(self) -> str:
        text = f"{self.located} of {self.total} records have a place; countrywide events are listed in the table only."
        if self.mode == "provinces" and self.choropleth is not None:
            return text + " " + self.choropleth.note()
        if self.mode == "groups" and self.in_view:
            return text + (
                f" Too many to draw one by one: the {self.in_view} in this part of the map are grouped in"
                f" {self.cell:g}° cells. Zoom in further, or filter, to {MAX_MARKERS} or fewer to see each incident."
            )
        if self.mode == "groups":
            return text + (
                f" Too many to draw one by one ({self.located} > {MAX_MARKERS}): numbered discs group them in"
                f" {self.cell:g}° cells. Zoom in, or filter, to {MAX_MARKERS} or fewer to see each incident."
            )
        if self.mode == "in view":
            return text + (
                f" Zoomed in: the {self.in_view} in this part of the map, one by one (zoom out for the groups)."
                " Dashed, faint circles: places known only to the district or province."
            )
        return text + (
            " Dashed, faint circles: places known only to the district or province."
            " Numbered circles: incidents at one spot; click to fan them out."
        )


def opening_view(
    frame: pd.DataFrame, layer: str, focus: tuple[str, ...] | frozenset[str] = (), height: int = 480
) -> tuple[tuple[float, float], int, pd.DataFrame]:
    """Where the map opens for a view: centre, zoom, and the rows it is fitted to.

    Fitted to the `focus` incidents (the selection) that have a place, else to every row shown (in
    "provinces" mode, to the shaded provinces). The app's map and the snapshot's both open here.
    """
    chosen = frame[frame["id"].isin(focus)].dropna(subset=["lat", "lon"]) if len(focus) else frame.iloc[:0]
    shown = chosen if len(chosen) else frame
    if layer == "provinces" and not len(chosen):
        center, zoom = fit_view(*shaded_corners(frame), height=height)
    else:
        center, zoom = fit_view(shown["lat"], shown["lon"], height=height)
    return center, zoom, shown


def draws_groups(frame: pd.DataFrame, layer: str) -> bool:
    """Whether the view has too many located incidents to draw one by one (and so wants the map's bounds)."""
    return layer != "provinces" and int(frame["lat"].notna().sum()) > MAX_MARKERS


def plan_map(
    frame: pd.DataFrame,
    layer: str,
    gazetteer: Gazetteer,
    color_by: str = "kind",
    scale: dict[str, str] | None = None,
    selected: frozenset[str] = frozenset(),
    bounds: Bounds | None = None,
    zoom: int | None = None,
    chosen_provinces: tuple[str, ...] = (),
    measure: str = DEFAULT_MEASURE,
) -> MapPlan:
    """The layers for the shown incidents: provinces shaded by their totals if asked, groups when there are too many
    to draw one by one (the selected ones still drawn on top), else every incident.

    `bounds` (south, west, north, east) is the part of the map in view: when it holds few enough
    incidents, those are drawn one by one even though the whole view has too many; when it holds
    too many, those in it are grouped in cells fitted to it. `zoom` is the map's opening zoom, which
    sizes the cells of the whole view. `chosen_provinces` (the province filter) are outlined; in
    "provinces" mode the shapes are shaded by `measure`.
    """
    located = int(frame["lat"].notna().sum())
    counts = {"located": located, "total": len(frame)}
    if layer == "provinces":
        shaded = choropleth(frame, measure, gazetteer.provinces)
        shapes = ProvinceShapes(chosen_provinces, shaded.fills, "no attack or strike among those shown")
        layers = [stable_names(folium.FeatureGroup(name="Totals by province").add_child(shapes), "province")]
        return MapPlan(layers, "provinces", cell=None, clickable=[], choropleth=shaded, **counts)
    plan = _plan_incidents(frame, color_by, scale, selected, bounds, zoom, located, counts)
    if chosen_provinces:  # under the incidents, so it never hides one
        outline = stable_names(
            folium.FeatureGroup(name="Chosen provinces").add_child(ProvinceShapes(chosen_provinces)), "outline"
        )
        return replace(plan, layers=[outline, *plan.layers])
    return plan


def _plan_incidents(
    frame: pd.DataFrame,
    color_by: str,
    scale: dict[str, str] | None,
    selected: frozenset[str],
    bounds: Bounds | None,
    zoom: int | None,
    located: int,
    counts: dict[str, int],
) -> MapPlan:
    if not draws_groups(frame, "incidents"):
        layers = [incident_layer(frame, color_by, scale, selected)]
        return MapPlan(layers, "incidents", cell=None, clickable=frame["id"].astype(str).tolist(), **counts)
    grouped, in_view = frame, 0
    if bounds is not None:
        south, west, north, east = bounds
        inside = frame[frame["lat"].between(south, north).fillna(False) & frame["lon"].between(west, east).fillna(False)]
        if len(inside) <= MAX_MARKERS:
            layers = [incident_layer(inside, color_by, scale, selected)]
            ids = inside["id"].astype(str).tolist()
            return MapPlan(layers, "in view", cell=None, clickable=ids, in_view=len(inside), **counts)
        if len(inside) < located:  # still too many, and not all: finer groups of those in view
            grouped, in_view = inside, len(inside)
            zoom = fit_view(pd.Series([south, north]), pd.Series([west, east]))[1] + 1  # fit_view leaves a margin
    grid, _, cell = grid_layer(grouped, zoom)
    chosen = grouped[grouped["id"].isin(selected)] if selected else grouped.iloc[:0]
    layers = [grid, *([incident_layer(chosen, color_by, scale, selected)] if len(chosen) else [])]
    return MapPlan(layers, "groups", cell=cell, clickable=chosen["id"].astype(str).tolist(), in_view=in_view, **counts)

"""The map's layers: one circle per incident (coloured and shaped like the timeline), or numbered
discs for cells of the map when there are too many to draw one by one.

Pure: folium FeatureGroups with stable element names, never Streamlit.
"""

from __future__ import annotations

import math

import folium
import pandas as pd

from ..casualties import group_range
from ..colors import UNKNOWN_COLOR, color_labels, color_scale, shape_scale
from ..numbers import short_number
from .elements import CLUSTER_ICON, CLUSTER_OPTIONS, CircleData, DiscData, OfflineMarkerCluster, SpiderfyOnClick, stable_names
from .geometry import degrees_to_pixels, grid_cell_size, grid_groups
from .popups import popup_html, tooltip_html

# Marked as approximate: drawn as a dashed, faint area rather than a solid dot.
VAGUE_PRECISIONS = frozenset({"district", "province"})
SELECTED_OUTLINE = "#000000"


def marker_radius(killed_min: object) -> float:
    """Pixels: grows with the square root of deaths, so area tracks the count; a floor keeps 0 visible."""
    deaths = 0 if pd.isna(killed_min) else int(killed_min)
    return 5 + 3 * math.sqrt(deaths)


def incident_layer(
    frame: pd.DataFrame,
    color_by: str = "kind",
    scale: dict[str, str] | None = None,
    selected: frozenset[str] = frozenset(),
) -> folium.FeatureGroup:
    """One circle per located incident, coloured like the timeline; records without coordinates are listed beside the map."""
    layer = folium.FeatureGroup(name="Incidents")
    group = OfflineMarkerCluster(options=CLUSTER_OPTIONS, icon_create_function=CLUSTER_ICON, control=False)
    group.add_to(layer)
    group.add_child(SpiderfyOnClick())
    located = frame.dropna(subset=["lat", "lon"])
    labels = color_labels(located, color_by)
    colors = scale or color_scale(labels.unique(), color_by)
    shapes = shape_scale(colors, color_by)
    grouped, outlined = [], []
    for (_, row), label in zip(located.iterrows(), labels, strict=True):
        vague = row["location_precision"] in VAGUE_PRECISIONS
        chosen = row["id"] in selected
        color = colors.get(label, UNKNOWN_COLOR)
        options = {
            "radius": marker_radius(row["killed_min"]) * (2.5 if vague else 1),
            "color": SELECTED_OUTLINE if chosen else color,
            "weight": 4 if chosen else 2,
            "dashArray": "6 4" if vague else None,
            "fill": True,
            "fillColor": color,
            # Faint, but not so faint that the colour is lost (0.15 left a near-white disc); the solid-colour
            # dashed outline carries the colour too.
            "fillOpacity": 0.3 if vague else 0.6,
            "shape": shapes.get(label, "circle"),  # the second cue besides colour (map_access.ShapeMarkers)
            # Selected incidents stay out of groups and above them, so the one a reader chose is never hidden.
            **({"pane": "markerPane"} if chosen else {}),
        }
        marker = {
            "lat": float(row["lat"]),
            "lon": float(row["lon"]),
            "options": options,
            "tooltip": tooltip_html(row),
            "popup": popup_html(row),
        }
        (outlined if chosen else grouped).append(marker)
    if grouped:
        group.add_child(CircleData(grouped))
    if outlined:
        layer.add_child(CircleData(outlined))
    return stable_names(layer, "incident")


def grid_layer(frame: pd.DataFrame, zoom: int | None = None) -> tuple[folium.FeatureGroup, int, float]:
    """Numbered discs for cells of the map; returns the layer, the number of groups and the cell size.

    At a known zoom, no disc is wider than its cell on screen."""
    located = frame.loc[frame["lat"].notna(), ["lat", "lon"]]
    cell = grid_cell_size(located["lat"], located["lon"], zoom=zoom)
    groups = grid_groups(frame, cell)
    largest = max(int(groups["incidents"].max()), 1) if len(groups) else 1
    widest = 48 if zoom is None else max(20, min(48, round(degrees_to_pixels(cell, zoom))))
    discs = []
    for group in groups.itertuples():
        text = f"{group.incidents:,} incident(s) in this {cell:g}° cell; killed {group_range(group)}" + (
            f" ({group.incidents - group.stated} with no toll stated)" if group.stated < group.incidents else ""
        )
        size = round(18 + (widest - 18) * math.sqrt(group.incidents / largest))
        discs.append(
            {
                "lat": round(group.lat, 5),
                "lon": round(group.lon, 5),
                "size": size,
                "count": int(group.incidents),
                "label": short_number(int(group.incidents)),  # the tooltip gives the exact count
                "tooltip": text,
            }
        )
    layer = folium.FeatureGroup(name="Groups of incidents")
    layer.add_child(DiscData(discs, "grid-group", "rgba(192,57,43,.65)", "1px solid #7b241c", 11))
    return stable_names(layer, "grid"), len(groups), cell

"""Folium map of incidents, drawn with Leaflet served by the app itself (no CDN).

Pure: returns folium objects, never imports Streamlit. The base map stays the same for every
filter state (streamlit-folium remounts the map when the base map's HTML changes); incidents and
province totals go in separate FeatureGroups, and the view (centre, zoom) is computed here and
passed to the component as arguments.

    elements.py   offline Leaflet classes, the JavaScript that builds markers from JSON, the base map
    geometry.py   the fitted view, group cells, the bounds Leaflet reports
    popups.py     a marker's popup and tooltip (words from views/record_text)
    layers.py     incidents one by one, or numbered discs for cells of the map
    plan.py       MapPlan and plan_map: what the map draws for a view, and the words that say so
"""

from .elements import (
    CLUSTER_ICON,
    CLUSTER_OPTIONS,
    STATIC_URL,
    TILE_ATTRIBUTION,
    TILE_URL,
    CircleData,
    DiscData,
    OfflineMap,
    OfflineMarkerCluster,
    SpiderfyOnClick,
    asset_links,
    base_map,
    script_json,
    stable_names,
)
from .geometry import (
    MAX_FIT_ZOOM,
    MIN_CELL_PX,
    REGION_CENTER,
    REGION_ZOOM,
    Bounds,
    bounds_from_leaflet,
    degrees_to_pixels,
    fit_view,
    grid_cell_size,
    grid_groups,
)
from .layers import SELECTED_OUTLINE, VAGUE_PRECISIONS, grid_layer, incident_layer, marker_radius
from .plan import MAX_MARKERS, MapPlan, draws_groups, opening_view, plan_map
from .popups import incident_from_tooltip, popup_html, tooltip_html

__all__ = [
    "CLUSTER_ICON",
    "CLUSTER_OPTIONS",
    "MAX_FIT_ZOOM",
    "MAX_MARKERS",
    "MIN_CELL_PX",
    "REGION_CENTER",
    "REGION_ZOOM",
    "SELECTED_OUTLINE",
    "STATIC_URL",
    "TILE_ATTRIBUTION",
    "TILE_URL",
    "VAGUE_PRECISIONS",
    "Bounds",
    "CircleData",
    "DiscData",
    "MapPlan",
    "OfflineMap",
    "OfflineMarkerCluster",
    "SpiderfyOnClick",
    "asset_links",
    "base_map",
    "bounds_from_leaflet",
    "degrees_to_pixels",
    "draws_groups",
    "fit_view",
    "grid_cell_size",
    "grid_groups",
    "grid_layer",
    "incident_from_tooltip",
    "incident_layer",
    "marker_radius",
    "opening_view",
    "plan_map",
    "popup_html",
    "script_json",
    "stable_names",
    "tooltip_html",
]

"""Folium map of incidents, drawn with Leaflet served by the app itself (no CDN).

Pure: returns folium objects, never imports Streamlit. The base map stays the same for every
filter state (streamlit-folium remounts the map when the base map's HTML changes); incidents go
in a separate FeatureGroup.
"""

from __future__ import annotations

import math

import folium
import pandas as pd

from .escape import text_for_html

# Served by Streamlit's static file serving (server.enableStaticServing) from dashboard/static/.
STATIC_URL = "/app/static"
TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
REGION_CENTER = (33.0, 68.5)  # between Kabul and Islamabad: both countries in view
REGION_ZOOM = 5
# Marked as approximate: drawn as a dashed, faint area rather than a solid dot.
VAGUE_PRECISIONS = frozenset({"district", "province"})
KIND_COLORS = {"attack": "#c0392b", "strike": "#2c3e8f", "context": "#7f8c8d"}


class OfflineMap(folium.Map):
    """A folium Map that loads Leaflet from the app's own server, and nothing else from outside."""

    # folium's Popup builds its HTML with jQuery, so jQuery is served too.
    default_js = [("leaflet", f"{STATIC_URL}/leaflet/leaflet.js"), ("jquery", f"{STATIC_URL}/jquery/jquery.min.js")]
    default_css = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]


def base_map() -> OfflineMap:
    """The stable base map: the region, a scale, and OpenStreetMap tiles when they can load."""
    fmap = OfflineMap(location=REGION_CENTER, zoom_start=REGION_ZOOM, tiles=None, control_scale=True)
    # Tiles are the one thing that needs the internet; without them the markers still draw.
    folium.TileLayer(TILE_URL, attr=TILE_ATTRIBUTION, name="OpenStreetMap").add_to(fmap)
    return fmap


def casualty_range(low: object, high: object) -> str:
    """'9', '2-5', 'at least 15', or 'not stated'."""
    if pd.isna(low):
        return "not stated"
    if pd.isna(high):
        return f"at least {int(low)}"
    return str(int(low)) if low == high else f"{int(low)}-{int(high)}"


def marker_radius(killed_min: object) -> float:
    """Pixels: grows with the square root of deaths, so area tracks the count; a floor keeps 0 visible."""
    deaths = 0 if pd.isna(killed_min) else int(killed_min)
    return 5 + 3 * math.sqrt(deaths)


def popup_html(row: pd.Series) -> str:
    """Popup body: every value escaped; sources as links only when they are http(s)."""
    date = row["date_start"].date().isoformat()
    if row["date_end"] != row["date_start"]:
        date += f" to {row['date_end'].date().isoformat()}"
    place = ", ".join(str(v) for v in (row["site"], row["place"], row["province"], row["country"]) if not pd.isna(v))
    lines = [
        f"<b>{text_for_html(row['title'])}</b>",
        f"Date: {text_for_html(date)} ({text_for_html(row['date_precision'])} precision)",
        f"Place: {text_for_html(place)} ({text_for_html(row['location_precision'])} precision)",
        f"Killed: {casualty_range(row['killed_min'], row['killed_max'])}; "
        f"injured: {casualty_range(row['injured_min'], row['injured_max'])}",
        f"Perpetrator: {text_for_html(row['perpetrator'] if not pd.isna(row['perpetrator']) else 'not stated')}; "
        f"claimed by: {text_for_html(row['claimed_by'] if not pd.isna(row['claimed_by']) else 'no claim')}",
    ]
    if not pd.isna(row["article_quote"]):
        lines.append(f"<i>“{text_for_html(row['article_quote'])}”</i>")
    links = [
        f'<a href="{text_for_html(s["url"])}" target="_blank" rel="noopener noreferrer">{text_for_html(s.get("publisher", s["url"]))}</a>'
        for s in row["sources"]
        if isinstance(s, dict) and str(s.get("url", "")).startswith(("http://", "https://"))
    ]
    if links:
        lines.append("Sources: " + ", ".join(links))
    return "<br>".join(lines)


def incident_layer(frame: pd.DataFrame) -> folium.FeatureGroup:
    """One circle per located incident; records without coordinates are left for the list beside the map."""
    layer = folium.FeatureGroup(name="Incidents")
    for _, row in frame.dropna(subset=["lat", "lon"]).iterrows():
        vague = row["location_precision"] in VAGUE_PRECISIONS
        color = KIND_COLORS.get(str(row["kind"]), "#555555")
        folium.CircleMarker(
            location=(float(row["lat"]), float(row["lon"])),
            radius=marker_radius(row["killed_min"]) * (2.5 if vague else 1),
            color=color,
            weight=1 if vague else 2,
            dash_array="4 4" if vague else None,
            fill=True,
            fill_color=color,
            fill_opacity=0.15 if vague else 0.6,
            tooltip=text_for_html(row["title"]),
            popup=folium.Popup(popup_html(row), max_width=360),
        ).add_to(layer)
    return layer

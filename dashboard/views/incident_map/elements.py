"""The map's building blocks in the browser: Leaflet served by the app (no CDN), markers built from
JSON by one loop each, stable element names, and the base map every view shares.

Pure: folium and branca objects, never Streamlit.
"""

from __future__ import annotations

import json

import folium
from branca.element import Element, MacroElement
from folium.plugins import MarkerCluster
from jinja2 import Template

from ..boundary_layer import BUNDLE_PATH, DEFAULT_BASEMAP, BoundaryLayer
from ..map_access import make_accessible
from .geometry import REGION_CENTER, REGION_ZOOM

# Served by Streamlit's static file serving (server.enableStaticServing) from dashboard/static/.
STATIC_URL = "/app/static"
TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
# Only markers that overlap on screen are grouped; a click on the group fans them out (spiderfy),
# so incidents at one place (a city's point, a province centroid) stay individually reachable.
CLUSTER_OPTIONS = {
    "maxClusterRadius": 12,
    "spiderfyOnMaxZoom": True,
    "zoomToBoundsOnClick": False,  # a click fans the group out where it is (SpiderfyOnClick), no zoom to street level
    "showCoverageOnHover": False,
    "spiderfyDistanceMultiplier": 2,
    "spiderLegPolylineOptions": {"weight": 1.5, "color": "#222", "opacity": 0.5, "interactive": False},
}
CLUSTER_ICON = """
function (cluster) {
  var n = cluster.getChildCount();
  return L.divIcon({
    html: '<div><span>' + n + '</span></div>',
    className: 'marker-cluster incident-group',
    iconSize: new L.Point(34, 34)
  });
}
"""


def asset_links(static_url: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Scripts and styles the map needs, under `static_url` (the app's static route, or a snapshot's folder)."""
    # No jQuery: folium's Popup needs it, but these layers bind their HTML directly. The marker-cluster
    # plugin is on the base map (not the changing layer) so its script loads once, before any layer.
    scripts = [
        ("leaflet", f"{static_url}/leaflet/leaflet.js"),
        ("markerclusterjs", f"{static_url}/markercluster/leaflet.markercluster.js"),
        ("afpak_boundaries", f"{static_url}/{BUNDLE_PATH}"),  # the shapes: fetched once, cached, never in a rerun
    ]
    styles = [
        ("leaflet_css", f"{static_url}/leaflet/leaflet.css"),
        ("markerclustercss", f"{static_url}/markercluster/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{static_url}/markercluster/MarkerCluster.Default.css"),
    ]
    return scripts, styles


class OfflineMap(folium.Map):
    """A folium Map that loads Leaflet from where it is told (never a CDN), and nothing else from outside."""

    default_js, default_css = asset_links(STATIC_URL)

    def __init__(self, *args: object, static_url: str = STATIC_URL, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Instance attributes win over folium's class lists when the page's head is rendered.
        self.default_js, self.default_css = asset_links(static_url)


class OfflineMarkerCluster(MarkerCluster):
    """MarkerCluster without its CDN links: the base map already serves the plugin."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []


class SpiderfyOnClick(MacroElement):
    """A click on a group fans its incidents out at any zoom (the plugin does so only at the deepest zoom)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.on("clusterclick", function (event) { event.layer.spiderfy(); });
        {% endmacro %}
        """
    )


def script_json(value: object) -> str:
    """JSON for inside a script: no "</" (it could close a <script> element in a snapshot page)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


class CircleData(MacroElement):
    """Circle markers built by one loop in the browser from a JSON list.

    folium builds about four templates per marker (its circle, tooltip, popup and their bodies), so a
    thousand markers took a second to render and 1.3 MB to send; as data they take milliseconds and a
    third of the bytes. Each marker: lat, lon, Leaflet circle options, tooltip and popup HTML (escaped).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var target = {{ this._parent.get_name() }};
          {{ this.rows_json }}.forEach(function (m) {
            var marker = L.shapeMarker([m[0], m[1]], m[2]);  // map_access.ShapeMarkers, on the base map
            marker.bindTooltip(m[3], {"sticky": true});
            marker.bindPopup(m[4], {"maxWidth": 360});
            target.addLayer(marker);
          });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, markers: list[dict]) -> None:
        super().__init__()
        self._name = "CircleData"
        self.markers = markers

    @property
    def rows_json(self) -> str:
        return script_json([[m["lat"], m["lon"], m["options"], m["tooltip"], m["popup"]] for m in self.markers])


class DiscData(MacroElement):
    """Numbered discs (a count written on a circle) from a JSON list: groups of incidents, province totals.

    Only numbers go into the disc's HTML; the tooltip and popup texts are escaped before they get here.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var target = {{ this._parent.get_name() }};
          {{ this.rows_json }}.forEach(function (d) {
            var size = d[2];
            var html = '<div style="width:' + size + 'px;height:' + size + 'px;line-height:' + size +
              'px;border-radius:50%;background:{{ this.fill }};border:{{ this.border }};color:#fff;' +
              'text-align:center;font:bold {{ this.font_px }}px sans-serif">' + d[3] + '</div>';  // digits and k/M only
            var icon = L.divIcon({html: html, className: "{{ this.class_name }}", iconSize: [size, size],
                                  iconAnchor: [Math.floor(size / 2), Math.floor(size / 2)]});
            var marker = L.marker([d[0], d[1]], {icon: icon});
            marker.bindTooltip(d[4], {"sticky": true});
            if (d[5]) { marker.bindPopup(d[5], {"maxWidth": 300}); }
            target.addLayer(marker);
          });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, discs: list[dict], class_name: str, fill: str, border: str, font_px: int) -> None:
        super().__init__()
        self._name = "DiscData"
        self.discs, self.class_name, self.fill, self.border, self.font_px = discs, class_name, fill, border, font_px

    @property
    def rows_json(self) -> str:
        return script_json(
            [[d["lat"], d["lon"], d["size"], d.get("label", str(d["count"])), d["tooltip"], d.get("popup")] for d in self.discs]
        )


def stable_names(layer: folium.FeatureGroup, prefix: str) -> folium.FeatureGroup:
    """Name every element by its place in the layer instead of folium's random ids.

    streamlit-folium redraws a layer whenever its JavaScript differs from the last run's, which closes
    any open popup and folds fanned-out groups. Popup bodies carry random ids, so without this every
    rerun (a click, a filter elsewhere) would redraw an unchanged layer.
    """
    counter = 0

    def rename(element: object) -> None:
        nonlocal counter
        children = getattr(element, "_children", {})
        for child in children.values():
            counter += 1
            child._id = f"{prefix}{counter}"
            rename(child)
        # Templates also use the keys children were added under (folium's popup names its body by it).
        if children:
            element._children = type(children)((child.get_name(), child) for child in children.values())
        # A popup keeps its body in `header`, `html` and `script` elements, outside its children.
        for part in ("header", "html", "script"):
            if isinstance(getattr(element, part, None), Element):
                rename(getattr(element, part))

    rename(layer)
    return layer


def base_map(
    static_url: str = STATIC_URL,
    center: tuple[float, float] = REGION_CENTER,
    zoom: int = REGION_ZOOM,
    basemap: str = DEFAULT_BASEMAP,
) -> OfflineMap:
    """The stable base map: the region, a scale, country and province boundaries, and with
    `basemap="streets"` OpenStreetMap tiles under them when they can load.

    In the app, keep the defaults for centre and zoom (they are the component's arguments); a static
    snapshot sets them here.
    """
    # maxZoom is set on the map, not left to a tile layer: the marker-cluster plugin refuses a map without one.
    fmap = OfflineMap(location=center, zoom_start=zoom, tiles=None, control_scale=True, static_url=static_url)
    fmap.options["maxZoom"] = 18  # folium gives max_zoom to its own tile layer only
    if basemap == "streets":  # tiles are the one thing that needs the internet; the boundaries draw without them
        folium.TileLayer(TILE_URL, attr=TILE_ATTRIBUTION, name="OpenStreetMap").add_to(fmap)
    fmap.add_child(BoundaryLayer())
    # A neutral look for groups of overlapping incidents, so they do not read as a category colour.
    style = (
        "<style>.incident-group div{background:rgba(40,40,40,.85);color:#fff;font-weight:bold}"
        ".incident-group{background:rgba(40,40,40,.3)}</style>"
    )
    fmap.get_root().header.add_child(folium.Element(style))
    return make_accessible(fmap)

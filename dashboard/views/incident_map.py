"""Folium map of incidents, drawn with Leaflet served by the app itself (no CDN).

Pure: returns folium objects, never imports Streamlit. The base map stays the same for every
filter state (streamlit-folium remounts the map when the base map's HTML changes); incidents and
province totals go in separate FeatureGroups, and the view (centre, zoom) is computed here and
passed to the component as arguments.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace

import folium
import pandas as pd
from branca.element import Element, MacroElement
from folium.plugins import MarkerCluster
from jinja2 import Template

from dashboard.records.gazetteer import Gazetteer
from dashboard.records.grading import grade_text

from .boundary_layer import BUNDLE_PATH, DEFAULT_BASEMAP, BoundaryLayer, ProvinceShapes
from .casualties import add_up, casualty_range, group_range
from .choropleth import DEFAULT_MEASURE, Choropleth, choropleth
from .colors import UNKNOWN_COLOR, color_labels, color_scale, shape_scale
from .escape import text_for_html
from .labels import place_words, precision_words
from .map_access import make_accessible

# Served by Streamlit's static file serving (server.enableStaticServing) from dashboard/static/.
STATIC_URL = "/app/static"
TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
REGION_CENTER = (33.0, 68.5)  # between Kabul and Islamabad: both countries in view
REGION_ZOOM = 5
MAX_FIT_ZOOM = 9  # one incident: show its surroundings, not a street
# Marked as approximate: drawn as a dashed, faint area rather than a solid dot.
VAGUE_PRECISIONS = frozenset({"district", "province"})
SELECTED_OUTLINE = "#000000"
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


def marker_radius(killed_min: object) -> float:
    """Pixels: grows with the square root of deaths, so area tracks the count; a floor keeps 0 visible."""
    deaths = 0 if pd.isna(killed_min) else int(killed_min)
    return 5 + 3 * math.sqrt(deaths)


def _date_text(row: pd.Series) -> str:
    date = row["date_start"].date().isoformat()
    if row["date_end"] != row["date_start"]:
        date += f" to {row['date_end'].date().isoformat()}"
    return date


def popup_html(row: pd.Series) -> str:
    """Popup body: every value escaped; sources as links only when they are http(s)."""
    place = place_words(row)
    date_exact, place_exact = precision_words(row)
    lines = [
        f"<b>{text_for_html(row['title'])}</b>",
        f"Date: {text_for_html(_date_text(row))} ({text_for_html(date_exact)})",
        f"Place: {text_for_html(place)} ({text_for_html(place_exact)})",
        f"Killed: {casualty_range(row['killed_min'], row['killed_max'])}; "
        f"injured: {casualty_range(row['injured_min'], row['injured_max'])}",
        f"Perpetrator: {text_for_html(row['perpetrator'] if not pd.isna(row['perpetrator']) else 'not stated')}; "
        f"claimed by: {text_for_html(row['claimed_by'] if not pd.isna(row['claimed_by']) else 'no claim')}",
        f"Grade: {text_for_html(grade_text(row))}",
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


def tooltip_html(row: pd.Series) -> str:
    """Hover text, and the marker's accessible name: title, date, deaths.

    It ends with the record id in a hidden span: a click hands back the tooltip's text content, and
    the id names the incident, but a reader neither sees nor hears it.
    """
    return (
        f"<b>{text_for_html(row['title'])}</b><br>"
        f"{text_for_html(_date_text(row))} · killed {casualty_range(row['killed_min'], row['killed_max'])}"
        f"<span hidden> {text_for_html(row['id'])}</span>"
    )


def incident_from_tooltip(text: object, ids: list[str]) -> str | None:
    """The record id a clicked marker's tooltip text ends with (the longest, if ids nest), or None."""
    if not isinstance(text, str):
        return None
    matches = [i for i in ids if text.rstrip().endswith(i)]
    return max(matches, key=len) if matches else None


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


def fit_view(lats: pd.Series, lons: pd.Series, width: int = 900, height: int = 480) -> tuple[tuple[float, float], int]:
    """Centre and the largest whole zoom that shows every point (Web Mercator), with a margin.

    st_folium takes a centre and a zoom, not bounds, so the fit is computed here.
    """
    lats, lons = lats.dropna().astype(float), lons.dropna().astype(float)
    if lats.empty:
        return REGION_CENTER, REGION_ZOOM

    def mercator_y(lat: float) -> float:
        lat = max(min(lat, 85.0), -85.0)
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    north, south, east, west = lats.max(), lats.min(), lons.max(), lons.min()
    center = ((north + south) / 2, (east + west) / 2)
    # At zoom z the world is 256 * 2**z pixels wide; leave a quarter of the frame as margin.
    usable_w, usable_h = width * 0.75, height * 0.75
    x_span = (east - west) / 360
    y_span = (mercator_y(north) - mercator_y(south)) / (2 * math.pi)
    zooms = [MAX_FIT_ZOOM]
    if x_span > 0:
        zooms.append(math.floor(math.log2(usable_w / (256 * x_span))))
    if y_span > 0:
        zooms.append(math.floor(math.log2(usable_h / (256 * y_span))))
    return (round(center[0], 4), round(center[1], 4)), max(2, min(zooms))


# Above this many located incidents the map draws groups, not markers: Leaflet and the browser
# stall on tens of thousands of markers, and each costs about 1.5 kB of script to send.
MAX_MARKERS = 1000
MIN_CELL_PX = 24  # a disc's width, at least, with a short count on it


def degrees_to_pixels(degrees: float, zoom: int) -> float:
    """Screen pixels spanned by `degrees` of longitude at a Web Mercator zoom level."""
    return degrees * 256 * 2**zoom / 360


def grid_cell_size(lats: pd.Series, lons: pd.Series, target: int = 400, zoom: int | None = None) -> float:
    """Degrees per cell so that the incidents' extent splits into about `target` cells (a 'nice' size),
    and, at a known zoom, cells at least MIN_CELL_PX wide on screen, so their discs do not pile up."""
    span = max(float(lats.max() - lats.min()), float(lons.max() - lons.min()), 0.01)
    raw = span / math.sqrt(target)
    if zoom is not None:
        raw = max(raw, MIN_CELL_PX / degrees_to_pixels(1, zoom))
    for nice in (0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0):
        if raw <= nice:
            return nice
    return 20.0


def grid_groups(frame: pd.DataFrame, cell: float) -> pd.DataFrame:
    """Located incidents binned in square cells: the mean point and the killed range added up (see add_up)."""
    located = frame.loc[frame["lat"].notna() & frame["lon"].notna(), ["lat", "lon", "killed_min", "killed_max"]]
    lats, lons = located["lat"].astype(float), located["lon"].astype(float)
    cells = pd.DataFrame({"row": (lats // cell).astype(int), "col": (lons // cell).astype(int), "lat": lats, "lon": lons})
    groups = add_up(cells, ["row", "col"], located["killed_min"], located["killed_max"], lat=("lat", "mean"), lon=("lon", "mean"))
    return groups.reset_index(drop=True)


def short_count(count: int) -> str:
    """What fits on a disc: '950', '2.1k', '170k', '1.2M'; the tooltip gives the exact count."""
    if count < 1000:
        return str(count)
    if count < 10_000:
        return f"{count / 1000:.1f}k"
    if count < 1_000_000:
        return f"{count // 1000}k"
    return f"{count / 1_000_000:.1f}M"


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
                "label": short_count(int(group.incidents)),  # the tooltip gives the exact count
                "tooltip": text,
            }
        )
    layer = folium.FeatureGroup(name="Groups of incidents")
    layer.add_child(DiscData(discs, "grid-group", "rgba(192,57,43,.65)", "1px solid #7b241c", 11))
    return stable_names(layer, "grid"), len(groups), cell


Bounds = tuple[float, float, float, float]  # south, west, north, east


def bounds_from_leaflet(value: object) -> Bounds | None:
    """streamlit-folium's returned `bounds` ({"_southWest": {"lat", "lng"}, "_northEast": …}), or None if malformed."""
    try:
        south_west, north_east = value["_southWest"], value["_northEast"]  # type: ignore[index]
        bounds = (float(south_west["lat"]), float(south_west["lng"]), float(north_east["lat"]), float(north_east["lng"]))
    except (TypeError, KeyError, ValueError):
        return None
    return bounds if all(math.isfinite(b) for b in bounds) and bounds[0] <= bounds[2] else None


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

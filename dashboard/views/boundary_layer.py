"""Country outlines and province borders under the incidents, and the province shapes that change with a view.

Pure: folium elements, no Streamlit. The shapes themselves never travel with a rerun: the browser
loads them once from dashboard/static/boundaries/boundaries.js (see boundary_bundle.py), and these
elements only say how to draw them. `BoundaryLayer` belongs to the stable base map; `ProvinceShapes`
goes in a changing layer and carries only names, colours and hover texts (a few kB for 42 provinces).

Panes (Leaflet stacks them by z-index): land 150 < tiles 200 < countries 250 < province borders 260 <
choropleth 390 < chosen outline 395 < labels 396 < incidents 400 (overlayPane) < markers 600.
"""

from __future__ import annotations

import json

from branca.element import MacroElement
from jinja2 import Template

BASEMAPS = {"streets": "Streets (OpenStreetMap, needs internet)", "boundaries": "Boundaries only (works offline)"}
DEFAULT_BASEMAP = "streets"
BUNDLE_PATH = "boundaries/boundaries.js"  # under the static URL (the app's route, or a snapshot's assets/)
# Every province's hover text ends with this and the province's name: a click hands the text back.
CLICK_HINT = "Click to add to or remove from the province filter · "
ATTRIBUTION = "Boundaries: Made with Natural Earth"  # short, to fit the small maps; the About page gives the caveats
COUNTRY_NAMES = {"AFG": "Afghanistan", "PAK": "Pakistan"}
SHAPE_CLASS = "province-shape"  # every clickable province path carries it (tests and styles find them by it)

# Shared by both elements: escape names for HTML (they are our data, but still text), and make panes.
_HELPERS = """
  function esc(text) {
    return String(text).replace(/[&<>"'`$\\\\]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
"""


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


class BoundaryLayer(MacroElement):
    """Countries and provinces drawn from window.AFPAK_BOUNDARIES, with province names where they fit.

    The countries are also filled, in pale tones on a pale blue ground, in a pane *under* the tiles:
    tiles that load cover the fill, tiles that fail (no internet) or are not asked for leave it to
    show, so the map is never an empty grey frame.
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
          .province-label span, .country-label span {position:absolute;transform:translate(-50%,-50%);white-space:nowrap;
            pointer-events:none;text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff}
          .province-label span {font:600 11px/1.2 sans-serif;color:#333}
          .country-label span {font:700 13px/1.2 sans-serif;color:#222;letter-spacing:.12em;text-transform:uppercase}
          .leaflet-container {background:#dbe7ee}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
          var map = {{ this._parent.get_name() }};
          var data = window.AFPAK_BOUNDARIES;
          if (!data) { return; }  // the file did not load: the incidents still draw
          {{ this.helpers }}
          [["land", 150, false], ["countries", 250, false], ["provinces", 260, true], ["provinceFill", 390, true],
           ["provinceOutline", 395, false], ["provinceLabels", 396, false]].forEach(function (p) {
            var pane = map.getPane(p[0]) || map.createPane(p[0]);
            pane.style.zIndex = p[1];
            if (!p[2]) { pane.style.pointerEvents = "none"; }
          });
          var home = {{ this.home_json }};
          L.geoJSON(data.countries, {pane: "land", interactive: false, className: "country-land",
            style: function (f) {
              return {stroke: false, fillColor: home.hasOwnProperty(f.properties.iso3) ? "#fbfaf6" : "#ecebe4", fillOpacity: 1};
            }}).addTo(map);
          L.geoJSON(data.countries, {pane: "countries", interactive: false, className: "country-outline",
            style: function (f) {
              var ours = home.hasOwnProperty(f.properties.iso3);
              return {color: "#333", weight: ours ? 2.6 : 1.2, opacity: ours ? 0.95 : 0.7, fill: false};
            }}).addTo(map);
          L.geoJSON(data.provinces, {pane: "provinces", className: "{{ this.shape_class }}",
            style: {color: "#666", weight: 0.9, opacity: 0.8, fill: true, fillOpacity: 0},
            onEachFeature: function (f, layer) {
              var name = esc(f.properties.name);
              layer.bindTooltip("<b>" + name + "</b>, " + esc(home[f.properties.country] || f.properties.country) +
                "<br><small>" + {{ this.hint_json }} + name + "</small>", {sticky: true});
            }}).addTo(map);
          var labels = [];
          function label(f, className, zoomFrom, zoomTo) {
            var marker = L.marker(f.properties.label, {pane: "provinceLabels", interactive: false, keyboard: false,
              icon: L.divIcon({className: className, html: "<span>" + esc(f.properties.name) + "</span>", iconSize: [0, 0]})});
            marker.addTo(map);
            labels.push([marker, zoomFrom, zoomTo]);
          }
          data.countries.features.forEach(function (f) { label(f, "country-label", f.properties.label_zoom, 6); });
          data.provinces.features.forEach(function (f) { label(f, "province-label", f.properties.label_zoom, 99); });
          function showLabels() {
            var zoom = map.getZoom();
            labels.forEach(function (l) {
              var element = l[0].getElement();
              if (element) { element.style.display = zoom >= l[1] && zoom <= l[2] ? "" : "none"; }
            });
          }
          map.on("zoomend", showLabels);
          showLabels();
          map.attributionControl.addAttribution({{ this.attribution_json }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "BoundaryLayer"
        self.helpers = _HELPERS
        self.home_json = _json(COUNTRY_NAMES)
        self.hint_json = _json(CLICK_HINT)
        self.attribution_json = _json(ATTRIBUTION)
        self.shape_class = SHAPE_CLASS


class ProvinceShapes(MacroElement):
    """The view's province shapes: a choropleth (fill colour and hover text per province) and the chosen
    provinces outlined. Provinces absent from `fills` are drawn plainly, with `plain_text` on hover."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var target = {{ this._parent.get_name() }};
          var data = window.AFPAK_BOUNDARIES;
          if (!data) { return; }
          {{ this.helpers }}
          var fills = {{ this.fills_json }};
          var chosen = {{ this.chosen_json }};
          var hint = {{ this.hint_json }};
          if ({{ this.choropleth_js }}) {
            L.geoJSON(data.provinces, {pane: "provinceFill", className: "{{ this.shape_class }} province-choropleth",
              style: function (f) {
                var fill = fills[f.properties.name];
                return {color: "#555", weight: 1, opacity: 0.9, fill: true,
                        fillColor: fill ? fill[0] : "#ffffff", fillOpacity: fill ? 0.8 : 0};
              },
              onEachFeature: function (f, layer) {
                var fill = fills[f.properties.name];
                var name = esc(f.properties.name);
                layer.bindTooltip("<b>" + name + "</b><br>" + (fill ? fill[1] : {{ this.plain_json }}) +
                  "<br><small>" + hint + name + "</small>", {sticky: true});
              }}).addTo(target);
          }
          if (chosen.length) {
            L.geoJSON({type: "FeatureCollection", features: data.provinces.features.filter(function (f) {
                return chosen.indexOf(f.properties.name) >= 0; })},
              {pane: "provinceOutline", interactive: false, className: "province-chosen",
               style: {color: "#000", weight: 3.5, opacity: 1, fill: false, dashArray: null}}).addTo(target);
          }
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        chosen: tuple[str, ...] = (),
        fills: dict[str, tuple[str, str]] | None = None,
        plain_text: str = "",
    ) -> None:
        super().__init__()
        self._name = "ProvinceShapes"
        self.helpers = _HELPERS
        self.choropleth_js = "true" if fills is not None else "false"
        self.fills_json = _json({name: list(value) for name, value in (fills or {}).items()})  # texts escaped by the caller
        self.chosen_json = _json(sorted(chosen))
        self.hint_json = _json(CLICK_HINT)
        self.plain_json = _json(plain_text)
        self.shape_class = SHAPE_CLASS

"""The map for every reader: marker shapes as a second cue besides colour, and keyboard and screen-reader access.

Both are scripts on the base map (which never changes, so streamlit-folium keeps its identity), and act
on whatever layers are added later:

- `ShapeMarkers` defines `L.shapeMarker`: a circle marker drawn as a square, diamond, triangle or
  hexagon when its options name a `shape` (colors.SHAPES), so a category reads without its colour.
- `KeyboardAccess` gives every incident marker and numbered group an accessible name (its tooltip's
  text: title, date, deaths; the record id is hidden there and left out), a button role and a visible
  focus ring. Enter or Space on an incident does what a click does (select it and open its popup);
  on a group it fans the group out and moves the focus to its first incident.
"""

from __future__ import annotations

import json

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

# Leaflet's attribution links are told from their text by colour alone, at under 3:1 (axe's
# link-in-text-block): underline them and darken them so they read on the grey offline background too.
ACCESS_STYLE = (
    "<style>"
    ".leaflet-container path.leaflet-interactive:focus-visible{outline:none;stroke:#000;stroke-width:5px;"
    "stroke-dasharray:none;stroke-opacity:1}"
    ".leaflet-container .leaflet-marker-icon:focus-visible{outline:3px solid #000;outline-offset:2px}"
    ".leaflet-container .leaflet-control-attribution a{color:#004d73;text-decoration:underline}"
    "</style>"
)


class ShapeMarkers(MacroElement):
    """`L.shapeMarker(latlng, options)`: L.circleMarker with `options.shape` drawn as that shape (SVG only)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.ShapeMarker = L.CircleMarker.extend({
          _updatePath: function () {
            var shape = this.options.shape, renderer = this._renderer;
            if (!shape || shape === "circle" || !renderer._setPath || this._empty()) {
              return L.CircleMarker.prototype._updatePath.call(this);
            }
            var x = this._point.x, y = this._point.y, r = Math.max(Math.round(this._radius), 1), points;
            function ring(n, size, turn) {
              var out = [];
              for (var i = 0; i < n; i++) {
                var a = turn + 2 * Math.PI * i / n;
                out.push([x + size * Math.cos(a), y + size * Math.sin(a)]);
              }
              return out;
            }
            if (shape === "square") { points = ring(4, r * 1.25, Math.PI / 4); }
            else if (shape === "diamond") { points = ring(4, r * 1.3, -Math.PI / 2); }
            else if (shape === "triangle-up") { points = ring(3, r * 1.45, -Math.PI / 2); }
            else if (shape === "triangle-down") { points = ring(3, r * 1.45, Math.PI / 2); }
            else { points = ring(6, r * 1.1, 0); }
            renderer._setPath(this, "M" + points.map(function (p) { return p[0] + "," + p[1]; }).join("L") + "z");
          }
        });
        L.shapeMarker = function (latlng, options) { return new L.ShapeMarker(latlng, options); };
        {% endmacro %}
        """
    )


class KeyboardAccess(MacroElement):
    """Accessible names, roles, focus and Enter for the markers and groups added to the map, whenever they are."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var map = {{ this._parent.get_name() }};
          var container = map.getContainer();
          container.setAttribute("role", "region");
          container.setAttribute("aria-label", "Map of the incidents. Tab moves through them; Enter selects one or fans out a group.");
          function textOf(layer) {
            var tooltip = layer.getTooltip && layer.getTooltip();
            var content = tooltip && tooltip.getContent();
            if (typeof content !== "string") { return ""; }
            // Parsed in a document of its own, which runs no script and loads nothing (the text is escaped anyway).
            var holder = new DOMParser().parseFromString(content, "text/html").body;
            holder.querySelectorAll("[hidden]").forEach(function (e) { e.remove(); });
            holder.querySelectorAll("br").forEach(function (e) { e.replaceWith(". "); });
            return holder.textContent.replace(/\\s+/g, " ").trim();
          }
          function elementOf(layer) { return layer._path || layer._icon || null; }
          function nameOf(layer) {
            if (layer.getAllChildMarkers) {
              var names = layer.getAllChildMarkers().map(textOf).filter(Boolean);
              return "Group of " + names.length + " incidents at one place: " + names.join("; ") + ". Press Enter to fan them out.";
            }
            var tooltip = layer.getTooltip && layer.getTooltip(), content = tooltip && tooltip.getContent();
            var incident = typeof content === "string" && content.indexOf("<span hidden>") >= 0;  // it carries a record id
            var text = textOf(layer);
            return text && incident ? text + ". Press Enter to select it." : text;
          }
          function activate(layer, event) {
            if (layer.getAllChildMarkers) {
              layer._group.once("spiderfied", function (e) {
                var first = e.markers && e.markers[0] && elementOf(e.markers[0]);
                if (first) { first.focus(); }
              });
              layer.spiderfy();
              return;
            }
            // As a click: the popup opens and the map component reports the incident (its tooltip).
            layer.fire("click", {latlng: layer.getLatLng(), originalEvent: event}, true);
          }
          map.on("layeradd", function (e) {
            var layer = e.layer, element = elementOf(layer), name = nameOf(layer);
            if (!element || !name) { return; }
            element.setAttribute("aria-label", name);
            element.setAttribute("role", "button");
            element.setAttribute("tabindex", "0");
            if (element.dataset.keyboard) { return; }
            element.dataset.keyboard = "1";
            element.addEventListener("keydown", function (event) {
              if (event.key !== "Enter" && event.key !== " ") { return; }
              event.preventDefault();  // also stops Leaflet's own keypress, which would fire a second click
              event.stopPropagation();
              activate(layer, event);
            });
          });
        })();
        {% endmacro %}
        """
    )


def make_accessible(fmap: folium.Map) -> folium.Map:
    """Add shapes, names, focus and keyboard handling to a base map (before any layer)."""
    fmap.get_root().header.add_child(folium.Element(ACCESS_STYLE))
    fmap.add_child(ShapeMarkers())
    fmap.add_child(KeyboardAccess())
    return fmap


class FitToIncidents(MacroElement):
    """Zoom out, in the browser, until every located incident is in view.

    The app picks the opening zoom without knowing the map's real width (a phone's is a third of a
    desktop's); this checks the real view once the layer is drawn and widens it only when some
    incident is outside, so a desktop view stays as the app chose it. It checks once per set of
    incidents (per bounds), never again after the reader has moved the map.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var group = {{ this._parent.get_name() }};
          var bounds = L.latLngBounds({{ this.bounds_json }});
          var key = {{ this.bounds_json|tojson }};
          function fit() {
            var map = group._map;
            if (!map || !bounds.isValid()) { return; }
            // Once per set of incidents: the layers are redrawn whenever they change (a zoom that
            // draws incidents one by one changes them), and fitting again would undo the reader's zoom.
            if (map._fittedTo === key) { return; }
            map._fittedTo = key;
            if (!map.getBounds().contains(bounds)) {
              map.fitBounds(bounds, {padding: [24, 24], maxZoom: {{ this.max_zoom }}});
            }
          }
          // After the component has applied its centre and zoom.
          if (group._map) { setTimeout(fit, 500); } else { group.once("add", function () { setTimeout(fit, 500); }); }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, south_west: tuple[float, float], north_east: tuple[float, float], max_zoom: int) -> None:
        super().__init__()
        self._name = "FitToIncidents"
        self.bounds_json = json.dumps([list(south_west), list(north_east)])
        self.max_zoom = max_zoom


def fit_layer(lats: pd.Series, lons: pd.Series, max_zoom: int) -> folium.FeatureGroup | None:
    """A layer that only makes sure these points are in view on any screen (None when there are none)."""
    lats, lons = lats.dropna().astype(float), lons.dropna().astype(float)
    if lats.empty:
        return None
    layer = folium.FeatureGroup(name="Fit to the incidents", control=False)
    layer.add_child(FitToIncidents((lats.min(), lons.min()), (lats.max(), lons.max()), max_zoom))
    layer._id = "fit"  # a stable name: an unchanged layer is not redrawn (see incident_map.stable_names)
    return layer

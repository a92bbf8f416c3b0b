"""The map builder: offline assets, one feature per located incident, escaped text, uncertainty drawn."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import folium
import pandas as pd
import pytest
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

from dashboard.records.gazetteer import load_gazetteer
from dashboard.records.loader import load_dataset
from dashboard.views.casualties import casualty_range, total_range
from dashboard.views.colors import color_scale
from dashboard.views.escape import text_for_html
from dashboard.views.incident_map import (
    CircleData,
    DiscData,
    OfflineMarkerCluster,
    base_map,
    fit_view,
    grid_cell_size,
    grid_groups,
    grid_layer,
    incident_from_tooltip,
    incident_layer,
    plan_map,
    popup_html,
)

STATIC = Path(__file__).resolve().parents[2] / "dashboard" / "static"
HOSTILE = "<script>alert(1)</script> ${alert(2)} `x` \\u0041 <img src=x onerror=alert(3)>"


@pytest.fixture(scope="module")
def frame():
    return load_dataset().frame


def test_base_map_loads_nothing_from_a_cdn():
    html = base_map().get_root().render()
    scripts_and_styles = [line for line in html.splitlines() if "<script src" in line or "stylesheet" in line]
    assert scripts_and_styles and all("/app/static/" in line for line in scripts_and_styles)
    assert "cdn" not in " ".join(scripts_and_styles)


def test_vendored_assets_equal_the_pinned_releases():
    assert filecmp.cmp(STATIC / "leaflet" / "leaflet.js", Path(xstatic.pkg.leaflet.BASE_DIR) / "leaflet.js", shallow=False)
    assert filecmp.cmp(STATIC / "leaflet" / "leaflet.css", Path(xstatic.pkg.leaflet.BASE_DIR) / "leaflet.css", shallow=False)
    cluster = Path(xstatic.pkg.leaflet_markercluster.BASE_DIR)
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        assert filecmp.cmp(STATIC / "markercluster" / name, cluster / name, shallow=False)


def drawn(element) -> list[dict]:
    """The markers an element's data elements draw (not those of nested groups)."""
    return [m for child in element._children.values() if isinstance(child, CircleData) for m in child.markers]


def circles(layer: folium.FeatureGroup) -> list[dict]:
    (group,) = [child for child in layer._children.values() if isinstance(child, OfflineMarkerCluster)]
    return drawn(group)


def discs(layer: folium.FeatureGroup) -> list[dict]:
    return [d for child in layer._children.values() if isinstance(child, DiscData) for d in child.discs]


def test_one_circle_per_located_incident(frame):
    assert len(circles(incident_layer(frame))) == int(frame["lat"].notna().sum()) == 10


def test_district_precision_is_drawn_dashed_and_faint(frame):
    (circle,) = circles(incident_layer(frame[frame["id"] == "north-waziristan-air-strikes-2014-02-20"]))
    options = circle["options"]
    assert options["dashArray"] == "6 4" and options["fillOpacity"] < 0.6
    # Faint, but its colour kept: a solid outline in the category's colour and a visible fill.
    assert options["color"] == options["fillColor"] and options["weight"] >= 2 and options["fillOpacity"] >= 0.3


def test_incidents_at_one_point_are_grouped_so_they_can_be_fanned_out(frame):
    kabul = frame[frame["province"] == "Kabul"]
    assert kabul[["lat", "lon"]].duplicated().any()  # the data really has incidents on one point
    fmap = base_map()
    incident_layer(kabul).add_to(fmap)
    js = fmap.get_root().render()
    assert "L.markerClusterGroup" in js and '"spiderfyOnMaxZoom": true' in js
    assert "/app/static/markercluster/leaflet.markercluster.js" in js


def test_colours_follow_the_shared_scale_and_selection_is_outlined_outside_any_group(frame):
    scale = color_scale(frame["province"].dropna(), "province") | {"not stated": "#555555"}
    layer = incident_layer(frame, "province", scale, selected=frozenset({"kunar-bank-2014-03-25"}))
    grouped = circles(layer)
    (outlined,) = drawn(layer)
    assert len(grouped) == 9 and all(c["options"]["weight"] < 4 for c in grouped)
    assert outlined["options"]["weight"] == 4 and outlined["options"]["color"] == "#000000"
    assert outlined["options"]["fillColor"] == scale["Kunar"]
    assert {scale["Kabul"], scale["Faryab"]} <= {c["options"]["fillColor"] for c in grouped}


def test_a_clicked_tooltip_names_its_incident(frame):
    ids = list(frame["id"])
    circle = circles(incident_layer(frame[frame["id"] == "kunar-bank-2014-03-25"]))[0]
    text_content = re.sub(r"<[^>]+>", "", circle["tooltip"])  # what the map component hands back on a click
    assert incident_from_tooltip(text_content, ids) == "kunar-bank-2014-03-25"
    shown = re.sub(r"<span hidden>.*?</span>", "", circle["tooltip"])  # what a reader sees and hears
    assert "kunar-bank" not in shown and "Attack on a New Kabul Bank branch" in shown
    assert incident_from_tooltip("no such thing", ids) is None and incident_from_tooltip(None, ids) is None


def test_total_range_keeps_not_stated_apart_and_open_ranges_open():
    lows, highs = pd.Series([2, 15, pd.NA], dtype="Int64"), pd.Series([5, pd.NA, pd.NA], dtype="Int64")
    total = total_range(lows, highs)
    assert (total.low, total.high, total.not_stated) == (17, None, 1) and str(total) == "at least 17"
    closed = total_range(pd.Series([2, 3], dtype="Int64"), pd.Series([5, 3], dtype="Int64"))
    assert str(closed) == "5-8"


def test_fit_view_frames_the_points():
    center, zoom = fit_view(pd.Series([34.5, 31.6]), pd.Series([69.2, 65.7]))
    assert center == (33.05, 67.45) and 5 <= zoom <= 7
    _, close = fit_view(pd.Series([34.5, 34.6]), pd.Series([69.1, 69.2]))
    assert close == 9  # capped: one city is not a street map
    assert fit_view(pd.Series([], dtype=float), pd.Series([], dtype=float))[1] == 5


def test_escaping_neutralises_html_and_template_literals():
    escaped = text_for_html(HOSTILE)
    for dangerous in ("<script", "<img", "${", "`", "\\"):
        assert dangerous not in escaped
    assert "&lt;script&gt;" in escaped and "&#36;{alert(2)}" in escaped


def test_popup_shows_hostile_text_only_as_text(frame):
    row = frame.iloc[0].copy()
    row["title"] = HOSTILE
    row["sources"] = [{"publisher": HOSTILE, "url": "javascript:alert(4)"}, {"publisher": "ok", "url": "https://e.org/?a=<b>"}]
    html = popup_html(row)
    assert "<script" not in html and "${" not in html and "javascript:" not in html
    assert 'href="https://e.org/?a=&lt;b&gt;"' in html


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [(pd.NA, pd.NA, "not stated"), (15, pd.NA, "at least 15"), (9, 9, "9"), (2, 5, "2-5"), (0, 0, "0")],
)
def test_casualty_range_wording(low, high, text):
    assert casualty_range(low, high) == text


def test_markdown_escaping_leaves_no_markup():
    from dashboard.views.escape import text_for_markdown

    escaped = text_for_markdown("![x](http://t/p.png) **b** $x$ :red[r] <b>")
    assert "![" not in escaped and "**" not in escaped and "$x$" not in escaped and ":red[" not in escaped
    assert escaped.replace("\\", "") == "![x](http://t/p.png) **b** $x$ :red[r] <b>"


def test_same_view_gives_the_same_layer_script_so_the_map_is_not_redrawn(frame):
    # streamlit-folium redraws a layer whose script changed; a redraw closes popups and folds groups.
    from streamlit_folium import _get_feature_group_string

    def script(layer: folium.FeatureGroup) -> str:
        return _get_feature_group_string(layer, base_map())

    assert script(incident_layer(frame)) == script(incident_layer(frame))
    provinces = [plan_map(frame, "provinces", load_gazetteer(), chosen_provinces=("Kabul",)).layers[0] for _ in range(2)]
    assert script(provinces[0]) == script(provinces[1])
    assert script(incident_layer(frame)) != script(incident_layer(frame, "country"))


def many_incidents(frame: pd.DataFrame, copies: int) -> pd.DataFrame:
    located = frame.dropna(subset=["lat", "lon"])
    out = pd.concat([located] * copies, ignore_index=True)
    out["id"] = [f"copy-{n}" for n in range(len(out))]
    return out


def test_grid_groups_account_for_every_located_incident_and_its_toll(frame):
    big = many_incidents(frame, 200)  # 1,800 located incidents
    cell = grid_cell_size(big["lat"], big["lon"])
    groups = grid_groups(big, cell)
    assert groups["incidents"].sum() == len(big)
    assert groups["low"].sum() == big["killed_min"].sum()
    assert groups["stated"].sum() == big["killed_min"].notna().sum()
    layer, count, size = grid_layer(big)
    assert count == len(groups) < 50 and size == cell
    assert sorted(d["count"] for d in discs(layer)) == sorted(groups["incidents"])


def test_cell_size_follows_the_extent():
    assert grid_cell_size(pd.Series([34.0, 34.2]), pd.Series([69.0, 69.1])) == 0.05
    assert grid_cell_size(pd.Series([24.0, 37.0]), pd.Series([61.0, 75.0])) == 1.0

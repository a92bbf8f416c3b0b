"""The map builder: offline assets, one feature per located incident, escaped text, uncertainty drawn."""

from __future__ import annotations

import filecmp
from pathlib import Path

import folium
import pandas as pd
import pytest
import xstatic.pkg.jquery
import xstatic.pkg.leaflet

from dashboard.records.loader import load_dataset
from dashboard.views.escape import text_for_html
from dashboard.views.incident_map import base_map, casualty_range, incident_layer, popup_html

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
    assert filecmp.cmp(STATIC / "jquery" / "jquery.min.js", Path(xstatic.pkg.jquery.BASE_DIR) / "jquery.min.js", shallow=False)


def test_one_circle_per_located_incident(frame):
    layer = incident_layer(frame)
    circles = [child for child in layer._children.values() if isinstance(child, folium.CircleMarker)]
    assert len(circles) == int(frame["lat"].notna().sum()) == 9


def test_district_precision_is_drawn_dashed_and_faint(frame):
    layer = incident_layer(frame[frame["id"] == "north-waziristan-air-strikes-2014-02-20"])
    (circle,) = layer._children.values()
    assert circle.options["dashArray"] == "4 4" and circle.options["fillOpacity"] < 0.3


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

"""Boundaries: the data and its provenance, the polygon lookup, the choropleth's classes, a province click."""

from __future__ import annotations

import hashlib
import math
import re

import numpy as np
import pandas as pd
import pytest

from dashboard.records.boundaries import BOUNDARIES_DIR, province_shapes
from dashboard.records.gazetteer import load_gazetteer
from dashboard.records.loader import load_dataset
from dashboard.views.boundary_bundle import BUNDLE_FILE, bundle_text
from dashboard.views.boundary_layer import CLICK_HINT
from dashboard.views.choropleth import SHADES, choropleth, class_breaks, class_of
from dashboard.views.filters import Choices
from dashboard.views.incident_map import TILE_URL, base_map, plan_map
from dashboard.views.province_click import province_from_tooltip, toggle_province
from dashboard.views.view_state import View, parse_view


@pytest.fixture(scope="module")
def frame():
    return load_dataset().frame


def test_boundary_files_are_the_ones_provenance_names():
    provenance = (BOUNDARIES_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    for name in ("afpak_provinces.geojson", "region_countries.geojson"):
        digest = hashlib.sha256((BOUNDARIES_DIR / name).read_bytes()).hexdigest()
        assert re.search(rf"`{name}` \| `{digest}`", provenance), f"{name}: hash differs from PROVENANCE.md"


def test_browser_copy_is_up_to_date_with_the_data():
    assert BUNDLE_FILE.read_text(encoding="utf-8") == bundle_text(), "run: .venv/bin/python -m dashboard.views.boundary_bundle"


def test_every_gazetteer_province_has_one_shape_and_its_point_falls_in_it():
    gazetteer, shapes = load_gazetteer(), province_shapes()
    assert sorted(shapes.names) == sorted(gazetteer.provinces)
    assert shapes.countries.count("AFG") == 34 and shapes.countries.count("PAK") == 8
    names = list(gazetteer.provinces)
    found = shapes.province_at([gazetteer.provinces[n].lat for n in names], [gazetteer.provinces[n].lon for n in names])
    assert list(found) == names
    for name, country in zip(shapes.names, shapes.countries, strict=True):
        assert gazetteer.provinces[name].country == country


@pytest.mark.parametrize(
    ("lat", "lon", "where"),
    [
        (23.0, 64.0, "the Arabian Sea"),
        (35.69, 51.39, "Tehran, Iran"),
        (28.61, 77.21, "Delhi, India"),
        (38.56, 68.78, "Dushanbe, Tajikistan"),
        (math.nan, 69.0, "no latitude"),
    ],
)
def test_a_point_outside_both_countries_has_no_province(lat, lon, where):
    assert province_shapes().province_at([lat], [lon])[0] is None, where


def test_every_located_curated_incident_is_in_its_stated_province(frame):
    located = frame.dropna(subset=["lat", "lon"])
    found = province_shapes().province_at(located["lat"], located["lon"])
    assert list(found) == list(located["province"])


def test_distance_to_a_province_is_zero_inside_and_grows_outside():
    kabul_city, kandahar_city = (34.53, 69.17), (31.61, 65.71)
    km = province_shapes().distance_km(["Kabul", "Kabul"], [kabul_city[0], kandahar_city[0]], [kabul_city[1], kandahar_city[1]])
    assert km[0] == 0
    assert 300 < km[1] < 450  # Kandahar city is about 380 km from Kabul province's nearest edge
    assert np.isnan(province_shapes().distance_km(["Atlantis"], [34.0], [69.0])[0])


def test_few_distinct_values_get_one_class_each():
    breaks = class_breaks([1, 3, 1, 2])
    assert [(b.low, b.high) for b in breaks] == [(1, 1), (2, 2), (3, 3)]
    assert len({b.color for b in breaks}) == 3 and SHADES[0] not in {b.color for b in breaks}  # the palest is skipped


def test_many_values_get_five_contiguous_classes_that_hold_every_value():
    values = [1, 2, 3, 4, 6, 9, 14, 27, 55, 120, 480, 2300]
    breaks = class_breaks(values)
    assert len(breaks) == 5 and [b.color for b in breaks] == list(SHADES)
    assert breaks[0].low == 1 and breaks[-1].high == 2300
    for before, after in zip(breaks, breaks[1:], strict=False):
        assert after.low == before.high + 1
    assert all(class_of(v, breaks).low <= v <= class_of(v, breaks).high for v in values)
    assert breaks[1].label == f"{breaks[1].low:,}–{breaks[1].high:,}"


def test_choropleth_counts_per_province_and_keeps_country_level_apart(frame):
    extra = frame[frame["province"] == "Kabul"].head(1).assign(id="countrywide", province=pd.NA, lat=pd.NA, lon=pd.NA)
    elsewhere = frame[frame["province"] == "Kabul"].head(1).assign(id="elsewhere", province="Nowhere")
    shaded = choropleth(pd.concat([frame, extra, elsewhere]), "attacks", load_gazetteer().provinces)
    assert (shaded.country_level, shaded.unmapped) == (1, 1)
    assert set(shaded.fills) == {"Kabul", "Kunar", "Nangarhar", "Faryab", "Kunduz", "Islamabad Capital Territory",
                                 "Federally Administered Tribal Areas"}  # fmt: skip
    assert shaded.fills["Kabul"][0] == shaded.breaks[-1].color  # three attacks: the darkest class
    assert shaded.fills["Kabul"][1].startswith("3 attack(s) and strike(s); killed ")
    assert "given to no province: 1." in shaded.note()
    killed = choropleth(frame, "killed", load_gazetteer().provinces)
    kabul = frame[(frame["province"] == "Kabul") & (frame["kind"] != "context")]
    assert f"killed {int(kabul['killed_min'].sum())}" in killed.fills["Kabul"][1]


def test_province_layer_sends_names_and_colours_not_shapes(frame):
    from streamlit_folium import _get_feature_group_string

    plan = plan_map(frame, "provinces", load_gazetteer(), chosen_provinces=("Kabul",))
    script = _get_feature_group_string(plan.layers[0], base_map())
    assert plan.mode == "provinces" and plan.choropleth is not None
    assert "coordinates" not in script and len(script.encode()) < 20_000
    assert '"Kabul"' in script and "province-chosen" in script


def test_boundaries_only_asks_for_no_tiles_and_streets_does():
    assert TILE_URL not in base_map(basemap="boundaries").get_root().render()
    assert TILE_URL in base_map(basemap="streets").get_root().render()
    assert "boundaries/boundaries.js" in base_map(basemap="boundaries").get_root().render()


def test_a_click_on_a_province_toggles_it_in_the_filter():
    text = f"Faryab 1 attack(s) and strike(s); killed 15-17 {CLICK_HINT}Faryab"
    names = set(load_gazetteer().provinces)
    assert province_from_tooltip(text, names) == "Faryab"
    assert province_from_tooltip("Attack in Kabul kabul-guesthouse-2014-03-28", names) is None
    assert province_from_tooltip(f"{CLICK_HINT}Atlantis", names) is None and province_from_tooltip(None, names) is None
    assert toggle_province(("Kabul",), "Faryab", {"Kabul", "Faryab"}) == (("Kabul", "Faryab"), None)
    assert toggle_province(("Kabul", "Faryab"), "Kabul", {"Kabul", "Faryab"}) == (("Faryab",), None)
    chosen, note = toggle_province(("Kabul",), "Ghor", {"Kabul", "Faryab"})
    assert chosen == ("Kabul",) and note is not None and "Ghor" in note


def test_measure_and_basemap_round_trip_through_the_url(frame):
    choices, ids = Choices.from_frame(frame), set(frame["id"])
    view = View(layer="provinces", measure="killed", basemap="boundaries")
    assert view.to_query() == {"layer": ["provinces"], "measure": ["killed"], "basemap": ["boundaries"]}
    assert parse_view(view.to_query(), choices, ids) == (view, [])
    parsed, ignored = parse_view({"measure": ["deaths"], "basemap": ["satellite"]}, choices, ids)
    assert (parsed.measure, parsed.basemap) == ("attacks", "streets")
    assert any("measure='deaths'" in m for m in ignored) and any("basemap='satellite'" in m for m in ignored)


def test_province_layer_fits_the_shaded_provinces_not_a_street(frame):
    from dashboard.views.choropleth import shaded_corners
    from dashboard.views.incident_map import MAX_FIT_ZOOM, REGION_ZOOM, fit_view

    (lat, lon), zoom = fit_view(*shaded_corners(frame[frame["province"] == "Faryab"]))
    assert province_shapes().province_at([lat], [lon])[0] == "Faryab" and REGION_ZOOM < zoom < MAX_FIT_ZOOM
    _, everything = fit_view(*shaded_corners(frame))
    assert everything < zoom
    assert fit_view(*shaded_corners(frame.iloc[:0]))[1] == REGION_ZOOM  # nothing shaded: the region

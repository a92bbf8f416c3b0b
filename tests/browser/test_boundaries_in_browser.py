"""The region drawn with no internet: borders and province names, the province choropleth, a click on a
province filtering every view, and a snapshot opened from disk."""

from __future__ import annotations

import re
import subprocess
import sys

from playwright.sync_api import Browser, FrameLocator, Page

from devtools.server import ROOT
from tests.browser.conftest import screenshot

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
PROVINCE_SHAPES = "path.province-shape"
CHOROPLETH = "path.province-choropleth"
INCIDENTS = "path.leaflet-interactive:not(.province-shape)"
SHOWING = re.compile(r"Showing (\d+) of (\d+) incidents")


def the_map(page: Page, selector: str = PROVINCE_SHAPES, at_least: int = 42) -> FrameLocator:
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(selector).nth(at_least - 1).wait_for(state="attached", timeout=45_000)
    return frame


def shown(page: Page) -> int:
    text = page.get_by_text(SHOWING).inner_text()
    return int(SHOWING.search(text).group(1))


def test_map_draws_country_and_province_borders_under_the_incidents(server: str, page: Page):
    page.goto(f"{server}/map")
    frame = the_map(page)
    frame.locator(INCIDENTS).first.wait_for(timeout=30_000)
    assert frame.locator(PROVINCE_SHAPES).count() == 42  # Afghanistan's 34 and Pakistan's 8
    assert frame.locator("path.country-outline").count() == 15
    # The incidents stay above the borders: their pane is stacked higher than the provinces' pane.
    z_index = frame.locator(".leaflet-provinces-pane").evaluate("e => Number(getComputedStyle(e).zIndex)")
    assert z_index < frame.locator(".leaflet-overlay-pane").evaluate("e => Number(getComputedStyle(e).zIndex)")
    assert "Natural Earth" in frame.locator(".leaflet-control-attribution").inner_text()
    # Its links are told from their text by an underline, not by colour alone (axe's link-in-text-block).
    decorations = frame.locator(".leaflet-control-attribution a").evaluate_all(
        "links => links.map(a => getComputedStyle(a).textDecorationLine)"
    )
    assert decorations and all("underline" in d for d in decorations), decorations
    visible_names = [t for t in frame.locator(".province-label").all_inner_texts() if t]
    assert "Faryab" in visible_names  # names that fit at this zoom are shown
    screenshot(page, "map-with-boundaries")


def test_boundaries_only_basemap_asks_for_no_tiles(server: str, page: Page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/map?basemap=boundaries")
    frame = the_map(page)
    frame.locator(INCIDENTS).first.wait_for(timeout=30_000)
    assert frame.locator("img.leaflet-tile").count() == 0
    assert not [url for url in requests if not url.startswith(server.split("/", 3)[0] + "//" + server.split("/", 3)[2])]
    screenshot(page, "map-boundaries-only")


def test_province_layer_is_a_choropleth_with_a_legend(server: str, page: Page):
    page.goto(f"{server}/map?layer=provinces")
    frame = the_map(page, CHOROPLETH, 34)
    assert frame.locator(CHOROPLETH).count() == 42
    fills = frame.locator(CHOROPLETH).evaluate_all("paths => paths.map(p => p.getAttribute('fill-opacity'))")
    assert 0 < sum(float(f) > 0 for f in fills) < 42  # the provinces with attacks are shaded, the rest plain
    legend = page.locator(".choropleth-legend")
    assert "Attacks and strikes per province" in legend.inner_text() and "none" in legend.inner_text()
    assert "placed only at country level, so given to no province: 0." in page.get_by_text("Provinces shaded by").inner_text()
    screenshot(page, "map-province-choropleth")


def test_clicking_a_province_filters_by_it_and_again_removes_it(server: str, page: Page):
    page.goto(f"{server}/map?layer=provinces")
    frame = the_map(page, CHOROPLETH, 42)
    page.get_by_text(SHOWING).wait_for(timeout=30_000)
    before = shown(page)
    faryab = frame.locator(CHOROPLETH).nth(_index_of(frame, "Faryab"))
    faryab.click(force=True)
    page.wait_for_url(re.compile(r"province=Faryab"), timeout=30_000)
    page.get_by_text("Showing 1 of").wait_for(timeout=30_000)
    assert shown(page) < before
    frame.locator("path.province-chosen").first.wait_for(state="attached", timeout=30_000)  # outlined
    screenshot(page, "map-province-clicked")
    frame = the_map(page, CHOROPLETH, 42)
    frame.locator(CHOROPLETH).nth(_index_of(frame, "Faryab")).click(force=True)
    page.get_by_text(f"Showing {before} of").wait_for(timeout=30_000)
    assert "province=" not in page.url


def test_clicked_province_equals_a_shared_link(server: str, page: Page):
    page.goto(f"{server}/map?province=Faryab")
    page.get_by_text("Showing 1 of").wait_for(timeout=45_000)
    the_map(page, "path.province-chosen", 1)


def _index_of(frame: FrameLocator, name: str) -> int:
    """The position of a province's shape among the choropleth's paths: Leaflet draws them in file order."""
    from dashboard.records.boundaries import province_shapes

    return province_shapes().names.index(name)


def test_snapshot_from_disk_shows_the_boundaries(browser: Browser, tmp_path):
    out = tmp_path / "snapshot"
    subprocess.run(
        [sys.executable, "-m", "dashboard", "snapshot", "--out", str(out), "layer=provinces&basemap=boundaries"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    try:
        page.goto((out / "map.html").as_uri())
        page.locator(CHOROPLETH).nth(41).wait_for(state="attached", timeout=30_000)
        assert page.locator("path.country-outline").count() == 15
        assert page.locator(PROVINCE_SHAPES).count() == 84  # the borders, and the shaded shapes over them
        page.goto((out / "index.html").as_uri())
        assert "Attacks and strikes per province" in page.locator(".choropleth-legend").inner_text()
        page.frame_locator("iframe").first.locator(CHOROPLETH).nth(41).wait_for(state="attached", timeout=30_000)
        screenshot(page, "snapshot-boundaries-from-disk")
    finally:
        context.close()

"""What only a browser can show: the map draws offline, popups open, hostile text stays text."""

from __future__ import annotations

from playwright.sync_api import Page

from dashboard.records.loader import load_dataset
from tests.browser.conftest import screenshot, start_server
from tests.conftest import CONTEXT_RECORD, with_changes

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MARKERS = "path.leaflet-interactive"


def test_map_draws_every_located_incident_with_no_internet(server: str, page: Page):
    expected = int(load_dataset().frame["lat"].notna().sum())
    page.goto(server)
    markers = page.frame_locator(MAP_FRAME).locator(MARKERS)
    markers.nth(expected - 1).wait_for(timeout=45_000)
    assert markers.count() == expected
    screenshot(page, "overview")


def test_clicking_a_marker_opens_its_details(server: str, page: Page):
    page.goto(server)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(MARKERS).first.wait_for(timeout=45_000)
    frame.locator(MARKERS).last.click(force=True)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    titles = set(load_dataset().frame["title"])
    assert popup.locator("b").inner_text() in titles
    assert "Killed:" in popup.inner_text()


HOSTILE = '<img src=x onerror="window.__pwned=1"> ${window.__pwned=2} `x` <script>window.__pwned=3</script>'


def test_hostile_text_is_shown_literally_and_runs_nothing(write_dataset, page: Page):
    data = write_dataset([with_changes(title=HOSTILE, summary=HOSTILE), CONTEXT_RECORD])
    url, process = start_server(data)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(url)
        frame = page.frame_locator(MAP_FRAME)
        frame.locator(MARKERS).first.wait_for(timeout=45_000)
        frame.locator(MARKERS).first.hover(force=True)
        frame.locator(".leaflet-tooltip").wait_for(timeout=10_000)
        assert frame.locator(".leaflet-tooltip").inner_text() == HOSTILE
        frame.locator(MARKERS).first.click(force=True)
        assert frame.locator(".leaflet-popup-content b").inner_text() == HOSTILE
        map_frame = next(f for f in page.frames if "st_folium" in f.url)
        assert map_frame.evaluate("window.__pwned") is None and page.evaluate("window.__pwned") is None
        assert dialogs == []
        screenshot(page, "hostile-text")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_shared_link_with_filters_shows_the_same_count_and_markers(server: str, page: Page):
    page.goto(f"{server}/?province=Kabul&kind=attack")
    page.get_by_text("Showing 3 of 16 incidents").wait_for(timeout=45_000)
    markers = page.frame_locator(MAP_FRAME).locator(MARKERS)
    markers.nth(2).wait_for(timeout=45_000)
    assert markers.count() == 3
    screenshot(page, "shared-link-kabul")


def test_csv_download_holds_exactly_the_filtered_incidents(server: str, page: Page):
    import csv
    import io

    page.goto(f"{server}/?province=Kabul&kind=attack")
    button = page.get_by_role("button", name="Download CSV")
    button.wait_for(timeout=45_000)
    with page.expect_download(timeout=30_000) as download:
        button.click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert sorted(r["id"] for r in rows) == sorted(
        ["kabul-guesthouse-2014-03-28", "kabul-serena-hotel-2014-03-20", "kabul-iec-office-2014-03-25"]
    )

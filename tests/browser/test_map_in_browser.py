"""What only a browser can show: the map draws offline, clicks select, links reproduce views, hostile text stays text."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import Browser, FrameLocator, Page

from dashboard.records.loader import load_dataset
from devtools.browser import SCRIPT_IDLE
from tests.browser.conftest import address_becomes, offline_page, screenshot, start_server, warm_up
from tests.conftest import CONTEXT_RECORD, with_changes

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MARKERS = "path.leaflet-interactive:not(.province-shape)"  # province shapes are clickable too
GROUPS = ".incident-group"
IDLE = SCRIPT_IDLE  # the script has finished its run
TIMELINE_POINTS = ".subplot.xy .scatterlayer .points path"  # the main plot, not the range slider's copy
KABUL_ATTACKS = ["kabul-guesthouse-2014-03-28", "kabul-iec-office-2014-03-25", "kabul-serena-hotel-2014-03-20"]


def the_map(page: Page) -> FrameLocator:
    """The map once it has settled: the view is applied after the first draw, and the grouping plugin
    animates between zooms, so for a moment old and new groups are both on the page."""
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(f"{MARKERS}, {GROUPS}").first.wait_for(timeout=45_000)
    frame.locator(".leaflet-cluster-anim").wait_for(state="detached", timeout=10_000)
    readings: list[tuple[int, int]] = []
    while len(readings) < 3 or len(set(readings[-3:])) > 1:
        readings.append((frame.locator(MARKERS).count(), frame.locator(GROUPS).count()))
        page.wait_for_timeout(250)
        assert len(readings) < 40, f"the map kept changing: {readings}"
    return frame


def drawn_incidents(frame: FrameLocator) -> int:
    """Circles on the map plus the incidents inside each numbered group."""
    grouped = sum(int(text) for text in frame.locator(GROUPS).all_inner_texts())
    return frame.locator(MARKERS).count() + grouped


def test_map_draws_every_located_incident_with_no_internet(server: str, page: Page):
    expected = int(load_dataset().frame["lat"].notna().sum())
    page.goto(server)
    assert drawn_incidents(the_map(page)) == expected


def test_incidents_at_one_place_fan_out_and_each_can_be_opened(server: str, page: Page):
    page.goto(f"{server}/map?province=Kabul")
    frame = the_map(page)
    assert frame.locator(GROUPS).count() >= 1 and drawn_incidents(frame) == 3
    page.locator(IDLE).wait_for(timeout=45_000)
    frame.locator(GROUPS).first.click()
    frame.locator(MARKERS).nth(2).wait_for(timeout=10_000)
    # The circles slide out from the group (0.3 s): a click during the slide lands where a circle was.
    frame.locator(".leaflet-cluster-anim").wait_for(state="detached", timeout=10_000)
    assert frame.locator(MARKERS).count() == 3  # fanned out: all three are circles now
    titles = set()
    for index in range(3):
        before = page.url
        frame.locator(MARKERS).nth(index).click(force=True)
        titles.add(frame.locator(".leaflet-popup-content b").first.inner_text())
        # As a reader would, the next click waits for the page to take this one in: a click while the
        # page redraws around the map can land beside a circle, on the map, which folds the fan (Leaflet's
        # rule; the cause of this test's failures in CI, seen with the map's events logged).
        page.wait_for_url(lambda url, before=before: url != before and "incident=kabul-" in url, timeout=30_000)
        page.locator(IDLE).wait_for(timeout=45_000)
        frame.locator(".leaflet-popup-close-button").click()  # the open popup would cover its neighbours
        frame.locator(".leaflet-popup").wait_for(state="detached", timeout=10_000)
        assert frame.locator(MARKERS).count() == 3  # selecting by a click leaves the fan open
    assert len(titles) == 3


def test_clicking_a_marker_shows_its_details_and_selects_it(server: str, page: Page):
    page.goto(f"{server}/map?province=Kunar")
    frame = the_map(page)
    frame.locator(MARKERS).first.click(force=True)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert popup.locator("b").first.inner_text() == "Attack on a New Kabul Bank branch, Asadabad, Kunar"
    assert "Killed: 2-5" in popup.inner_text() and "Sources:" in popup.inner_text()
    address_becomes(page, r"incident=kunar-bank-2014-03-25")
    page.get_by_text("Selected: 1 incident").wait_for(timeout=30_000)


def test_clicking_a_timeline_point_selects_that_incident(server: str, page: Page):
    page.goto(f"{server}/timeline?province=Kunar")
    point = page.locator(TIMELINE_POINTS).first
    point.wait_for(timeout=45_000)
    box = point.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = page.locator(".hoverlayer .hovertext")
    hover.first.wait_for(timeout=10_000)
    assert "Attack on a New Kabul Bank branch" in (hover.first.text_content() or "")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    address_becomes(page, r"incident=kunar-bank-2014-03-25")
    page.get_by_text("Selected: 1 incident").wait_for(timeout=30_000)


def test_shared_link_reproduces_count_markers_points_and_selection(server: str, page: Page):
    page.goto(f"{server}/?province=Kabul&kind=attack&incident=kabul-iec-office-2014-03-25")
    page.get_by_text("Showing 3 of 18 incidents").wait_for(timeout=45_000)
    assert drawn_incidents(the_map(page)) == 3
    page.locator(TIMELINE_POINTS).nth(2).wait_for(timeout=30_000)
    assert page.locator(TIMELINE_POINTS).count() == 3
    page.get_by_text("Attack on an Independent Election Commission office, Kabul", exact=True).first.wait_for(timeout=30_000)
    screenshot(page, "shared-link-kabul-selected")


def test_broken_link_opens_and_says_what_it_ignored(server: str, page: Page):
    page.goto(f"{server}/map?from=2014-13-45&province=Atlantis&incident=nope")
    page.get_by_text("Showing 18 of 18 incidents").wait_for(timeout=45_000)
    warning = page.get_by_text("Ignored in the link")
    assert "Atlantis" in warning.inner_text() and "nope" in warning.inner_text()
    assert drawn_incidents(the_map(page)) == 10


def test_changing_a_filter_changes_the_url(server: str, page: Page):
    page.goto(f"{server}/map")
    the_map(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
    page.get_by_role("option", name="Pakistan").click()
    address_becomes(page, r"/map\?country=PAK")
    page.get_by_text("Showing 8 of 18 incidents").wait_for(timeout=30_000)


def test_share_box_gives_the_link_of_this_view(server: str, page: Page):
    page.goto(f"{server}/timeline?province=Kunar&color=province")
    page.get_by_text("Showing 1 of 18 incidents").wait_for(timeout=45_000)
    # A click while the script still runs can be lost in the rerender: wait for it to finish first.
    page.locator(IDLE).wait_for(timeout=45_000)
    page.get_by_text("Share this view").click()
    code = page.locator('[data-testid="stSidebar"] code').first
    code.wait_for(timeout=30_000)  # the expander opens after a rerun; a loaded CI machine takes seconds
    assert code.inner_text() == f"{server}/timeline?province=Kunar&color=province"


def test_csv_download_holds_exactly_the_filtered_incidents(server: str, page: Page):
    page.goto(f"{server}/incidents?province=Kabul&kind=attack")
    button = page.get_by_role("button", name="Download CSV")
    button.wait_for(timeout=45_000)
    with page.expect_download(timeout=30_000) as download:
        button.click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert sorted(r["id"] for r in rows) == KABUL_ATTACKS


@pytest.mark.parametrize(
    ("name", "path", "ready"),
    [
        ("overview", "/", MAP_FRAME),
        ("map", "/map?color=province", MAP_FRAME),
        ("map-province-totals", "/map?layer=provinces", MAP_FRAME),
        ("timeline", "/timeline?incident=kabul-guesthouse-2014-03-28", TIMELINE_POINTS),
        ("incidents", "/incidents", '[data-testid="stDataFrame"]'),
        ("incident", "/incident?incident=kabul-guesthouse-2014-03-28", MAP_FRAME),
        ("article", "/article?step=3", MAP_FRAME),
        ("about", "/about", "text=How it was made"),
    ],
)
def test_screenshot_of_every_page(server: str, page: Page, name: str, path: str, ready: str):
    page.goto(server + path)
    page.locator(ready).first.wait_for(timeout=45_000)
    page.wait_for_timeout(1500)  # charts animate in; the picture is for a person to look at
    assert page.get_by_text("Page not found").count() == 0
    screenshot(page, f"page-{name}")


OUTLINED = 'path[stroke="#000000"][stroke-width="4"]'  # a selected incident on the map


def outlined_points(page: Page) -> int:
    """Timeline points drawn with the selection's thick outline."""
    styles = page.locator(TIMELINE_POINTS).evaluate_all("points => points.map(p => p.style.strokeWidth)")
    return sum(1 for width in styles if width == "3px")


def test_stepping_through_the_article_moves_map_and_timeline(server: str, page: Page):
    page.goto(f"{server}/article")
    page.get_by_text("Passage", exact=False).first.wait_for(timeout=45_000)
    for step in (1, 2):
        page.get_by_role("button", name="Next").click()
        page.get_by_text(f"Passage {step} of 12").wait_for(timeout=30_000)
    address_becomes(page, r"step=2")
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(OUTLINED).first.wait_for(state="attached", timeout=30_000)  # drawn; visibility flaked mid-flight
    assert frame.locator(OUTLINED).count() == 1  # the guesthouse, flown to and outlined
    page.wait_for_function(
        "() => [...document.querySelectorAll('.subplot.xy .scatterlayer .points path')].some(p => p.style.strokeWidth === '3px')",
        timeout=30_000,
    )
    assert outlined_points(page) == 1
    screenshot(page, "article-step-2")


def test_a_shared_article_step_opens_on_that_passage(server: str, page: Page):
    page.goto(f"{server}/article?step=4")
    page.get_by_text("Passage 4 of 12").wait_for(timeout=45_000)
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(OUTLINED).nth(2).wait_for(state="attached", timeout=30_000)
    assert frame.locator(OUTLINED).count() == 3  # Kunar bank, Kunduz buzkashi, Kabul election office
    assert "incident=kabul-iec-office-2014-03-25" in page.url


HOSTILE = '<img src=x onerror="window.__pwned=1"> ${window.__pwned=2} `x` <script>window.__pwned=3</script>'


def test_hostile_text_is_shown_literally_and_runs_nothing(write_dataset, browser: Browser):
    data = write_dataset([with_changes(title=HOSTILE, summary=HOSTILE), CONTEXT_RECORD])
    url, process = start_server(data)
    page = offline_page(browser)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        warm_up(browser, url)
        page.goto(url)
        frame = the_map(page)
        frame.locator(MARKERS).first.hover(force=True)
        frame.locator(".leaflet-tooltip").wait_for(timeout=10_000)
        assert frame.locator(".leaflet-tooltip b").inner_text() == HOSTILE
        frame.locator(MARKERS).first.click(force=True)
        assert frame.locator(".leaflet-popup-content b").first.inner_text() == HOSTILE
        address_becomes(page, r"incident=hotel")  # the click's rerun redraws the timeline: wait for it, then measure
        point = page.locator(TIMELINE_POINTS).first
        point.wait_for(timeout=30_000)
        box = point.bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator(".hoverlayer .hovertext").first.wait_for(timeout=10_000)
        assert HOSTILE in (page.locator(".hoverlayer .hovertext").first.text_content() or "")
        page.goto(f"{url}/incident?incident=hotel")
        page.get_by_role("heading", name=HOSTILE).wait_for(timeout=45_000)
        map_frames = [f for f in page.frames if "st_folium" in f.url]
        assert all(f.evaluate("window.__pwned") is None for f in map_frames)
        assert page.evaluate("window.__pwned") is None and dialogs == []
        screenshot(page, "hostile-text-incident")
    finally:
        page.context.close()
        process.terminate()
        process.wait(timeout=10)


def test_map_draws_when_served_under_a_path_as_behind_a_proxy(browser: Browser):
    url, process = start_server(base_path="attacks")
    page = offline_page(browser)
    try:
        page.goto(f"{url}/map?province=Kunar")
        page.get_by_text("Showing 1 of 18 incidents").wait_for(timeout=60_000)
        assert drawn_incidents(the_map(page)) == 1
    finally:
        page.context.close()
        process.terminate()
        process.wait(timeout=10)

"""The dashboard on a phone (390 x 844): the map fits its real size, the menu is labelled, the article reads in one column."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from devtools.browser import PHONE, offline_page
from tests.browser.conftest import screenshot
from tests.browser.test_accessibility import PAGES, map_frames, problems, settled
from tests.browser.test_map_in_browser import GROUPS, MAP_FRAME, MARKERS, drawn_incidents, the_map


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    page = offline_page(browser, PHONE, phone=True)
    yield page
    page.context.close()


# Incident markers and groups only (province shapes are interactive paths too, and reach past the view).
OUTSIDE = """() => {
  const view = document.querySelector('.leaflet-container').getBoundingClientRect();
  return [...document.querySelectorAll('path.leaflet-interactive[aria-label*="Press Enter"], .incident-group')].filter(e => {
    const r = e.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    return x < view.left || x > view.right || y < view.top || y > view.bottom;
  }).map(e => e.getAttribute('aria-label') || e.textContent);
}"""


@pytest.mark.parametrize("path", ["/", "/map"])
def test_every_located_incident_is_inside_the_map_on_a_phone(server: str, phone: Page, path: str):
    phone.goto(server + path)
    frame = the_map(phone)
    assert drawn_incidents(frame) == 10
    (document,) = map_frames(phone)
    # The app's opening zoom assumes a wide map; the map widens its view in the browser when it must.
    document.wait_for_function(f"() => ({OUTSIDE})().length === 0", timeout=15_000)
    assert document.evaluate(OUTSIDE) == []
    assert frame.locator(f"{MARKERS}, {GROUPS}").count() >= 1


def test_the_phone_menu_is_labelled_and_opens_the_pages_and_filters(server: str, phone: Page):
    phone.goto(server + "/map")
    menu = phone.get_by_role("button", name="Expand sidebar")
    menu.wait_for(timeout=45_000)
    # Seen, not only heard: the button's visible label (it starts with its accessible name).
    phone.wait_for_function(
        "() => getComputedStyle(document.querySelector('[data-testid=stExpandSidebarButton]'), '::after')"
        ".content.includes('Expand sidebar: pages and filters')",
        timeout=30_000,
    )
    menu.click()
    sidebar = phone.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("link", name="Timeline").wait_for(timeout=10_000)
    sidebar.get_by_text("Country", exact=True).first.wait_for(timeout=10_000)  # the filters


def test_the_article_reads_in_one_column_with_the_stepper_first_and_no_scroll_box(server: str, phone: Page):
    phone.goto(server + "/article")
    next_button = phone.get_by_role("button", name="Next")
    next_button.wait_for(timeout=45_000)
    settled(phone)
    text = phone.locator(".st-key-article_text")
    stepper, article = next_button.bounding_box(), text.bounding_box()
    assert stepper and article and stepper["y"] < article["y"]  # reachable without reading the whole text
    assert article["width"] > PHONE["width"] * 0.8  # one column
    # The text scrolls with the page, not in a box of its own that would catch the thumb.
    assert text.evaluate("e => getComputedStyle(e).overflowY") == "visible"
    assert text.evaluate("e => e.scrollHeight <= e.clientHeight + 1")


@pytest.mark.parametrize(("name", "path", "ready"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_on_a_phone_passes_axe_and_is_pictured(server: str, phone: Page, name: str, path: str, ready: str):
    phone.goto(server + path)
    phone.locator(ready).first.wait_for(state="attached", timeout=45_000)
    settled(phone)
    if ready == MAP_FRAME:
        phone.frame_locator(MAP_FRAME).first.locator(".leaflet-interactive, .leaflet-marker-icon").first.wait_for(
            state="attached", timeout=45_000
        )
    found = problems(phone, name)
    for index, frame in enumerate(map_frames(phone)):
        found += problems(frame, f"{name} map {index + 1}")
    screenshot(phone, f"phone-{name}")
    assert not found, f"{len(found)} accessibility problem(s) on a phone:\n" + "\n".join(found)

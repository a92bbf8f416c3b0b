"""The browser's Back and Forward undo and redo what a reader did: a filter, a map click, an article step."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import address_becomes
from tests.browser.test_map_in_browser import IDLE, MARKERS, the_map

RESET = '[data-testid="stSidebar"] button:has-text("Reset filters")'


def settled(page: Page, text: str) -> None:
    """The page shows this text and its script has finished (a click during a run can be lost)."""
    page.get_by_text(text).first.wait_for(timeout=45_000)
    page.locator(IDLE).wait_for(timeout=45_000)


def province_chips(page: Page) -> list[str]:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(1)
    chips = box.locator(".react-aria-ComboBox [data-tag]")
    return [str(chips.nth(i).get_attribute("aria-label")) for i in range(chips.count())]


def test_back_undoes_a_reset_and_forward_redoes_it(server: str, page: Page):
    page.goto(f"{server}/?province=Kabul")
    settled(page, "Showing 3 of 18 incidents")
    page.locator(RESET).click()
    settled(page, "Showing 18 of 18 incidents")
    address_becomes(page, r"/$")
    page.go_back()
    settled(page, "Showing 3 of 18 incidents")
    assert page.url.endswith("/?province=Kabul")
    assert province_chips(page) == ["Kabul (3)"]
    page.go_forward()
    settled(page, "Showing 18 of 18 incidents")
    assert province_chips(page) == []
    assert "province=" not in page.url


def test_back_undoes_a_search_typed_in_the_sidebar_and_forward_redoes_it(server: str, page: Page):
    page.goto(f"{server}/")
    settled(page, "Showing 18 of 18 incidents")
    search = page.get_by_label("Search titles, summaries, quotes")
    search.fill("buzkashi")
    search.press("Enter")
    address_becomes(page, r"q=buzkashi")
    settled(page, "Showing 1 of 18 incidents")
    page.go_back()
    address_becomes(page, r"/$")
    settled(page, "Showing 18 of 18 incidents")
    assert search.input_value() == ""
    page.go_forward()
    address_becomes(page, r"q=buzkashi")
    settled(page, "Showing 1 of 18 incidents")
    assert search.input_value() == "buzkashi"


def test_back_undoes_a_map_click(server: str, page: Page):
    page.goto(f"{server}/map?province=Kunar")
    frame = the_map(page)
    page.locator(IDLE).wait_for(timeout=45_000)
    frame.locator(MARKERS).first.click()
    address_becomes(page, r"incident=kunar-bank-2014-03-25")
    settled(page, "Selected: 1 incident")
    page.go_back()
    address_becomes(page, r"/map\?province=Kunar$")
    page.locator(IDLE).wait_for(timeout=45_000)
    page.get_by_text("Selected: 1 incident").wait_for(state="detached", timeout=30_000)
    page.go_forward()
    address_becomes(page, r"incident=kunar-bank-2014-03-25")
    settled(page, "Selected: 1 incident")


def test_back_and_forward_move_through_article_steps_and_a_page_change_keeps_the_filters(server: str, page: Page):
    page.goto(f"{server}/article")
    settled(page, "passages")
    for number in (1, 2):
        page.get_by_role("button", name="Next").click()
        address_becomes(page, rf"step={number}\b")
        settled(page, f"Passage {number} of")
    page.go_back()
    address_becomes(page, r"step=1\b")
    settled(page, "Passage 1 of")
    page.go_back()
    address_becomes(page, r"/article$")
    page.get_by_text("Passage 1 of").wait_for(state="detached", timeout=30_000)
    page.go_forward()
    address_becomes(page, r"step=1\b")
    settled(page, "Passage 1 of")
    # A filter, then another page from the navigation: the filter goes with the reader.
    page.goto(f"{server}/?province=Kunar")
    settled(page, "Showing 1 of 18 incidents")
    page.locator(".st-key-page_nav").get_by_role(
        "link", name="Map", exact=True
    ).click()  # the wide row (the phone list is hidden by CSS)
    address_becomes(page, r"/map\?province=Kunar$")
    settled(page, "Showing 1 of 18 incidents")
    page.go_back()
    address_becomes(page, r"/\?province=Kunar$")
    settled(page, "Showing 1 of 18 incidents")

"""The dashboard with the keyboard alone, and as a screen reader reads it: the map, the lists and the table."""

from __future__ import annotations

import re

from playwright.sync_api import Frame, Page

from tests.browser.conftest import address_becomes
from tests.browser.test_accessibility import settled
from tests.browser.test_map_in_browser import GROUPS, KABUL_ATTACKS, MARKERS, the_map


def map_document(page: Page) -> Frame:
    (frame,) = [f for f in page.frames if "streamlit_folium" in f.url]
    return frame


def focused(frame: Frame) -> dict:
    return frame.evaluate(
        "() => { const e = document.activeElement; return {tag: e.tagName, name: e.getAttribute('aria-label'),"
        " stroke: getComputedStyle(e).strokeWidth, outline: getComputedStyle(e).outlineStyle}; }"
    )


def test_map_markers_are_named_and_enter_selects_like_a_click(server: str, page: Page):
    page.goto(f"{server}/map?province=Kunar")
    frame = the_map(page)
    marker = frame.locator(MARKERS).first
    name = marker.get_attribute("aria-label") or ""
    # Title, date and deaths; no record id (a screen reader would read it out).
    assert name.startswith("Attack on a New Kabul Bank branch, Asadabad, Kunar. 2014-03-25 · killed 2-5")
    assert "kunar-bank" not in name and marker.get_attribute("role") == "button"
    page.keyboard.press("Tab")  # the page has had a key press: focus rings show as for a keyboard user
    marker.focus()
    assert focused(map_document(page))["stroke"] == "5px"  # the focus ring: a thick dark outline
    page.keyboard.press("Enter")
    frame.locator(".leaflet-popup-content").wait_for(timeout=10_000)  # as a click: its popup opens
    address_becomes(page, r"incident=kunar-bank-2014-03-25")
    page.get_by_text("Selected: 1 incident").wait_for(timeout=30_000)


def test_enter_on_a_group_fans_it_out_and_focuses_its_first_incident(server: str, page: Page):
    page.goto(f"{server}/map?province=Kabul")
    frame = the_map(page)
    group = frame.locator(GROUPS).first
    name = group.get_attribute("aria-label") or ""
    assert name.startswith("Group of 3 incidents at one place") and "Serena Hotel" in name and "Enter" in name
    group.focus()
    page.keyboard.press("Enter")
    frame.locator(MARKERS).nth(2).wait_for(timeout=10_000)
    assert frame.locator(MARKERS).count() == 3
    # The focus moves once the fan's animation ends.
    map_document(page).wait_for_function("() => document.activeElement.tagName === 'path'", timeout=10_000)
    now = focused(map_document(page))
    assert now["tag"] == "path" and "killed" in (now["name"] or "")
    page.keyboard.press("Enter")
    address_becomes(page, r"incident=kabul-")
    chosen = re.search(r"incident=([\w-]+)", page.url)
    assert chosen is not None and chosen.group(1) in KABUL_ATTACKS


def test_every_incident_is_in_the_timelines_list_and_each_selects(server: str, page: Page):
    page.goto(f"{server}/timeline")
    summary = page.get_by_text("Timeline of 10 attacks and strikes from 20 January to 5 April 2014")
    summary.wait_for(timeout=45_000)
    settled(page)
    opener = page.locator("summary", has_text="Incidents on the timeline (18), as a list")
    opener.focus()
    page.keyboard.press("Enter")
    listed = page.locator('[data-testid="stExpander"]', has_text="Incidents on the timeline")
    buttons = listed.get_by_role("button", name=re.compile(r"\d{4} · "))
    buttons.nth(17).wait_for(timeout=30_000)
    assert buttons.count() == 18
    kunar = page.get_by_role("button", name=re.compile("Asadabad, Kunar, Afghanistan · Attack on a New Kabul Bank"))
    assert "killed 2-5" in kunar.inner_text()
    kunar.focus()
    page.keyboard.press("Enter")
    address_becomes(page, r"incident=kunar-bank-2014-03-25")
    page.get_by_text("Selected: 1 incident").wait_for(timeout=30_000)


def test_the_maps_list_selects_and_the_map_flies_to_it(server: str, page: Page):
    page.goto(f"{server}/map")
    the_map(page)
    page.get_by_text("Map of 10 located incidents in Afghanistan and Pakistan").wait_for(timeout=30_000)
    page.get_by_text("Incidents on the map (10), as a list").click()
    maimana = page.get_by_role("button", name=re.compile("Suicide bombing at a market in Maimana"))
    maimana.focus()
    page.keyboard.press("Enter")
    address_becomes(page, r"incident=faryab-maimana-market-2014-03-18")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first
    frame.locator('path[stroke="#000000"][stroke-width="4"]').first.wait_for(timeout=30_000)  # outlined


def test_a_table_row_is_selected_with_the_keyboard(server: str, page: Page):
    page.goto(f"{server}/incidents?province=Kunar")
    page.get_by_text("Shift+Space to select it").wait_for(timeout=45_000)
    page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=30_000)
    # Tab from the sort hint's paragraph lands in the table (the grid is the next focusable thing).
    page.locator('[data-testid="stDataFrame"] [tabindex="0"]').first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+Space")
    address_becomes(page, r"incident=kunar-bank-2014-03-25")
    page.get_by_text("Selected: 1 incident").wait_for(timeout=30_000)


def test_stepping_through_the_article_is_announced(server: str, page: Page):
    page.goto(f"{server}/article")
    status = page.get_by_role("status").filter(has_text="passages")
    status.wait_for(timeout=45_000)
    assert status.get_attribute("aria-live") == "polite"
    next_button = page.get_by_role("button", name="Next")
    next_button.focus()
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="Passage 1 of 12").wait_for(timeout=30_000)

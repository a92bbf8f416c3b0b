"""The play control in Chromium: stepping fills the map, the keyboard reaches every control, Play moves on its own."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from dashboard.records.loader import load_dataset
from tests.browser.conftest import address_becomes, screenshot
from tests.browser.test_accessibility import map_frames, problems, settled
from tests.browser.test_map_in_browser import drawn_incidents, the_map

SLIDER = "Show the incidents that began up to"


def located_by(day: str) -> int:
    frame = load_dataset().frame
    return int((frame["lat"].notna() & (frame["date_start"] <= day)).sum())


def step(page: Page, name: str, until: str) -> int:
    """Press a control, wait for the link and the script to follow, and count the incidents on the map."""
    page.get_by_role("button", name=name, exact=True).click()
    address_becomes(page, rf"until={until}")
    settled(page)
    return drawn_incidents(the_map(page))


def test_stepping_shows_fewer_incidents_early_and_all_at_the_end(server: str, page: Page):
    page.goto(f"{server}/map")
    everything = drawn_incidents(the_map(page))
    assert everything == located_by("2099-01-01") == 10
    status = page.get_by_role("status").filter(has_text="attacks and strikes")
    assert status.inner_text().startswith("All 10 attacks and strikes")
    # The slider with the keyboard alone: Home goes to the first step.
    page.get_by_role("slider", name=SLIDER).focus()
    page.keyboard.press("Home")
    address_becomes(page, r"until=2014-01-20")
    settled(page)
    assert drawn_incidents(the_map(page)) == located_by("2014-01-20") == 1
    assert status.inner_text() == "Up to 20 January 2014: 1 of 10 attacks and strikes"
    counts = [step(page, "Step forward", until) for until in ("2014-01-27", "2014-02-03")]
    assert counts == [1, 1]
    page.get_by_role("slider", name=SLIDER).focus()
    page.keyboard.press("End")
    address_becomes(page, r"until=2014-04-05")
    settled(page)
    assert drawn_incidents(the_map(page)) == everything
    assert step(page, "Step back", "2014-03-31") == everything
    assert step(page, "Step back", "2014-03-24") == located_by("2014-03-24") == 6
    screenshot(page, "play-map-step")
    found = problems(page, "map with the play control")
    for index, frame in enumerate(map_frames(page)):
        found += problems(frame, f"map {index + 1}")
    assert not found, "\n".join(found)


def test_play_moves_on_by_itself_and_pause_stops_it(server: str, page: Page):
    page.goto(f"{server}/?until=2014-03-10")
    the_map(page)
    settled(page)
    page.get_by_role("button", name="Play", exact=True).click()
    status = page.get_by_role("status").filter(has_text="Up to")
    status.filter(has_text="17 March 2014").wait_for(timeout=30_000)  # no further press: the timer moves it on
    status.filter(has_text="24 March 2014").wait_for(timeout=30_000)
    assert "until=2014-03-10" in page.url  # while playing, the address is not rewritten at every step
    page.get_by_role("button", name="Pause", exact=True).click()
    settled(page)
    address_becomes(page, r"until=2014-(03-(2[4-9]|3[01])|04-\d\d)")  # once paused, the address says where playing stopped
    paused = re.search(r"until=([\d-]+)", page.url)
    assert paused is not None
    page.wait_for_timeout(5_000)  # more than two steps' time: nothing moves once paused
    assert re.search(r"until=([\d-]+)", page.url).group(1) == paused.group(1)
    assert page.get_by_role("button", name="Play", exact=True).is_visible()
    # The timeline marks the position with its line's label.
    assert page.locator(".annotation-text", has_text=re.compile(r"^Up to \d+ Mar 2014$")).count() == 1

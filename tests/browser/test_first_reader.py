"""The first reader after a start, on the server users start (dashboard/serve.py), which has run the
default page once before serving: that run finished without an error, and a link to another page,
the first thing the server shows a browser, opens as that page."""

from __future__ import annotations

import re

from playwright.sync_api import Browser

from devtools.server import ROOT

from .conftest import offline_page, screenshot, start_server, stop_server

SERVE = ROOT / "dashboard" / "serve.py"
SHOWING = re.compile(r"Showing (\d+) of (\d+) incidents")


def test_a_link_to_another_page_is_the_first_thing_the_server_shows_and_opens_cleanly(browser: Browser, tmp_path):
    log = tmp_path / "server.log"
    url, process = start_server(script=SERVE, log=log, timeout=120)
    try:
        page = offline_page(browser)  # no warm-up visit: this is the server's first reader
        page.goto(f"{url}/map?province=Kabul")
        showing = page.get_by_text(SHOWING)
        showing.wait_for(timeout=60_000)
        page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first.locator(
            "path.leaflet-interactive, .leaflet-marker-icon"
        ).first.wait_for(state="attached", timeout=45_000)
        shown, total = map(int, SHOWING.search(showing.inner_text()).groups())
        assert 0 < shown < total  # Kabul's incidents, not every one
        assert page.get_by_role("heading", name="Map", exact=True).count() == 1
        # Streamlit once told the first reader of a fresh server that a linked page did not exist (issue 8860).
        assert page.get_by_text(re.compile("page not found", re.I)).count() == 0
        screenshot(page, "first-reader-deep-link")
        page.context.close()
    finally:
        stop_server(process)
    printed = log.read_text(encoding="utf-8", errors="replace")
    assert re.search(r"default page run once in [\d.]+ s \(FINISHED_SUCCESSFULLY\)", printed), printed
    assert "error(s) shown" not in printed

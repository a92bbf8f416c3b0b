"""Headless Chromium pages that behave as on a machine with no internet."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}  # a common phone, in CSS pixels
# The app's script has finished its run (Streamlit marks its root element so).
SCRIPT_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def offline_page(browser: Browser, viewport: dict[str, int] = DESKTOP, phone: bool = False) -> Page:
    """A fresh browser context that can reach only the local server, as on a machine with no internet.

    `phone` also reports a touch screen and a mobile browser, as a phone would."""
    context = browser.new_context(viewport=viewport, accept_downloads=True, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1") else route.abort())
    return page


def warm_up(browser: Browser, url: str) -> None:
    """Open the default page once, so that the first test does not pay the server's cold start (imports,
    the first figures) inside its own waits. (It also kept tests clear of a spurious "Page not found"
    that Streamlit once showed a fresh server's first deep link, streamlit/streamlit#8860; not seen
    with the pinned Streamlit, and tests/browser/test_first_reader.py opens such a link first.)"""
    page = offline_page(browser)
    page.goto(url)
    page.get_by_text("Showing").first.wait_for(timeout=60_000)
    page.context.close()

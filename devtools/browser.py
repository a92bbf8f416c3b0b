"""Headless Chromium pages that behave as on a machine with no internet."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}  # a common phone, in CSS pixels


def offline_page(browser: Browser, viewport: dict[str, int] = DESKTOP, phone: bool = False) -> Page:
    """A fresh browser context that can reach only the local server, as on a machine with no internet.

    `phone` also reports a touch screen and a mobile browser, as a phone would."""
    context = browser.new_context(viewport=viewport, accept_downloads=True, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1") else route.abort())
    return page


def warm_up(browser: Browser, url: str) -> None:
    """Open the default page once. Streamlit learns st.navigation's pages on a session's first run, so
    the very first visitor after a server start who deep-links to another page sees a spurious
    "Page not found" notice over the right page (streamlit/streamlit#8860); tests are not about that."""
    page = offline_page(browser)
    page.goto(url)
    page.get_by_text("Showing").first.wait_for(timeout=60_000)
    page.context.close()

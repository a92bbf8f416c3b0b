"""Browser tier: a real Streamlit server on a free port and Debian's Chromium driven by Playwright.

The browser may reach only the local server: every other request (map tiles included) is
aborted, as on a machine with no internet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from devtools.browser import offline_page, warm_up
from devtools.server import CHROMIUM, CHROMIUM_FLAGS, start_server, stop_server

__all__ = ["start_server", "stop_server", "offline_page", "warm_up", "screenshot", "address_becomes"]

ARTIFACTS = Path(__file__).resolve().parents[2] / "tests" / "artifacts"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: scripts/test.sh installs Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def server(browser: Browser) -> Iterator[str]:
    url, process = start_server()
    warm_up(browser, url)
    yield url
    stop_server(process)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = offline_page(browser)
    yield page
    page.context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def address_becomes(page: Page, pattern: str, timeout: float = 30_000) -> None:
    """Wait for the address bar to match `pattern`; on a timeout, say what the address was instead."""
    try:
        page.wait_for_url(re.compile(pattern), timeout=timeout)
    except PlaywrightTimeout:
        raise AssertionError(
            f"the address did not come to match {pattern!r} within {timeout / 1000:.0f} s: it is {page.url}"
        ) from None

"""Browser tier: a real Streamlit server on a free port and Debian's Chromium driven by Playwright.

The browser may reach only the local server: every other request (map tiles included) is
aborted, as on a machine with no internet.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling readiness, not waiting for a result
    raise TimeoutError(f"{url} not healthy after {timeout}s")


def start_server(data: Path | None = None) -> tuple[str, subprocess.Popen]:
    port = _free_port()
    env = {**os.environ}
    env.pop("DASHBOARD_DATA", None)
    if data is not None:
        env["DASHBOARD_DATA"] = str(data)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard/app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(url, process)
    return url, process


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: scripts/test.sh installs Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def offline_page(browser: Browser) -> Page:
    """A fresh browser context that can reach only the local server, as on a machine with no internet."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
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


@pytest.fixture(scope="session")
def server(browser: Browser) -> Iterator[str]:
    url, process = start_server()
    warm_up(browser, url)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = offline_page(browser)
    yield page
    page.context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

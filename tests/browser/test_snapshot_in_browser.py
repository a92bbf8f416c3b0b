"""A snapshot made by the command line from a filtered link opens from disk, with the network off."""

from __future__ import annotations

import subprocess
import sys

from playwright.sync_api import Browser

from devtools.server import ROOT
from tests.browser.conftest import screenshot

POINTS = ".subplot.xy .scatterlayer .points path"


def test_snapshot_opens_from_file_with_no_network(browser: Browser, tmp_path):
    out = tmp_path / "snapshot"
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "snapshot", "--out", str(out), "province=Kabul&kind=attack"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Wrote" in done.stdout
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    try:
        page.goto((out / "index.html").as_uri())
        page.locator(POINTS).nth(2).wait_for(timeout=30_000)
        assert page.locator(POINTS).count() == 3
        assert page.locator("#incidents tbody tr").count() == 3
        assert "Filters: province: Kabul; kind: Attack." in page.locator(".provenance").inner_text()
        frame = page.frame_locator("iframe").first
        group = frame.locator(".incident-group")
        group.first.wait_for(timeout=30_000)
        assert (
            sum(int(t) for t in group.all_inner_texts()) + frame.locator("path.leaflet-interactive:not(.province-shape)").count()
            == 3
        )
        screenshot(page, "snapshot-from-disk")
    finally:
        context.close()

"""How fast the dashboard answers, on the curated data, with figures printed.

    .venv/bin/python -m benchmarks.dashboard_speed [--runs N] [--loads N]

1. Server-side rerun after a filter change: the app script run in-process by Streamlit's AppTest,
   alternating the province filter, median and 95th percentile over N runs (AppTest's own
   bookkeeping is included, so these are upper bounds). Target: median under 150 ms.
2. Bytes a rerun sends the browser after a filter change (the websocket frames, "Minimum killed"
   alternating between 5 and 0 on the overview), median over N changes: what a reader on a slow
   connection waits for. The app sends every message whole (no ForwardMsg cache, see
   .streamlit/config.toml).
3. Time to a drawn page in headless Chromium with no internet: from navigation until every map
   marker and every timeline point is in the DOM, for the dashboard's overview and for a bare page
   with one Plotly chart and one one-marker st_folium map started the same way. Median over N
   fresh browser contexts, and the ratio. Target: ratio under 1.5.
"""

from __future__ import annotations

import argparse
import statistics
import time

from playwright.sync_api import Browser, Page, sync_playwright
from streamlit.testing.v1 import AppTest

from devtools.browser import SCRIPT_IDLE as IDLE
from devtools.browser import offline_page, warm_up
from devtools.server import APP, CHROMIUM, CHROMIUM_FLAGS, ROOT, start_server, stop_server

BARE_APP = ROOT / "benchmarks" / "bare_app.py"
MAP = 'iframe[title="streamlit_folium.st_folium"]'
MAP_DRAWN = "path.leaflet-interactive, .incident-group"
TIMELINE_DRAWN = ".subplot.xy .scatterlayer .points path"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def rerun_times(runs: int) -> list[float]:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    timings = []
    for n in range(runs):
        widget = app.sidebar.multiselect(key="f_province")
        widget.set_value(["Kabul"] if n % 2 == 0 else ["Kunar", "Faryab"])
        start = time.perf_counter()
        app.run()
        timings.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    return timings


def time_to_drawn(browser: Browser, url: str, markers: int, points: int) -> float:
    page: Page = offline_page(browser)
    try:
        start = time.perf_counter()
        page.goto(url)
        page.locator(TIMELINE_DRAWN).nth(points - 1).wait_for(timeout=60_000)
        page.frame_locator(MAP).first.locator(MAP_DRAWN).nth(markers - 1).wait_for(timeout=60_000)
        return time.perf_counter() - start
    finally:
        page.context.close()


def _frames_settled(page: Page, received: list[int], quiet_ms: int = 700) -> int:
    """The bytes of the frames this change brought, once they have stopped coming and the script is idle."""
    deadline = time.monotonic() + 60
    count = -1
    while time.monotonic() < deadline:
        if received and len(received) == count and page.locator(IDLE).count():
            return sum(received)
        count = len(received)
        page.wait_for_timeout(quiet_ms)  # polling until the frames stop, not waiting for a result
    raise TimeoutError("the rerun's frames did not settle within 60 s")


def rerun_bytes(browser: Browser, url: str, changes: int) -> list[int]:
    page: Page = offline_page(browser)
    received: list[int] = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda payload: received.append(len(payload))))
    try:
        page.goto(url)
        page.locator(IDLE).wait_for(timeout=60_000)
        box = page.get_by_label("Minimum killed", exact=True).and_(page.locator("input"))
        sizes = []
        for n in range(changes):
            received.clear()
            box.fill("5" if n % 2 == 0 else "0")
            box.press("Enter")
            sizes.append(_frames_settled(page, received))
        return sizes
    finally:
        page.context.close()


def page_times(loads: int) -> tuple[list[float], list[float], list[int]]:
    from dashboard.records.loader import load_dataset

    frame = load_dataset().frame
    events = int((frame["kind"] != "context").sum())
    app_url, app_process = start_server()
    bare_url, bare_process = start_server(script=BARE_APP)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            warm_up(browser, app_url)
            time_to_drawn(browser, bare_url, 1, 1)  # the same warm-up for the baseline
            # The overview's map groups co-located incidents, so "drawn" is its first circle or group;
            # the timeline must show every attack and strike.
            app = [time_to_drawn(browser, app_url, 1, events) for _ in range(loads)]
            bare = [time_to_drawn(browser, bare_url, 1, 1) for _ in range(loads)]
            sent = rerun_bytes(browser, app_url, loads)
            browser.close()
    finally:
        stop_server(app_process)
        stop_server(bare_process)
    return app, bare, sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="reruns to time (default 30)")
    parser.add_argument("--loads", type=int, default=7, help="page loads to time per page (default 7)")
    args = parser.parse_args()

    reruns = rerun_times(args.runs)
    median = statistics.median(reruns) * 1000
    print(
        f"Rerun after a filter change (AppTest, {args.runs} runs): median {median:.0f} ms, p95 {percentile(reruns, 0.95) * 1000:.0f} ms"
    )
    print(f"  target: median under 150 ms -> {'met' if median < 150 else 'NOT met'}")

    app, bare, sent = page_times(args.loads)
    app_median, bare_median = statistics.median(app), statistics.median(bare)
    ratio = app_median / bare_median
    print(f"Time to drawn map and timeline, headless Chromium, no internet ({args.loads} loads each):")
    print(f"  dashboard overview: median {app_median * 1000:.0f} ms (min {min(app) * 1000:.0f}, max {max(app) * 1000:.0f})")
    print(
        f"  bare page (1 chart, 1-marker map): median {bare_median * 1000:.0f} ms (min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})"
    )
    print(f"  ratio {ratio:.2f}; target under 1.5 -> {'met' if ratio < 1.5 else 'NOT met'}")
    print(
        f"Bytes sent to the browser per rerun after a filter change ({len(sent)} changes): median "
        f"{statistics.median(sent) / 1000:.1f} kB (min {min(sent) / 1000:.1f}, max {max(sent) / 1000:.1f})"
    )


if __name__ == "__main__":
    main()

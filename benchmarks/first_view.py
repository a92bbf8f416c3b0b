"""A real server on a large dataset, as its first reader meets it, with figures printed.

    .venv/bin/python -m benchmarks.first_view [--sizes 1000000 10000000] [--loads 5]

For each size, synthetic incidents (benchmarks.synthetic, fixed seed) are written as Parquet, a
Streamlit server is started on them (`DASHBOARD_DATA`) as scripts/run.sh and the Docker image start
it (`dashboard/serve.py`, which loads the data before it reports healthy; `--entry app` starts the
bare `dashboard/app.py`, which loads on the first visit), and headless Chromium with no internet:

- start: from launching the server until it reports healthy;
- first view: from the first navigation after the server is healthy (no page drawn yet) until the
  overview's map shows its groups and the timeline its bars (target at 1M: within 4 s);
- server memory: the server process's resident set after that first view, read from /proc
  (target at 1M: at most 1 GB);
- warm overview: a new browser context opening the overview again, until drawn, median of N, beside
  the same measurement on the curated data's server in the same run (target: within 1.5x).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from devtools.browser import offline_page
from devtools.server import CHROMIUM, CHROMIUM_FLAGS, ROOT, start_server, stop_server

MAP = 'iframe[title="streamlit_folium.st_folium"]'
MAP_DRAWN = "path.leaflet-interactive, .incident-group, .grid-group"
TIMELINE_DRAWN = ".subplot.xy .barlayer .point path, .subplot.xy .scatterlayer .points path"
TARGETS = {"first_view_s": 4.0, "server_mb": 1024, "warm_ratio": 1.5}


def resident_mb(pid: int) -> float:
    """Resident set of the server and its children (Streamlit runs in one process)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def time_to_drawn(browser: Browser, url: str) -> float:
    page = offline_page(browser)
    try:
        start = time.perf_counter()
        page.goto(url)
        page.locator(TIMELINE_DRAWN).first.wait_for(state="attached", timeout=120_000)
        page.frame_locator(MAP).first.locator(MAP_DRAWN).first.wait_for(state="attached", timeout=120_000)
        page.get_by_text("Showing").first.wait_for(state="attached", timeout=120_000)
        return time.perf_counter() - start
    finally:
        page.context.close()


ENTRIES = {"serve": ROOT / "dashboard" / "serve.py", "app": ROOT / "dashboard" / "app.py"}


def measure_server(browser: Browser, data: Path | None, loads: int, entry: Path) -> dict:
    started = time.perf_counter()
    url, process = start_server(data, script=entry, timeout=1800)
    start = time.perf_counter() - started
    try:
        first = time_to_drawn(browser, url)
        memory = resident_mb(process.pid)
        warm = [time_to_drawn(browser, url) for _ in range(loads)]
        return {"start_s": start, "first_view_s": first, "server_mb": memory, "warm_s": statistics.median(warm), "warm_all": warm}
    finally:
        stop_server(process)


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f} s over {len(values)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--loads", type=int, default=5, help="warm page loads per server (default 5)")
    parser.add_argument(
        "--entry", choices=sorted(ENTRIES), default="serve", help="server entry (default serve: loads before healthy)"
    )
    args = parser.parse_args()
    entry = ENTRIES[args.entry]
    print(
        f"entry {entry.relative_to(ROOT)}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the start", flush=True
    )
    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        curated = measure_server(browser, None, args.loads, entry)
        for size in args.sizes:
            parquet = Path(folder) / f"incidents-{size}.parquet"
            subprocess.run(
                [sys.executable, "-m", "benchmarks.synthetic", "--size", str(size), "--out", str(parquet)], check=True, cwd=ROOT
            )
            row = {"size": size, **measure_server(browser, parquet, args.loads, entry)}
            row["warm_ratio"] = row["warm_s"] / curated["warm_s"]
            rows.append(row)
        browser.close()
    print(
        f"curated data: start {curated['start_s']:.2f} s, first view {curated['first_view_s']:.2f} s, "
        f"warm overview median {curated['warm_s']:.2f} s ({_spread(curated['warm_all'])}), server {curated['server_mb']:.0f} MB"
    )
    for row in rows:
        print(
            f"{row['size']:>12,} incidents: start {row['start_s']:.2f} s, first view {row['first_view_s']:.2f} s, "
            f"server after first view {row['server_mb']:.0f} MB, warm overview median {row['warm_s']:.2f} s "
            f"({_spread(row['warm_all'])}; {row['warm_ratio']:.2f}x the curated)"
        )
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = last["size"] / first["size"]
        print(f"growth from {first['size']:,} to {last['size']:,} ({growth:.0f}x the rows):")
        for key in ("start_s", "first_view_s", "server_mb", "warm_s"):
            print(f"  {key:<14} x{last[key] / first[key]:.1f}")
    target_row = next((r for r in rows if r["size"] == 1_000_000), rows[-1])
    print(f"targets at {target_row['size']:,} incidents:")
    for key, target in TARGETS.items():
        value = target_row[key]
        print(f"  {key:<14} {value:,.2f} (target at most {target:,}) -> {'met' if value <= target else 'NOT met'}")


if __name__ == "__main__":
    main()

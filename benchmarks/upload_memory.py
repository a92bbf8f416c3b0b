"""Server memory for an upload on the Your data page: how much it holds, and whether it gives it back.

    .venv/bin/python -m benchmarks.upload_memory [--mb 49] [--wait 150]

Builds an ACLED-style export of about `--mb` megabytes (the real ACLED sample in ../shared/realdata,
its rows repeated with fresh event ids), starts a server, and in headless Chromium uploads it,
imports it and explores it; then closes the tab. Prints the server's resident memory (VmRSS, from
/proc) at each step, and for `--wait` seconds after the tab closed (Streamlit keeps a closed tab's
session for two minutes, for reconnects).
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.load_test import rss_mb
from devtools.browser import offline_page, warm_up
from devtools.server import CHROMIUM, CHROMIUM_FLAGS, ROOT, start_server, stop_server

SAMPLE = ROOT.parent / "shared" / "realdata" / "acled_afghanistan_2020-03.csv"


def acled_export(path: Path, megabytes: float) -> int:
    """An ACLED-style CSV of about `megabytes`; returns its number of rows."""
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames or [], list(reader)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    written, copy = 0, 0
    while out.tell() < megabytes * 1e6:
        for row in rows:
            n = copy * len(rows) + written % len(rows)
            writer.writerow({**row, "event_id_cnty": f"AFG{9_000_000 + n}", "data_id": str(90_000_000 + n)})
            written += 1
        copy += 1
    path.write_text(out.getvalue(), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=49)
    parser.add_argument("--wait", type=float, default=150, help="seconds to watch memory after the tab closed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "acled-export.csv"
        rows = acled_export(export, args.mb)
        print(f"export: {export.stat().st_size / 1e6:.1f} MB, {rows:,} rows")
        url, server = start_server()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                warm_up(browser, url)
                print(f"server after one visit:     {rss_mb(server.pid):7.0f} MB")
                page = offline_page(browser)
                page.goto(f"{url}/import")
                page.locator("input[type=file]").set_input_files(str(export))
                page.get_by_role("button", name="Import").click()
                page.get_by_text("Import report").wait_for(timeout=600_000)
                print(f"upload imported:            {rss_mb(server.pid):7.0f} MB")
                page.get_by_role("button", name="Explore this data").click()
                page.get_by_text("The dashboard now shows your upload").wait_for(timeout=120_000)
                print(f"exploring the upload:       {rss_mb(server.pid):7.0f} MB")
                page.context.close()
                closed = time.perf_counter()
                while (elapsed := time.perf_counter() - closed) < args.wait:
                    time.sleep(15)
                    print(f"{elapsed + 15:4.0f} s after the tab closed: {rss_mb(server.pid):7.0f} MB")
                browser.close()
        finally:
            stop_server(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

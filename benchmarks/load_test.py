"""Many readers at once: concurrent sessions changing filters against one server, measured.

    .venv/bin/python -m benchmarks.load_test [--clients websocket browser] [--sessions 10] [--seconds 60] [--size 100000]

One dashboard server on loopback opens `--size` synthetic incidents (benchmarks.synthetic, Parquet).
`--sessions` sessions, spread over the overview, map, timeline and incidents pages, change the
"Minimum killed" filter in a loop for `--seconds`, each change answered before the next, in two runs:

- websocket: clients that speak Streamlit's protocol as the frontend does (devtools.streamlit_client),
  so the figures are the server's: from the request to the script's last message;
- browser: headless Chromium sessions (one browser, a context each, no internet), timed from
  pressing Enter until the page says "Showing N of M". On a 2-core machine ten browsers drawing
  maps and charts take most of the CPU, so these times are mostly the browsers' own.

Every answer must say "Showing N of M" with the N bare pandas computes for that filter, so a wrong
answer is an error, not a fast one. Reported per run: changes answered, errors (timeouts, wrong
counts, exceptions on the page, script errors; target: none), response median and 95th percentile
(per page too), the server's CPU share, and its memory (resident set, from /proc): before the
sessions, at peak, with them open (growth per session), and after they close.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from playwright.async_api import Browser, Page, async_playwright

from benchmarks.scale import percentile
from benchmarks.synthetic import synthetic_incidents
from dashboard.records.tables import write_table
from devtools.server import CHROMIUM, CHROMIUM_FLAGS, start_server, stop_server
from devtools.streamlit_client import StreamlitClient

PAGES = ("", "map", "timeline", "incidents")
MINIMA = (0, 3, 1, 8, 2, 5)  # minimum killed, cycled; 0 is no filter


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process (fields 14 and 15 of /proc/PID/stat, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def offline(browser: Browser) -> Page:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})

    async def only_local(route):
        host = route.request.url.split("/")[2]
        await (route.continue_() if host.startswith(("127.0.0.1", "localhost")) else route.abort())

    await context.route("**/*", only_local)
    return await context.new_page()


async def session(
    browser: Browser, url: str, path: str, expected: dict[int, int], total: int, until: float, log: dict, think: float
) -> None:
    page = await offline(browser)
    page.on("pageerror", lambda error: log["errors"].append(f"{path or 'overview'}: script error {error}"))
    try:
        await page.goto(f"{url}/{path}")
        await page.get_by_text(f"Showing {total} of {total} incidents").wait_for(timeout=120_000)
        box = page.get_by_label("Minimum killed", exact=True).and_(page.locator("input"))
        n = 0
        while time.monotonic() < until:
            await asyncio.sleep(think if n else 0)
            n += 1
            minimum = MINIMA[n % len(MINIMA)]
            started = time.perf_counter()
            await box.fill(str(minimum))
            await box.press("Enter")
            try:
                await page.get_by_text(f"Showing {expected[minimum]} of {total} incidents").wait_for(timeout=60_000)
            except Exception:  # noqa: BLE001 - any failure to show the right count is the error counted
                log["errors"].append(f"{path or 'overview'}: no 'Showing {expected[minimum]}' within 60 s")
                continue
            log["times"].append(time.perf_counter() - started)
            log["by_page"].setdefault(path or "overview", []).append(log["times"][-1])
            if await page.locator('[data-testid="stException"]').count():
                log["errors"].append(f"{path or 'overview'}: an exception is shown on the page")
    finally:
        await page.context.close()


async def websocket_session(
    url: str, path: str, expected: dict[int, int], total: int, until: float, log: dict, think: float
) -> None:
    name = path or "overview"
    client = StreamlitClient(url, path)
    await client.connect()
    try:
        await client.run()
        n = 0
        while time.monotonic() < until:
            await asyncio.sleep(think if n else 0)
            n += 1
            minimum = MINIMA[n % len(MINIMA)]
            try:
                run = await client.run({"Minimum killed": minimum}, timeout=60)
            except TimeoutError:
                log["errors"].append(f"{name}: no answer within 60 s")
                continue
            wanted = f"**Showing {expected[minimum]} of {total} incidents**"
            if wanted not in [text for _, text in run.markdown]:
                log["errors"].append(f"{name}: expected {wanted}")
            log["errors"] += [f"{name}: exception {text}" for text in run.exceptions]
            log["times"].append(run.finished)
            log["by_page"].setdefault(name, []).append(run.finished)
    finally:
        await client.close()


async def run(
    url: str,
    pid: int,
    kind: str,
    pages: list[str],
    sessions: int,
    seconds: float,
    expected: dict[int, int],
    total: int,
    think: float = 0.0,
) -> dict:
    log: dict = {"times": [], "errors": [], "by_page": {}}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        warm = await offline(browser)  # fills the server's shared cache, as the first reader would
        await warm.goto(url)
        await warm.get_by_text(f"Showing {total} of {total} incidents").wait_for(timeout=300_000)
        await warm.context.close()
        before = rss_mb(pid)
        cpu_before, wall_before = cpu_seconds(pid), time.monotonic()
        until = time.monotonic() + seconds
        peak = {"mb": before}

        async def sample() -> None:
            while time.monotonic() < until + 5:
                peak["mb"] = max(peak["mb"], rss_mb(pid))
                await asyncio.sleep(0.5)

        if kind == "browser":
            work = [session(browser, url, pages[n % len(pages)], expected, total, until, log, think) for n in range(sessions)]
        else:
            work = [websocket_session(url, pages[n % len(pages)], expected, total, until, log, think) for n in range(sessions)]
        await asyncio.gather(sample(), *work)
        with_sessions = rss_mb(pid)
        log["server_cpu_share"] = (cpu_seconds(pid) - cpu_before) / (time.monotonic() - wall_before)
        await browser.close()
    await asyncio.sleep(5)  # the server notices closed websockets and drops their sessions
    return {**log, "before": before, "during_peak": peak["mb"], "with_sessions": with_sessions, "after": rss_mb(pid)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", nargs="+", choices=("websocket", "browser"), default=["websocket", "browser"])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--think", type=float, default=0.0, help="seconds a session waits between changes (default 0: flat out)")
    parser.add_argument(
        "--pages", nargs="+", default=list(PAGES), help="url paths the sessions open, in turn ('' is the overview)"
    )
    args = parser.parse_args()
    frame = synthetic_incidents(args.size)
    expected = {m: len(frame) if m == 0 else int((frame["killed_min"] >= m).fillna(False).sum()) for m in MINIMA}
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "incidents.parquet"
        write_table(frame, data)
        del frame
        for kind in args.clients:  # a fresh server for each, so memory figures do not mix
            url, process = start_server(data)
            try:
                result = asyncio.run(
                    run(url, process.pid, kind, args.pages, args.sessions, args.seconds, expected, args.size, args.think)
                )
            finally:
                stop_server(process)
            report(kind, args, result)


def report(kind: str, args: argparse.Namespace, result: dict) -> None:
    times = result["times"]
    print(
        f"Load test, {kind}: {args.sessions} sessions for {args.seconds:.0f} s against one server with {args.size:,} incidents, "
        f"{args.think:g} s between a session's changes"
    )
    print(f"  filter changes answered: {len(times)} ({len(times) / args.seconds:.1f} a second)")
    print(f"  errors: {len(result['errors'])} (target: none)")
    for error in result["errors"][:10]:
        print(f"    {error}")
    what = "request to the run's last message" if kind == "websocket" else "Enter to the right count shown"
    if times:
        print(f"  response ({what}): median {statistics.median(times):.2f} s, p95 {percentile(times, 0.95):.2f} s")
        for name, values in result["by_page"].items():
            print(
                f"    {name:<10} {len(values):>4} changes, median {statistics.median(values):.2f} s, p95 {percentile(values, 0.95):.2f} s"
            )
    print(f"  server CPU while the sessions ran: {result['server_cpu_share']:.0%} of one core ({os.cpu_count()} cores here)")
    growth = result["with_sessions"] - result["before"]
    print(
        f"  server memory: {result['before']:.0f} MB before the sessions, peak {result['during_peak']:.0f} MB, "
        f"{result['with_sessions']:.0f} MB with them open ({growth / args.sessions:+.1f} MB per session), "
        f"{result['after']:.0f} MB after they closed"
    )


if __name__ == "__main__":
    main()

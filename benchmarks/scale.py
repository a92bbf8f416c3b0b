"""How the dashboard's cost grows with the data: 10k, 100k and 1M synthetic incidents, with figures printed.

    .venv/bin/python -m benchmarks.scale [--sizes 10000 100000 1000000] [--runs 20]

For each size, synthetic incidents (benchmarks.synthetic, fixed seed) are written as a canonical
CSV (the raw text file) and as Parquet, then one fresh Python process per size measures:

- load: cold from the CSV, warm from Parquet (`dashboard.sources.load_source`, as DASHBOARD_DATA
  opens them), beside a bare `pandas.read_parquet` of the same file;
- filtering: `filter_incidents` against the same filters written in bare pandas on the same frame,
  median of 7 each, and the ratio (target: within 2x);
- bytes: the timeline figure's JSON and the map's HTML, built by the same functions the app uses, for
  the unfiltered view (counts and groups) and at the most each draws one by one (2,000 points, 1,000
  markers), which is their largest (target: under 2 MB each);
- rerun: the app script (overview page) run in-process by Streamlit's AppTest on the Parquet file,
  after filter changes: new ones (a province or two and a year, never the same twice in a row, more
  states than the shared cache keeps; target at 1M: median under 1 s) and, apart, changes back and
  forth between two views, which the cache shared by sessions serves; median and 95th percentile.
  AppTest's own bookkeeping is included, so these are upper bounds;
- peak memory: the peak resident set (ru_maxrss) of a process that runs only the dashboard (its
  first run loads the Parquet file into the shared cache; then the reruns), as a server would (target
  at 1M: under 2.5 GB); and apart, of the process that did the loads, filters and figures above.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
TARGETS = {
    "warm_load_s": 2.0,
    "rerun_median_s": 1.0,
    "timeline_bytes": 2e6,
    "map_bytes": 2e6,
    "timeline_most_points_bytes": 2e6,
    "map_most_markers_bytes": 2e6,
    "peak_mb": 2560,
    "ratio": 2.0,
}
# The filter changes the rerun cycles through; the same filters are timed in bare pandas.
PROVINCES = (["Kabul"], ["Helmand", "Kandahar"])
YEAR = (dt.date(2014, 1, 1), dt.date(2014, 12, 31))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(work, repeat: int = 1) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def filter_comparison(frame: pd.DataFrame) -> tuple[float, float]:
    """Seconds for the dashboard's filter and for bare pandas, summed over the benchmark's filters."""
    from dashboard.views.filters import Filters, filter_incidents

    cases = [
        (Filters(provinces=tuple(PROVINCES[0])), lambda f: f[f["province"].isin(PROVINCES[0])]),
        (Filters(provinces=tuple(PROVINCES[1])), lambda f: f[f["province"].isin(PROVINCES[1])]),
        (
            Filters(date_from=YEAR[0], date_to=YEAR[1]),
            lambda f: f[(f["date_end"] >= pd.Timestamp(YEAR[0])) & (f["date_start"] <= pd.Timestamp(YEAR[1]))],
        ),
        (
            Filters(kinds=("attack",), min_killed=5),
            lambda f: f[(f["kind"] == "attack") & (f["killed_min"] >= 5).fillna(False)],
        ),
    ]
    ours = bare = 0.0
    for filters, by_hand in cases:
        seconds, mine = timed(lambda filters=filters: filter_incidents(frame, filters), 7)
        ours += seconds
        seconds, theirs = timed(lambda by_hand=by_hand: by_hand(frame), 7)
        bare += seconds
        assert mine["id"].tolist() == theirs["id"].tolist(), f"filters disagree on {filters}"
    return ours, bare


def figure_bytes(frame: pd.DataFrame) -> dict:
    """Timeline JSON and map HTML as the app builds them: for the unfiltered view, and at the most
    each draws one by one (2,000 timeline points, 1,000 map markers), their largest."""
    from dashboard.records.gazetteer import load_gazetteer
    from dashboard.views.incident_map import MAX_MARKERS, base_map, plan_map
    from dashboard.views.profile import profile_of
    from dashboard.views.timeline import timeline_figure
    from dashboard.views.timeline_plan import MAX_POINTS

    scale = profile_of(frame).scales["kind"]
    gazetteer = load_gazetteer()

    def timeline(rows: pd.DataFrame) -> tuple[int, str]:
        events = int((rows["kind"] != "context").sum())
        return len(timeline_figure(rows, scale=scale).to_json().encode()), "bars" if events > MAX_POINTS else "points"

    def map_html(rows: pd.DataFrame) -> tuple[int, str]:
        plan = plan_map(rows, "incidents", gazetteer, scale=scale)
        fmap = base_map()
        for layer in plan.layers:
            layer.add_to(fmap)
        return len(fmap.get_root().render().encode()), plan.mode

    timeline_bytes, timeline_mode = timeline(frame)
    map_bytes, map_mode = map_html(frame)
    events = frame[frame["kind"] != "context"]
    most_points, _ = timeline(events.head(MAX_POINTS))
    most_markers, _ = map_html(frame[frame["lat"].notna()].head(MAX_MARKERS))
    return {
        "timeline_bytes": timeline_bytes,
        "timeline_mode": timeline_mode,
        "map_bytes": map_bytes,
        "map_mode": map_mode,
        "timeline_most_points_bytes": most_points,
        "map_most_markers_bytes": most_markers,
    }


def rerun_times(parquet: Path, runs: int) -> tuple[float, list[float], list[float]]:
    """Seconds for the first run, for reruns after a filter change nobody made before (the filtered
    rows are computed), and after changes back and forth between two views (served from the cache
    shared by sessions, as when many readers open one shared link)."""
    from streamlit.testing.v1 import AppTest

    os.environ["DASHBOARD_DATA"] = str(parquet)
    app = AppTest.from_file(str(APP), default_timeout=300)
    first, _ = timed(app.run)
    assert not app.exception, app.exception
    dates = app.sidebar.date_input(key="f_dates")
    whole = (dates.min, dates.max)
    years = list(range(2009, 2025))
    # New each time, narrow and broad in turn: a year, then a minimum death toll over the whole span
    # (half the rows or more). More distinct states than the cache keeps (six), so none is served from it.
    new = [
        [("f_killed", 0), ("f_dates", (dt.date(years[n // 2 % 16], 1, 1), dt.date(years[n // 2 % 16], 12, 31)))]
        if n % 2 == 0
        else [("f_dates", whole), ("f_killed", n // 2 % 7 + 1)]
        for n in range(runs)
    ]
    seen = [[("f_province", PROVINCES[0]), ("f_dates", whole)], [("f_province", []), ("f_dates", whole)]] * (runs // 2)

    def change(steps: list) -> float:
        for key, value in steps:
            if key == "f_dates":
                app.sidebar.date_input(key=key).set_value(value)
            elif key == "f_killed":
                app.sidebar.number_input(key=key).set_value(value)
            else:
                app.sidebar.multiselect(key=key).set_value(value)
        seconds, _ = timed(app.run)
        assert not app.exception, app.exception
        return seconds

    misses = [change(steps) for steps in new]
    hits = [change(steps) for steps in seen][2:]  # the first pair fills the cache
    return first, misses, hits


def measure(size: int, csv: Path, parquet: Path, runs: int) -> dict:
    """One size, in this (fresh) process."""
    from dashboard.sources import load_source

    cold, dataset = timed(lambda: load_source(csv))
    assert len(dataset.frame) == size
    del dataset
    bare_load, _ = timed(lambda: pd.read_parquet(parquet))
    warm, dataset = timed(lambda: load_source(parquet))
    frame = dataset.frame
    ours, bare = filter_comparison(frame)
    return {
        "size": size,
        "cold_load_s": cold,
        "warm_load_s": warm,
        "bare_read_parquet_s": bare_load,
        "filter_s": ours,
        "bare_filter_s": bare,
        "ratio": ours / bare,
        **figure_bytes(frame),
        "measure_peak_mb": peak_mb(),
    }


def measure_app(parquet: Path, runs: int) -> dict:
    """The dashboard alone, in this (fresh) process: its reruns and its peak memory."""
    first, reruns, cached = rerun_times(parquet, runs)
    return {
        "first_run_s": first,
        "rerun_median_s": statistics.median(reruns),
        "rerun_p95_s": percentile(reruns, 0.95),
        "cached_median_s": statistics.median(cached),
        "cached_p95_s": percentile(cached, 0.95),
        "peak_mb": peak_mb(),
    }


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def report(rows: list[dict]) -> None:
    def line(label: str, key: str, unit: str, scale: float = 1.0, digits: int = 2) -> None:
        cells = "".join(f"{row[key] * scale:>14.{digits}f}" for row in rows)
        print(f"{label:<40}{cells}  {unit}")

    print(f"{'incidents':<40}" + "".join(f"{row['size']:>14,}" for row in rows))
    line("load, cold (canonical CSV)", "cold_load_s", "s")
    line("load, warm (Parquet)", "warm_load_s", "s")
    line("  bare pandas.read_parquet", "bare_read_parquet_s", "s")
    line("filter (4 filters, dashboard)", "filter_s", "ms", 1000, 1)
    line("filter (same, bare pandas)", "bare_filter_s", "ms", 1000, 1)
    line("  ratio dashboard / bare pandas", "ratio", "x")
    line("rerun after a new filter change, median", "rerun_median_s", "s", 1, 3)
    line("rerun after a new filter change, p95", "rerun_p95_s", "s", 1, 3)
    line("rerun, filters seen before, median", "cached_median_s", "s", 1, 3)
    line("rerun, filters seen before, p95", "cached_p95_s", "s", 1, 3)
    line("first run in a new server (loads the data)", "first_run_s", "s")
    line("timeline figure (unfiltered)", "timeline_bytes", "MB", 1e-6, 3)
    line("map HTML (unfiltered)", "map_bytes", "MB", 1e-6, 3)
    line("timeline, 2,000 points (most drawn)", "timeline_most_points_bytes", "MB", 1e-6, 3)
    line("map, 1,000 markers (most drawn)", "map_most_markers_bytes", "MB", 1e-6, 3)
    line("peak memory, dashboard process", "peak_mb", "MB", 1, 0)
    line("peak memory, load/filter/figure process", "measure_peak_mb", "MB", 1, 0)
    print(f"{'modes (timeline / map)':<40}" + "".join(f"{row['timeline_mode'] + ' / ' + row['map_mode']:>14}" for row in rows))
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = last["size"] / first["size"]
        print(f"\nGrowth from {first['size']:,} to {last['size']:,} incidents ({growth:.0f}x the rows):")
        for key in ("warm_load_s", "cold_load_s", "filter_s", "rerun_median_s", "timeline_bytes", "map_bytes", "peak_mb"):
            print(f"  {key:<16} x{last[key] / first[key]:.1f}")
    largest = rows[-1]
    print(f"\nTargets at {largest['size']:,} incidents:")
    for key, target in TARGETS.items():
        value = largest[key]
        print(f"  {key:<16} {value:,.3f} (target under {target:,}) -> {'met' if value < target else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=20, help="reruns to time per size (default 20)")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # a child process: one size
    parser.add_argument("--app", action="store_true", help=argparse.SUPPRESS)  # a child process: the app's reruns
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--parquet", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.app:
        print(json.dumps(measure_app(args.parquet, args.runs)))
        return
    if args.measure:
        print(json.dumps(measure(args.measure, args.csv, args.parquet, args.runs)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            csv, parquet = Path(folder) / f"incidents-{size}.csv", Path(folder) / f"incidents-{size}.parquet"
            for path in (csv, parquet):
                subprocess.run(
                    [sys.executable, "-m", "benchmarks.synthetic", "--size", str(size), "--out", str(path)], check=True, cwd=ROOT
                )
            child = [sys.executable, "-m", "benchmarks.scale", "--csv", str(csv), "--parquet", str(parquet)]
            row: dict = {}
            for role in (["--measure", str(size)], ["--app"]):  # the dashboard's memory apart from the loads
                done = subprocess.run(
                    [*child, *role, "--runs", str(args.runs)], check=True, cwd=ROOT, capture_output=True, text=True
                )
                row.update(json.loads(done.stdout.strip().splitlines()[-1]))
            rows.append(row)
            print(f"measured {size:,} incidents", file=sys.stderr)
    report(rows)


if __name__ == "__main__":
    main()

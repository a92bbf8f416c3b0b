"""What a rerun sends to the map, and the province choropleth's cost at a million incidents, with figures printed.

    .venv/bin/python -m benchmarks.map_payload [--root DIR] [--size 1000000]

1. Map payload per rerun: the arguments the app hands the map component (the base map's script,
   its header, the changing layers, links), as JSON, which Streamlit sends on every rerun. Measured
   by running the app in-process (Streamlit's AppTest) on the curated data for a few views. With
   `--root` it measures another checkout (e.g. `git archive main | tar -x -C /tmp/before`) for a
   before/after comparison. The boundaries themselves are a static script the browser loads once
   (dashboard/static/boundaries/boundaries.js), so they are counted apart, not per rerun.
   Target: the boundaries add less than 20 kB to a rerun.
2. Choropleth at 1M (only in this checkout): the province table (`choropleth`) for all synthetic
   incidents and for the killed measure, median of 5.
3. Province from coordinates at 1M (only in this checkout): `derive_provinces`, the polygon lookup
   of every point plus the distance for each row whose point is outside its stated province.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VIEWS = {
    "overview": ("", {}),
    "map": ("map", {}),
    "map, one province": ("map", {"province": "Kabul"}),
    "map, totals by province": ("map", {"layer": "provinces"}),
}


def payload_bytes(root: Path) -> dict[str, int]:
    """Bytes of the map component's arguments per view: the sum over the maps a page draws."""
    import streamlit_folium
    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    captured: list[dict] = []
    original = streamlit_folium._component_func

    def capture(**kwargs: object) -> object:
        captured.append({k: v for k, v in kwargs.items() if k != "on_change"})
        return original(**kwargs)

    streamlit_folium._component_func = capture
    sizes = {}
    try:
        for name, (page, query) in VIEWS.items():
            app = AppTest.from_file(str(root / "dashboard" / "app.py"), default_timeout=60)
            for key, value in query.items():
                app.query_params[key] = value
            if page:
                app._page_hash = calc_hash(page)
            captured.clear()
            app.run()
            assert not app.exception, app.exception
            sizes[name] = sum(len(json.dumps(args, default=str).encode()) for args in captured)
    finally:
        streamlit_folium._component_func = original
    return sizes


def choropleth_times(frame) -> tuple[float, float]:
    from dashboard.records.gazetteer import load_gazetteer
    from dashboard.views.choropleth import choropleth

    shapes = load_gazetteer().provinces

    def median(measure: str) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            choropleth(frame, measure, shapes)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return median("attacks"), median("killed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    parser.add_argument("--size", type=int, default=1_000_000, help="synthetic incidents for the choropleth (0: skip)")
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    print(f"Map component arguments per rerun, curated data ({root}):")
    for name, size in payload_bytes(root).items():
        print(f"  {name:<26} {size / 1000:7.1f} kB")
    bundle = root / "dashboard" / "static" / "boundaries" / "boundaries.js"
    if bundle.exists():
        print(f"  boundaries.js, loaded once per page and cached by the browser: {bundle.stat().st_size / 1000:.0f} kB")
    if args.size and root == ROOT:
        from benchmarks.synthetic import synthetic_incidents
        from dashboard.records.boundaries import province_shapes
        from dashboard.records.province_check import derive_provinces

        frame = synthetic_incidents(args.size)
        attacks, killed = choropleth_times(frame)
        print(
            f"Choropleth table at {len(frame):,} incidents: attacks {attacks * 1000:.0f} ms, killed {killed * 1000:.0f} ms (median of 5)"
        )
        province_shapes()  # read once per process, as in the app
        start = time.perf_counter()
        _, warnings = derive_provinces(frame)
        seconds = time.perf_counter() - start
        print(
            f"Province from coordinates at {len(frame):,} incidents: {seconds:.1f} s "
            f"({len(warnings):,} points outside their stated province, each with its distance)"
        )


if __name__ == "__main__":
    main()

"""How fast, and in how much memory, an ACLED export imports, beside a bare pyarrow read of the same file.

    .venv/bin/python -m benchmarks.import_speed                    # 10k, 100k and 1M rows
    .venv/bin/python -m benchmarks.import_speed --sizes 10000      # one size

Each file is an ACLED-style export (the 2020 export tool's 31 columns, about 320 bytes a row) built
deterministically from the synthetic incidents (`benchmarks/synthetic.py`) and kept in --folder. Each
figure is measured in a fresh process: the import (`python -m dashboard import FILE --out X.parquet`,
the command a user runs) and the bare read (`pyarrow.csv.read_csv`), with the peak resident memory
of that process (VmHWM). Each is run --repeat times (3), alternating, and reported as the median and
the range. Targets at 1M rows: time within 8x of the bare read, memory under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from benchmarks.synthetic import synthetic_incidents

HEADER = (
    "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3"
).split(",")
SUB_EVENTS = {
    "armed_clash": ("Battles", "Armed clash"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide_bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "armed_assault": ("Violence against civilians", "Attack"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
}
TIME_PRECISION = {"day": "1", "week": "2", "month": "3", "year": "3", "approximate": "2"}
GEO_PRECISION = {"site": "1", "city": "1", "district": "2", "province": "3", "country": "3"}
TARGET_MB, TARGET_RATIO = 1024, 8.0


def acled_export(size: int, path: Path) -> None:
    """An ACLED-style CSV of `size` rows, the same for the same size."""
    frame = synthetic_incidents(size)
    kinds = frame["attack_type"].astype(object).map(lambda v: SUB_EVENTS.get(v, ("Strategic developments", "Other")))
    place = frame["place"].astype(object).fillna(frame["province"].astype(object)).fillna("Kabul")
    day = frame["date_start"].dt.strftime("%d %B %Y")
    killed = frame["killed_min"].astype("Float64").fillna(0).astype(int).astype(str)
    number = np.arange(1, size + 1).astype(str)
    iso = np.where(frame["country"] == "PAK", "586", "4")
    columns = {
        "data_id": number,
        "iso": iso,
        "event_id_cnty": frame["country"].astype(str) + pd.Series(number),
        "event_id_no_cnty": number,
        "event_date": day,
        "year": frame["date_start"].dt.year.astype(str),
        "time_precision": frame["date_precision"].astype(object).map(TIME_PRECISION),
        "event_type": [k[0] for k in kinds],
        "sub_event_type": [k[1] for k in kinds],
        "actor1": frame["perpetrator"].astype(object).fillna("Unidentified Armed Group (Afghanistan)"),
        "assoc_actor_1": "",
        "inter1": "2",
        "actor2": "Civilians (Afghanistan)",
        "assoc_actor_2": "",
        "inter2": frame["target_type"].astype(object).map({"military": "1", "police": "1"}).fillna("7"),
        "interaction": "27",
        "region": "Caucasus and Central Asia",
        "country": np.where(frame["country"] == "PAK", "Pakistan", "Afghanistan"),
        "admin1": frame["province"].astype(object).fillna(""),
        "admin2": place,
        "admin3": "",
        "location": place,
        "latitude": frame["lat"].astype("Float64").round(4).astype(str).replace("<NA>", ""),
        "longitude": frame["lon"].astype("Float64").round(4).astype(str).replace("<NA>", ""),
        "geo_precision": frame["location_precision"].astype(object).map(GEO_PRECISION),
        "source": np.where(np.arange(size) % 3 == 0, "Xinhua; Khaama Press", "Pajhwok Afghan News"),
        "source_scale": "National",
        "notes": "On "
        + day
        + ", "
        + killed
        + " people were killed in an attack near "
        + place
        + ", "
        + frame["province"].astype(object).fillna("the country")
        + " (synthetic row for a benchmark).",
        "fatalities": killed,
        "timestamp": "1584984341",
        "iso3": frame["country"].astype(str),
    }
    table = pa.table({name: pa.array(pd.Series(columns[name], index=frame.index).astype(str)) for name in HEADER})
    pacsv.write_csv(table, path)


def measure(code: str) -> dict:
    """Run `code` in a fresh Python; it prints a JSON object; peak memory of that process is added.

    Peak memory is VmHWM (Linux): getrusage's ru_maxrss would carry over the high-water mark of this
    parent, which built the file, across fork and exec."""
    probe = (
        "import json, resource, time\nstarted = time.perf_counter()\n" + code + "\n"
        "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
        "peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "print(json.dumps({**figures, 'peak_mb': peak / 1024, 'cpu': usage.ru_utime + usage.ru_stime}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bare_read(path: Path) -> dict:
    return measure(
        f"import pyarrow.csv as c\nt = c.read_csv({str(path)!r})\nfigures = {{'seconds': time.perf_counter() - started, 'rows': t.num_rows}}"
    )


def import_run(path: Path, out: Path) -> dict:
    code = (
        "import contextlib, io\nfrom dashboard.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()) as printed, contextlib.redirect_stderr(io.StringIO()):\n"
        f"    code = main(['import', {str(path)!r}, '--out', {str(out)!r}])\n"
        "figures = {'seconds': time.perf_counter() - started, 'exit': code, 'report': printed.getvalue().splitlines()[1]}"
    )
    return measure(code)


def _median_and_spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} [{min(values):.2f}-{max(values):.2f}]" if len(values) > 1 else f"{values[0]:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/import-speed"))
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement, alternating (default 3)")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; medians of {args.repeat} [min-max]")
    print(
        "rows | file MB | import s | import CPU s | import peak MB | bare read s | bare CPU s | bare peak MB | ratio wall | ratio CPU | report"
    )
    for size in args.sizes:
        path = args.folder / f"acled-{size}.csv"
        if not path.exists():
            started = time.perf_counter()
            acled_export(size, path)
            print(f"  (wrote {path} in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
        bares, runs = [], []
        for _ in range(args.repeat):  # alternating, so a change in the machine's load hits both alike
            bares.append(bare_read(path))
            runs.append(import_run(path, args.folder / f"acled-{size}.parquet"))
        ratios = [run["seconds"] / bare["seconds"] for run, bare in zip(runs, bares, strict=True)]
        cpu_ratios = [run["cpu"] / bare["cpu"] for run, bare in zip(runs, bares, strict=True)]
        figures = [[run[key] for run in runs] for key in ("seconds", "cpu", "peak_mb")] + [
            [bare[key] for bare in bares] for key in ("seconds", "cpu", "peak_mb")
        ]
        print(
            f"{size:,} | {path.stat().st_size / 1e6:.0f} | "
            + " | ".join(_median_and_spread(values) for values in figures)
            + f" | {_median_and_spread(ratios)} | {_median_and_spread(cpu_ratios)} | {runs[-1]['report']}"
        )
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end")
    print(f"targets at 1M rows: ratio under {TARGET_RATIO:.0f}, import peak under {TARGET_MB} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

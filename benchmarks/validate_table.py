"""How long the canonical loader takes to read and validate a large table, and what a broken one costs.

    .venv/bin/python -m benchmarks.validate_table [--size 1000000]

Writes synthetic incidents as Parquet, then times, in this process: a bare `pandas.read_parquet`,
the loader on the valid file (read + every rule, column by column; the median of --repeat runs), and
the loader on the same file with one row in a hundred broken (a negative count), which must list
every problem.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from benchmarks.synthetic import synthetic_incidents
from dashboard.records.problems import DataError
from dashboard.records.tables import read_table, write_table

TARGET_SECONDS = 5.0  # at a million rows: "a few seconds"


def timed(action, repeat: int = 1) -> tuple[float, object]:
    """Median wall-clock seconds over `repeat` runs (wall and CPU ranges printed: on a shared machine
    CPU seconds vary less)."""
    walls, cpus = [], []
    for _ in range(repeat):
        began, cpu = time.perf_counter(), time.process_time()
        result = action()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    print(
        f"    (median of {repeat}: {statistics.median(walls):.2f} s wall [{min(walls):.2f}-{max(walls):.2f}], "
        f"{statistics.median(cpus):.2f} s CPU [{min(cpus):.2f}-{max(cpus):.2f}])"
    )
    return statistics.median(walls), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (default 3)")
    args = parser.parse_args(argv)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        valid, broken = Path(folder) / "valid.parquet", Path(folder) / "broken.parquet"
        frame = synthetic_incidents(args.size)
        write_table(frame, valid)
        raw = pd.read_parquet(valid)
        raw.loc[raw.index[::100], "killed_min"] = -5
        raw.to_parquet(broken, index=False)
        del frame, raw
        bare, _ = timed(lambda: pd.read_parquet(valid), args.repeat)
        load, loaded = timed(lambda: read_table(valid), args.repeat)
        print(
            f"{args.size:,} rows, valid Parquet: bare read_parquet {bare:.2f} s; loader with validation {load:.2f} s"
            f" ({load / bare:.1f}x the bare read)"
        )

        def broken_load() -> int:
            try:
                read_table(broken)
            except DataError as error:
                return len(error.problems)
            return 0

        seconds, count = timed(broken_load)
        print(f"same file with every 100th row broken: {count:,} problems listed in {seconds:.2f} s")
        verdict = "meets" if load <= TARGET_SECONDS else "MISSES"
        print(f"target: a valid million-row table validates in under {TARGET_SECONDS:.0f} s ({verdict} it at this size)")
        assert len(loaded) == args.size  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Command line: `python -m dashboard validate [PATH]` and `python -m dashboard export --format csv|geojson [PATH]`."""

from __future__ import annotations

import argparse
import sys

from .records.export import to_csv, to_geojson
from .records.loader import dataset_path, load_dataset
from .records.problems import DataError

EXPORTERS = {"csv": to_csv, "geojson": to_geojson}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Check and export incident data.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a dataset; exit 1 when it has problems")
    validate.add_argument("path", nargs="?", help="dataset file (default: $DASHBOARD_DATA or data/incidents.yaml)")
    export = commands.add_parser("export", help="write the canonical table to standard output")
    export.add_argument("--format", choices=sorted(EXPORTERS), required=True)
    export.add_argument("path", nargs="?", help="dataset file (default: $DASHBOARD_DATA or data/incidents.yaml)")
    args = parser.parse_args(argv)

    try:
        dataset = load_dataset(args.path)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {dataset_path(args.path)}", file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"{dataset.path}: {len(dataset.frame)} records, no problems")
        return 0
    sys.stdout.write(EXPORTERS[args.format](dataset.frame))
    return 0

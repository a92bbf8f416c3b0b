"""Command line.

python -m dashboard validate [PATH]
python -m dashboard export --format csv|geojson [PATH]
python -m dashboard snapshot --out DIR [--data PATH] [QUERY]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from urllib.parse import parse_qs

from .records.export import to_csv, to_geojson
from .records.loader import Dataset, dataset_path, load_dataset
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
    snapshot = commands.add_parser("snapshot", help="write a static snapshot of a view (opens from disk, no server)")
    snapshot.add_argument("--out", required=True, type=Path, help="folder to write (created if missing)")
    snapshot.add_argument("--data", dest="path", help="dataset file (default: $DASHBOARD_DATA or data/incidents.yaml)")
    snapshot.add_argument(
        "query", nargs="?", default="", help="the view as a link's query string, e.g. 'province=Kabul&kind=attack'"
    )
    importer = commands.add_parser("import", help="import an ACLED, UCDP GED or GTD export into the canonical table")
    importer.add_argument("file", type=Path, help="the export (.csv, or GTD .xlsx)")
    importer.add_argument("--out", required=True, type=Path, help="canonical table to write: .parquet (large data) or .csv")
    importer.add_argument("--format", choices=["acled", "ucdp", "gtd"], help="skip detection from the header")
    importer.add_argument("--rejections", type=Path, help="also write the rejected rows (line, reason) as CSV")
    args = parser.parse_args(argv)
    if args.command == "import":
        return _import(args.file, args.out, args.format, args.rejections)

    try:
        dataset = load_dataset(args.path)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {dataset_path(args.path)}", file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"{dataset.path}: {len(dataset.frame)} records, no problems")
        _province_warnings(dataset)
        return 0
    if args.command == "snapshot":
        return _snapshot(dataset, args.query, args.out)
    sys.stdout.write(EXPORTERS[args.format](dataset.frame))
    return 0


def _province_warnings(dataset: Dataset) -> None:
    """Warnings, not problems: a point outside its stated province (the borders are 1:10m)."""
    from .records.province_check import province_mismatches

    mismatches = province_mismatches(dataset.frame)
    for mismatch in mismatches:
        print(f"warning: {mismatch}")
    if mismatches:
        print(f"{len(mismatches)} warning(s): coordinates outside the stated province (1:10m borders; check the nearest ones)")


def _snapshot(dataset: Dataset, query: str, out: Path) -> int:
    """Strict where the app is lenient: a typo in a query must not quietly publish another view."""
    from .records.gazetteer import load_gazetteer
    from .snapshot import build_snapshot, size_report, write_snapshot
    from .views.filters import Choices
    from .views.passages import passages
    from .views.view_state import parse_view

    frame = dataset.frame
    steps = len(passages(frame, dataset.article)) if dataset.article else 0
    params = parse_qs(query.lstrip("?"), keep_blank_values=True)
    view, ignored = parse_view(params, Choices.from_frame(frame), set(frame["id"]), steps)
    if ignored:
        for message in ignored:
            print(f"query: {message}", file=sys.stderr)
        print(f"{len(ignored)} problem(s) in the query; no snapshot written", file=sys.stderr)
        return 2
    files = build_snapshot(dataset, view, load_gazetteer(), dt.datetime.now(dt.UTC))
    write_snapshot(files, out)
    print(f"Wrote {out / 'index.html'}: {size_report(files)}")
    return 0


def _import(file: Path, out: Path, fmt: str | None, rejections: Path | None) -> int:
    from .importers import import_file
    from .records.tables import write_table

    def progress(done: int, total: int) -> None:
        print(f"  {done} of {total} rows", file=sys.stderr, flush=True)

    try:
        result = import_file(file, fmt, progress)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    write_table(result.frame, out)
    if rejections is not None:
        rejections.write_text(result.report.rejections_csv(), encoding="utf-8")
    for line in result.report.summary():
        print(line)
    for rejection in result.report.rejected[:10]:
        print(f"  line {rejection.line}: {rejection.reason}")
    if len(result.report.rejected) > 10:
        print(
            f"  ... {len(result.report.rejected) - 10} more"
            + (f" in {rejections}" if rejections else " (--rejections FILE lists them all)")
        )
    print(f"Wrote {out}")
    return 0 if result.report.reconciles else 1

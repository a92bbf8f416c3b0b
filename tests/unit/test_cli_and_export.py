"""The command line and the exports, from the user's side."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from dashboard.cli import main
from tests.conftest import CONTEXT_RECORD, with_changes

ROOT = Path(__file__).resolve().parents[2]


def test_validate_curated_data_exits_zero(capsys):
    assert main(["validate"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_validate_bad_file_prints_every_problem_and_exits_nonzero(write_dataset, capsys):
    path = write_dataset([with_changes(date_start="x", province="Atlantis"), CONTEXT_RECORD])
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "field 'date_start'" in err and "field 'province'" in err and "2 problem(s)" in err


def test_export_csv_round_trips_and_defuses_formulas(write_dataset, capsys):
    path = write_dataset([with_changes(title='=HYPERLINK("http://x")', summary="@SUM(A1)"), CONTEXT_RECORD])
    assert main(["export", "--format", "csv", str(path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")' and rows[0]["summary"] == "'@SUM(A1)"
    assert rows[0]["date_start"] == "2014-03-20" and rows[1]["killed_min"] == ""
    assert json.loads(rows[0]["sources"])[0]["publisher"] == "Reuters"


def test_export_geojson_has_points_and_null_geometry_for_unlocated(write_dataset, capsys):
    assert main(["export", "--format", "geojson", str(write_dataset())]) == 0
    features = json.loads(capsys.readouterr().out)["features"]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [69.18, 34.52]}
    assert features[1]["geometry"] is None
    assert features[0]["properties"]["killed_max"] == 9 and features[1]["properties"]["killed_max"] is None


def test_module_entry_point_runs_as_a_user_would(write_dataset):
    bad = write_dataset([with_changes(killed_min=3, killed_max=1)])
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(bad)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "killed_min" in result.stderr and "Traceback" not in result.stderr


def test_validate_warns_when_a_point_lies_outside_its_stated_province(write_dataset, capsys):
    from tests.conftest import VALID_RECORD

    logar = with_changes(id="hotel-logar", province="Logar")  # Kabul city's point, said to be in Logar
    path = write_dataset([VALID_RECORD, logar, CONTEXT_RECORD])
    assert main(["validate", str(path)]) == 0  # a warning: the borders are 1:10m
    out = capsys.readouterr().out
    assert "warning: record hotel-logar: province Logar is stated, but its point lies in Kabul" in out
    assert "record hotel:" not in out and "1 warning(s)" in out

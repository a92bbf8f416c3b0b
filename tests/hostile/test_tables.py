"""Canonical tables (CSV, Parquet) are held to the curated records' rules, every problem named.

Each case breaks one field of a valid table as the issue found it broken (`DASHBOARD_DATA` on a
hand-edited or generated table), then asks the loader the CLI and the app use.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.records.compact import compact
from dashboard.records.loader import load_dataset
from dashboard.records.problems import DataError
from dashboard.records.tables import read_table, write_table
from dashboard.sources import load_source


@pytest.fixture
def valid_frame(write_dataset) -> pd.DataFrame:
    return load_dataset(write_dataset()).frame


def table_with(frame: pd.DataFrame, tmp_path: Path, suffix: str, **cells) -> Path:
    """The table with some cells replaced: {column: {row position: value}}; written as given
    (text in a CSV, Python objects in a Parquet column)."""
    path = tmp_path / f"table{suffix}"
    write_table(frame, path)
    raw = pd.read_parquet(path) if suffix == ".parquet" else pd.read_csv(path, dtype=str, keep_default_na=False)
    for column, changes in cells.items():
        if pd.api.types.is_datetime64_any_dtype(raw[column]):
            raw[column] = raw[column].dt.strftime("%Y-%m-%d")  # a text date column, as some writers make
        values = raw[column].astype(object).tolist()
        for position, value in changes.items():
            values[position] = value
        raw[column] = pd.Series(values, dtype=object if suffix == ".csv" else None)
    if suffix == ".parquet":
        raw.to_parquet(path, index=False)
    else:
        raw.to_csv(path, index=False)
    return path


def problems_of(path: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_source(path)
    return caught.value.problems


def one_problem(path: Path, field: str, words: str) -> None:
    found = [p for p in problems_of(path) if p.field == field and words in p.message]
    assert found, problems_of(path)
    assert found[0].file == str(path) and found[0].record and "row " in found[0].record


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize(
    ("cells", "field", "words"),
    [
        ({"killed_min": {0: "-5"}}, "killed_min", "'-5' is not a whole number >= 0"),
        ({"killed_min": {0: "²"}}, "killed_min", "'²' is not a whole number"),
        ({"kind": {0: "riot"}}, "kind", "'riot' is not one of: attack, strike, context"),
        ({"date_start": {0: "2014-13-45"}}, "date_start", "'2014-13-45' is not a date"),
        ({"date_end": {0: "2014-03-01"}}, "date_end", "2014-03-01 is before date_start 2014-03-20"),
        ({"lat": {0: "999"}}, "lat", "999.0 is outside -90..90"),
        ({"lat": {0: "-34.5"}, "lon": {0: "-69.2"}}, "lat", "(-34.5, -69.2) lies outside AFG"),
        ({"killed_min": {0: "12"}}, "killed_min", "12 is greater than killed_max 9"),
        ({"id": {1: "hotel"}}, "id", "duplicate id 'hotel'"),
        ({"sources": {0: '[{"publisher": "x"'}}, "sources", "not valid JSON"),
        ({"sources": {0: '[{"url": "javascript:alert(1)"}]'}}, "sources[1].url", "is not an http(s) URL"),
        ({"title": {0: ""}}, "title", "missing: this field is required"),
        ({"country": {0: "Afghanistan"}}, "country", "is not an ISO 3166 alpha-3 code"),
        ({"province": {1: "Kabul"}}, "province", "'Kabul' is in AFG, not PAK"),
    ],
)
def test_a_broken_field_is_named_with_its_file_row_and_field(valid_frame, tmp_path, suffix, cells, field, words):
    one_problem(table_with(valid_frame, tmp_path, suffix, **cells), field, words)


def test_integer_dates_in_parquet_are_a_problem_not_1970(valid_frame, tmp_path):
    path = tmp_path / "table.parquet"
    write_table(valid_frame, path)
    raw = pd.read_parquet(path)
    raw["date_start"] = [16149, 16130]  # days since 1970, as some writers store dates
    raw.to_parquet(path, index=False)
    found = [p for p in problems_of(path) if p.field == "date_start"]
    assert len(found) == 1 and "holds numbers (e.g. 16149), not dates" in found[0].message


def test_counts_as_parquet_numbers_are_checked(valid_frame, tmp_path):
    path = tmp_path / "table.parquet"
    write_table(valid_frame, path)
    raw = pd.read_parquet(path)
    raw["killed_min"] = [-5.0, 2.5]
    raw.to_parquet(path, index=False)
    messages = {p.message for p in problems_of(path) if p.field == "killed_min"}
    assert messages == {
        "'-5' is not a whole number >= 0 (leave it empty when not stated)",
        "'2.5' is not a whole number >= 0 (leave it empty when not stated)",
    }


def test_every_problem_of_a_file_is_reported_at_once(valid_frame, tmp_path):
    path = table_with(
        valid_frame, tmp_path, ".csv", killed_min={0: "-5"}, kind={1: "riot"}, lat={0: "999"}, date_end={1: "2000-01-01"}
    )
    fields = sorted(p.field for p in problems_of(path))
    assert fields == ["date_end", "killed_min", "kind", "lat"]


def test_a_valid_table_round_trips_through_both_formats(write_dataset, valid_frame, tmp_path):
    as_opened = load_source(write_dataset()).frame  # the YAML, as the app opens it (compacted)
    for suffix in (".csv", ".parquet"):
        path = tmp_path / f"ok{suffix}"
        write_table(valid_frame, path)
        pd.testing.assert_frame_equal(read_table(path), compact(valid_frame), check_dtype=True)
        pd.testing.assert_frame_equal(load_source(path).frame, as_opened, check_dtype=True)


def test_the_same_mistake_gets_the_same_words_in_yaml_and_in_a_table(write_dataset, valid_frame, tmp_path):
    from tests.conftest import CONTEXT_RECORD, with_changes

    yaml_problems = []
    try:
        load_dataset(write_dataset([with_changes(kind="riot", killed_min=12, lat=999), CONTEXT_RECORD]))
    except DataError as error:
        yaml_problems = error.problems
    table = table_with(valid_frame, tmp_path, ".csv", kind={0: "riot"}, killed_min={0: "12"}, lat={0: "999"})
    table_problems = problems_of(table)
    assert {(p.field, p.message) for p in yaml_problems} == {(p.field, p.message) for p in table_problems}


@pytest.mark.parametrize("command", [["validate"], ["export", "--format", "csv"], ["export", "--format", "geojson"]])
def test_the_cli_opens_the_parquet_that_import_wrote(valid_frame, tmp_path, capsys, command):
    path = tmp_path / "incidents.parquet"
    write_table(valid_frame, path)
    assert main([*command, str(path)]) == 0
    out = capsys.readouterr().out
    assert ("2 records, no problems" in out) if command == ["validate"] else ("hotel" in out)


def test_the_cli_lists_a_broken_table_problem_by_problem(valid_frame, tmp_path, capsys):
    path = table_with(valid_frame, tmp_path, ".parquet", killed_min={0: -5}, kind={1: "riot"})
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}, record 'hotel' (row 1), field 'killed_min': '-5' is not a whole number" in err
    assert f"{path}, record 'ceasefire' (row 2), field 'kind': 'riot' is not one of" in err
    assert "2 problem(s)" in err and "Traceback" not in err


def test_snapshot_reads_a_canonical_table(valid_frame, tmp_path, capsys):
    path = tmp_path / "incidents.csv"
    write_table(valid_frame, path)
    assert main(["snapshot", "--out", str(tmp_path / "snap"), "--data", str(path), "kind=attack"]) == 0
    assert (tmp_path / "snap" / "index.html").exists()
    assert json.dumps("Hotel attack")[1:-1] in (tmp_path / "snap" / "index.html").read_text(encoding="utf-8")


def test_a_csv_row_with_cells_missing_is_named_not_padded_with_blanks(valid_frame, tmp_path):
    path = tmp_path / "short.csv"
    write_table(valid_frame, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = ",".join(lines[1].split(",")[:5]) + "\n"  # a row cut short, as a hand edit or a truncated copy leaves it
    path.write_text("".join(lines), encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.file == str(path) and "Expected" in problem.message and "got 5" in problem.message

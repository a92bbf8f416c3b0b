"""Every kind of bad data is reported with file, record, line and field, and no table is returned."""

from __future__ import annotations

import pytest

from dashboard.records.loader import load_dataset
from dashboard.records.problems import DataError
from tests.conftest import CONTEXT_RECORD, VALID_RECORD, with_changes


def problems_for(write_dataset, records=None, text=None) -> list:
    path = write_dataset(records, text)
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    return caught.value.problems


def test_valid_dataset_loads(write_dataset):
    dataset = load_dataset(write_dataset())
    assert list(dataset.frame["id"]) == ["hotel", "ceasefire"]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": None}, "title", "missing"),
        ({"date_start": "20/03/2014"}, "date_start", "not a date"),
        ({"date_end": "2014-03-19"}, "date_end", "before date_start"),
        ({"lat": 51.5, "lon": -0.12}, "lat", "outside AFG"),
        ({"province": "Atlantis"}, "province", "not in the gazetteer"),
        ({"province": "Punjab"}, "province", "is in PAK, not AFG"),
        ({"killed_min": 10, "killed_max": 2}, "killed_min", "greater than killed_max"),
        ({"killed_min": -1}, "killed_min", "whole number"),
        ({"article_quote": "Gunmen attacked a school"}, "article_quote", "not found verbatim"),
        ({"article_paragraph": 3}, "article_quote", "paragraph 3"),
        ({"kind": "riot"}, "kind", "not one of"),
        ({"attack_type": None}, "attack_type", "required for a record of kind 'attack'"),
        ({"country": "XYZ"}, "country", "ISO 3166"),
        ({"lat": None, "lon": None}, "lat", "coordinates are required"),
        (
            {"sources": [{"publisher": "X", "url": "javascript:alert(1)", "date": "2014-03-21", "supports": "y"}]},
            "sources[1].url",
            "http",
        ),
    ],
)
def test_each_error_names_file_record_line_and_field(write_dataset, changes, field, words):
    problems = problems_for(write_dataset, [with_changes(**changes), CONTEXT_RECORD])
    assert [p.field for p in problems] == [field], problems
    problem = problems[0]
    assert problem.file.endswith("incidents.yaml")
    assert problem.record == "'hotel'"
    assert problem.line is not None and problem.line > 1
    assert words in str(problem)


def test_duplicate_ids_are_reported(write_dataset):
    problems = problems_for(write_dataset, [VALID_RECORD, VALID_RECORD])
    assert {p.field for p in problems} == {"id"}
    assert len(problems) == 2 and "duplicate id 'hotel'" in str(problems[0])


def test_several_problems_are_all_reported_at_once(write_dataset):
    bad = with_changes(date_start="soon", province="Atlantis", killed_min=5, killed_max=1)
    problems = problems_for(write_dataset, [bad, {**CONTEXT_RECORD, "date_end": "2013-01-01"}])
    fields = {(p.record, p.field) for p in problems}
    assert {("'hotel'", "date_start"), ("'hotel'", "province"), ("'hotel'", "killed_min"), ("'ceasefire'", "date_end")} <= fields


def test_record_lines_point_at_each_record(write_dataset):
    problems = problems_for(write_dataset, [with_changes(id="a", title=None), with_changes(id="b", title=None)])
    first, second = sorted(problems, key=lambda p: p.line)
    assert first.line < second.line


def test_record_without_id_is_named_by_position(write_dataset):
    problems = problems_for(write_dataset, [CONTEXT_RECORD, with_changes(id=None)])
    assert [(p.record, p.field) for p in problems] == [("#2", "id")]


@pytest.mark.parametrize(
    ("text", "words"),
    [("incidents: [unclosed", "not valid YAML"), ("- just\n- a list\n", "'incidents:' list"), ("", "'incidents:' list")],
)
def test_unreadable_files_get_one_clear_problem(write_dataset, text, words):
    problems = problems_for(write_dataset, text=text)
    assert len(problems) == 1 and words in str(problems[0])


def test_missing_file(tmp_path):
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path / "nope.yaml")
    assert "file not found" in str(caught.value.problems[0])


def test_dashboard_data_environment_variable_replaces_the_default(write_dataset, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(write_dataset()))
    assert list(load_dataset().frame["id"]) == ["hotel", "ceasefire"]


def test_province_spellings_become_canonical(write_dataset):
    frame = load_dataset(write_dataset([with_changes(province="kabul province")])).frame
    assert frame.loc[0, "province"] == "Kabul"

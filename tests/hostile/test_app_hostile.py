"""The app, run by AppTest, on hostile links and broken files: a page and a named notice, never an error screen."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.records.loader import load_dataset
from dashboard.records.tables import write_table
from tests.app.test_app import APP, PAGES, TITLES, open_page, showing
from tests.hostile.test_hostile_files import nested_anchors


@pytest.fixture(autouse=True)
def curated_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)


@pytest.mark.parametrize("page", PAGES)
def test_a_superscript_digit_in_a_link_breaks_no_page(page):
    app = open_page(page, {"killed": "²", "step": "²"})
    assert not app.exception
    assert app.title[0].value.replace("\\", "") == TITLES[page]
    total = len(load_dataset().frame)
    assert showing(app) == f"**Showing {total} of {total} incidents**"
    warning = app.warning[0].value
    assert "killed=" in warning and "not a whole number" in warning and "not a passage number" in warning


def test_a_thousand_repeated_values_give_a_short_notice():
    app = open_page("map", {"province": [f"Nowhere{n}" for n in range(1000)]})
    assert not app.exception
    warning = app.warning[0].value
    assert "ignored 1000 values of province" in warning and len(warning) < 500


@pytest.mark.parametrize("path", ["your_data", "your-data", "import"])
def test_the_your_data_page_answers_at_the_paths_people_type(path):
    app = open_page(path)
    assert not app.exception
    assert app.title[0].value == "Your data"
    assert app.get("file_uploader")


def broken_parquet(tmp_path, write_dataset):
    frame = load_dataset(write_dataset()).frame
    path = tmp_path / "broken.parquet"
    write_table(frame, path)
    raw = pd.read_parquet(path)
    raw["killed_min"] = [-5, None]
    raw["kind"] = ["attack", "riot"]
    raw["lat"] = [999.0, None]
    raw.to_parquet(path, index=False)
    return path


def test_a_broken_table_shows_every_problem_with_row_and_field(tmp_path, write_dataset, monkeypatch):
    path = broken_parquet(tmp_path, write_dataset)
    monkeypatch.setenv("DASHBOARD_DATA", str(path))
    app = AppTest.from_file(APP, default_timeout=30).run()
    assert not app.exception
    assert "could not be loaded" in app.title[0].value
    listing = app.code[0].value
    assert "record 'hotel' (row 1), field 'killed_min': '-5' is not a whole number" in listing
    assert "record 'ceasefire' (row 2), field 'kind': 'riot' is not one of" in listing
    assert "field 'lat': 999.0 is outside -90..90" in listing


def test_a_table_with_thousands_of_problems_shows_a_summary_and_the_first_few(tmp_path, write_dataset, monkeypatch):
    frame = load_dataset(write_dataset()).frame
    many = pd.concat([frame.iloc[[0]]] * 500, ignore_index=True)
    many["id"] = [f"r{n}" for n in range(500)]
    many["killed_min"] = pd.array([-1] * 500, dtype="Int64").astype(object)  # every row broken
    path = tmp_path / "many.parquet"
    raw = many.copy()
    raw["sources"] = "[]"
    raw.to_parquet(path, index=False)
    monkeypatch.setenv("DASHBOARD_DATA", str(path))
    app = AppTest.from_file(APP, default_timeout=30).run()
    assert not app.exception
    assert "500 problem(s)" in app.error[0].value
    assert any("killed_min: 500" in m.value.replace("\\", "") for m in app.markdown)
    listing = app.code[0].value
    assert listing.count("\n") == 200 and listing.endswith(f"and 300 more: python -m dashboard validate {path} lists them all")


def test_a_billion_laughs_yaml_is_refused_fast(tmp_path, monkeypatch):
    path = tmp_path / "laughs.yaml"
    path.write_text(nested_anchors(), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA", str(path))
    app = AppTest.from_file(APP, default_timeout=10).run()
    assert not app.exception
    assert "repeat more than 100000 values" in app.code[0].value

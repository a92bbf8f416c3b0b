"""The server loads the data while it starts (dashboard/serve.py), and the first page reads that copy."""

from __future__ import annotations

import pytest

from benchmarks.synthetic import synthetic_incidents
from dashboard.components import data_cache
from dashboard.records.tables import write_table

from .test_app import open_page, showing

SIZE = 300


@pytest.fixture
def table(monkeypatch, tmp_path):
    path = tmp_path / "incidents.parquet"
    write_table(synthetic_incidents(SIZE, seed=7), path)
    monkeypatch.setenv("DASHBOARD_DATA", str(path))
    data_cache.cached_dataset.clear()
    data_cache.cached_profile.clear()
    yield path
    data_cache.cached_dataset.clear()
    data_cache.cached_profile.clear()


def test_the_first_page_after_a_warm_start_uses_the_loaded_data_without_loading_again(table, monkeypatch):
    assert data_cache.warm_up() == f"{SIZE:,} incidents from {table} loaded and ready"

    def load_again(path):
        raise AssertionError(f"{path} loaded a second time")

    monkeypatch.setattr(data_cache, "load_source", load_again)
    app = open_page("")
    assert not app.exception, app.exception
    assert showing(app) == f"**Showing {SIZE} of {SIZE} incidents**"


def test_a_file_that_does_not_load_at_start_is_left_to_the_page_which_names_its_problems(table):
    table.write_text("not parquet", encoding="utf-8")
    said = data_cache.warm_up()
    assert said.startswith(f"{table} did not load (1 problem(s))")
    app = open_page("")
    assert not app.exception
    assert app.title[0].value == "The incident data could not be loaded"
    assert "cannot be read as a canonical table" in app.code[0].value

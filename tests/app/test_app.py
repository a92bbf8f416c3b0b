"""App tier: the Streamlit entry file run by AppTest, as a reader would open it."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.conftest import with_changes

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def run_app() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    return app


def test_app_shows_the_curated_records(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = run_app()
    assert not app.exception
    assert "2014" in app.title[0].value
    frame = app.dataframe[0].value
    assert len(frame) >= 15 and "kabul-guesthouse" not in frame.columns


def test_broken_data_shows_problems_not_a_traceback(write_dataset, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(write_dataset([with_changes(date_start="soon")])))
    app = run_app()
    assert not app.exception
    assert "could not be loaded" in app.title[0].value
    assert "field 'date_start'" in app.code[0].value


def test_dataset_without_article_details_gets_no_empty_source_line(write_dataset, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(write_dataset()))
    app = run_app()
    assert not app.exception
    assert all("Source:" not in caption.value for caption in app.caption)


def test_curated_source_line_names_the_article(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = run_app()
    assert any(caption.value.startswith("Source: VICE News, Afghanistan’s Taliban") for caption in app.caption)

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


def test_page_has_timeline_and_map(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = run_app()
    assert not app.exception
    assert [h.value for h in app.subheader] == ["Timeline", "Map"]
    assert len(app.get("plotly_chart")) == 1


def test_markdown_in_data_is_not_interpreted(write_dataset, monkeypatch):
    from tests.conftest import CONTEXT_RECORD

    hostile = "![track](http://example.org/t.png) **bold**"
    context = {**CONTEXT_RECORD, "title": hostile}
    monkeypatch.setenv("DASHBOARD_DATA", str(write_dataset([with_changes(), context])))
    app = run_app()
    assert not app.exception
    shaded = next(c.value for c in app.caption if c.value.startswith("Shaded periods"))
    assert "\\!\\[track\\]" in shaded and "\\*\\*bold\\*\\*" in shaded

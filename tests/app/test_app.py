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


def run_with_query(query: dict[str, list[str] | str]) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    return app


def showing(app: AppTest) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("**Showing"))


def test_shared_link_with_a_province_reproduces_the_count(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = run_with_query({"province": ["Kabul"], "kind": "attack"})
    assert not app.exception
    assert showing(app) == "**Showing 3 of 16 incidents**"
    assert app.sidebar.multiselect(key="f_province").value == ["Kabul"]


def test_malformed_link_falls_back_and_says_what_it_ignored(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = run_with_query({"from": "2014-99-01", "province": ["Atlantis"], "incident": "made-up", "zzz": "<script>"})
    assert not app.exception
    assert showing(app) == "**Showing 16 of 16 incidents**"
    warning = app.warning[0].value
    assert "not a date" in warning and "Atlantis" in warning and "zzz" in warning


def test_changing_a_filter_rewrites_the_url(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = run_with_query({})
    app.sidebar.multiselect(key="f_country").set_value(["PAK"]).run()
    assert app.query_params["country"] in ("PAK", ["PAK"])  # AppTest shows one value as a plain string
    assert showing(app) == "**Showing 6 of 16 incidents**"


def test_filter_that_leaves_nothing_says_so(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = run_with_query({"q": "no such words anywhere"})
    assert not app.exception
    assert "No incident matches" in app.info[0].value


def test_downloads_are_offered_for_the_filtered_view(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = run_with_query({"province": ["Kabul"]})
    assert not app.exception
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Download CSV", "Download GeoJSON"]

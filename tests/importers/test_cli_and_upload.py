"""The import command line and the app's upload page, from the user's side."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from dashboard.cli import main
from dashboard.records.tables import read_table
from tests.importers.test_rules import a2020, acled_2020

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def test_cli_writes_the_table_prints_the_report_and_lists_rejections(export, tmp_path, capsys):
    source = export("a.csv", acled_2020(a2020("AFG1"), a2020("AFG2", day="soon")))
    out, rejected = tmp_path / "a.parquet", tmp_path / "rejected.csv"
    assert main(["import", str(source), "--out", str(out), "--rejections", str(rejected)]) == 0
    printed = capsys.readouterr()
    assert "rows read 2, imported 1, rejected 1" in printed.out and "line 3: event_date 'soon' is not a date" in printed.out
    assert "2 of 2 rows" in printed.err  # progress
    assert list(read_table(out)["id"]) == ["acled-AFG1"]
    assert rejected.read_text(encoding="utf-8").splitlines() == ["line,reason", "3,event_date 'soon' is not a date"]


def test_cli_refuses_a_file_that_is_no_export(export, tmp_path, capsys):
    assert main(["import", str(export("x.csv", "a,b\n1,2\n")), "--out", str(tmp_path / "x.csv")]) == 1
    assert "not an ACLED, UCDP GED or GTD export" in capsys.readouterr().err


def open_import_page(monkeypatch) -> AppTest:
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    app = AppTest.from_file(APP, default_timeout=60)
    app._page_hash = calc_hash("import")
    app.run()
    return app


def showing(app: AppTest) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("**Showing"))


def test_upload_report_then_explore_alone_and_beside_the_article(monkeypatch):
    app = open_import_page(monkeypatch)
    data = acled_2020(a2020("AFG1"), a2020("AFG2"), a2020("AFG3", tp="9")).encode()
    app.file_uploader(key="upload_file").set_value(("mine.csv", data, "text/csv")).run()
    app.button(key="upload_import").click().run()
    assert not app.exception
    assert "rows read 3, imported 2, rejected 1" in app.success[0].value
    assert [b.proto.label for b in app.get("download_button") if "rejected" in b.proto.label]
    app.button(key="explore_uploaded").click().run()
    assert showing(app) == "**Showing 2 of 2 incidents**"
    app.button(key="explore_beside").click().run()
    assert showing(app) == "**Showing 20 of 20 incidents**"
    app.sidebar.selectbox(key="v_color").set_value("source_dataset").run()
    assert not app.exception
    app.button(key="explore_curated").click().run()
    assert showing(app) == "**Showing 18 of 18 incidents**"


def test_upload_of_a_file_that_is_no_export_says_so(monkeypatch):
    app = open_import_page(monkeypatch)
    app.file_uploader(key="upload_file").set_value(("notes.csv", b"a,b\n1,2\n", "text/csv")).run()
    app.button(key="upload_import").click().run()
    assert not app.exception and "could not be imported" in app.error[0].value

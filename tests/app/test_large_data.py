"""Every page on thousands of synthetic incidents, run by AppTest: nothing truncated, the table pages."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.synthetic import synthetic_incidents
from dashboard.records.tables import write_table
from dashboard.views.incident_map import MAX_MARKERS

from .test_app import PAGES, open_page, showing

SIZE = 4000


@pytest.fixture(autouse=True)
def large_data(monkeypatch, tmp_path_factory):
    path = tmp_path_factory.getbasetemp() / "large.parquet"
    if not path.exists():
        write_table(synthetic_incidents(SIZE, seed=5), path)
    monkeypatch.setenv("DASHBOARD_DATA", str(path))


def captions(app: AppTest) -> str:
    return " ".join(c.value for c in app.caption)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_on_thousands_of_incidents(page):
    app = open_page(page)
    assert not app.exception, app.exception
    assert showing(app) == f"**Showing {SIZE} of {SIZE} incidents**"


def test_overview_says_how_it_draws_what_it_cannot_draw_one_by_one():
    app = open_page("")
    text = captions(app)
    assert f"> {MAX_MARKERS}): numbered discs group them" in text
    assert "so bars count them per month" in text


def test_the_table_shows_a_page_and_pages_through_every_row_in_the_order_chosen():
    app = open_page("incidents")
    table = app.dataframe[0].value
    assert len(table) == 1000 and f"Rows 1–1000 of {SIZE}" in captions(app)
    app.number_input(key="table_page").set_value(4).run()
    assert f"Rows 3001–{SIZE} of {SIZE}" in captions(app)
    last = app.dataframe[0].value
    assert len(last) == SIZE - 3000 and not set(last["id"]) & set(table["id"])
    app.selectbox(key="table_sort").set_value("Most killed first").run()
    assert app.number_input(key="table_page").value == 4  # the page stays; the order is over all rows
    app.number_input(key="table_page").set_value(1).run()
    top = app.dataframe[0].value
    assert top["killed_max"].iloc[0] == top["killed_max"].max()


def test_a_narrower_filter_brings_the_table_back_to_one_sortable_page():
    app = open_page("incidents", {"province": "Kunar"})
    count = int(re.search(r"Showing (\d+)", showing(app)).group(1))
    assert count <= 1000 and len(app.dataframe[0].value) == count
    assert "Click a column header to sort" in captions(app)


def test_the_incident_picker_asks_for_an_id_when_the_list_would_be_too_long():
    app = open_page("incident")
    assert "too many to list here" in captions(app)
    app.text_input(key="incident_id_typed").set_value("syn-0000042").run()
    assert "syn-0000042" in app.query_params.get("incident", "")
    app = open_page("incident")
    app.text_input(key="incident_id_typed").set_value("nosuchid").run()
    assert any("No record has the id nosuchid" in w.value for w in app.warning)

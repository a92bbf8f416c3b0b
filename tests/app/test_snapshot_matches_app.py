"""The snapshot is the app's own page: for one view, the snapshot and the app (run by AppTest) show the
same colour key in the same order, the same date text and source links for a record, and a timeline
that opens on the same days with the same labelled days."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest

from dashboard.records.gazetteer import load_gazetteer
from dashboard.records.loader import load_dataset
from dashboard.snapshot import build_snapshot
from dashboard.views.filters import Filters
from dashboard.views.view_state import View
from tests.app.test_app import open_page

# Dated to an interval, with sources hosted by others (a 'via'): the parts most likely to drift.
RECORD = "north-waziristan-air-strikes-2014-02-20"
VIEW = View(Filters(kinds=("attack", "strike")), incidents=(RECORD,), color="attack_type")
CREATED = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


def legend_keys(page_html: str) -> list[tuple[str, str]]:
    """(colour, words) of each chip of the colour key, in order."""
    (legend,) = re.findall(r'<div class="legend".*?</div>', page_html, flags=re.DOTALL)
    chips = re.findall(r"background:(#[0-9a-fA-F]{6});[^>]*></span>([^<]+)</span>", legend)
    return [(color, html.unescape(words)) for color, words in chips]


def markdown_plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.fixture(scope="module")
def snapshot_page() -> str:
    files = build_snapshot(load_dataset(), VIEW, load_gazetteer(), CREATED)
    return files["index.html"].decode()


@pytest.fixture(scope="module")
def snapshot_row(snapshot_page) -> list[str]:
    (row,) = re.findall(rf'<tr data-id="{RECORD}">(.*?)</tr>', snapshot_page, flags=re.DOTALL)
    return re.findall(r"<td>(.*?)</td>", row, flags=re.DOTALL)


def test_the_colour_key_is_the_same_in_the_same_order(snapshot_page):
    app = open_page("", VIEW.to_query())
    assert not app.exception
    (app_legend,) = [h.proto.body for h in app.get("html") if 'class="legend"' in h.proto.body]
    in_app, in_snapshot = legend_keys(app_legend), legend_keys(snapshot_page)
    assert len(in_app) >= 3  # several categories, so that an order can differ
    assert in_snapshot == in_app


def test_a_record_has_the_same_date_text_grade_and_source_links(snapshot_row):
    app = open_page("incident", VIEW.to_query())
    assert not app.exception
    text = "\n".join(m.value for m in app.markdown)
    (when,) = re.findall(r"\*\*When:\*\* (.*)", text)
    assert markdown_plain(when) == html.unescape(snapshot_row[0]) == "2014-02-20 to 2014-03-02 (exact day)"
    in_app = [(markdown_plain(name), url) for name, url in re.findall(r"^- \[(.*?)\]\((\S+?)\)", text, flags=re.MULTILINE)]
    in_snapshot = [
        (html.unescape(name), html.unescape(url))
        for url, name in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', snapshot_row[-1])
    ]
    assert len(in_app) == 4 and any("(via " in name for name, _ in in_app)
    assert in_snapshot == in_app
    (grade,) = re.findall(r"\*\*Grade:\*\* (.*)", text)
    assert markdown_plain(grade) == html.unescape(snapshot_row[8])
    assert grade and not grade.startswith("not graded")  # a strike: graded


def figure_in_snapshot(page_html: str) -> dict:
    """The timeline figure the snapshot embeds (Plotly.newPlot's data and layout)."""
    decoder, start = json.JSONDecoder(), page_html.index('"timeline",')
    data, end = decoder.raw_decode(page_html, page_html.index("[", start))
    layout, _ = decoder.raw_decode(page_html, page_html.index("{", end))
    return {"data": data, "layout": layout}


# Filtered to attacks and strikes, the election (a context record) is not drawn, but the opening days still reach it.
@pytest.mark.parametrize(("view", "election_drawn"), [(View(), True), (VIEW, False)], ids=["default", "attacks-and-strikes"])
def test_the_timeline_opens_on_the_same_days_with_the_same_labelled_days(view, election_drawn):
    app = open_page("", view.to_query())
    assert not app.exception
    in_app = json.loads(app.get("plotly_chart")[0].proto.spec)
    in_snapshot = figure_in_snapshot(build_snapshot(load_dataset(), view, load_gazetteer(), CREATED)["index.html"].decode())
    assert in_snapshot["layout"]["xaxis"]["range"] == in_app["layout"]["xaxis"]["range"]
    labels = sorted(a.get("text", "") for a in in_app["layout"].get("annotations", []))
    assert any("election" in text.lower() for text in labels) == election_drawn
    assert sorted(a.get("text", "") for a in in_snapshot["layout"].get("annotations", [])) == labels

"""The static snapshot: what it contains, what it names, that data stays text, and the strict CLI."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dashboard.cli import main
from dashboard.records.gazetteer import load_gazetteer
from dashboard.records.loader import load_dataset
from dashboard.snapshot import build_snapshot, describe_filters, snapshot_zip
from dashboard.views.filters import Filters
from dashboard.views.view_state import View
from tests.conftest import CONTEXT_RECORD, with_changes

CREATED = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
KABUL = View(Filters(provinces=("Kabul",), kinds=("attack",)))


@pytest.fixture(scope="module")
def files():
    return build_snapshot(load_dataset(), KABUL, load_gazetteer(), CREATED, link="https://example.org/?province=Kabul")


def test_snapshot_is_a_page_a_map_and_the_assets_they_load(files):
    assert {
        "index.html",
        "map.html",
        "assets/plotly.min.js",
        "assets/leaflet/leaflet.js",
        "assets/markercluster/leaflet.markercluster.js",
    } <= set(files)
    page, fmap = files["index.html"].decode(), files["map.html"].decode()
    loaded = re.findall(r'<script src="([^"]+)"', page) + re.findall(r'<script src="([^"]+)"', fmap)
    assert loaded and all(src.startswith("assets/") and src in files for src in loaded)  # nothing from a CDN
    assert '<iframe src="map.html"' in page


def test_snapshot_names_its_view_data_version_and_creation_time(files):
    page = files["index.html"].decode()
    assert "Snapshot</b> of 3 of 18 records" in page
    assert "Filters: province: Kabul; kind: Attack." in page
    assert f"Data version {load_dataset().meta['version']}" in page
    assert "created 2026-11-24 09:30 UTC" in page and "https://example.org/?province=Kabul" in page
    assert page.count('<tr data-id="') == 3


def test_filters_are_described_in_words():
    assert describe_filters(Filters()) == "none (every record)"
    words = describe_filters(Filters(countries=("PAK",), date_from=dt.date(2014, 3, 1), min_killed=5, text="court"))
    assert words == "country: Pakistan; from 2014-03-01; at least 5 killed; text: “court”"
    coded = describe_filters(Filters(kinds=("context",), target_types=("private_citizens", "ngo"), provinces=("Kabul",)))
    assert coded == "province: Kabul; kind: Context event; target: Private citizens, NGO"  # words, not codes


def test_every_filter_has_words():
    from dashboard.views.describe import FILTER_WORDS
    from dashboard.views.filters import LIST_PARAMS

    assert FILTER_WORDS.keys() == LIST_PARAMS.keys()


HOSTILE = "<script>alert(1)</script> ${alert(2)} `x` <img src=x onerror=alert(3)>"


def test_hostile_text_is_escaped_everywhere_in_the_snapshot(write_dataset):
    dataset = load_dataset(write_dataset([with_changes(title=HOSTILE, summary=HOSTILE), CONTEXT_RECORD]))
    files = build_snapshot(dataset, View(Filters(text="${alert")), load_gazetteer(), CREATED)
    page, fmap = files["index.html"].decode(), files["map.html"].decode()
    for text in (page, fmap):
        assert "<script>alert(1)" not in text and "<img src=x" not in text
    # map.html puts text in JS template literals, where ${...} would run; it must be an entity there.
    assert "${alert(2)}" not in fmap and "&#36;{alert(2)}" in fmap
    # index.html has it only inside Plotly's JSON (a double-quoted string, where it is inert); the HTML is escaped.
    outside_plotly = re.sub(r"Plotly\.newPlot\(.*?\)\s*\};?", "", page, flags=re.DOTALL)
    assert "${alert(2)}" not in outside_plotly and "&#36;{alert(2)}" in outside_plotly


def test_zip_holds_the_same_files_in_one_folder(files):
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(snapshot_zip(files))) as archive:
        assert sorted(archive.namelist()) == sorted(f"snapshot/{name}" for name in files)


def test_cli_writes_a_snapshot_and_reports_its_size(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    assert main(["snapshot", "--out", str(tmp_path / "snap"), "?province=Kunar"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wrote") and re.search(r"\d+ files, \d+\.\d MB", out)
    assert (tmp_path / "snap" / "index.html").read_text(encoding="utf-8").count('<tr data-id="') == 1


def test_cli_refuses_a_query_it_cannot_use_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    assert main(["snapshot", "--out", str(tmp_path / "snap"), "province=Atlantis&from=soon"]) == 2
    error = capsys.readouterr().err
    assert "province='Atlantis'" in error and "from='soon'" in error and "no snapshot written" in error
    assert not (tmp_path / "snap").exists()

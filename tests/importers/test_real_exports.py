"""The three real exports: every row accounted for, codebook precision kept, and the dashboard opens them."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.importers import import_file
from dashboard.records.tables import read_table, write_table
from tests.importers.conftest import realdata

EXPORTS = {
    "acled": "acled_afghanistan_2020-03.csv",
    "ucdp": "ucdp_ged_pakistan.csv",
    "gtd": "gtd_2011_afghanistan_pakistan.csv",
}
APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def count_rows(path: Path) -> int:
    """Data rows as a CSV parser sees them (quoted fields may span lines), without the header."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_every_row_is_imported_or_rejected_and_the_counts_reconcile(fmt):
    path = realdata(EXPORTS[fmt])
    result = import_file(path)
    report = result.report
    assert report.format == fmt  # recognised from the header
    assert report.read == count_rows(path)
    assert report.read == report.imported + len(report.rejected) == len(result.frame) + len(report.rejected)
    assert result.frame["id"].is_unique
    assert all(r.line >= 2 for r in report.rejected)


def test_ucdp_tag_row_is_rejected_by_line_and_out_of_order_estimates_kept_as_a_range():
    result = import_file(realdata(EXPORTS["ucdp"]))
    assert [(r.line, r.reason.split(" (")[0]) for r in result.report.rejected] == [(2, "HXL hashtag row")]
    frame = result.frame
    assert (frame["killed_min"] <= frame["killed_max"]).all()
    shuffled = frame[frame["casualty_note"].str.contains("out of order")]
    assert len(shuffled) > 0  # this export has events with low above high; they are kept, not dropped


def test_acled_week_precision_events_are_intervals_not_points():
    frame = import_file(realdata(EXPORTS["acled"])).frame
    weekly = frame[frame["date_precision"] == "week"]
    assert len(weekly) and ((weekly["date_end"] - weekly["date_start"]).dt.days == 6).all()
    daily = frame[frame["date_precision"] == "day"]
    assert (daily["date_end"] == daily["date_start"]).all()


def test_gtd_without_coordinates_is_placed_only_at_a_known_province_and_says_so():
    frame = import_file(realdata(EXPORTS["gtd"])).frame
    placed = frame[frame["lat"].notna()]
    assert len(placed) and (placed["location_precision"] == "province").all()
    assert placed["location_basis"].str.contains("province's point").all()
    assert frame["perpetrator"].isin(["Unknown", "unknown"]).sum() == 0  # 'Unknown' is not a name


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_canonical_table_round_trips(tmp_path, suffix):
    frame = import_file(realdata(EXPORTS["ucdp"])).frame
    path = tmp_path / f"ucdp{suffix}"
    write_table(frame, path)
    assert read_table(path).equals(frame)


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_dashboard_opens_each_raw_export_through_dashboard_data(fmt, monkeypatch):
    path = realdata(EXPORTS[fmt])
    monkeypatch.setenv("DASHBOARD_DATA", str(path))
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception and not app.error
    result = import_file(path)
    assert any(m.value == f"**Showing {result.report.imported} of {result.report.imported} incidents**" for m in app.markdown)


def test_too_many_incidents_for_markers_are_drawn_as_groups_and_the_page_says_so(monkeypatch):
    from dashboard.views.incident_map import MAX_MARKERS

    path = realdata(EXPORTS["ucdp"])
    monkeypatch.setenv("DASHBOARD_DATA", str(path))
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert import_file(path).frame["lat"].notna().sum() > MAX_MARKERS
    assert any("Too many to draw one by one" in c.value for c in app.caption)
    app.sidebar.multiselect(key="f_province").set_value(["Azad Jammu and Kashmir"]).run()
    assert not any("Too many to draw one by one" in c.value for c in app.caption)  # filtered down: markers again


def test_a_row_naming_a_province_of_another_country_is_rejected_by_name():
    """GTD has an Afghan row placed in FATA; the canonical table would refuse the whole file, so the
    import rejects that row alone and says why."""
    report = import_file(realdata(EXPORTS["gtd"])).report
    elsewhere = [r for r in report.rejected if "is in PAK, not in AFG" in r.reason]
    assert len(elsewhere) == 1 and "Federally Administered Tribal Areas" in elsewhere[0].reason

"""Imported rows get the province their point lies in when they state none (or an unknown name), and
the report warns about rows whose stated province and point disagree."""

from __future__ import annotations

from dashboard.cli import main
from dashboard.importers import import_file
from dashboard.records.province_check import BASIS_COLUMN, DERIVED, DERIVED_UNKNOWN, STATED
from tests.importers.test_rules import ACLED_2020

ASADABAD = ("34.87", "71.15")  # Kunar's capital
KANDAHAR = ("31.61", "65.71")


def row(event: str, admin1: str, lat: str, lon: str) -> str:
    return (
        f'1,4,{event},1,"21 March 2020",2020,1,Battles,Armed clash,Taliban,,2,Army,,1,12,Asia,Afghanistan,'
        f'{admin1},,,Somewhere,{lat},{lon},1,Src,National,"n",3,1,AFG'
    )


def acled(*rows: str) -> str:
    return "\n".join([ACLED_2020, *rows]) + "\n"


def test_missing_and_misspelled_provinces_come_from_the_point(export):
    text = acled(row("AFG1", "", *ASADABAD), row("AFG2", "Kunnar Wilayat", *ASADABAD), row("AFG3", "Kabul", "34.52", "69.18"))
    result = import_file(export("acled.csv", text))
    frame = result.frame.set_index("id")
    assert list(frame["province"]) == ["Kunar", "Kunar", "Kabul"]
    assert list(frame[BASIS_COLUMN]) == [DERIVED, DERIVED_UNKNOWN, STATED]
    assert result.report.provinces_derived == 2
    assert any("province derived from coordinates" in line and ": 2" in line for line in result.report.summary())
    assert result.report.province_warnings == []


def test_a_point_outside_its_stated_province_is_a_warning_with_the_distance(export, tmp_path, capsys):
    path = export("acled.csv", acled(row("AFG1", "Kabul", *KANDAHAR), row("AFG2", "Kabul", "34.52", "69.18")))
    result = import_file(path)
    assert result.report.imported == 2 and not result.report.rejected  # a warning, not a rejection
    (warning,) = result.report.province_warnings
    assert (warning.record, warning.line, warning.stated, warning.found) == ("acled-AFG1", 2, "Kabul", "Kandahar")
    assert 300 < warning.km < 450
    assert "lies in Kandahar" in str(warning) and "km from Kabul" in str(warning)
    assert f"warning: {warning}" in result.report.summary()
    assert main(["import", str(path), "--out", str(tmp_path / "out.csv")]) == 0
    assert (
        "warning: record acled-AFG1 (line 2): province Kabul is stated, but its point lies in Kandahar" in capsys.readouterr().out
    )

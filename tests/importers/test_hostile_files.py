"""Broken and hostile files: a bad value rejects its row and the import goes on; a file that cannot be
read at all gets one clear message naming it; nothing silently wrong is imported."""

from __future__ import annotations

import pytest

from dashboard.cli import main
from dashboard.importers import import_file
from dashboard.records.problems import DataError
from tests.importers.test_rules import GTD, UCDP
from tests.importers.test_spreadsheet_shapes import acled_csv, acled_row


@pytest.mark.parametrize("written", ["1e309", "inf", "-inf", "nan", "NaN", str(2**63), "Infinity", "1e20"])
def test_an_impossible_fatalities_figure_rejects_that_row_and_the_import_goes_on(export, written):
    rows = [acled_row("AFG1", "2020-05-09", fatalities=written), acled_row("AFG2", "2020-05-09")]
    report = import_file(export("a.csv", acled_csv(rows))).report
    assert (report.read, report.imported) == (2, 1)
    assert [r.line for r in report.rejected] == [2] and written in report.rejected[0].reason
    assert report.rejected[0].reason.startswith("fatalities")


def test_the_command_line_reports_such_rows_without_a_traceback(export, tmp_path, capsys):
    rows = [acled_row("AFG1", "2020-05-09", fatalities="1e309"), acled_row("AFG2", "2020-05-09", fatalities=str(2**63))]
    rows.append(acled_row("AFG3", "2020-05-09"))
    assert main(["import", str(export("a.csv", acled_csv(rows))), "--out", str(tmp_path / "a.parquet")]) == 0
    printed = capsys.readouterr()
    assert "rows read 3, imported 1, rejected 2" in printed.out and "Traceback" not in printed.err
    assert "line 2: fatalities '1e309' is not a count of people" in printed.out


@pytest.mark.parametrize(("column", "written"), [("best", "inf"), ("low", "nan"), ("high", "1e309")])
def test_ucdp_estimates_that_are_no_numbers_reject_the_row(export, column, written):
    row = dict.fromkeys(UCDP.split(","), "")
    row.update(id="1", type_of_violence="3", where_prec="1", date_prec="1", date_start="2014-03-01", country="Pakistan")
    row.update(latitude="34.0", longitude="71.5", adm_1="Sindh", best="5", low="4", high="7")
    row[column] = written
    text = UCDP + "\n" + ",".join(row[name] for name in UCDP.split(",")) + "\n"
    report = import_file(export("u.csv", text)).report
    assert report.imported == 0 and report.rejected[0].reason.startswith(column)


@pytest.mark.parametrize(("column", "written"), [("nkill", "nan"), ("iyear", "inf"), ("iday", "1e309"), ("nwound", "9" * 30)])
def test_gtd_numbers_that_are_no_numbers_reject_the_row(export, column, written):
    values = dict(
        zip(
            GTD.split(","),
            "201101030003,2011,1,3,,0,,Pakistan,Sindh,Karachi,24.86,67.01,1,s,3,Bombing/Explosion,3,Police,TTP,0,2,0,0,0".split(
                ","
            ),
            strict=True,
        )
    )
    values[column] = written
    text = GTD + "\n" + ",".join(values[name] for name in GTD.split(",")) + "\n"
    report = import_file(export("g.csv", text)).report
    assert report.imported == 0 and report.rejected[0].reason.startswith(column)


def test_a_cell_of_eleven_megabytes_rejects_its_row_only(export, tmp_path, capsys):
    rows = [
        acled_row("AFG1", "2020-05-09"),
        acled_row("AFG2", "2020-05-09", notes="x" * 11_000_000),
        acled_row("AFG3", "2020-05-09"),
    ]
    path = export("big.csv", acled_csv(rows))
    report = import_file(path).report
    assert (report.read, report.imported) == (3, 2)
    assert report.rejected[0].line == 3 and "longer than a row may be" in report.rejected[0].reason
    assert main(["import", str(path), "--out", str(tmp_path / "big.parquet")]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_corrupt_workbook_gets_one_clear_message_naming_the_file(export, tmp_path, capsys):
    path = export("broken.xlsx", b"PK\x03\x04 this is not really a zip file")
    with pytest.raises(DataError) as raised:
        import_file(path)
    [problem] = raised.value.problems
    assert "broken.xlsx" in str(problem) and "not an Excel workbook that can be opened" in str(problem)
    assert main(["import", str(path), "--out", str(tmp_path / "x.parquet")]) == 1
    printed = capsys.readouterr().err
    assert "broken.xlsx" in printed and "Traceback" not in printed and len(printed.strip().splitlines()) == 1


def test_a_point_outside_the_rows_country_is_rejected_not_imported_as_city_precise(export):
    rows = [acled_row("AFG1", "2020-05-09", lat="-34.5", lon="-69.2"), acled_row("AFG2", "2020-05-09")]
    result = import_file(export("a.csv", acled_csv(rows)))
    assert list(result.frame["id"]) == ["acled-AFG2"]
    [rejection] = result.report.rejected
    assert rejection.line == 2 and rejection.reason.startswith("(-34.5, -69.2) lies outside AFG")


def test_a_utf16_file_is_named_with_what_to_do(export):
    with pytest.raises(DataError, match="UTF-16"):
        import_file(export("a.csv", acled_csv([acled_row("AFG1", "2020-05-09")]).encode("utf-16")))


def test_an_unclosed_quote_is_a_rejection_at_its_line(export):
    text = acled_csv([acled_row("AFG1", "2020-05-09")]) + '1,4,AFG2,"never closed\n' + "1,2,3\n"
    report = import_file(export("a.csv", text)).report
    assert (report.read, report.imported) == (2, 1) and report.rejected[0].line == 3
    assert "never closed" in report.rejected[0].reason

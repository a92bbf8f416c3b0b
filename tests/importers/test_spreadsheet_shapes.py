"""Exports as people have them after a spreadsheet touched them: one small file per shape, with the rows expected."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from dashboard.importers import import_file
from tests.importers.test_rules import ACLED_2020

HEADER = ACLED_2020.split(",")


def acled_row(event: str, day: str, fatalities: str = "3", lat: str = "34.5", lon: str = "69.2", notes: str = "n") -> list[str]:
    values = dict.fromkeys(HEADER, "")
    values.update(
        data_id="1", iso="4", event_id_cnty=event, event_date=day, year="2020", time_precision="1", event_type="Battles",
        sub_event_type="Armed clash", actor1="Taliban", inter1="2", actor2="Army", inter2="1", country="Afghanistan",
        admin1="Kabul", location="Kabul", latitude=lat, longitude=lon, geo_precision="1", source="Src", notes=notes,
        fatalities=fatalities, iso3="AFG",
    )  # fmt: skip
    return [values[name] for name in HEADER]


def acled_csv(rows: list[list[str]], delimiter: str = ",", newline: str = "\n", header: list[str] = HEADER) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def days_of(result) -> dict[str, str]:
    frame = result.frame
    return dict(zip(frame["id"], frame["date_start"].dt.strftime("%Y-%m-%d"), strict=True))


def test_an_excel_resave_with_two_digit_years_imports_every_row(export):
    """The reported failure: `9-May-20` dates (ACLED re-saved by Excel) imported 0 of 2 rows."""
    rows = [acled_row("AFG1", "9-May-20"), acled_row("AFG2", "21-Mar-20"), acled_row("AFG3", "1-Jan-97")]
    result = import_file(export("resaved.csv", acled_csv(rows)))
    assert (result.report.read, result.report.imported, result.report.rejected) == (3, 3, [])
    assert days_of(result) == {"acled-AFG1": "2020-05-09", "acled-AFG2": "2020-03-21", "acled-AFG3": "1997-01-01"}
    described = "\n".join(result.report.summary())
    assert "event_date format: D-Mon-YY" in described and "00-29 read as 2000-2029, 30-99 as 1930-1999" in described


@pytest.mark.parametrize(
    ("written", "shape"), [("29-Dec-29", "2029-12-29"), ("1-Jan-30", "1930-01-01"), ("5-May-00", "2000-05-05")]
)
def test_two_digit_years_follow_the_spreadsheet_pivot(export, written, shape):
    assert days_of(import_file(export("a.csv", acled_csv([acled_row("AFG1", written)])))) == {"acled-AFG1": shape}


@pytest.mark.parametrize(
    ("written", "shape"),
    [
        ("09 May 2020", "D Month YYYY"),
        ("9 May 2020", "D Month YYYY"),
        ("09-May-2020", "D Month YYYY"),
        ("May 9, 2020", "Month D, YYYY"),
        ("2020-05-09", "YYYY-MM-DD"),
        ("2020-05-09 00:00:00", "YYYY-MM-DD with a time"),
        ("2020-05-09T00:00:00Z", "YYYY-MM-DD with a time"),
        ("2020/05/09", "YYYY/MM/DD"),
        ("43960", "spreadsheet day serial"),
        ("43960.0", "spreadsheet day serial"),
    ],
)
def test_each_date_shape_reads_as_the_same_day_and_the_report_names_it(export, written, shape):
    result = import_file(export("a.csv", acled_csv([acled_row("AFG1", written)])))
    assert days_of(result) == {"acled-AFG1": "2020-05-09"}
    assert f"event_date format: {shape}" in result.report.summary()


def test_a_day_above_12_settles_day_first_for_the_whole_column(export):
    rows = [acled_row("AFG1", "05/09/2020"), acled_row("AFG2", "13/09/2020")]
    result = import_file(export("a.csv", acled_csv(rows)))
    assert days_of(result) == {"acled-AFG1": "2020-09-05", "acled-AFG2": "2020-09-13"}
    assert any("DD/MM/YYYY" in line and "a value above 12 settles it" in line for line in result.report.summary())


def test_a_month_position_above_12_settles_month_first(export):
    rows = [acled_row("AFG1", "05/09/2020"), acled_row("AFG2", "12/25/2020")]
    result = import_file(export("a.csv", acled_csv(rows)))
    assert days_of(result) == {"acled-AFG1": "2020-05-09", "acled-AFG2": "2020-12-25"}


def test_a_settling_value_far_down_the_file_decides_for_every_row(export, monkeypatch):
    import dashboard.importers.chunks as chunks

    monkeypatch.setattr(chunks, "CHUNK_BYTES", 600)  # many small batches: the first cannot tell
    rows = [acled_row(f"AFG{n}", "05/09/2020") for n in range(20)] + [acled_row("AFG99", "05/28/2020")]
    result = import_file(export("a.csv", acled_csv(rows)))
    assert days_of(result)["acled-AFG0"] == "2020-05-09" and days_of(result)["acled-AFG99"] == "2020-05-28"


@pytest.mark.parametrize(
    ("delimiter", "expected", "rule"),
    [(",", "2020-05-09", "read month-first, as a US-locale spreadsheet"), (";", "2020-09-05", "read day-first")],
)
def test_a_truly_ambiguous_column_says_so_and_names_the_rule(export, delimiter, expected, rule):
    rows = [acled_row("AFG1", "05/09/2020"), acled_row("AFG2", "06/09/2020")]
    result = import_file(export("a.csv", acled_csv(rows, delimiter)))
    assert days_of(result)["acled-AFG1"] == expected
    line = next(line for line in result.report.summary() if line.startswith("event_date format"))
    assert "ambiguous (no value above 12)" in line and rule in line


def test_a_contradicting_value_is_rejected_with_its_line_not_guessed(export):
    rows = [acled_row("AFG1", "13/09/2020"), acled_row("AFG2", "14/09/2020"), acled_row("AFG3", "09/13/2020")]
    result = import_file(export("a.csv", acled_csv(rows)))
    assert [(r.line, r.reason) for r in result.report.rejected] == [(4, "event_date '09/13/2020' is not a date")]


def test_european_excel_bom_semicolons_crlf_decimal_commas_trailing_columns_and_blank_rows(export):
    rows = [r + ["", ""] for r in (acled_row("AFG1", "09.05.2020", lat="34,5", lon="69,2"), acled_row("AFG2", "10.05.2020"))]
    text = acled_csv(rows, ";", "\r\n", HEADER + ["", ""]) + ";" * (len(HEADER) + 1) + "\r\n\r\n"
    result = import_file(export("european.csv", b"\xef\xbb\xbf" + text.encode("utf-8")))
    report = result.report
    assert (report.read, report.imported, report.rejected) == (2, 2, [])
    assert report.summary()[0] == "european.csv: ACLED export, UTF-8 (with a byte-order mark), semicolon-delimited"
    assert days_of(result) == {"acled-AFG1": "2020-05-09", "acled-AFG2": "2020-05-10"}
    assert result.frame.loc[0, ["lat", "lon"]].tolist() == [34.5, 69.2]


@pytest.mark.parametrize(("written", "killed"), [("1,234", 1234), ("1.234", 1234), ("1 234", 1234), ("12", 12), ("3.0", 3)])
def test_thousands_separators_in_counts(export, written, killed):
    result = import_file(export("a.csv", acled_csv([acled_row("AFG1", "2020-05-09", fatalities=written)])))
    assert result.frame.loc[0, "killed_min"] == killed


def test_rows_not_in_utf8_are_decoded_on_their_own_and_named(export):
    head = acled_csv([acled_row("AFG1", "2020-05-09", notes="caf\u00e9 in Kabul")]).encode("utf-8")
    windows = acled_csv([acled_row("AFG2", "2020-05-09", notes="caf\u00e9 \u2019Kabul\u2019")]).split("\n", 1)[1].encode("cp1252")
    tail = acled_csv([acled_row("AFG3", "2020-05-09", notes="\u0645\u0631\u06a9\u0632")]).split("\n", 1)[1].encode("utf-8")
    result = import_file(export("mixed.csv", head + windows + tail))
    summary = dict(zip(result.frame["id"], result.frame["summary"], strict=True))
    assert summary == {
        "acled-AFG1": "caf\u00e9 in Kabul",
        "acled-AFG2": "caf\u00e9 \u2019Kabul\u2019",
        "acled-AFG3": "\u0645\u0631\u06a9\u0632",
    }  # no mojibake in the UTF-8 rows
    assert "UTF-8 except 1 row(s) in Windows-1252" in result.report.summary()[0]
    assert "rows not in UTF-8, read as Windows-1252: lines 3" in result.report.summary()


def test_blank_lines_in_the_middle_keep_line_numbers_exact(export):
    text = acled_csv([acled_row("AFG1", "2020-05-09")]) + "\n\n" + acled_csv([acled_row("AFG2", "soon")]).split("\n", 1)[1]
    report = import_file(export("a.csv", text)).report
    assert [(r.line, r.reason) for r in report.rejected] == [(5, "event_date 'soon' is not a date")]
    assert (report.read, report.imported) == (2, 1)


def test_a_stray_quote_inside_a_field_is_text_as_a_spreadsheet_reads_it(export):
    rows = [acled_row("AFG1", "2020-05-09"), acled_row("AFG2", "2020-05-09")]
    text = acled_csv(rows).replace(",n,", ',a 5" shell,', 1)
    result = import_file(export("a.csv", text))
    assert result.report.imported == 2 and result.frame.loc[0, "summary"] == 'a 5" shell'


def test_the_dates_land_in_the_table_as_dates(export):
    frame = import_file(export("a.csv", acled_csv([acled_row("AFG1", "9-May-20")]))).frame
    assert frame.loc[0, "date_start"] == pd.Timestamp("2020-05-09")


def test_a_workbook_with_date_cells_and_number_cells_reads_as_text_would(tmp_path):
    import datetime as dt

    from tests.importers.test_rules import GTD

    values = "201101030003,2011,1,3,,1,,Pakistan,Sindh,Karachi,24.86,67.01,1,s,3,Bombing/Explosion,3,Police,TTP,0,2,0,0,0"
    row: list[object] = values.split(",")
    row[1], row[2], row[3] = 2011.0, 1, 3  # numbers as a workbook stores them
    row[6] = dt.datetime(2011, 1, 14)  # a date cell
    path = tmp_path / "gtd.xlsx"
    pd.DataFrame([row], columns=GTD.split(",")).to_excel(path, index=False)
    frame = import_file(path).frame
    assert (frame.loc[0, "date_start"], frame.loc[0, "date_end"]) == (pd.Timestamp("2011-01-03"), pd.Timestamp("2011-01-14"))

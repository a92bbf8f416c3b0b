"""Each codebook rule and each quirk of real exports, on small hand-made files."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.importers import detect_format, import_file
from dashboard.records.gazetteer import load_gazetteer
from dashboard.records.problems import DataError

ACLED_2020 = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3"
ACLED_NOW = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"


def acled_2020(*rows: str) -> str:
    return "\n".join([ACLED_2020, *rows]) + "\n"


def a2020(
    event="AFG1",
    day="21 March 2020",
    tp="1",
    etype="Battles",
    sub="Armed clash",
    geo="1",
    fatalities="3",
    notes="n",
    lat="34.5",
    lon="69.2",
    inter2="1",
):
    return f'1,4,{event},1,"{day}",2020,{tp},{etype},{sub},Taliban,,2,Army,,{inter2},12,Asia,Afghanistan,Kabul,Kabul,,Kabul,{lat},{lon},{geo},Src,National,"{notes}",{fatalities},1,AFG'


def test_three_acled_styles_are_recognised():
    assert detect_format(ACLED_2020.split(",")) == "acled"
    assert detect_format(ACLED_NOW.split(",")) == "acled"
    assert detect_format([name.upper() for name in ACLED_2020.split(",")]) == "acled"
    assert detect_format(["id", "kind", "title"]) is None


def test_acled_upper_case_style_imports(export):
    text = acled_2020(a2020()).replace(ACLED_2020, ACLED_2020.upper())
    result = import_file(export("old.csv", text))
    assert result.report.imported == 1 and result.frame.loc[0, "id"] == "acled-AFG1"


def test_acled_current_style_uses_civilian_targeting(export):
    row = 'AFG9,2024-03-05,2024,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group,,3,Civilians,,7,37,Civilian targeting,4,Asia,Afghanistan,Kabul,Kabul,,Kabul,34.5,69.2,1,Src,National,"n",2,,1'
    frame = import_file(export("now.csv", f"{ACLED_NOW}\n{row}\n")).frame
    assert frame.loc[0, "target_type"] == "private_citizens" and frame.loc[0, "date_start"] == pd.Timestamp("2024-03-05")


@pytest.mark.parametrize(
    ("precision", "start", "end", "label"),
    [
        ("1", "2020-03-21", "2020-03-21", "day"),
        ("2", "2020-03-18", "2020-03-24", "week"),
        ("3", "2020-03-01", "2020-03-31", "month"),
    ],
)
def test_acled_time_precision_becomes_an_interval(export, precision, start, end, label):
    frame = import_file(export("a.csv", acled_2020(a2020(tp=precision)))).frame
    assert (frame.loc[0, "date_start"], frame.loc[0, "date_end"]) == (pd.Timestamp(start), pd.Timestamp(end))
    assert frame.loc[0, "date_precision"] == label


def test_acled_geo_precision_fatalities_and_types(export):
    rows = [
        a2020("AFG1", geo="3", fatalities=""),
        a2020("AFG2", geo="2", fatalities="0", etype="Explosions/Remote violence", sub="Air/drone strike"),
        a2020("AFG3", etype="Protests", sub="Peaceful protest", day="2020-03-21"),
        a2020("AFG4", day="21-March-2020"),
    ]
    frame = import_file(export("a.csv", acled_2020(*rows))).frame.set_index("id")
    assert frame.loc["acled-AFG1", "location_precision"] == "province"
    assert pd.isna(frame.loc["acled-AFG1", "killed_min"])  # blank: not stated
    assert frame.loc["acled-AFG2", "killed_min"] == 0  # a reported zero stays zero
    assert (frame.loc["acled-AFG2", "kind"], frame.loc["acled-AFG2", "attack_type"]) == ("strike", "air_strike")
    assert frame.loc["acled-AFG3", "kind"] == "context"
    assert frame.loc["acled-AFG4", "date_start"] == pd.Timestamp("2020-03-21")


def test_line_numbers_count_physical_lines_across_multi_line_fields(export):
    rows = [a2020("AFG1", notes="first line\nsecond line\nthird"), a2020("AFG2", day="31 Februar 2020"), "1,2,3"]
    report = import_file(export("a.csv", acled_2020(*rows))).report
    assert report.read == 3 and report.imported == 1
    assert [(r.line, r.reason) for r in report.rejected] == [
        (5, "event_date '31 Februar 2020' is not a date"),
        (6, "3 fields where the header has 31"),
    ]


def test_windows_1252_text_is_read_and_the_report_says_so(export):
    path = export("a.csv", acled_2020(a2020(notes="Attack near the caf\u00e9 \u2019Kabul\u2019")), encoding="cp1252")
    result = import_file(path)
    assert result.frame.loc[0, "summary"] == "Attack near the caf\u00e9 \u2019Kabul\u2019"
    assert "Windows-1252" in result.report.summary()[0]


def test_a_file_that_is_no_known_export_is_named_and_refused(export):
    with pytest.raises(DataError, match="not an ACLED, UCDP GED or GTD export"):
        import_file(export("x.csv", "a,b,c\n1,2,3\n"))


UCDP = "id,relid,year,type_of_violence,dyad_name,side_a,side_b,source_headline,where_prec,where_coordinates,adm_1,latitude,longitude,country,iso3,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low"


def test_ucdp_rules(export):
    rows = [
        ",,#date+year,,,,,,,,#adm1+name,,,#country+name,#country+code,,#date+start,#date+end,,,,,#affected+killed,,",
        "1,r,2014,3,TTP - Civilians,TTP,Civilians,h,1,Peshawar town,Khyber Pakhtunkhwa,34.0,71.5,Pakistan,PAK,4,2014-03-01 00:00:00.000,2014-03-31 00:00:00.000,0,0,5,0,5,7,4",
        "2,r,2014,1,Govt - TTP,Government of Pakistan,TTP,h,6,Pakistan,,30.0,70.0,Pakistan,PAK,1,2014-03-02,2014-03-02,1,1,0,0,2,2,3",
    ]
    result = import_file(export("u.csv", "\n".join([UCDP, *rows]) + "\n"))
    assert result.report.format == "ucdp" and [r.line for r in result.report.rejected] == [2]
    frame = result.frame.set_index("id")
    month = frame.loc["ucdp-1"]
    assert (month["date_start"], month["date_end"], month["date_precision"]) == (
        pd.Timestamp("2014-03-01"),
        pd.Timestamp("2014-03-31"),
        "month",
    )
    assert (month["killed_min"], month["killed_max"], month["target_type"]) == (4, 7, "private_citizens")
    country = frame.loc["ucdp-2"]
    assert country["location_precision"] == "country" and pd.isna(country["lat"])  # a country's centroid is not a place
    assert (country["killed_min"], country["killed_max"]) == (2, 3) and "out of order" in country["casualty_note"]


GTD = "eventid,iyear,imonth,iday,approxdate,extended,resolution,country_txt,provstate,city,latitude,longitude,specificity,summary,attacktype1,attacktype1_txt,targtype1,targtype1_txt,gname,claimed,nkill,nkillter,nwound,suicide"


def test_gtd_rules(export):
    rows = [
        "201103000001,2011,3,0,March 2011,0,,Afghanistan,Kabul,Kabul,,,,s,3,Bombing/Explosion,2,Government (General),Unknown,-9,-99,,2.5,0",
        "201100000002,2011,0,0,,0,,Pakistan,Sindh,Karachi,24.86,67.01,1,s,2,Armed Assault,14,Private Citizens & Property,Taliban,1,5,1,3,0",
        "201101030003,2011,1,3,,1,40557,Pakistan,Khyber Pakhtunkhwa (formerly NWFP),Peshawar,,,,s,3,Bombing/Explosion,3,Police,TTP,0,2,,0,1",
    ]
    frame = import_file(export("g.csv", "\n".join([GTD, *rows]) + "\n")).frame.set_index("id")
    month = frame.loc["gtd-201103000001"]
    assert (month["date_start"], month["date_end"], month["date_precision"]) == (
        pd.Timestamp("2011-03-01"),
        pd.Timestamp("2011-03-31"),
        "month",
    )
    assert pd.isna(month["killed_min"]) and pd.isna(month["perpetrator"])  # -99 and 'Unknown' are not stated
    assert (month["injured_min"], month["injured_max"]) == (2, 3)  # GTD's 2.5: the whole numbers around it
    kabul = load_gazetteer().provinces["Kabul"]  # no coordinates in the row: the province's point, said to be only that
    assert (month["lat"], month["lon"], month["location_precision"]) == (kabul.lat, kabul.lon, "province")
    year = frame.loc["gtd-201100000002"]
    assert (year["date_start"], year["date_end"], year["date_precision"]) == (
        pd.Timestamp("2011-01-01"),
        pd.Timestamp("2011-12-31"),
        "year",
    )
    assert (year["killed_min"], year["attackers_killed_min"], year["claimed_by"]) == (4, 1, "Taliban")
    assert year["location_precision"] == "city" and year["lat"] == 24.86
    extended = frame.loc["gtd-201101030003"]
    assert extended["date_end"] == pd.Timestamp(dt.date(2011, 1, 14))  # 40557: a spreadsheet's day number
    assert (extended["attack_type"], extended["province"]) == ("suicide_bombing", "Khyber Pakhtunkhwa")


def test_gtd_workbook_is_read_with_openpyxl(export, tmp_path):
    rows = [
        line.split(",")
        for line in [
            "201101030003,2011,1,3,,0,,Pakistan,Sindh,Karachi,24.86,67.01,1,s,3,Bombing/Explosion,3,Police,TTP,0,2,0,0,0"
        ]
    ]
    path = tmp_path / "gtd.xlsx"
    pd.DataFrame(rows, columns=GTD.split(",")).to_excel(path, index=False)
    result = import_file(path)
    assert result.report.format == "gtd" and result.report.imported == 1 and result.report.encoding == "xlsx"

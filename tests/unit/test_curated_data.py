"""The curated records themselves: they load, and the facts the article states are kept."""

import pandas as pd

from dashboard.records.loader import load_dataset


def test_curated_file_loads_with_typed_columns():
    frame = load_dataset().frame
    assert len(frame) >= 15
    assert frame["id"].is_unique
    assert str(frame["date_start"].dtype).startswith("datetime64")
    assert str(frame["killed_min"].dtype) == "Int64"
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)


def test_every_incident_the_issue_names_is_present():
    ids = set(load_dataset().frame["id"])
    for expected in (
        "kabul-guesthouse",
        "kabul-serena-hotel",
        "jalalabad-police-station",
        "faryab-maimana-market",
        "kunar-bank",
        "kunduz-buzkashi",
        "kabul-iec-office",
        "islamabad-court",
        "north-waziristan-air-strikes-2014-01-20",
        "north-waziristan-air-strikes-2014-02-20",
        "north-waziristan-ground-operation",
        "ttp-ceasefire",
        "ttp-peace-talks",
        "un-statement-2014-03-21",
        "taliban-election-threat",
        "afghan-presidential-election",
    ):
        assert any(i.startswith(expected) for i in ids), expected


def test_relative_dates_are_resolved_against_publication_day():
    frame = load_dataset().frame.set_index("id")
    # "earlier today" in an article of Friday 28 March 2014; "earlier this week" = Tuesday 25 March.
    assert frame.loc["kabul-guesthouse-2014-03-28", "date_start"] == pd.Timestamp("2014-03-28")
    for record in ("kunar-bank-2014-03-25", "kunduz-buzkashi-2014-03-25", "kabul-iec-office-2014-03-25"):
        assert frame.loc[record, "date_start"] == pd.Timestamp("2014-03-25")
    assert frame.loc["afghan-presidential-election-2014-04-05", "date_start"] == pd.Timestamp("2014-04-05")


def test_not_stated_is_empty_not_zero():
    frame = load_dataset().frame.set_index("id")
    # The February-March strikes: no source gives an injured figure, so it stays empty, never 0.
    assert pd.isna(frame.loc["north-waziristan-air-strikes-2014-02-20", "injured_min"])
    assert (frame["killed_min"].dropna() > 0).all()


def test_injured_of_the_25_march_attacks_come_from_agency_reports():
    """Asadabad: 16 (Kunar police chief to dpa); Kunduz: 20 (police to dpa and to Anadolu)."""
    frame = load_dataset().frame.set_index("id")
    bank, buzkashi = frame.loc["kunar-bank-2014-03-25"], frame.loc["kunduz-buzkashi-2014-03-25"]
    assert (bank["injured_min"], bank["injured_max"]) == (16, 16)
    assert (buzkashi["injured_min"], buzkashi["injured_max"]) == (20, 20)
    assert (bank["attackers_killed_min"], bank["attackers_killed_max"]) == (1, 3)
    for row in (bank, buzkashi):
        assert "Injured: no figure" not in row["casualty_note"]
        assert row["claimed_by"] == "Taliban (Afghan)"
    assert "dpa" in bank["casualty_note"] and "Anadolu" in buzkashi["casualty_note"]


def test_claim_and_perpetrator_differ_where_sources_say_so():
    frame = load_dataset().frame.set_index("id")
    assert frame.loc["islamabad-court-2014-03-03", "claimed_by"] == "Ahrar-ul-Hind"
    assert "denied" in frame.loc["islamabad-court-2014-03-03", "claim_note"]
    assert pd.isna(frame.loc["faryab-maimana-market-2014-03-18", "claimed_by"])

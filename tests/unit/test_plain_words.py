"""Codes become words from one table, and the view is told in sentences (no Streamlit)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.records.loader import load_dataset
from dashboard.records.schema import ATTACK_TYPES, CATEGORY_COLUMNS, TARGET_TYPES
from dashboard.views.describe import headline_sentence, incident_list, map_summary, span_text, timeline_summary
from dashboard.views.incident_map import incident_layer, popup_html
from dashboard.views.labels import NOT_STATED, label, labels_for, place_words
from dashboard.views.summary import headline
from dashboard.views.timeline import timeline_figure
from dashboard.views.timeline_plan import opening_span
from tests.unit.test_incident_map import circles

ELECTION = "afghan-presidential-election-2014-04-05"


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return load_dataset().frame


@pytest.mark.parametrize(
    ("column", "code", "words"),
    [
        ("attack_type", "complex_attack", "Complex attack"),
        ("target_type", "private_citizens", "Private citizens"),
        ("target_type", "ngo", "NGO"),
        ("country", "AFG", "Afghanistan"),
        ("country", "PAK", "Pakistan"),
        ("perpetrator", None, NOT_STATED),
        ("kind", float("nan"), NOT_STATED),
        ("attack_type", "not stated", NOT_STATED),  # the colour legend's missing label
        ("province", "Kabul", "Kabul"),
    ],
)
def test_codes_read_as_words(column, code, words):
    assert label(column, code) == words


def test_every_code_of_the_vocabularies_has_words_without_underscores():
    for column, codes in CATEGORY_COLUMNS.items():
        for code in codes:
            assert "_" not in label(column, code) and label(column, code)[:1].isupper() or column.endswith("precision")
    assert len({label("attack_type", c) for c in ATTACK_TYPES}) == len(ATTACK_TYPES)
    assert len({label("target_type", c) for c in TARGET_TYPES}) == len(TARGET_TYPES)


def test_labels_for_a_column_matches_label_per_value():
    values = pd.Series(["AFG", None, "PAK", "AFG"], dtype="string")
    assert labels_for("country", values).tolist() == ["Afghanistan", NOT_STATED, "Pakistan", "Afghanistan"]


def test_popup_and_timeline_say_words_not_codes(frame):
    row = frame[frame["id"] == "kabul-guesthouse-2014-03-28"].iloc[0]
    popup = popup_html(row)
    assert "Afghanistan" in popup and "AFG" not in popup and "precision)" not in popup
    same = pd.Series({"site": None, "place": "Kabul", "province": "Kabul", "country": "AFG"})
    assert place_words(same) == "Kabul, Afghanistan"  # place and province of one name, said once
    figure = timeline_figure(frame, color_by="target_type")
    names = {trace.name for trace in figure.data}
    assert {"Private citizens", "NGO"} <= names and not {"private_citizens", "ngo"} & names
    hovers = " ".join(text for trace in figure.data if trace.hovertext is not None for text in trace.hovertext)
    assert "Pakistan" in hovers and "PAK" not in hovers


def test_no_record_id_is_visible_in_a_tooltip(frame):
    tooltips = [circle["tooltip"] for circle in circles(incident_layer(frame))]
    assert len(tooltips) == int(frame["lat"].notna().sum())
    for tooltip in tooltips:
        visible = re.sub(r"<span hidden>.*?</span>", "", tooltip)
        assert not any(incident_id in visible for incident_id in frame["id"])
        assert "killed" in visible and "2014" in visible


def test_headline_sentence_says_what_where_and_when(frame):
    election = frame[frame["id"] == ELECTION].iloc[0]
    text = headline_sentence(frame, headline(frame, election))
    assert text == (
        "10 attacks and strikes killed at least 88 people in 7 provinces of Afghanistan and Pakistan from "
        "20 January to 28 March 2014, 8 to 75 days before the Afghan presidential election; 8 context events "
        "are shown with them."
    )
    kunar = frame[frame["province"] == "Kunar"]
    assert (
        headline_sentence(kunar, headline(kunar))
        == "1 attack or strike killed 2-5 people in 1 province of Afghanistan on 25 March 2014."
    )
    nothing = frame.iloc[:0]
    assert headline_sentence(nothing, headline(nothing)).startswith("No attack or strike matches")


def test_the_timeline_opens_on_the_incidents_not_the_2013_record(frame):
    first, last = opening_span(frame, [pd.Timestamp("2014-04-05").date()])
    assert first == pd.Timestamp("2014-01-20") and last == pd.Timestamp("2014-04-05")
    figure = timeline_figure(frame, in_view=(pd.Timestamp("2014-04-05").date(),))
    assert figure.layout.xaxis.range[0].startswith("2014-01-16") and figure.layout.xaxis.rangeslider.range[0].startswith(
        "2014-01-16"
    )
    assert "1 context event outside these dates" in timeline_summary(frame, first, last)


def test_map_summary_and_list_give_date_place_title_killed(frame):
    assert map_summary(frame, "kind", "incidents").startswith("Map of 10 located incidents in Afghanistan and Pakistan")
    items, left_out = incident_list(frame[frame["kind"] == "attack"], limit=3)
    assert left_out == len(frame[frame["kind"] == "attack"]) - 3 and len(items) == 3
    assert (
        items[0].text
        == "3 March 2014 · Islamabad, Islamabad Capital Territory, Pakistan · Gun and suicide attack on the district courts, Islamabad · killed 11"
    )


def test_span_text():
    assert span_text(pd.Timestamp("2014-03-03"), pd.Timestamp("2014-03-28")) == "3 to 28 March 2014"
    assert span_text(pd.Timestamp("2013-12-30"), pd.Timestamp("2014-01-02")) == "30 December 2013 to 2 January 2014"


def test_the_incident_list_is_the_earliest_incidents_in_date_then_id_order_even_with_ties():
    from benchmarks.synthetic import synthetic_incidents
    from dashboard.views.describe import incident_list

    frame = synthetic_incidents(3000, seed=9)
    frame["date_start"] = frame["date_start"].dt.to_period("M").dt.start_time.astype(frame["date_start"].dtype)  # many ties
    listed, left_out = incident_list(frame, limit=50)
    expected = frame.sort_values(["date_start", "id"], kind="stable")["id"].head(50).tolist()
    assert [item.id for item in listed] == expected
    assert left_out == len(frame) - 50

"""Grades are computed from what the sources report: agreement, disagreement, how many publishers."""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import pytest

from dashboard.records.grading import (
    ARTICLE_ONLY,
    CONTESTED,
    CORROBORATED,
    NOT_GRADED,
    SINGLE_SOURCE,
    Figure,
    figures_agree,
    figures_span,
    grade_labels,
    grade_record,
    parse_figure,
)
from dashboard.records.loader import load_dataset

BASE: dict[str, Any] = {
    "kind": "attack",
    "date_start": "2014-03-25",
    "date_end": "2014-03-25",
    "place": "Kunduz",
    "province": "Kunduz",
    "sources": [],
}


def record(*reports: tuple[str, dict[str, Any]], **changes: Any) -> dict[str, Any]:
    """An attack whose sources are (publisher, reports) pairs."""
    made = copy.deepcopy(BASE) | changes
    made["sources"] = [{"publisher": p, "url": f"https://example.org/{n}", "reports": r} for n, (p, r) in enumerate(reports)]
    return made


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (9, Figure(9, 9)),
        ("9", Figure(9, 9)),
        ("at least 6", Figure(6, None)),
        ("2-5", Figure(2, 5)),
        ("15 to 24", Figure(15, 24)),
    ],
)
def test_figures_read_numbers_lower_bounds_and_ranges(text, figure):
    assert parse_figure(text) == figure


@pytest.mark.parametrize("text", ["about 20", "5-2", "-1", True, "²", None, 2.5])
def test_anything_else_is_not_a_figure(text):
    assert parse_figure(text) is None


def test_span_is_lowest_and_highest_figure_and_open_only_when_all_are_at_least():
    assert figures_span([Figure(11, 11), Figure(12, None)]) == (11, 12)
    assert figures_span([Figure(15, None), Figure(36, None)]) == (15, None)
    assert figures_span([Figure(2, 5), Figure(2, None)]) == (2, 5)


def test_figures_agree_when_one_count_fits_them_all():
    assert figures_agree([Figure(11, 11), Figure(11, None)])
    assert figures_agree([Figure(2, 5), Figure(2, None), Figure(5, 5)])
    assert not figures_agree([Figure(5, 5), Figure(6, None)])
    assert not figures_agree([Figure(1, 1), Figure(2, 2)])


def test_two_publishers_agreeing_on_date_place_and_toll_corroborate():
    graded = grade_record(
        record(
            ("Reuters", {"date": "2014-03-25", "place": "Kunduz", "killed": 6}),
            ("AFP", {"place": "Kunduz", "killed": "at least 5"}),
        )
    )
    assert graded.grade == CORROBORATED and "Reuters" in graded.detail and "AFP" in graded.detail


def test_disagreeing_tolls_are_contested_and_the_detail_says_who_said_what():
    graded = grade_record(record(("AFP", {"killed": 5}), ("Reuters", {"killed": "at least 6"}), ("The Guardian", {"killed": 6})))
    assert graded.grade == CONTESTED
    assert graded.detail == "tolls differ: 5 (AFP); at least 6 (Reuters); 6 (The Guardian)"


def test_different_perpetrators_are_contested():
    graded = grade_record(
        record(("Dawn", {"killed": 11, "perpetrator": "Ahrar-ul-Hind"}), ("UCDP", {"killed": 11, "perpetrator": "TTP"}))
    )
    assert graded.grade == CONTESTED and "perpetrator differs" in graded.detail


def test_a_report_dated_outside_the_record_or_placed_elsewhere_is_contested():
    dated = grade_record(record(("A", {"killed": 1, "date": "2014-03-24"}), ("B", {"killed": 1})))
    placed = grade_record(record(("A", {"killed": 1, "place": "Herat"}), ("B", {"killed": 1})))
    assert dated.grade == CONTESTED and "dates it 2014-03-24" in dated.detail
    assert placed.grade == CONTESTED and "places it in Herat" in placed.detail


def test_one_publisher_is_a_single_source_even_through_several_copies():
    graded = grade_record(record(("AFP", {"killed": 5}), ("AFP", {"killed": 5})))
    assert graded.grade == SINGLE_SOURCE and "AFP only" in graded.detail


def test_two_publishers_but_one_toll_is_a_single_source_for_the_toll():
    graded = grade_record(record(("AFP", {"killed": 5}), ("RTL", {"place": "Kunduz"})))
    assert graded.grade == SINGLE_SOURCE and "fewer than two give a toll" in graded.detail


def test_no_report_at_all_is_article_only_and_the_article_outlet_does_not_count():
    assert grade_record(record()).grade == ARTICLE_ONLY
    graded = grade_record(record(("VICE News", {"killed": 4}), ("AP", {"killed": 4})), article_outlet="VICE News")
    assert graded.grade == SINGLE_SOURCE  # only AP is independent of the article


def test_context_records_are_not_graded():
    assert grade_record(record(("AFP", {"killed": 5}), kind="context")).grade == NOT_GRADED


def test_curated_grades_are_computed_for_every_attack_and_strike_only():
    frame = load_dataset().frame.set_index("id")
    violent = frame["kind"].isin(["attack", "strike"])
    assert (frame.loc[violent, "grade"] != NOT_GRADED).all() and (frame.loc[~violent, "grade"] == NOT_GRADED).all()
    assert frame.loc["kabul-serena-hotel-2014-03-20", "grade"] == CORROBORATED
    assert frame.loc["kunduz-buzkashi-2014-03-25", "grade"] == CONTESTED
    assert "5 (AFP, Anadolu Agency)" in frame.loc["kunduz-buzkashi-2014-03-25", "grade_detail"]
    # Islamabad: RT Arabic's "at least 12" survives only on a mirror and is not counted (casualty_note).
    assert frame.loc["islamabad-court-2014-03-03", "grade"] == CORROBORATED
    # A company blog (Stone Security Engineering) is no longer counted as a publisher anywhere.
    assert not frame["grade_detail"].fillna("").str.contains("Stone Security").any()


def test_tables_without_grades_read_as_not_graded():
    assert grade_labels(pd.DataFrame({"id": ["a", "b"]})).tolist() == [NOT_GRADED, NOT_GRADED]

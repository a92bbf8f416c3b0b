"""The article as passages: reading order, shared quotes, marking, and what a step selects."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.records.article import Article
from dashboard.records.loader import load_dataset
from dashboard.views.passages import paragraph_markdown, passages, reading_order, records_of


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_passages_follow_the_text_and_every_quoting_record_is_in_one(dataset):
    found = passages(dataset.frame, dataset.article)
    order = [(p.paragraph, p.start) for p in found]
    assert order == sorted(order) and [p.number for p in found] == list(range(1, len(found) + 1))
    quoted = set(dataset.frame.dropna(subset=["article_quote"])["id"])
    assert {i for p in found for i in p.ids} == quoted


def test_records_quoting_the_same_sentence_share_one_passage(dataset):
    found = passages(dataset.frame, dataset.article)
    (shared,) = [p for p in found if "kunar-bank-2014-03-25" in p.ids]
    assert set(shared.ids) == {"kunar-bank-2014-03-25", "kunduz-buzkashi-2014-03-25", "kabul-iec-office-2014-03-25"}
    assert records_of(shared.number, found) == shared.ids
    assert records_of(None, found) == () and records_of(len(found) + 1, found) == ()


def test_marking_escapes_the_text_and_highlights_only_the_current_passage_in_orange():
    article = Article(("Before *this*. Gunmen attacked a [hotel]. After.",))
    frame = pd.DataFrame(
        {
            "id": ["a"],
            "article_quote": ["Gunmen attacked a [hotel]."],
            "article_paragraph": [1],
            "date_start": [pd.Timestamp("2014-03-20")],
        }
    )
    (passage,) = passages(frame, article)
    current = paragraph_markdown(article.paragraphs[0], [passage], current=1)
    assert current.startswith("Before \\*this\\*\\. :orange-background[Gunmen attacked a \\[hotel\\]\\.]")
    assert paragraph_markdown(article.paragraphs[0], [passage], current=None).count(":blue-background[") == 1
    assert (
        paragraph_markdown(article.paragraphs[0], [], current=None)
        == "Before \\*this\\*\\. Gunmen attacked a \\[hotel\\]\\. After\\."
    )


def test_reading_order_lists_quoted_records_as_met_then_the_rest_by_date(dataset):
    found = passages(dataset.frame, dataset.article)
    ids = reading_order(dataset.frame, found)
    assert sorted(ids) == sorted(dataset.frame["id"])
    assert ids[0] == found[0].ids[0]

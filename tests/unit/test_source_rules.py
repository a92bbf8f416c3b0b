"""Each rule added after the fact-check refuses the class of error it was written for, naming file, record and field."""

from __future__ import annotations

import pytest
import yaml

from dashboard.records.loader import load_dataset
from dashboard.records.problems import DataError
from dashboard.records.source_rules import generic_page
from tests.conftest import CONTEXT_RECORD, VALID_RECORD, with_changes


def problems_for(write_dataset, records, **dataset):
    path = write_dataset(records)
    if dataset:  # extra keys in the dataset block (furniture, left_out)
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in dataset.items():
            target = document["dataset"]["article"] if key == "furniture" else document["dataset"]
            target[key] = value
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    return caught.value.problems


def source(**changes):
    return {"publisher": "UCDP", "url": "https://example.org/event/1", "date": "2014-03-03", "supports": "x"} | changes


@pytest.mark.parametrize(
    ("url", "what"),
    [
        ("https://ucdp.uu.se/downloads/", "a download page"),
        ("https://www.dawn.com/", "a site's front page"),
        ("https://www.dawn.com", "a site's front page"),
        ("http://example.org/index.html", "a site's front page"),
        ("https://www.dawn.com/?ref=home", "a site's front page"),
        ("https://www.dawn.com/?utm_source=twitter&utm_medium=social", "a site's front page"),
        ("https://ucdp.uu.se/downloads/index.html#ged_global", "a download page"),
        ("https://acleddata.com/data-export-tool/", "a download page"),
    ],
)
def test_a_front_or_download_page_is_refused(write_dataset, url, what):
    problems = problems_for(write_dataset, [with_changes(sources=[source(url=url)]), CONTEXT_RECORD])
    (problem,) = problems
    assert problem.file.endswith("incidents.yaml") and problem.record == "'hotel'" and problem.field == "sources[1].url"
    assert what in problem.message and "cite the event" in problem.message


def test_a_page_about_the_event_is_not_generic():
    assert generic_page("https://www.dawn.com/news/1090737") is None
    assert generic_page("https://www.dawn.com/?p=1090737") is None
    assert generic_page("https://www.dawn.com/?p=1090737&ref=home") is None  # an article, however reached
    assert generic_page("https://ucdp.uu.se/downloads/ged/ged141.pdf") is None  # one file, not the list


@pytest.mark.parametrize(("date", "words"), [(None, "missing"), ("", "missing"), ("March 2014", "not a date")])
def test_a_source_without_a_date_is_refused(write_dataset, date, words):
    (problem,) = problems_for(write_dataset, [with_changes(sources=[source(date=date)]), CONTEXT_RECORD])
    assert (problem.record, problem.field) == ("'hotel'", "sources[1].date") and words in problem.message


def test_a_month_is_date_enough_when_the_day_is_unknown(write_dataset):
    load_dataset(write_dataset([with_changes(sources=[source(date="2014-03")]), CONTEXT_RECORD]))


def test_a_context_record_with_no_source_is_refused(write_dataset):
    (problem,) = problems_for(write_dataset, [VALID_RECORD, CONTEXT_RECORD | {"sources": []}])
    assert (problem.record, problem.field) == ("'ceasefire'", "sources") and "context record" in problem.message


@pytest.mark.parametrize("attack_type", ["suicide_bombing", "complex_attack"])
def test_a_suicide_attack_without_attackers_or_a_note_is_refused(write_dataset, attack_type):
    (problem,) = problems_for(write_dataset, [with_changes(attack_type=attack_type), CONTEXT_RECORD])
    assert (problem.record, problem.field) == ("'hotel'", "attackers_killed_min")
    assert "suicide bomber counts" in problem.message and "Attackers:" in problem.message


def test_a_suicide_attack_passes_with_a_figure_or_an_attackers_note(write_dataset):
    counted = with_changes(attack_type="suicide_bombing", attackers_killed_min=1, attackers_killed_max=1)
    noted = with_changes(
        id="noted", attack_type="suicide_bombing", casualty_note="Killed: 9. Attackers: the bomber was arrested."
    )
    load_dataset(write_dataset([counted, noted, CONTEXT_RECORD]))


def test_an_injured_count_left_empty_although_a_source_gives_one_is_refused(write_dataset):
    reported = with_changes(sources=[source(reports={"killed": 9, "injured": 12})])
    (problem,) = problems_for(write_dataset, [reported, CONTEXT_RECORD])
    assert (problem.record, problem.field) == ("'hotel'", "injured_min")
    assert "report 12" in problem.message and "12-12" in problem.message


def test_an_upper_figure_below_a_sources_is_refused(write_dataset):
    reported = with_changes(sources=[source(reports={"killed": 9}), source(publisher="RT", reports={"killed": "at least 12"})])
    (problem,) = problems_for(write_dataset, [reported, CONTEXT_RECORD])
    assert (problem.field, problem.record) == ("killed_max", "'hotel'") and "9-12" in problem.message


def test_a_report_with_an_unknown_field_or_an_unreadable_figure_is_refused(write_dataset):
    reported = with_changes(sources=[source(reports={"killed": "about 9", "wounded": 3})])
    fields = {p.field for p in problems_for(write_dataset, [reported, CONTEXT_RECORD])}
    assert {"sources[1].reports.killed", "sources[1].reports.wounded"} <= fields


def test_a_quote_from_page_furniture_is_refused(write_dataset):
    furniture = [{"line": 1, "text": "Headline", "kind": "section"}]
    quoting = with_changes(article_quote="Headline", article_paragraph=1)
    (problem,) = problems_for(write_dataset, [quoting, CONTEXT_RECORD], furniture=furniture)
    assert (problem.record, problem.field) == ("'hotel'", "article_quote")
    assert "page furniture (section label, line 1" in problem.message


def test_a_furniture_mark_that_does_not_match_its_line_is_refused(write_dataset):
    furniture = [{"line": 3, "text": "Advertisement", "kind": "advertisement"}, {"line": 1, "text": "Headline", "kind": "poster"}]
    problems = problems_for(write_dataset, [VALID_RECORD, CONTEXT_RECORD], furniture=furniture)
    assert [p.field for p in problems] == ["dataset.article.furniture[1]", "dataset.article.furniture[2]"]
    assert "line 3 reads" in problems[0].message and "'poster'" in problems[1].message


def test_a_left_out_entry_needs_a_reason_and_a_quote_from_the_article(write_dataset):
    left_out = [{"event": "Drones", "article_paragraph": 2, "article_quote": "drone campaign"}]
    problems = problems_for(write_dataset, [VALID_RECORD, CONTEXT_RECORD], left_out=left_out)
    assert {p.field for p in problems} == {"dataset.left_out[1].reason", "dataset.left_out[1].article_quote"}

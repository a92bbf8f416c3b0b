"""One way to describe a record (views/record_text.py) and one number shortener (views/numbers.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.views.colors import color_labels, color_scale, shape_scale
from dashboard.views.escape import text_for_html, text_for_markdown
from dashboard.views.numbers import short_number
from dashboard.views.record_text import (
    SourceLink,
    article_line,
    casualty_text,
    claim_text,
    color_legend_html,
    date_span,
    date_text,
    legend_items,
    perpetrator_text,
    place_text,
    source_lines_markdown,
    source_links,
    source_links_html,
)

HOSTILE = "<script>alert(1)</script> ${x} `y` *z*"


def record(**changes: object) -> pd.Series:
    row = {
        "id": "r1",
        "title": "Hotel attack",
        "date_start": pd.Timestamp("2014-03-20"),
        "date_end": pd.Timestamp("2014-03-20"),
        "date_precision": "day",
        "site": None,
        "place": "Kart-e-Char",
        "province": "Kabul",
        "country": "AFG",
        "location_precision": "site",
        "killed_min": 9,
        "killed_max": 9,
        "injured_min": pd.NA,
        "injured_max": pd.NA,
        "attackers_killed_min": 0,
        "attackers_killed_max": 0,
        "perpetrator": "Taliban (Afghan)",
        "claimed_by": pd.NA,
        "sources": [{"publisher": "Reuters", "url": "https://example.org/a", "date": "2014-03-21", "supports": "the date"}],
    }
    row.update(changes)
    return pd.Series(row)


def test_one_day_is_one_date_and_an_interval_says_both_ends_and_how_exact_it_is():
    assert date_span(record()) == "2014-03-20"
    assert date_text(record()) == "2014-03-20 (exact day)"
    week = record(date_end=pd.Timestamp("2014-03-26"), date_precision="week")
    assert date_span(week) == "2014-03-20 to 2014-03-26"
    assert date_text(week) == "2014-03-20 to 2014-03-26 (known to the week)"
    assert date_text(record(date_precision="month")).endswith("(known to the month)")
    assert date_text(record(date_precision=None)) == "2014-03-20 (Not stated)"
    # The same day with a time of day is still one day.
    assert date_span(record(date_end=pd.Timestamp("2014-03-20 18:00"))) == "2014-03-20"
    ancient = pd.Timestamp("0001-01-01").as_unit("s") - pd.Timedelta(days=400)  # a table can hold one
    assert date_span(record(date_start=ancient, date_end=ancient)) == "-001-11-28"


def test_place_names_each_part_once_and_how_exact_it_is():
    assert place_text(record()) == "Kart-e-Char, Kabul, Afghanistan (exact site)"
    assert place_text(record(place="Kabul", location_precision="city")) == "Kabul, Afghanistan (city point)"
    nowhere = record(place=None, province=None, country=None, location_precision=None)
    assert place_text(nowhere) == "Not stated (Not stated)"


def test_escape_applies_to_the_words_from_the_data_and_not_to_the_dates_made_here():
    assert date_text(record(), text_for_markdown) == "2014-03-20 (exact day)"  # what the detail page shows
    hostile = place_text(record(place=HOSTILE), text_for_markdown)
    assert "\\*z\\*" in hostile and "\\$" in hostile and "*z*" not in hostile.replace("\\*", "")
    assert "<script>" not in place_text(record(place=HOSTILE), text_for_html)


def test_not_stated_is_not_zero_and_ranges_read_as_ranges():
    assert casualty_text(record(), "killed") == "9"
    assert casualty_text(record(), "injured") == "not stated"
    assert casualty_text(record(), "attackers_killed") == "0"
    assert casualty_text(record(killed_min=2, killed_max=5)) == "2-5"
    assert casualty_text(record(killed_min=15, killed_max=pd.NA)) == "at least 15"
    assert casualty_text(record(killed_min=math.nan, killed_max=math.nan)) == "not stated"
    with pytest.raises(ValueError, match="'wounded'"):
        casualty_text(record(), "wounded")


def test_missing_perpetrator_and_claim_are_said_in_words():
    assert perpetrator_text(record()) == "Taliban (Afghan)" and perpetrator_text(record(perpetrator=None)) == "not stated"
    assert claim_text(record()) == "no claim" and claim_text(record(claimed_by="TTP")) == "TTP"


def test_sources_keep_every_entry_but_link_only_web_addresses():
    row = record(
        sources=[
            {"publisher": "Reuters", "url": "https://example.org/a", "date": "2014-03-21", "supports": "the date"},
            {"publisher": "Dawn", "url": "javascript:alert(1)", "supports": "the toll"},
            {"url": "HTTP://example.org/b", "via": "archive.org", "title": "Copy"},
            "not a mapping",
        ]
    )
    links = source_links(row)
    assert links == [
        SourceLink("Reuters", "https://example.org/a", None, "2014-03-21", "the date"),
        SourceLink("Dawn", None, None, None, "the toll"),  # named, never a javascript: link
        SourceLink("HTTP://example.org/b (via archive.org)", "HTTP://example.org/b", "Copy", None, None),
    ]
    html = source_links_html(row)
    assert html.count("<a ") == 2 and "javascript:" not in html and ", Dawn, " in html
    lines = source_lines_markdown(row)
    assert lines[0] == "- [Reuters](https://example.org/a) (2014\\-03\\-21). Supports: the date"
    assert lines[1] == "- Dawn. Supports: the toll"


def test_a_record_with_no_sources_has_no_links_and_no_lines():
    for empty in ([], None, pd.NA):
        row = record(sources=empty)
        assert source_links(row) == [] and source_links_html(row) == "" and source_lines_markdown(row) == []


def test_source_names_and_addresses_are_escaped():
    row = record(sources=[{"publisher": HOSTILE, "url": 'https://example.org/"onmouseover="x'}])
    html = source_links_html(row)
    assert "<script>" not in html and 'href="https://example.org/&quot;onmouseover=&quot;x"' in html
    assert "${x}" not in html and "&#36;{x}" in html


def test_legend_lists_each_label_once_in_code_order_with_its_colour_and_shape():
    frame = pd.DataFrame({"kind": ["strike", "attack", "context", "attack"]})
    scale = color_scale(["attack", "strike", "context"], "kind")
    items = legend_items(frame, "kind", scale)
    assert [i.code for i in items] == ["attack", "context", "strike"]  # as the timeline orders its traces
    assert [i.words for i in items] == ["Attack", "Context event", "Air strikes"]
    assert [i.color for i in items] == [scale[c] for c in ("attack", "context", "strike")]
    assert [i.shape for i in items] == ["circle", "diamond", "square"]
    assert [i.code for i in legend_items(frame[frame["kind"] == "attack"], "kind", scale)] == ["attack"]
    assert legend_items(frame, "kind", scale, layer="provinces") == []  # the choropleth has its own key


def test_legend_keeps_dataset_colours_and_says_not_stated():
    everything = pd.DataFrame({"perpetrator": ["TTP", None, "Taliban (Afghan)"]})
    scale = color_scale(color_labels(everything, "perpetrator"), "perpetrator")
    items = legend_items(everything.iloc[1:], "perpetrator", scale)
    assert [(i.code, i.words) for i in items] == [("Taliban (Afghan)", "Taliban (Afghan)"), ("not stated", "Not stated")]
    shapes = shape_scale(scale, "perpetrator")
    assert [i.shape for i in items] == [shapes["Taliban (Afghan)"], shapes["not stated"]]


def test_legend_html_keeps_the_order_and_escapes_the_words():
    frame = pd.DataFrame({"perpetrator": [HOSTILE, "Alpha"]})
    scale = color_scale(frame["perpetrator"], "perpetrator")
    html = color_legend_html(legend_items(frame, "perpetrator", scale), "perpetrator")
    assert html.startswith('<div class="legend"') and "<b>Perpetrator:</b>" in html
    assert "<script>" not in html and html.index("&lt;script&gt;") < html.index("Alpha")  # '<' sorts before 'A'


def test_article_line_names_the_parts_it_has():
    article = {"outlet": "VICE News", "title": "Taliban attacks", "published": "2014-03-28", "url": "https://x"}
    assert article_line(article) == "VICE News, Taliban attacks, 2014-03-28"
    assert article_line({"outlet": "VICE News", "published": "2014-03-28"}) == "VICE News, 2014-03-28"
    assert article_line({}) == "" and article_line(None) == ""


@pytest.mark.parametrize(
    ("count", "short"),
    [
        (0, "0"),
        (950, "950"),
        (999, "999"),
        (1000, "1k"),
        (2140, "2.1k"),
        (9949, "9.9k"),
        (9950, "10k"),  # not '10.0k': at most four characters
        (17_400, "17k"),
        (99_999, "100k"),
        (170_072, "170k"),
        (999_499, "999k"),
        (999_500, "1M"),  # not '1000k'
        (1_234_567, "1.2M"),
        (2_126_541, "2.1M"),
        (12_600_000, "13M"),
        (1_500_000_000, "1.5bn"),
    ],
)
def test_one_shortener_one_rule(count, short):
    assert short_number(count) == short


def test_shortener_never_longer_than_four_characters_below_a_billion():
    for exponent in range(3, 9):
        for mantissa in (1.0, 1.049, 1.05, 4.44, 9.949, 9.95, 9.999):
            assert len(short_number(int(mantissa * 10**exponent))) <= 4


def test_shortener_refuses_a_negative_count():
    with pytest.raises(ValueError, match="-3"):
        short_number(-3)

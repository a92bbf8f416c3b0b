"""One way to describe a record, for every place that shows one: the map's popups and tooltips, the
incident card and page, the snapshot's table and legend, the app's source line.

Pure. Functions return plain text, unescaped, unless their name says where the text goes
(`_html`, `_markdown`): the caller escapes plain text for its destination (views/escape.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .casualties import casualty_range
from .colors import COLOR_OPTIONS, color_labels, shape_chip, shape_scale
from .escape import markdown_link, text_for_html, text_for_markdown
from .labels import label, place_words

CASUALTY_COLUMNS = ("killed", "injured", "attackers_killed")
WEB_SCHEMES = ("http://", "https://")  # a source's address is a link only with one of these
ARTICLE_PARTS = ("outlet", "title", "published")
Escape = Callable[[object], str]  # text_for_html or text_for_markdown: applied to the parts that come from the data


def _as_is(value: object) -> str:
    return str(value)


def day_span(start: str, end: str) -> str:
    """Two ISO days as a record's dates read: '2014-03-20', or '2014-03-20 to 2014-03-25'."""
    return start if start == end else f"{start} to {end}"


def date_span(row: pd.Series) -> str:
    """'2014-03-20', or '2014-03-20 to 2014-03-25' for a record dated to an interval (day precision)."""
    # Not .date(): it raises for a day outside Python's dates (year 0 or before), which a table can hold.
    return day_span(*(row[column].isoformat().split("T")[0] for column in ("date_start", "date_end")))


def date_text(row: pd.Series, escape: Escape = _as_is) -> str:
    """The dates and how exact they are: '2014-03-20 to 2014-03-25 (known to the week)'.

    `escape` is applied to the words for the precision; the ISO dates are made here, from timestamps.
    """
    return f"{date_span(row)} ({escape(label('date_precision', row.get('date_precision')))})"


def place_text(row: pd.Series, escape: Escape = _as_is) -> str:
    """The place and how exact it is: 'Kart-e-Char, Kabul, Afghanistan (exact site)'; `escape` is applied to both."""
    return f"{escape(place_words(row))} ({escape(label('location_precision', row.get('location_precision')))})"


def casualty_text(row: pd.Series, what: str = "killed") -> str:
    """'9', '2-5', 'at least 15', or 'not stated' (no figure in the sources, which is not 0).

    `what` is one of CASUALTY_COLUMNS; anything else is refused with a ValueError naming it.
    """
    if what not in CASUALTY_COLUMNS:
        raise ValueError(f"casualty_text: what must be one of {', '.join(CASUALTY_COLUMNS)}, not {what!r}")
    return casualty_range(row.get(f"{what}_min"), row.get(f"{what}_max"))


def perpetrator_text(row: pd.Series) -> str:
    value = row.get("perpetrator")
    return "not stated" if value is None or pd.isna(value) else str(value)


def claim_text(row: pd.Series) -> str:
    value = row.get("claimed_by")
    return "no claim" if value is None or pd.isna(value) else str(value)


@dataclass(frozen=True)
class SourceLink:
    """One corroborating source as a reader sees it. `url` is None unless it is a web address."""

    name: str  # the publisher, with the host of the copy cited when that differs ('(via …)')
    url: str | None
    title: str | None = None
    date: str | None = None
    supports: str | None = None


def _optional(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or str(value) == "" else str(value)


def source_links(row: pd.Series) -> list[SourceLink]:
    """The record's sources in their order; an entry that is not a mapping is not a source (the loader refuses one)."""
    sources = row.get("sources")
    links = []
    for source in sources if isinstance(sources, list | tuple) else []:
        if not isinstance(source, dict):
            continue
        url = _optional(source.get("url"))
        url = None if url is None else url.strip()
        name = _optional(source.get("publisher")) or url or "source"
        if _optional(source.get("via")):  # the copy cited is hosted elsewhere than the publisher's own site
            name += f" (via {source['via']})"
        web = url if url is not None and url.lower().startswith(WEB_SCHEMES) else None
        links.append(
            SourceLink(
                name, web, _optional(source.get("title")), _optional(source.get("date")), _optional(source.get("supports"))
            )
        )
    return links


def source_links_html(row: pd.Series) -> str:
    """The sources as HTML links (names only, comma-separated; a source with no web address as plain text), or ''."""
    return ", ".join(
        f'<a href="{text_for_html(s.url)}" target="_blank" rel="noopener noreferrer">{text_for_html(s.name)}</a>'
        if s.url
        else text_for_html(s.name)
        for s in source_links(row)
    )


def source_lines_markdown(row: pd.Series) -> list[str]:
    """One Markdown list item per source: link, title, date and what it supports."""
    lines = []
    for source in source_links(row):
        line = f"- {markdown_link(source.name, source.url)}"
        if source.title:
            line += f": {text_for_markdown(source.title)}"
        if source.date:
            line += f" ({text_for_markdown(source.date)})"
        if source.supports:
            line += f". Supports: {text_for_markdown(source.supports)}"
        lines.append(line)
    return lines


@dataclass(frozen=True)
class LegendItem:
    code: str  # the value in the data
    words: str  # what a reader sees
    color: str
    shape: str


def legend_items(frame: pd.DataFrame, color_by: str, scale: dict[str, str], layer: str = "incidents") -> list[LegendItem]:
    """The colour key for the rows shown: each label once, in the timeline's order (sorted by code);
    none for the "provinces" layer, whose shading has its own key (views/choropleth.legend_html).

    `scale` is the dataset-wide label -> colour map, so a category keeps its colour as filters change.
    """
    if layer == "provinces":
        return []
    shapes = shape_scale(scale, color_by)
    codes = sorted(color_labels(frame, color_by).unique())
    return [LegendItem(str(c), label(color_by, c), scale.get(c, "#555"), shapes.get(c, "circle")) for c in codes]


def color_legend_html(items: list[LegendItem], color_by: str) -> str:
    """The colour key as HTML: the heading, then a shape chip and the words for each item."""
    chips = "".join(
        f'<span style="display:inline-block;margin-right:14px">{shape_chip(item.shape, item.color)}{text_for_html(item.words)}</span>'
        for item in items
    )
    return f'<div class="legend" style="font-size:0.85rem"><b>{text_for_html(COLOR_OPTIONS[color_by])}:</b> {chips}</div>'


def article_line(article: dict | None) -> str:
    """The article the data comes from: 'VICE News, <title>, 2014-03-28' (the parts it has), or ''."""
    return ", ".join(str(article[key]) for key in ARTICLE_PARTS if article and article.get(key))

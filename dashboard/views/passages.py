"""The article as passages: each quoted stretch of text, in reading order, with the records it supports.

Pure: no Streamlit. Records that quote the same words share one passage (one sentence of the article
can report several attacks). Whether every quote is found is the loader's job; here a quote that is
not in its paragraph is simply not a passage.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.records.article import Article, squash

from .escape import text_for_markdown


@dataclass(frozen=True)
class Passage:
    number: int  # 1-based, in reading order
    paragraph: int  # 1-based paragraph of the article
    start: int  # offset of the quote in the paragraph's squashed text
    end: int
    ids: tuple[str, ...]  # the records quoting it, in date order


def passages(frame: pd.DataFrame, article: Article) -> list[Passage]:
    """Every distinct quoted passage, ordered as a reader meets them (paragraph, then position)."""
    found: dict[tuple[int, int, int], list[tuple[pd.Timestamp, str]]] = {}
    quoted = frame.dropna(subset=["article_quote", "article_paragraph"])
    for row in quoted.itertuples():
        number = int(row.article_paragraph)
        if not 1 <= number <= len(article.paragraphs):
            continue
        text, quote = squash(article.body(number)), squash(str(row.article_quote))
        start = text.find(quote)
        if start < 0 or not quote:
            continue
        found.setdefault((number, start, start + len(quote)), []).append((row.date_start, str(row.id)))
    ordered = sorted(found.items())
    return [
        Passage(n, paragraph, start, end, tuple(i for _, i in sorted(records)))
        for n, ((paragraph, start, end), records) in enumerate(ordered, start=1)
    ]


def paragraph_markdown(text: str, marks: list[Passage], current: int | None) -> str:
    """One paragraph as Markdown: plain text escaped, each passage highlighted and numbered.

    The current passage is marked in orange, the others in blue, so a reader sees where they are.
    """
    squashed = squash(text)
    pieces: list[str] = []
    cursor = 0
    for passage in sorted(marks, key=lambda p: p.start):
        if passage.start < cursor:  # overlapping quotes: the earlier one keeps the words
            continue
        pieces.append(text_for_markdown(squashed[cursor : passage.start]))
        colour = "orange" if passage.number == current else "blue"
        pieces.append(
            f":{colour}-background[{text_for_markdown(squashed[passage.start : passage.end])}] **\\[{passage.number}\\]**"
        )
        cursor = passage.end
    pieces.append(text_for_markdown(squashed[cursor:]))
    return "".join(pieces)


def reading_order(frame: pd.DataFrame, found: list[Passage]) -> list[str]:
    """Record ids as the article mentions them; records with no passage come last, by date."""
    seen = list(dict.fromkeys(i for passage in found for i in passage.ids))
    rest = frame[~frame["id"].isin(seen)].sort_values(["date_start", "id"])["id"].tolist()
    return seen + [str(i) for i in rest]


def records_of(step: int | None, found: list[Passage]) -> tuple[str, ...]:
    """The records a step selects (none for no step, or one out of range)."""
    return found[step - 1].ids if step and 1 <= step <= len(found) else ()

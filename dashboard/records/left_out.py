"""What the article mentions but the records leave out on purpose: `dataset.left_out` in the data file.

Each entry names the event, the article's words (checked verbatim against the article's body, like
a record's quote) and the reason. The About page lists them, so a reader can check the records
against the article without guessing what was skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .article import Article
from .problems import Problem

FIELD = "dataset.left_out"


@dataclass(frozen=True)
class LeftOut:
    event: str
    reason: str
    article_paragraph: int | None
    article_quote: str | None


def left_out_items(meta: Any) -> list[LeftOut]:
    """The well-formed entries (the loader has already refused a file with malformed ones)."""
    entries = meta.get("left_out") if isinstance(meta, dict) else None
    return [
        LeftOut(str(e["event"]).strip(), str(e["reason"]).strip(), e.get("article_paragraph"), e.get("article_quote"))
        for e in entries or []
        if isinstance(e, dict) and e.get("event") and e.get("reason")
    ]


def check_left_out(meta: Any, article: Article | None, file: str) -> list[Problem]:
    """Each entry has an event and a reason, and its quote stands in the article's body."""
    entries = meta.get("left_out") if isinstance(meta, dict) else None
    if entries is None:
        return []
    if not isinstance(entries, list):
        return [Problem(file, "expected a list of {event, reason, article_paragraph, article_quote}", field=FIELD)]
    problems = []
    for n, entry in enumerate(entries, start=1):
        where = f"{FIELD}[{n}]"
        if not isinstance(entry, dict):
            problems.append(Problem(file, "expected a mapping with event and reason", field=where))
            continue
        for key in ("event", "reason"):
            if not str(entry.get(key) or "").strip():
                problems.append(Problem(file, "missing: say what was left out and why", field=f"{where}.{key}"))
        quote, paragraph = entry.get("article_quote"), entry.get("article_paragraph")
        if quote and article is not None:
            number = paragraph if isinstance(paragraph, int) and not isinstance(paragraph, bool) else None
            if not article.contains(str(quote), number):
                problems.append(
                    Problem(
                        file, f"not found verbatim in the article's text: {str(quote)[:60]!r}", field=f"{where}.article_quote"
                    )
                )
    return problems

"""The source article: its text split into numbered paragraphs, for verbatim-quote checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace, so a quote wrapped over lines in YAML still matches."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Article:
    paragraphs: tuple[str, ...]  # paragraph n is paragraphs[n - 1]

    def contains(self, quote: str, paragraph: int | None = None) -> bool:
        """Whether the quote stands verbatim in the paragraph (or anywhere, when none is given)."""
        needle = squash(quote)
        if paragraph is None:
            return any(needle in squash(p) for p in self.paragraphs)
        if not 1 <= paragraph <= len(self.paragraphs):
            return False
        return needle in squash(self.paragraphs[paragraph - 1])


def load_article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    return Article(tuple(p.strip() for p in text.split("\n\n") if p.strip()))

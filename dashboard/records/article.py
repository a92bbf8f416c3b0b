"""The source article: its text split into numbered paragraphs, for verbatim-quote checks.

The text file is the page as published, kept verbatim, page furniture included ("FYI. This story
is over 5 years old.", "Advertisement", photo captions). The dataset marks furniture lines in
`dataset.article.furniture` (line number, exact text, kind); they keep their place in the
numbering, but they are not the article's body: quotes are checked against the body only, and the
Article page shows furniture apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem

_SPACE = re.compile(r"\s+")
FURNITURE_KINDS = {
    "notice": "notice",
    "section": "section label",
    "advertisement": "advertisement slot",
    "photo caption": "photo caption",
    "video caption": "video caption",
    "pull quote": "pull quote",
    "related link": "link to another story",
    "author note": "author's sign-off",
}
FURNITURE_FIELD = "dataset.article.furniture"


def squash(text: str) -> str:
    """Collapse runs of whitespace, so a quote wrapped over lines in YAML still matches."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of the file
    paragraph: int  # 1-based paragraph it belongs to
    text: str


@dataclass(frozen=True)
class Furniture:
    line: int
    paragraph: int
    text: str
    kind: str  # a key of FURNITURE_KINDS

    @property
    def label(self) -> str:
        return FURNITURE_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Article:
    paragraphs: tuple[str, ...]  # paragraph n is paragraphs[n - 1], furniture included
    lines: tuple[Line, ...] = ()
    furniture: tuple[Furniture, ...] = field(default=())

    def _furniture_lines(self, paragraph: int) -> set[int]:
        return {f.line for f in self.furniture if f.paragraph == paragraph}

    def body(self, paragraph: int) -> str:
        """Paragraph n without its furniture lines ('' when it is all furniture, or out of range)."""
        if not 1 <= paragraph <= len(self.paragraphs):
            return ""
        if not self.lines:
            return self.paragraphs[paragraph - 1]
        skip = self._furniture_lines(paragraph)
        return "\n".join(line.text for line in self.lines if line.paragraph == paragraph and line.number not in skip).strip()

    def furniture_in(self, paragraph: int) -> list[Furniture]:
        return [f for f in self.furniture if f.paragraph == paragraph]

    def contains(self, quote: str, paragraph: int | None = None) -> bool:
        """Whether the quote stands verbatim in the body of the paragraph (or of any, when none is given)."""
        needle = squash(quote)
        numbers = range(1, len(self.paragraphs) + 1) if paragraph is None else [paragraph]
        return any(needle in squash(self.body(n)) for n in numbers if 1 <= n <= len(self.paragraphs))

    def furniture_quoted(self, quote: str) -> Furniture | None:
        """The furniture line a quote comes from (its text is in the line, or the line in it), or None."""
        needle = squash(quote)
        for item in self.furniture:
            text = squash(item.text)
            if needle and (needle in text or text in needle):
                return item
        return None


def split_lines(text: str) -> tuple[tuple[str, ...], tuple[Line, ...]]:
    """Paragraphs (runs of non-blank lines, joined) and every non-blank line with its paragraph."""
    lines: list[Line] = []
    paragraph, in_paragraph = 0, False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            in_paragraph = False
            continue
        if not in_paragraph:
            paragraph, in_paragraph = paragraph + 1, True
        lines.append(Line(number, paragraph, raw.strip()))
    paragraphs = tuple("\n".join(line.text for line in lines if line.paragraph == n) for n in range(1, paragraph + 1))
    return paragraphs, tuple(lines)


def read_furniture(marks: Any, lines: tuple[Line, ...], file: str) -> tuple[tuple[Furniture, ...], list[Problem]]:
    """The dataset's furniture marks checked against the text: each names a line and repeats it exactly."""
    if marks is None:
        return (), []
    if not isinstance(marks, list):
        return (), [Problem(file, "expected a list of {line, text, kind}", field=FURNITURE_FIELD)]
    by_number = {line.number: line for line in lines}
    found, problems = [], []
    for n, mark in enumerate(marks, start=1):
        where = f"{FURNITURE_FIELD}[{n}]"
        if not isinstance(mark, dict):
            problems.append(Problem(file, "expected a mapping with line, text and kind", field=where))
            continue
        line = by_number.get(mark.get("line")) if isinstance(mark.get("line"), int) else None
        if line is None:
            problems.append(Problem(file, f"line {mark.get('line')!r} is not a non-blank line of the article", field=where))
        elif squash(str(mark.get("text", ""))) != squash(line.text):
            problems.append(Problem(file, f"line {line.number} reads {line.text!r}, not {mark.get('text')!r}", field=where))
        elif mark.get("kind") not in FURNITURE_KINDS:
            problems.append(Problem(file, f"kind {mark.get('kind')!r} is not one of: {', '.join(FURNITURE_KINDS)}", field=where))
        else:
            found.append(Furniture(line.number, line.paragraph, line.text, str(mark["kind"])))
    return tuple(found), problems


def load_article(path: Path, furniture: Any = None, file: str | None = None) -> tuple[Article, list[Problem]]:
    """The article and the problems with its furniture marks (named against `file`, the dataset)."""
    paragraphs, lines = split_lines(path.read_text(encoding="utf-8"))
    marks, problems = read_furniture(furniture, lines, file or str(path))
    return Article(paragraphs, lines, marks), problems

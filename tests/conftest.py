"""Shared fixtures: a small valid dataset written to a temp dir, which each test can break one way."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ARTICLE = "Headline\n\nGunmen attacked a hotel in Kabul on Monday.\n\nA ceasefire began in Pakistan.\n"

VALID_RECORD: dict[str, Any] = {
    "id": "hotel",
    "kind": "attack",
    "title": "Hotel attack",
    "summary": "Gunmen attacked a hotel.",
    "date_start": "2014-03-20",
    "date_end": "2014-03-20",
    "date_precision": "day",
    "date_basis": "stated",
    "country": "AFG",
    "province": "Kabul",
    "place": "Kabul",
    "lat": 34.52,
    "lon": 69.18,
    "location_precision": "city",
    "killed_min": 9,
    "killed_max": 9,
    "injured_min": None,
    "injured_max": None,
    "perpetrator": "Taliban (Afghan)",
    "claimed_by": "Taliban (Afghan)",
    "attack_type": "armed_assault",
    "target_type": "business",
    "article_paragraph": 2,
    "article_quote": "Gunmen attacked a hotel in Kabul",
    "sources": [{"publisher": "Reuters", "url": "https://example.org/a", "date": "2014-03-21", "supports": "date"}],
}
CONTEXT_RECORD: dict[str, Any] = {
    "id": "ceasefire",
    "kind": "context",
    "title": "Ceasefire",
    "summary": "A ceasefire.",
    "date_start": "2014-03-01",
    "date_end": "2014-04-16",
    "date_precision": "day",
    "date_basis": "stated",
    "country": "PAK",
    "location_precision": "country",
    "article_paragraph": 3,
    "article_quote": "A ceasefire began in Pakistan.",
    "sources": [{"publisher": "Dawn", "url": "https://example.org/b", "date": "2014-03-01", "supports": "announced"}],
}


@pytest.fixture
def write_dataset(tmp_path: Path) -> Callable[..., Path]:
    """Write records (default: one attack and one context record) plus an article; return the path."""

    def write(records: list[Any] | None = None, text: str | None = None) -> Path:
        (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
        path = tmp_path / "incidents.yaml"
        if text is None:
            chosen = copy.deepcopy(records if records is not None else [VALID_RECORD, CONTEXT_RECORD])
            text = yaml.safe_dump(
                {"dataset": {"name": "Test", "article": {"file": "article.txt"}}, "incidents": chosen},
                allow_unicode=True,
                sort_keys=False,
            )
        path.write_text(text, encoding="utf-8")
        return path

    return write


def with_changes(**changes: Any) -> dict[str, Any]:
    """A copy of the valid attack record with some fields replaced."""
    record = copy.deepcopy(VALID_RECORD)
    record.update(changes)
    return record

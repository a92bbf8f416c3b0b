"""The README quotes the headline sentence the curated data gives with no filter: it must be the one
the app writes, so that it does not go stale when the records change."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.records.loader import load_dataset
from dashboard.views.describe import headline_sentence
from dashboard.views.summary import headline
from dashboard.views.view_timeline import countdown_record

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_quotes_the_headline_sentence_of_the_curated_data():
    text = " ".join(README.read_text(encoding="utf-8").split())  # the README wraps its lines
    (quoted,) = re.findall(r'on the curated data with no filter: "([^"]+)"', text)
    dataset = load_dataset()
    assert quoted == headline_sentence(dataset.frame, headline(dataset.frame, countdown_record(dataset.frame, dataset.meta)))

"""The README's table of link parameters is the contract for shared links: every parameter the app
parses is documented there, and every documented one is parsed (as datasette tests its docs)."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.views.filters import FILTER_PARAMS
from dashboard.views.view_state import VIEW_PARAMS

README = Path(__file__).resolve().parents[2] / "README.md"


def documented_parameters() -> set[str]:
    """The names in the first column of the table under '## Shareable links'."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Shareable links", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`([a-z_]+)`", first_cell))
    return names


def test_the_readme_table_is_found_and_not_empty():
    assert {"province", "from", "to", "incident"} <= documented_parameters()


def test_every_parsed_parameter_is_documented():
    assert not (FILTER_PARAMS | VIEW_PARAMS) - documented_parameters()


def test_every_documented_parameter_is_parsed():
    assert not documented_parameters() - (FILTER_PARAMS | VIEW_PARAMS)

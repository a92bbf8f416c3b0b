"""What a marker says: its popup and its tooltip (also its accessible name), and the record id a click
hands back. The words come from views/record_text, as on the detail page and in the snapshot.

Every value is escaped for HTML inside a JavaScript template literal (views/escape.py).
"""

from __future__ import annotations

import pandas as pd

from dashboard.records.grading import grade_text

from ..escape import text_for_html
from ..record_text import casualty_text, claim_text, date_span, date_text, perpetrator_text, place_text, source_links_html


def popup_html(row: pd.Series) -> str:
    """Popup body: every value escaped; sources as links only when they are http(s)."""
    lines = [
        f"<b>{text_for_html(row['title'])}</b>",
        f"Date: {text_for_html(date_text(row))}",
        f"Place: {text_for_html(place_text(row))}",
        f"Killed: {casualty_text(row, 'killed')}; injured: {casualty_text(row, 'injured')}",
        f"Perpetrator: {text_for_html(perpetrator_text(row))}; claimed by: {text_for_html(claim_text(row))}",
        f"Grade: {text_for_html(grade_text(row))}",
    ]
    if not pd.isna(row["article_quote"]):
        lines.append(f"<i>“{text_for_html(row['article_quote'])}”</i>")
    sources = source_links_html(row)
    if sources:
        lines.append("Sources: " + sources)
    return "<br>".join(lines)


def tooltip_html(row: pd.Series) -> str:
    """Hover text, and the marker's accessible name: title, date, deaths.

    It ends with the record id in a hidden span: a click hands back the tooltip's text content, and
    the id names the incident, but a reader neither sees nor hears it.
    """
    return (
        f"<b>{text_for_html(row['title'])}</b><br>"
        f"{text_for_html(date_span(row))} · killed {casualty_text(row, 'killed')}"
        f"<span hidden> {text_for_html(row['id'])}</span>"
    )


def incident_from_tooltip(text: object, ids: list[str]) -> str | None:
    """The record id a clicked marker's tooltip text ends with (the longest, if ids nest), or None."""
    if not isinstance(text, str):
        return None
    matches = [i for i in ids if text.rstrip().endswith(i)]
    return max(matches, key=len) if matches else None

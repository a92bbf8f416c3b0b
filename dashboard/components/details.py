"""One incident shown in words: a compact card beside the charts, and the full record on its page.

Every value is data, so it goes through text_for_markdown (or markdown_link for sources).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard.records.article import Article, squash
from dashboard.records.grading import grade_of, grade_text
from dashboard.views.boundary_layer import DEFAULT_BASEMAP
from dashboard.views.escape import text_for_markdown
from dashboard.views.incident_map import base_map, fit_view, incident_layer
from dashboard.views.labels import label
from dashboard.views.record_text import casualty_text, date_text, place_text, source_lines_markdown

from .context import PageContext
from .selection import clear_selection
from .url import static_url

LABELS = {
    "attack_type": "Attack type",
    "target_type": "Target type",
    "perpetrator": "Perpetrator",
    "claimed_by": "Claimed by",
    "actor": "Actor",
}


def _text(value: object, missing: str = "not stated") -> str:
    return missing if value is None or pd.isna(value) else text_for_markdown(value)


def incident_card(row: pd.Series) -> None:
    """The selected incident in brief, under the charts."""
    st.markdown(f"**{text_for_markdown(row['title'])}**")
    st.markdown(
        f"{date_text(row, text_for_markdown)} · {place_text(row, text_for_markdown)} · killed {casualty_text(row, 'killed')}, "
        f"injured {casualty_text(row, 'injured')} · grade: {text_for_markdown(grade_of(row))}"
    )
    st.caption(_text(row["summary"], ""))


def _quote_in_paragraph(row: pd.Series, article: Article | None) -> None:
    quote = row["article_quote"]
    if pd.isna(quote):
        st.write("This record quotes no passage of the article.")
        return
    number = row["article_paragraph"]
    paragraph = article.body(int(number)) if article and not pd.isna(number) else None
    if paragraph is None:
        st.markdown(f"> {text_for_markdown(quote)}")
        return
    text, needle = squash(paragraph), squash(str(quote))
    before, _, after = text.partition(needle)
    st.caption(f"Paragraph {int(number)} of the article, the quoted passage marked:")
    st.markdown(f"> {text_for_markdown(before)}:orange-background[{text_for_markdown(needle)}]{text_for_markdown(after)}")


def _sources(row: pd.Series) -> None:
    lines = source_lines_markdown(row)
    if not lines:
        st.write("No corroborating source is recorded for this incident.")
        return
    st.markdown("\n".join(lines))


def incident_detail(record: pd.DataFrame, article: Article | None, in_view: bool, basemap: str = DEFAULT_BASEMAP) -> None:
    """Every field of one record (a one-row frame), the quote in its paragraph, its sources and a small map."""
    row = record.iloc[0]
    st.header(text_for_markdown(row["title"]))
    st.caption(f"{text_for_markdown(label('kind', row['kind']))} · record {text_for_markdown(row['id'])}")
    if not in_view:
        st.info("This incident is outside the current filters; it is shown because the link selects it.")
    st.write(_text(row["summary"], ""))
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**When:** {date_text(row, text_for_markdown)}")
        st.caption(_text(row["date_basis"], ""))
        st.markdown(f"**Where:** {place_text(row, text_for_markdown)}")
        st.caption(_text(row["location_basis"], ""))
        if not pd.isna(row.get("province_basis", pd.NA)):  # imports: whether the province was stated or derived
            st.caption(f"Province: {_text(row['province_basis'])}")
        st.markdown(
            f"**Killed:** {casualty_text(row, 'killed')} · **Injured:** {casualty_text(row, 'injured')} · "
            f"**Attackers killed:** {casualty_text(row, 'attackers_killed')}"
        )
        st.caption(_text(row["casualty_note"], ""))
        st.markdown(" · ".join(f"**{name}:** {text_for_markdown(label(column, row[column]))}" for column, name in LABELS.items()))
        st.caption(_text(row["claim_note"], ""))
        st.markdown(f"**Grade:** {text_for_markdown(grade_text(row))}")
        st.caption("How well independent sources agree on it; the About page defines the grades.")
    with right:
        if pd.isna(row["lat"]):
            st.caption("No place to draw: this record is about a whole country.")
        else:
            center, zoom = fit_view(pd.Series([row["lat"]]), pd.Series([row["lon"]]), height=260)
            st_folium(
                base_map(static_url(), basemap=basemap),
                feature_group_to_add=incident_layer(record),
                center=center,
                zoom=min(zoom, 7),
                returned_objects=[],
                height=260,
                key=f"detail_map_{row['id']}",
                use_container_width=True,
            )
    st.markdown("**In the article**")
    _quote_in_paragraph(row, article)
    st.markdown("**Sources**")
    _sources(row)


def selection_panel(ctx: PageContext, limit: int = 3) -> None:
    """The selected incidents in brief, with a link to their full records and a way to clear."""
    rows = ctx.selected_rows
    if rows.empty:
        st.caption("Select an incident on the timeline, the map or in the table to see it here.")
        return
    st.markdown(f"**Selected: {len(rows)} incident{'s' if len(rows) != 1 else ''}**")
    for _, row in rows.head(limit).iterrows():
        incident_card(row)
    if len(rows) > limit:
        st.caption(f"and {len(rows) - limit} more on the detail page.")
    left, right = st.columns(2)
    left.page_link(ctx.pages["incident"], label="Open full details", query_params=ctx.view.to_query())
    right.button("Clear selection", on_click=clear_selection, key="clear_selection")

"""The map and the timeline in words: a sentence saying what each shows, and its incidents as a list of
buttons, so that a keyboard or screen-reader user can read and select every incident without the chart."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.views.describe import incident_list, map_summary, timeline_summary
from dashboard.views.escape import text_for_markdown

from .context import PageContext
from .selection import select

LIST_LIMIT = 50  # a list is for reading; more than this is the table's job


def _incident_buttons(frame: pd.DataFrame, key: str, title: str) -> None:
    items, left_out = incident_list(frame, LIST_LIMIT)
    if not items:
        return
    with st.expander(f"{title} ({len(frame)}), as a list"):
        st.caption("Each line: date · place · title · killed. Choose one to select it everywhere.")
        for item in items:
            st.button(
                text_for_markdown(item.text),
                key=f"{key}_pick_{item.id}",
                on_click=select,
                args=([item.id], f"{key}_list"),
                type="tertiary",
            )
        if left_out:
            st.caption(f"and {left_out} more: filter to fewer, or open the Incidents page's table.")


def map_in_words(ctx: PageContext, key: str, clickable: list[str]) -> None:
    """The map's sentence, and the incidents it draws one by one as a list."""
    st.markdown(text_for_markdown(map_summary(ctx.frame, ctx.view.color, ctx.view.layer)))
    drawn = ctx.frame[ctx.frame["id"].isin(clickable) & ctx.frame["lat"].notna()]
    _incident_buttons(drawn, key, "Incidents on the map")


def timeline_in_words(ctx: PageContext, key: str, span: tuple[pd.Timestamp, pd.Timestamp] | None) -> None:
    """The timeline's sentence (`span`: the days it opens on, from its plan), and every incident it shows as a list."""
    st.markdown(text_for_markdown(timeline_summary(ctx.frame, *(span or (None, None)))))
    _incident_buttons(ctx.frame, key, "Incidents on the timeline")

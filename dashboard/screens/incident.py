"""One incident in full: `incident=` in the URL (repeatable), or picked here."""

from __future__ import annotations

import streamlit as st

from dashboard.components.context import PageContext
from dashboard.components.details import incident_detail
from dashboard.components.selection import select


def _pick(ctx: PageContext) -> None:
    frame = ctx.frame if len(ctx.frame) else ctx.everything
    titles = dict(zip(frame["id"].astype(str), frame["title"].astype(str), strict=True))
    st.selectbox(
        "Incident",
        list(titles),
        index=None,
        format_func=titles.__getitem__,
        placeholder="Choose an incident",
        key="incident_picker",
        on_change=lambda: select([st.session_state["incident_picker"]] if st.session_state["incident_picker"] else []),
    )


def render(ctx: PageContext) -> None:
    rows = ctx.selected_rows
    if rows.empty:
        st.write("No incident is selected. Choose one, or select one on the timeline, the map or the table.")
        _pick(ctx)
        return
    shown = set(ctx.frame["id"])
    for position, incident_id in enumerate(rows["id"]):
        if position:
            st.divider()
        record = ctx.everything[ctx.everything["id"] == incident_id]
        incident_detail(record, ctx.dataset.article, in_view=incident_id in shown)

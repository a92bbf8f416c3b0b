"""One incident in full: `incident=` in the URL (repeatable), or picked here."""

from __future__ import annotations

import streamlit as st

from dashboard.components.context import PageContext
from dashboard.components.details import incident_detail
from dashboard.components.keys import INCIDENT_PICKER, INCIDENT_TYPED, INCIDENT_UNKNOWN
from dashboard.components.selection import select
from dashboard.views.escape import text_for_markdown

# A list of more than this many incidents is no use to pick from (and slow to send).
MAX_CHOICES = 1000


def _pick(ctx: PageContext) -> None:
    frame = ctx.frame if len(ctx.frame) else ctx.everything
    if len(frame) > MAX_CHOICES:
        st.caption(
            f"{len(frame)} incidents match the filters: too many to list here. Narrow the filters to {MAX_CHOICES} "
            "or fewer to pick from a list, or type a record id."
        )
        st.text_input("Record id", key=INCIDENT_TYPED, on_change=_select_typed, args=(ctx,))
        return
    titles = dict(zip(frame["id"].astype(str), frame["title"].astype(str), strict=True))
    st.selectbox(
        "Incident",
        list(titles),
        index=None,
        format_func=titles.__getitem__,
        placeholder="Choose an incident",
        key=INCIDENT_PICKER,
        on_change=lambda: select([st.session_state[INCIDENT_PICKER]] if st.session_state[INCIDENT_PICKER] else []),
    )


def _select_typed(ctx: PageContext) -> None:
    typed = str(st.session_state.get(INCIDENT_TYPED, "")).strip()
    if typed and bool((ctx.everything["id"] == typed).any()):
        select([typed])
    elif typed:
        st.session_state[INCIDENT_UNKNOWN] = typed


def render(ctx: PageContext) -> None:
    unknown = st.session_state.pop(INCIDENT_UNKNOWN, None)
    if unknown:
        st.warning(f"No record has the id {text_for_markdown(unknown)}.")
    rows = ctx.selected_rows
    if rows.empty:
        st.write("No incident is selected. Choose one, or select one on the timeline, the map or the table.")
        _pick(ctx)
        return
    shown = set(ctx.frame["id"][ctx.frame["id"].isin(rows["id"])])
    for position, incident_id in enumerate(rows["id"]):
        if position:
            st.divider()
        record = ctx.everything[ctx.everything["id"] == incident_id]
        incident_detail(record, ctx.dataset.article, in_view=incident_id in shown, basemap=ctx.view.basemap)

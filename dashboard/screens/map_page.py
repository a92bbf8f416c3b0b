"""The map, large, with the selection beside it."""

from __future__ import annotations

import streamlit as st

from dashboard.components.charts import show_legend, show_map
from dashboard.components.context import PageContext
from dashboard.components.details import selection_panel
from dashboard.components.play import play_control
from dashboard.views.escape import text_for_markdown


def render(ctx: PageContext) -> None:
    show_legend(ctx)
    show_map(ctx, key="map_page_map", height=620, follow_play=True)
    play_control(ctx, key="map_page_play")  # under the map: the map stays where a reader expects it
    unplaced = ctx.frame[ctx.frame["lat"].isna()]
    if len(unplaced) > 20:
        st.caption(f"Not on the map (no single place): {len(unplaced)} records, listed on the Incidents page.")
    elif len(unplaced):
        st.caption(
            "Not on the map (no single place): " + "; ".join(text_for_markdown(t) for t in unplaced["title"].sort_values())
        )
    selection_panel(ctx)

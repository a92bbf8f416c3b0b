"""Overview: the headline figures, timeline and map side by side with the play control under them, then the selection."""

from __future__ import annotations

import streamlit as st

from dashboard.components.charts import show_legend, show_map, show_timeline
from dashboard.components.context import PageContext
from dashboard.components.details import selection_panel
from dashboard.components.play import play_control
from dashboard.views.summary import days_text, headline


def render(ctx: PageContext) -> None:
    figures = headline(ctx.frame, ctx.countdown)
    columns = st.columns(4)
    columns[0].metric("Attacks and strikes", figures.incidents, help=f"Plus {figures.context} context events.")
    columns[1].metric(
        "Killed",
        figures.killed.short(),
        help=f"{figures.killed}: the sum of the ranges the sources give, attackers not counted. "
        f"{figures.killed.not_stated} incident(s) state no toll and are not counted as zero.",
    )
    columns[2].metric("Provinces", figures.provinces)
    if figures.countdown_label:
        columns[3].metric(
            "Days before the election" if "election" in figures.countdown_label.lower() else "Days before",
            days_text(figures.days_before),
            help=f"From the nearest to the farthest incident shown, counted to: {figures.countdown_label}.",
        )
    show_legend(ctx)
    left, right = st.columns(2)
    with left:
        st.header("Timeline")
        show_timeline(ctx, key="overview_timeline", height=400)
    with right:
        st.header("Map")
        show_map(ctx, key="overview_map", height=400, follow_play=True)
    # Under the charts it drives: above them it moved the map down the page, and a click on a numbered
    # group then no longer fanned it out (seen in Chromium).
    play_control(ctx, key="overview_play")
    selection_panel(ctx)

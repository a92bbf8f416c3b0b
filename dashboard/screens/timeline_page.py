"""The timeline, large, with the play control above it and the selection under it."""

from __future__ import annotations

from dashboard.components.charts import show_legend, show_timeline
from dashboard.components.context import PageContext
from dashboard.components.details import selection_panel
from dashboard.components.play import play_control


def render(ctx: PageContext) -> None:
    show_legend(ctx)
    play_control(ctx, key="timeline_page_play")
    show_timeline(ctx, key="timeline_page_timeline", height=560)
    selection_panel(ctx)

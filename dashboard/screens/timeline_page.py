"""The timeline, large, with the selection under it."""

from __future__ import annotations

from dashboard.components.charts import show_legend, show_timeline
from dashboard.components.context import PageContext
from dashboard.components.details import selection_panel


def render(ctx: PageContext) -> None:
    show_legend(ctx)
    show_timeline(ctx, key="timeline_page_timeline", height=560)
    selection_panel(ctx)

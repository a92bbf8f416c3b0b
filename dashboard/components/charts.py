"""The timeline and the map on a page, wired to the shared selection. Building is in dashboard.views."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

import streamlit as st
from streamlit_folium import st_folium

from dashboard.views.choropleth import legend_html
from dashboard.views.escape import text_for_markdown
from dashboard.views.incident_map import base_map, bounds_from_leaflet, draws_groups, opening_view, plan_map
from dashboard.views.map_access import fit_layer
from dashboard.views.playback import up_to
from dashboard.views.province_click import province_from_tooltip, toggle_province
from dashboard.views.record_text import color_legend_html, legend_items
from dashboard.views.view_timeline import view_timeline

from .context import PageContext
from .keys import DATES, FILTER_KEYS, focus, province_note
from .readable import map_in_words, timeline_in_words
from .selection import on_map_click, on_timeline_select, selected_by
from .url import static_url


def show_timeline(ctx: PageContext, key: str, height: int = 420) -> None:
    """The timeline as its plan decides (points or counts, opening days, captions), with its words and list."""
    figure, plan = view_timeline(ctx.frame, ctx.view, ctx.markers, ctx.countdown, ctx.scale)
    figure.update_layout(height=height)
    # The selection is read back by record id (customdata), never by point index: colouring splits traces.
    st.plotly_chart(
        figure, key=key, width="stretch", on_select=partial(on_timeline_event, key, ctx.span), selection_mode=("points", "box")
    )
    timeline_in_words(ctx, key, plan.opening)
    for caption in plan.captions:
        st.caption(text_for_markdown(caption))


def on_timeline_event(key: str, span: tuple[dt.date, dt.date] | None) -> None:
    """A click on a bar of counts narrows the dates to its day, week or month; on points, it selects."""
    event = st.session_state.get(key)
    points = event.selection.points if event is not None else []
    bins = [p.get("customdata") for p in points if str(p.get("customdata", "")).startswith("bin:")]
    if not bins:
        on_timeline_select(key)
        return
    days = [dt.date.fromisoformat(day) for text in bins for day in str(text).split(":")[1:]]
    first, last = min(days), max(days)
    if span:  # the date widget refuses days outside the data
        first, last = max(first, span[0]), min(last, span[1])
    st.session_state[DATES] = (first, last)


def map_focus(ctx: PageContext, key: str) -> tuple[str, ...]:
    """The incidents this map flies to and outlines: the selection, unless this map made it.

    A click on the map selects an incident and opens its popup; moving or redrawing the map then
    would close that popup (and fold a fanned-out group), so a selection made here leaves the map as is.
    """
    focus_key = focus(key)
    if selected_by() != key or focus_key not in st.session_state:
        st.session_state[focus_key] = ctx.view.incidents
    return tuple(st.session_state[focus_key])


def show_map(ctx: PageContext, key: str, height: int = 480, follow_play: bool = False) -> None:
    """The filtered incidents (or province totals), fitted to them, or flown to the selection.

    `follow_play`: on a page with the play control, only those begun by its day (the view's `until`),
    in a view fitted to them all, so that the map holds still while it fills.
    """
    whole = ctx.frame
    frame = up_to(whole, ctx.view.until) if follow_play else whole
    focus_ids = map_focus(ctx, key)
    # Fitted to every filtered incident, not only those begun by the play day: the map holds still while it fills.
    center, zoom, shown = opening_view(whole, ctx.view.layer, focus_ids, height)
    # Too many incidents to draw one by one: the map reports where it is, so that zooming in on few
    # enough draws them (a rerun per pan or zoom). Otherwise only clicks come back and panning costs nothing.
    zoomable = draws_groups(frame, ctx.view.layer)
    bounds = bounds_from_leaflet((st.session_state.get(key) or {}).get("bounds")) if zoomable else None
    view = ctx.view
    plan = plan_map(
        frame, view.layer, ctx.gazetteer, view.color, ctx.scale, frozenset(focus_ids), bounds, zoom,
        chosen_provinces=view.filters.provinces, measure=view.measure,
    )  # fmt: skip
    if plan.choropleth is not None:
        st.html(legend_html(plan.choropleth))
    clicks = ["last_object_clicked_tooltip", "last_object_clicked", "last_object_clicked_count"]
    st_folium(
        base_map(static_url(), basemap=view.basemap),
        feature_group_to_add=[*plan.layers, *filter(None, [fit_layer(shown["lat"], shown["lon"], zoom)])],
        center=center,
        zoom=zoom,
        returned_objects=[*clicks, *(["bounds"] if zoomable else [])],
        # A partial over the ids, not a closure over the plan or the page: callbacks live as long as the session.
        on_change=partial(on_map_event, key, plan.clickable, frozenset(ctx.gazetteer.provinces), ctx.province_choices),
        height=height,
        key=key,
        use_container_width=True,
    )
    note = st.session_state.pop(province_note(key), None)
    if note:
        st.info(text_for_markdown(note))
    st.caption(plan.note())
    map_in_words(replace(ctx, frame=frame) if frame is not whole else ctx, key, plan.clickable)


def on_map_event(key: str, ids: list[str], shapes: frozenset[str], offered: frozenset[str]) -> None:
    """A click on an incident selects it; a click on a province shape adds it to the province filter,
    or removes it when it is already there (the URL and every view follow the filter).

    `shapes` are the provinces drawn on the map; `offered` those the filter offers (the data names them).
    """
    name = province_from_tooltip(on_map_click(key, ids), shapes)
    if name is None:
        return
    chosen, note = toggle_province(st.session_state.get(FILTER_KEYS["provinces"], []), name, offered)
    st.session_state[FILTER_KEYS["provinces"]] = list(chosen)
    if note:
        st.session_state[province_note(key)] = note


def show_legend(ctx: PageContext) -> None:
    """Colour key shared by timeline and map (and the snapshot: views/record_text). Labels are escaped: they come from the data."""
    items = legend_items(ctx.frame, ctx.view.color, ctx.scale, ctx.view.layer)
    if not items:
        return
    st.html(color_legend_html(items, ctx.view.color))

"""The one sidebar every page shares: filters, display options, and the link to this view.

The URL seeds the widgets once, on a session's first run; after that the widgets (and the
selection) are the state and the URL is rewritten to match. Widgets are given no default
arguments: their values live in session state, so a page change (which drops the query string)
or a changed default can never reset them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

import streamlit as st

from dashboard.snapshot import size_report, snapshot_zip
from dashboard.views.boundary_layer import BASEMAPS
from dashboard.views.choropleth import MEASURES
from dashboard.views.colors import COLOR_OPTIONS
from dashboard.views.filters import Filters
from dashboard.views.labels import label
from dashboard.views.profile import DataProfile
from dashboard.views.view_state import MAP_LAYERS, View

from .selection import SELECTED, selected
from .url import share_url

SEEDED = "view_seeded"
SEEDED_FILTERS = "filters_seeded"  # False after a change of dataset: the filters start again from nothing
SNAPSHOT = "snapshot"  # (view, zip bytes, size line) of the last prepared snapshot
FILTER_KEYS = {
    "countries": "f_country",
    "provinces": "f_province",
    "kinds": "f_kind",
    "actors": "f_actor",
    "attack_types": "f_attack",
    "target_types": "f_target",
    "grades": "f_grade",
}
DATES, KILLED, TEXT, COLOR, LAYER = "f_dates", "f_killed", "f_text", "v_color", "v_layer"
MEASURE, BASEMAP = "v_measure", "v_basemap"
# Not widgets (their widgets live on one page, and Streamlit drops a widget's state on pages that
# do not draw it): the article page's reading position and list order, the play control's day.
STEP, ORDER, UNTIL = "v_step", "v_order", "v_until"


def _seed_filters(filters: Filters, span: tuple[dt.date, dt.date]) -> None:
    for attribute, key in FILTER_KEYS.items():
        st.session_state[key] = list(getattr(filters, attribute))
    st.session_state[DATES] = (filters.date_from or span[0], filters.date_to or span[1])
    st.session_state[KILLED] = filters.min_killed or 0
    st.session_state[TEXT] = filters.text


def seed_once(view: View, span: tuple[dt.date, dt.date]) -> bool:
    """Put the URL's view into session state on the session's first run; True if it did."""
    if st.session_state.get(SEEDED):
        return False
    _seed_filters(view.filters, span)
    st.session_state[COLOR] = view.color
    st.session_state[LAYER] = view.layer
    st.session_state[MEASURE] = view.measure
    st.session_state[BASEMAP] = view.basemap
    st.session_state[STEP] = view.step
    st.session_state[ORDER] = view.order
    st.session_state[UNTIL] = view.until
    st.session_state[SELECTED] = view.incidents
    st.session_state[SEEDED] = True
    return True


def reset_filters(span: tuple[dt.date, dt.date] | None) -> None:
    """Back to no filters. Without a span, the dates are reseeded on the next run (from the data then shown)."""
    if span is None:
        for key in (*FILTER_KEYS.values(), DATES, KILLED, TEXT):
            st.session_state.pop(key, None)
        st.session_state[SEEDED_FILTERS] = False
        return
    _seed_filters(Filters(), span)


def _filters_from_widgets(span: tuple[dt.date, dt.date]) -> Filters:
    # While a range is being picked, the widget holds only its first date.
    dates = st.session_state[DATES]
    picked = tuple(dates) if isinstance(dates, tuple | list) else (dates,)
    start, end = picked[0] if picked else None, picked[1] if len(picked) > 1 else None
    return Filters(
        **{attribute: tuple(st.session_state[key]) for attribute, key in FILTER_KEYS.items()},
        date_from=start if isinstance(start, dt.date) and start != span[0] else None,
        date_to=end if isinstance(end, dt.date) and end != span[1] else None,
        min_killed=int(st.session_state[KILLED]) or None,
        text=str(st.session_state[TEXT]).strip(),
    )


def sidebar(profile: DataProfile) -> View:
    """Draw the sidebar for the whole (unfiltered) dataset and return the view it describes."""
    choices, span, province_counts = profile.choices, profile.span, profile.province_counts
    if st.session_state.get(SEEDED_FILTERS) is False:
        _seed_filters(Filters(), span)
        st.session_state[SEEDED_FILTERS] = True
    bar = st.sidebar
    bar.header("Filters")
    bar.multiselect("Country", sorted(choices.countries), format_func=partial(label, "country"), key=FILTER_KEYS["countries"])
    bar.multiselect(
        "Province",
        sorted(choices.provinces),
        format_func=lambda name: f"{name} ({province_counts.get(name, 0)})",
        key=FILTER_KEYS["provinces"],
    )
    bar.date_input("Dates", min_value=span[0], max_value=span[1], key=DATES)
    bar.multiselect("Kind", sorted(choices.kinds), format_func=partial(label, "kind"), key=FILTER_KEYS["kinds"])
    bar.multiselect("Perpetrator or claimant", sorted(choices.actors), key=FILTER_KEYS["actors"])
    bar.multiselect(
        "Attack type", sorted(choices.attack_types), format_func=partial(label, "attack_type"), key=FILTER_KEYS["attack_types"]
    )
    bar.multiselect(
        "Target type", sorted(choices.target_types), format_func=partial(label, "target_type"), key=FILTER_KEYS["target_types"]
    )
    bar.multiselect(
        "Grade",
        sorted(choices.grades),
        key=FILTER_KEYS["grades"],
        help="How well the sources corroborate each attack or strike (see About). Context events are 'not graded'.",
    )
    bar.number_input("Minimum killed", min_value=0, step=1, key=KILLED, help="By the lowest reported figure.")
    bar.text_input("Search titles, summaries, quotes", key=TEXT)
    bar.button("Reset filters", on_click=reset_filters, args=(span,))
    bar.header("Display")
    bar.selectbox("Colour by", list(COLOR_OPTIONS), format_func=COLOR_OPTIONS.__getitem__, key=COLOR)
    bar.radio("Map shows", list(MAP_LAYERS), format_func=MAP_LAYERS.__getitem__, key=LAYER, horizontal=True)
    bar.radio(
        "Shade provinces by",
        list(MEASURES),
        format_func=MEASURES.__getitem__,
        key=MEASURE,
        disabled=st.session_state.get(LAYER) != "provinces",
        help="For “Map shows: Totals by province”. Killed: the lowest reported figure; the hover gives the range.",
    )
    bar.radio(
        "Base map",
        list(BASEMAPS),
        format_func=BASEMAPS.__getitem__,
        key=BASEMAP,
        help="Country and province borders are drawn on both; with boundaries only, no request leaves your computer.",
    )
    return View(
        _filters_from_widgets(span),
        selected(),
        st.session_state[COLOR],
        st.session_state[LAYER],
        st.session_state[STEP],
        st.session_state[ORDER],
        st.session_state[MEASURE],
        st.session_state[BASEMAP],
        st.session_state.get(UNTIL),
    )


def share_box(view: View, make_snapshot: Callable[[View, str], dict[str, bytes]]) -> None:
    """The link that reopens exactly this page and view, and a static snapshot of it to download."""
    link = share_url(view)
    with st.sidebar.expander("Share this view"):
        st.caption("This link opens this page with these filters, selection and display:")
        st.code(link, language=None, wrap_lines=True)
        st.caption(
            "Or publish a static snapshot: a small folder (timeline, map, table, provenance) that opens "
            "from disk or any static host, with no server."
        )
        prepared = st.session_state.get(SNAPSHOT)
        if prepared is None or prepared[0] != view:
            if st.button("Prepare snapshot", key="prepare_snapshot"):
                files = make_snapshot(view, link)
                st.session_state[SNAPSHOT] = prepared = (view, snapshot_zip(files), size_report(files))
        if prepared is not None and prepared[0] == view:
            st.download_button(
                f"Download snapshot.zip ({len(prepared[1]) / 1e6:.1f} MB)",
                data=prepared[1],
                file_name="snapshot.zip",
                mime="application/zip",
                key="download_snapshot",
            )
            st.caption(f"Unzipped: {prepared[2]}. Open snapshot/index.html.")

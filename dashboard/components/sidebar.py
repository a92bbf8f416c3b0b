"""The one sidebar every page shares: filters, display options, and the link to this view.

It only draws: the widgets' values live in session state under the keys of `keys.py`, which
`state.py` seeds from the URL and reads back. Widgets are given no default arguments, so a page
change or a changed default can never reset them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from dashboard.snapshot import size_report, snapshot_zip
from dashboard.views.boundary_layer import BASEMAPS
from dashboard.views.choropleth import MEASURES
from dashboard.views.colors import COLOR_OPTIONS
from dashboard.views.filters import MAX_TEXT
from dashboard.views.labels import label
from dashboard.views.profile import DataProfile
from dashboard.views.view_state import MAP_LAYERS, View

from .keys import BASEMAP, COLOR, DATES, FILTER_KEYS, KILLED, LAYER, MEASURE, SNAPSHOT, TEXT
from .state import reset_filters, view_from_widgets
from .url import share_url


def sidebar(profile: DataProfile) -> View:
    """Draw the sidebar for the whole (unfiltered) dataset and return the view it describes."""
    choices, span, province_counts = profile.choices, profile.span, profile.province_counts
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
    # As long as a link may carry, so a shared search reopens whole.
    bar.text_input("Search titles, summaries, quotes", key=TEXT, max_chars=MAX_TEXT)
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
    return view_from_widgets(span)


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

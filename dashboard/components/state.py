"""The view's state in a session: the one place that moves it between the URL, session state and widgets.

Each run:
1. `open_view` reads the URL. When it is not the URL this app last read or wrote, the address came
   from outside (a first visit, the browser's Back or Forward, an edited address): its view is
   seeded into the widgets' session keys, replacing what they held.
2. The sidebar draws the widgets; `view_from_widgets` reads the view back from them (and from the
   selection, which maps, timeline and table set through callbacks).
3. `publish` writes the URL when the view differs from what the URL says. Streamlit's frontend
   pushes a browser history entry for each such change, and on Back or Forward reruns the app with
   the older address, which step 1 seeds back into the widgets: so Back undoes a filter, a map
   click or an article step, and Forward redoes it.

One normalisation (`views.view_state.normalised`) applies to both directions, so a URL and the
widgets it seeds describe the same view: a date at the data's edge is no date filter, search text
is stripped and cut to the same length the text box accepts.

Why not Streamlit's `bind="query-params"` on each widget (1.67): the filters show words while the
URL holds stable codes and ISO dates, one date widget is two parameters, the selection and the
article step have no widget, and a bound widget drops an invalid value silently, where this app
names every value it ignores. One parse of the whole URL keeps those rules in one place.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard.views.filters import Filters
from dashboard.views.view_state import View, normalised

from .keys import (
    BASEMAP,
    COLOR,
    DATES,
    FILTER_KEYS,
    FILTERS_STALE,
    KILLED,
    LAYER,
    MEASURE,
    ORDER,
    PLAYING,
    SEED_PENDING,
    SELECTED,
    SELECTED_BY,
    STEP,
    TEXT,
    UNTIL,
    URL_SEEN,
)

Query = dict[str, list[str]]


def query_params() -> Query:
    """Every parameter with all its values (a repeated name keeps every value)."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def open_view(params: Query, url_view: View, span: tuple[dt.date, dt.date]) -> bool:
    """Seed the widgets from the URL (`params`, parsed as `url_view`) when it came from outside this app; True if it did."""
    # SEED_PENDING: the run that seeded was cut short by another rerun (a widget's first value, a
    # map's report) before the widgets were drawn, so the browser still holds their old values,
    # and they would win in this run: seed again.
    outside = st.session_state.get(URL_SEEN) != params or came_from_history() or st.session_state.get(SEED_PENDING)
    if not outside:
        if st.session_state.get(FILTERS_STALE):
            seed_filters(Filters(), span)
        return False
    seed(url_view, span)
    st.session_state[URL_SEEN] = params
    st.session_state[SEED_PENDING] = True
    return True


def run_finished() -> None:
    """Called at the end of a full run: the widgets have been drawn with what was seeded."""
    st.session_state[SEED_PENDING] = False


def came_from_history() -> bool:
    """True in a run the browser's Back or Forward started: the address wins over the widgets."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and getattr(ctx, "is_history_navigation", False))


def seed(view: View, span: tuple[dt.date, dt.date]) -> None:
    """Put a whole view into the session keys the widgets and pages read."""
    seed_filters(view.filters, span)
    st.session_state[COLOR] = view.color
    st.session_state[LAYER] = view.layer
    st.session_state[MEASURE] = view.measure
    st.session_state[BASEMAP] = view.basemap
    st.session_state[STEP] = view.step
    st.session_state[ORDER] = view.order
    st.session_state[UNTIL] = view.until
    st.session_state[SELECTED] = view.incidents
    st.session_state[SELECTED_BY] = "url"


def seed_filters(filters: Filters, span: tuple[dt.date, dt.date]) -> None:
    for attribute, key in FILTER_KEYS.items():
        st.session_state[key] = list(getattr(filters, attribute))
    st.session_state[DATES] = (filters.date_from or span[0], filters.date_to or span[1])
    st.session_state[KILLED] = filters.min_killed or 0
    st.session_state[TEXT] = filters.text
    st.session_state[FILTERS_STALE] = False


def reset_filters(span: tuple[dt.date, dt.date] | None) -> None:
    """Back to no filters. Without a span (a new dataset), they are reseeded on the next run from its span."""
    if span is None:
        for key in (*FILTER_KEYS.values(), DATES, KILLED, TEXT):
            st.session_state.pop(key, None)
        st.session_state[FILTERS_STALE] = True
        return
    seed_filters(Filters(), span)


def _dates_from_widget() -> tuple[dt.date | None, dt.date | None]:
    # While a range is being picked, the widget holds only its first date.
    dates = st.session_state[DATES]
    picked = tuple(dates) if isinstance(dates, tuple | list) else (dates,)
    start, end = picked[0] if picked else None, picked[1] if len(picked) > 1 else None
    return (start if isinstance(start, dt.date) else None, end if isinstance(end, dt.date) else None)


def view_from_widgets(span: tuple[dt.date, dt.date]) -> View:
    """The view the widgets, the selection and the article's position describe now."""
    start, end = _dates_from_widget()
    filters = Filters(
        **{attribute: tuple(st.session_state[key]) for attribute, key in FILTER_KEYS.items()},
        date_from=start,
        date_to=end,
        min_killed=int(st.session_state[KILLED]) or None,
        text=str(st.session_state[TEXT]),
    )
    view = View(
        filters,
        tuple(st.session_state.get(SELECTED, ())),
        st.session_state[COLOR],
        st.session_state[LAYER],
        st.session_state[STEP],
        st.session_state[ORDER],
        st.session_state[MEASURE],
        st.session_state[BASEMAP],
        st.session_state.get(UNTIL),
    )
    return normalised(view, span)


def publish(view: View, url_view: View) -> None:
    """Make the address bar say what the page shows, when it says something else.

    Compared as views, not as text: a link whose ignored values were reported keeps them in the
    address until the reader changes the view, so opening it adds no history entry (Back from it
    would otherwise land on the same link, which would be rewritten again). Nor while the play
    control plays: Back after playing returns to the view before it, not through every step.
    """
    if view == url_view or st.session_state.get(PLAYING):
        return  # while playing, each step would be a history entry; the address is written once it stops
    wanted = view.to_query()
    st.query_params.from_dict(wanted)
    st.session_state[URL_SEEN] = wanted

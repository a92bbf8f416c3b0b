"""Every key this app reads or writes in Streamlit's session state, named once.

Two kinds: the view's state, which `components/state.py` alone moves between the URL, these keys
and the widgets; and what a page keeps for itself (a table's page, an upload), which never reaches
the URL. Widget keys are also the widgets' identities, so renaming one resets that widget. A widget
whose key is only its identity where it is drawn (a button with a callback, a chart's key handed to
the functions below) keeps that key at its call site.
"""

from __future__ import annotations

# --- The view: seeded from the URL, read back by components/state.py ---------------------------
# Filter widgets in the sidebar, by the Filters attribute they hold.
FILTER_KEYS = {
    "countries": "f_country",
    "provinces": "f_province",
    "kinds": "f_kind",
    "actors": "f_actor",
    "attack_types": "f_attack",
    "target_types": "f_target",
    "grades": "f_grade",
}
DATES, KILLED, TEXT = "f_dates", "f_killed", "f_text"
# Display widgets in the sidebar.
COLOR, LAYER, MEASURE, BASEMAP = "v_color", "v_layer", "v_measure", "v_basemap"
# Not widgets (their widgets live on one page, and Streamlit drops a widget's state on pages that
# do not draw it): the article page's reading position and list order, the play control's day
# (`until`), and the selection.
STEP, ORDER, UNTIL = "v_step", "v_order", "v_until"
SELECTED = "selected"  # tuple of record ids
SELECTED_BY = "selected_by"  # the widget key that made the current selection
# The URL as this app last read or wrote it: a run whose URL differs came from outside (Back,
# Forward, an edited address), and the widgets are seeded from it again.
URL_SEEN = "url_seen"
SEED_PENDING = "seed_pending"  # seeded from the URL in a run that has not yet finished
FILTERS_STALE = "filters_stale"  # True after a change of dataset: the filters start again from nothing

# --- What pages keep for themselves --------------------------------------------------------------
PAGE_CONTEXT = "page_context"  # the run's PageContext, read by the page functions
SNAPSHOT = "snapshot"  # (view, zip bytes, size line) of the last prepared snapshot
TABLE_IDS = "table_ids"  # the ids in the order the table showed them, for its selection callback
TABLE_PAGE, TABLE_SORT = "table_page", "table_sort"
INCIDENT_TABLE = "incident_table"  # the table's widget: its selection is read in its callback
ARTICLE_ORDER = "article_order"  # the article page's radio; ORDER above is the view's copy
INCIDENT_PICKER, INCIDENT_TYPED, INCIDENT_UNKNOWN = "incident_picker", "incident_id_typed", "incident_id_unknown"
UPLOADED, BESIDE, REPORT = "uploaded", "uploaded_beside", "uploaded_report"
COMBINED, PROFILE = "uploaded_combined", "uploaded_profile"  # built once per upload, not per rerun
PLAYING = "play_running"  # the play control is playing (its timed fragment moves UNTIL on)
# Set by a full run just before it draws the play control's ticker: the ticker's first run, inside that
# full run, must not move a step (only its timed reruns, on their own, do).
PLAY_IN_FULL_RUN = "play_in_full_run"
# The position slider drawn last, as (its key, the value it was drawn with): a slider the browser still
# reports after it was replaced, or a report of the drawn value itself, is no move by the reader.
PLAY_SLIDER_DRAWN = "play_slider_drawn"


def last_click(map_key: str) -> str:
    """The last click a map acted on, so a pan that repeats it in the map's value is not a new click."""
    return f"{map_key}_last_click"


def province_note(map_key: str) -> str:
    """A note to show once after a click on a province the filter cannot take."""
    return f"{map_key}_province_note"


def focus(map_key: str) -> str:
    """The incidents a map last flew to."""
    return f"{map_key}_focus"

"""The filtered incidents as a sortable table; selecting rows selects incidents everywhere."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.components.context import PageContext
from dashboard.components.details import selection_panel
from dashboard.components.keys import INCIDENT_TABLE, TABLE_IDS, TABLE_PAGE, TABLE_SORT
from dashboard.components.selection import on_table_select
from dashboard.records.export import to_csv, to_geojson
from dashboard.records.grading import grade_labels
from dashboard.views.filters import filter_incidents
from dashboard.views.labels import worded_table

TABLE_COLUMNS = {
    "date_start": st.column_config.DateColumn("From", format="YYYY-MM-DD"),
    "date_end": st.column_config.DateColumn("To", format="YYYY-MM-DD"),
    "date_precision": "Date precision",
    "kind": "Kind",
    "title": st.column_config.TextColumn("Title", width="large"),
    "country": "Country",
    "province": "Province",
    "place": "Place",
    "location_precision": "Place precision",
    "killed_min": st.column_config.NumberColumn("Killed (min)", help="Empty: not stated, which is not zero."),
    "killed_max": st.column_config.NumberColumn("Killed (max)", help="Empty with a minimum: 'at least'."),
    "injured_min": "Injured (min)",
    "injured_max": "Injured (max)",
    "perpetrator": "Perpetrator",
    "claimed_by": "Claimed by",
    "attack_type": "Attack type",
    "target_type": "Target type",
    "grade": st.column_config.TextColumn(
        "Grade", help="How well the sources corroborate it (see About); context events are not graded."
    ),
    "id": "Record id",
}


# Above this many rows the table is sent a page at a time: a million rows would be a hundred
# megabytes to the browser. Sorting then happens here, over every row, not only the page.
PAGE_ROWS = 1000
SORTS = {
    "Date, oldest first": (["date_start"], True),
    "Date, newest first": (["date_start"], False),
    "Most killed first": (["killed_max", "killed_min", "date_start"], False),
}
KEYBOARD_HINT = "With the keyboard: Tab into the table, arrow keys to a row, Shift+Space to select it."


def _page(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows to show: all of them, sorted by date, or one page of them in the order chosen."""
    if len(frame) <= PAGE_ROWS:
        st.caption(
            "Click a column header to sort; tick rows to select incidents (their details open below and on every page). "
            f"{KEYBOARD_HINT}"
        )
        return frame.sort_values(["date_start", "id"])
    pages = -(-len(frame) // PAGE_ROWS)
    if st.session_state.get(TABLE_PAGE, 1) > pages:  # the filters changed under a later page
        st.session_state[TABLE_PAGE] = pages
    left, right, _ = st.columns([2, 1, 2])
    order = left.selectbox("Sort all rows by", list(SORTS), key=TABLE_SORT)
    page = right.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1, key=TABLE_PAGE)
    columns, ascending = SORTS[order]
    first = (int(page) - 1) * PAGE_ROWS
    # Stable: rows that tie keep the loaded order (by id, for imports and synthetic data).
    shown = frame.sort_values(columns, ascending=ascending, kind="stable", na_position="last")
    st.caption(
        f"Rows {first + 1}–{min(first + PAGE_ROWS, len(frame))} of {len(frame)}, {PAGE_ROWS} a page. The downloads "
        "below hold every row. Tick rows to select incidents; their details open below and on every page. "
        f"{KEYBOARD_HINT}"
    )
    return shown.iloc[first : first + PAGE_ROWS]


def render(ctx: PageContext) -> None:
    table = _page(ctx.frame).assign(grade=lambda t: grade_labels(t))  # imports have no grades: 'not graded'
    ids = table["id"].astype(str).tolist()
    st.session_state[TABLE_IDS] = ids
    positions = {incident: row for row, incident in enumerate(ids)}
    chosen = [positions[i] for i in ctx.view.incidents if i in positions]
    st.dataframe(
        worded_table(table[list(TABLE_COLUMNS)]),
        hide_index=True,
        column_config=TABLE_COLUMNS,
        key=INCIDENT_TABLE,
        on_select=lambda: on_table_select(INCIDENT_TABLE),
        selection_mode="multi-row",
        selection_default={"selection": {"rows": chosen, "columns": []}},
    )
    left, right, _ = st.columns([1, 1, 3])
    # Callables: the files are built only when someone clicks. They hold the shared dataset and the
    # filters, not this run's filtered copy, which would then live as long as the session.
    everything, filters = ctx.everything, ctx.view.filters
    left.download_button(
        "Download CSV", data=lambda: to_csv(filter_incidents(everything, filters)), file_name="incidents.csv", mime="text/csv"
    )
    right.download_button(
        "Download GeoJSON",
        data=lambda: to_geojson(filter_incidents(everything, filters)),
        file_name="incidents.geojson",
        mime="application/geo+json",
    )
    st.caption("Downloads hold the filtered incidents, every field, with the sources.")
    selection_panel(ctx)

"""The filtered incidents as a sortable table; selecting rows selects incidents everywhere."""

from __future__ import annotations

import streamlit as st

from dashboard.components.context import PageContext
from dashboard.components.details import selection_panel
from dashboard.components.selection import TABLE_IDS, on_table_select
from dashboard.records.export import to_csv, to_geojson

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
    "id": "Record id",
}


def render(ctx: PageContext) -> None:
    table = ctx.frame.sort_values(["date_start", "id"])
    ids = table["id"].astype(str).tolist()
    st.session_state[TABLE_IDS] = ids
    chosen = [ids.index(i) for i in ctx.view.incidents if i in ids]
    st.caption("Click a column header to sort; tick rows to select incidents (their details open below and on every page).")
    st.dataframe(
        table[list(TABLE_COLUMNS)],
        hide_index=True,
        column_config=TABLE_COLUMNS,
        key="incident_table",
        on_select=lambda: on_table_select("incident_table"),
        selection_mode="multi-row",
        selection_default={"selection": {"rows": chosen, "columns": []}},
    )
    left, right, _ = st.columns([1, 1, 3])
    # Callables: the files are built only when someone clicks, not on every rerun.
    left.download_button("Download CSV", data=lambda: to_csv(ctx.frame), file_name="incidents.csv", mime="text/csv")
    right.download_button(
        "Download GeoJSON", data=lambda: to_geojson(ctx.frame), file_name="incidents.geojson", mime="application/geo+json"
    )
    st.caption("Downloads hold the filtered incidents, every field, with the sources.")
    selection_panel(ctx)

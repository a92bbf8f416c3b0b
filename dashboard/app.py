"""Streamlit entry point: `streamlit run dashboard/app.py`. Thin: all data work is in dashboard.records."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

# Streamlit runs this file as a script, so the package root must be importable by path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.components.sidebar_filters import sidebar_filters  # noqa: E402
from dashboard.records.export import to_csv, to_geojson  # noqa: E402
from dashboard.records.loader import Dataset, dataset_path, load_dataset  # noqa: E402
from dashboard.records.problems import DataError  # noqa: E402
from dashboard.views.escape import text_for_markdown  # noqa: E402
from dashboard.views.filters import filter_incidents  # noqa: E402
from dashboard.views.incident_map import base_map, incident_layer  # noqa: E402
from dashboard.views.timeline import timeline_figure  # noqa: E402

KIND_LABELS = {"attack": "attacks", "strike": "strike series", "context": "context events"}
TABLE_COLUMNS = [
    "date_start",
    "date_end",
    "date_precision",
    "kind",
    "title",
    "country",
    "province",
    "place",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "perpetrator",
    "claimed_by",
]


@st.cache_data(show_spinner=False)
def cached_dataset(path: str) -> Dataset:
    # Keyed on the path string, a small argument, never on a frame (see FIELD-NOTES).
    return load_dataset(path)


def main() -> None:
    st.set_page_config(page_title="Attacks before Afghanistan's 2014 election", layout="wide")
    path = str(dataset_path())
    try:
        dataset = cached_dataset(path)
    except DataError as error:
        st.title("The incident data could not be loaded")
        st.error(f"{len(error.problems)} problem(s) in the data. Fix them and reload the page.")
        st.code("\n".join(str(problem) for problem in error.problems), language=None)
        return
    meta = dataset.meta
    st.title(text_for_markdown(meta.get("name", "Incidents")))
    article = meta.get("article") or {}
    described = [text_for_markdown(article[key]) for key in ("outlet", "title", "published") if article.get(key)]
    if described:
        st.caption(f"Source: {', '.join(described)}. One article's incidents, not a census.")
    everything = dataset.frame
    frame = filter_incidents(everything, sidebar_filters(everything))
    st.markdown(f"**Showing {len(frame)} of {len(everything)} incidents**")
    if frame.empty:
        st.info("No incident matches these filters. Loosen them, or use Reset filters in the sidebar.")
        return
    st.subheader("Timeline")
    published = article.get("published")
    markers = {"Article published": published} if published else {}
    st.plotly_chart(timeline_figure(frame, markers=markers), key="timeline", width="stretch")
    periods = frame[(frame["kind"] == "context") & (frame["date_end"] > frame["date_start"])].sort_values("date_start")
    if len(periods):
        st.caption(
            "Shaded periods: "
            + "; ".join(
                f"{text_for_markdown(row.title)} ({row.date_start:%d %b %Y} to {row.date_end:%d %b %Y})"
                for row in periods.itertuples()
            )
        )
    st.caption(
        "Points: attacks and strikes, at the lowest reported death toll (hollow: not stated). "
        "Bars: incidents dated only to an interval. Shading and dashed lines: context events."
    )
    located = int(frame["lat"].notna().sum())
    st.subheader("Map")
    st.caption(f"{located} of {len(frame)} records have a place; countrywide events are listed in the table only.")
    # returned_objects=[]: pan and zoom must not rerun the script.
    st_folium(
        base_map(),
        feature_group_to_add=incident_layer(frame),
        returned_objects=[],
        height=480,
        key="map",
        use_container_width=True,
    )
    counts = frame["kind"].value_counts()
    st.write(", ".join(f"{counts.get(kind, 0)} {label}" for kind, label in KIND_LABELS.items()) + f" ({len(frame)} records).")
    st.caption(
        "Casualties are ranges from the sources; an empty cell means the sources do not state a figure, which is not zero."
    )
    # Callables: the files are built only when someone clicks, not on every rerun.
    left, right = st.columns(2)
    left.download_button("Download CSV", data=lambda: to_csv(frame), file_name="incidents.csv", mime="text/csv")
    right.download_button(
        "Download GeoJSON", data=lambda: to_geojson(frame), file_name="incidents.geojson", mime="application/geo+json"
    )
    st.dataframe(
        frame[TABLE_COLUMNS].sort_values("date_start"),
        hide_index=True,
        width="stretch",
        column_config={
            "date_start": st.column_config.DateColumn("From", format="YYYY-MM-DD"),
            "date_end": st.column_config.DateColumn("To", format="YYYY-MM-DD"),
            **{column: column.replace("_", " ").capitalize() for column in TABLE_COLUMNS if not column.startswith("date_")},
        },
    )


main()

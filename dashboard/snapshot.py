"""A static snapshot of one view: a small folder that opens from disk, with no server and no internet.

    index.html   provenance (data, filters, creation time), the interactive timeline, the table
    map.html     the interactive map (framed by index.html)
    assets/      plotly.js, Leaflet, Leaflet.markercluster

No Streamlit here: the CLI and the app's button both call `build_snapshot`. Every text from the
data is escaped for HTML (and for Plotly and folium, by their builders). Only map tiles need the
internet; without them the incidents still draw.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import plotly
import plotly.io as pio

from dashboard import __version__
from dashboard.records.gazetteer import Gazetteer
from dashboard.records.grading import grade_text
from dashboard.records.loader import Dataset

from .views.choropleth import legend_html
from .views.colors import color_labels, color_scale
from .views.describe import describe_filters
from .views.escape import text_for_html
from .views.filters import filter_incidents
from .views.incident_map import MapPlan, base_map, opening_view, plan_map
from .views.labels import label
from .views.record_text import (
    article_line,
    casualty_text,
    claim_text,
    color_legend_html,
    date_text,
    legend_items,
    perpetrator_text,
    place_text,
    source_links_html,
)
from .views.view_state import View
from .views.view_timeline import countdown_record, day_markers, view_timeline

STATIC = Path(__file__).resolve().parent / "static"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
MAP_HEIGHT = 520


def _map_html(frame: pd.DataFrame, view: View, gazetteer: Gazetteer, scale: dict[str, str]) -> tuple[str, MapPlan]:
    center, zoom, _ = opening_view(frame, view.layer, view.incidents, MAP_HEIGHT)  # where the app's map opens
    fmap = base_map("assets", center, zoom, basemap=view.basemap)
    plan = plan_map(
        frame, view.layer, gazetteer, view.color, scale, frozenset(view.incidents), zoom=zoom,
        chosen_provinces=view.filters.provinces, measure=view.measure,
    )  # fmt: skip
    for layer in plan.layers:
        layer.add_to(fmap)  # as in the app
    return fmap.get_root().render(), plan


def _table_html(frame: pd.DataFrame) -> str:
    head = "".join(
        f"<th>{name}</th>"
        for name in (
            "Dates",
            "Kind",
            "Title",
            "Place",
            "Killed",
            "Injured",
            "Perpetrator",
            "Claimed by",
            "Grade",
            "In the article",
            "Sources",
        )
    )
    rows = []
    for _, row in frame.sort_values(["date_start", "id"]).iterrows():
        cells = [  # the words of views/record_text, as on the app's pages
            text_for_html(date_text(row)),
            text_for_html(label("kind", row["kind"])),
            f"<b>{text_for_html(row['title'])}</b><br><small>{text_for_html(row['id'])}</small>",
            text_for_html(place_text(row)),
            casualty_text(row, "killed"),
            casualty_text(row, "injured"),
            text_for_html(perpetrator_text(row)),
            text_for_html(claim_text(row)),
            text_for_html(grade_text(row)),  # as in the popup: the grade and how it was reached
            "" if pd.isna(row["article_quote"]) else f"<i>“{text_for_html(row['article_quote'])}”</i>",
            source_links_html(row),
        ]
        rows.append(f'<tr data-id="{text_for_html(row["id"])}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f'<table id="incidents"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script src="assets/plotly.min.js"></script>
<style>
body{{font-family:system-ui,sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#222}}
.provenance{{background:#f4f4f4;padding:10px 14px;border-radius:6px;font-size:.92rem}}
iframe{{width:100%;height:{map_height}px;border:1px solid #ccc}}
table{{border-collapse:collapse;font-size:.85rem;width:100%}} td,th{{border-bottom:1px solid #ddd;padding:6px;vertical-align:top;text-align:left}}
</style></head><body>
<h1>{title}</h1>
<div class="provenance">
<p><b>Snapshot</b> of {shown} of {total} records. Filters: {filters}.</p>
<p>Data version {data_version}; app version {app_version}; created {created}.{source}{link}</p>
<p>One article's incidents, not a census. Casualties are ranges from the sources; "not stated" is not zero.</p>
</div>
<h2>Timeline</h2>
{timeline}
<h2>Map</h2>
{legend}
<iframe src="map.html" title="Map of the incidents"></iframe>
<h2>Incidents</h2>
{table}
</body></html>
"""


def build_snapshot(
    dataset: Dataset, view: View, gazetteer: Gazetteer, created: dt.datetime, link: str | None = None
) -> dict[str, bytes]:
    """The snapshot's files, by relative path."""
    everything = dataset.frame
    frame = filter_incidents(everything, view.filters)
    scale = color_scale(color_labels(everything, view.color), view.color)
    meta = dataset.meta
    # The app's timeline for this view (its plan, marked days and countdown); a snapshot has no play control.
    figure, _ = view_timeline(frame, replace(view, until=None), day_markers(meta), countdown_record(everything, meta), scale)
    map_page, plan = _map_html(frame, view, gazetteer, scale)
    # As the app's pages show it: the choropleth's classes (charts.show_map), or the colour key (charts.show_legend).
    items = legend_items(frame, view.color, scale, view.layer)
    legend = (
        legend_html(plan.choropleth) if plan.choropleth is not None else color_legend_html(items, view.color) if items else ""
    )
    described = article_line(meta.get("article"))
    page = PAGE.format(
        title=text_for_html(meta.get("name", "Incidents")),
        shown=len(frame),
        total=len(everything),
        filters=text_for_html(describe_filters(view.filters)),
        data_version=text_for_html(meta.get("version", "not stated")),
        app_version=__version__,
        created=created.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        source=f" Source: {text_for_html(described)}." if described else "",
        link=f' Live view: <a href="{text_for_html(link)}">{text_for_html(link)}</a>' if link else "",
        timeline=pio.to_html(figure, full_html=False, include_plotlyjs=False, div_id="timeline"),
        map_height=MAP_HEIGHT,
        legend=legend,
        table=_table_html(frame),
    )
    files = {"index.html": page.encode(), "map.html": map_page.encode()}
    files["assets/plotly.min.js"] = PLOTLY_JS.read_bytes()
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            files[f"assets/{path.relative_to(STATIC).as_posix()}"] = path.read_bytes()
    return files


def write_snapshot(files: dict[str, bytes], out: Path) -> int:
    """Write the files under `out` (created if needed); returns the total size in bytes."""
    for name, content in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return sum(len(content) for content in files.values())


def snapshot_zip(files: dict[str, bytes], folder: str = "snapshot") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(f"{folder}/{name}", content)
    return buffer.getvalue()


def size_report(files: dict[str, bytes]) -> str:
    """One line: how big the snapshot is, and what makes it big."""
    total = sum(len(c) for c in files.values())
    pages = sum(len(files[n]) for n in ("index.html", "map.html"))
    return f"{len(files)} files, {total / 1e6:.1f} MB (pages {pages / 1e3:.0f} kB; the rest is plotly.js and Leaflet)"

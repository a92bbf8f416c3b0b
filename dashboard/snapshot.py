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
import html
import io
import zipfile
from pathlib import Path

import pandas as pd
import plotly
import plotly.io as pio

from dashboard import __version__
from dashboard.records.gazetteer import Gazetteer
from dashboard.records.loader import Dataset

from .views.casualties import casualty_range
from .views.choropleth import legend_html, shaded_corners
from .views.colors import COLOR_OPTIONS, color_labels, color_scale, shape_chip, shape_scale
from .views.escape import text_for_html
from .views.filters import LIST_PARAMS, Filters, filter_incidents
from .views.incident_map import MapPlan, base_map, fit_view, plan_map
from .views.labels import label, place_words
from .views.timeline import timeline_figure
from .views.view_state import View

STATIC = Path(__file__).resolve().parent / "static"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
MAP_HEIGHT = 520


def describe_filters(filters: Filters) -> str:
    """The filters in words, e.g. 'province: Kabul; kind: attack', or 'none (every record)'."""
    parts = [
        f"{name}: {', '.join(getattr(filters, attribute))}"
        for attribute, name in LIST_PARAMS.items()
        if getattr(filters, attribute)
    ]
    if filters.date_from:
        parts.append(f"from {filters.date_from.isoformat()}")
    if filters.date_to:
        parts.append(f"to {filters.date_to.isoformat()}")
    if filters.min_killed:
        parts.append(f"at least {filters.min_killed} killed")
    if filters.text:
        parts.append(f"text: “{filters.text}”")
    return "; ".join(parts) if parts else "none (every record)"


def _map_html(frame: pd.DataFrame, view: View, gazetteer: Gazetteer, scale: dict[str, str]) -> tuple[str, MapPlan]:
    located = frame.dropna(subset=["lat", "lon"])
    center, zoom = fit_view(
        *(shaded_corners(frame) if view.layer == "provinces" else (located["lat"], located["lon"])), height=MAP_HEIGHT
    )
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
            "In the article",
            "Sources",
        )
    )
    rows = []
    for _, row in frame.sort_values(["date_start", "id"]).iterrows():
        start, end = row["date_start"].date(), row["date_end"].date()
        dates = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
        place = place_words(row)
        sources = ", ".join(
            f'<a href="{text_for_html(s["url"])}" rel="noopener noreferrer">{text_for_html(s.get("publisher") or s["url"])}</a>'
            for s in row["sources"]
            if isinstance(s, dict) and str(s.get("url", "")).startswith(("http://", "https://"))
        )
        cells = [
            f"{text_for_html(dates)}<br><small>{text_for_html(label('date_precision', row['date_precision']))}</small>",
            text_for_html(label("kind", row["kind"])),
            f"<b>{text_for_html(row['title'])}</b><br><small>{text_for_html(row['id'])}</small>",
            f"{text_for_html(place)}<br><small>{text_for_html(label('location_precision', row['location_precision']))}</small>",
            casualty_range(row["killed_min"], row["killed_max"]),
            casualty_range(row["injured_min"], row["injured_max"]),
            text_for_html("not stated" if pd.isna(row["perpetrator"]) else row["perpetrator"]),
            text_for_html("no claim" if pd.isna(row["claimed_by"]) else row["claimed_by"]),
            "" if pd.isna(row["article_quote"]) else f"<i>“{text_for_html(row['article_quote'])}”</i>",
            sources,
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
.legend span{{margin-right:14px}} .dot{{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:5px}}
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
    article = meta.get("article") or {}
    published = article.get("published")
    figure = timeline_figure(
        frame,
        color_by=view.color,
        markers={"Article published": published} if published else {},
        highlight=frozenset(view.incidents),
        scale=scale,
    )
    map_page, plan = _map_html(frame, view, gazetteer, scale)
    labels = sorted(set(color_labels(frame, view.color)))
    shapes = shape_scale(scale, view.color)
    chips = "".join(
        f"<span>{shape_chip(shapes.get(code, 'circle'), scale.get(code, '#555'))}{html.escape(label(view.color, code))}</span>"
        for code in labels
    )
    legend = (
        legend_html(plan.choropleth)
        if plan.choropleth is not None
        else f'<p class="legend"><b>{text_for_html(COLOR_OPTIONS[view.color])}:</b> {chips}</p>'
    )
    described = ", ".join(text_for_html(article[k]) for k in ("outlet", "title", "published") if article.get(k))
    page = PAGE.format(
        title=text_for_html(meta.get("name", "Incidents")),
        shown=len(frame),
        total=len(everything),
        filters=text_for_html(describe_filters(view.filters)),
        data_version=text_for_html(meta.get("version", "not stated")),
        app_version=__version__,
        created=created.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        source=f" Source: {described}." if described else "",
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

"""Canonical batches: typed columns from a converter's output, and the one place each batch is finalised
(duplicate ids, coordinates that do not fit the row's country, places known only by their province)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.records.gazetteer import Gazetteer
from dashboard.records.schema import CATEGORY_COLUMNS, COLUMNS, COUNT_COLUMNS, DATE_COLUMNS, FLOAT_COLUMNS

from .columns import STRING
from .report import Rejection

SOURCE_COLUMNS = ("source_dataset", "source_row", "source_id", "source_values")
PROVINCE_POINT = "; no coordinates in the export: the province's point (gazetteer)"


def _typed(name: str, values: object, size: int) -> object:
    if isinstance(values, str) or values is None:
        values = [values] * size
    if name in DATE_COLUMNS:
        return pd.array(np.asarray(values, dtype="datetime64[D]").astype("datetime64[s]"))
    if name in (*COUNT_COLUMNS, "article_paragraph", "source_row"):
        return pd.array(np.asarray(values, dtype=object), dtype="Int64")
    if name in FLOAT_COLUMNS:
        return pd.array(np.asarray(values, dtype=object), dtype="Float64")
    if name in CATEGORY_COLUMNS:
        return pd.Categorical(values, categories=list(CATEGORY_COLUMNS[name]))
    if isinstance(values, pd.Series):
        return values.astype(STRING).array  # already Arrow-backed text: no per-value conversion
    return pd.array(values, dtype=STRING)


def canonical_batch(columns: dict[str, object], lines: np.ndarray, dataset: str) -> pd.DataFrame:
    """The canonical columns in order, typed (sources and source_values as JSON text, as in Parquet)."""
    size = len(lines)
    data = {name: _typed(name, columns.get(name), size) for name in COLUMNS}
    data["source_dataset"] = _typed("source_dataset", dataset, size)
    data["source_row"] = _typed("source_row", lines, size)
    for name in ("source_id", "source_values"):
        data[name] = _typed(name, columns.get(name), size)
    return pd.DataFrame(data)


def records_columns(records: list[dict]) -> dict[str, object]:
    """Columns from row-by-row converters' records (UCDP GED, GTD)."""
    columns: dict[str, object] = {name: [r.get(name) for r in records] for name in (*COLUMNS, "source_id")}
    columns["sources"] = [json.dumps(r.get("sources") or [], ensure_ascii=False) for r in records]
    columns["source_values"] = [json.dumps(r["source_values"], ensure_ascii=False) for r in records]
    columns["source_id"] = [str(r["source_id"]) for r in records]
    return columns


@dataclass
class SeenIds:
    """Ids met so far in the file, as 64-bit hashes (8 bytes a row, so a file of any length fits)."""

    hashes: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.uint64))
    lines: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.int64))

    def first_lines(self, ids: pd.Series, lines: np.ndarray) -> np.ndarray:
        """Per row, the line where its id was first seen (0 when this row is the first), then remembers them."""
        hashed = pd.util.hash_array(ids.to_numpy(dtype=object))
        first = np.zeros(len(ids), dtype=np.int64)
        if len(self.hashes):
            where = np.minimum(np.searchsorted(self.hashes, hashed), len(self.hashes) - 1)
            known = self.hashes[where] == hashed
            first[known] = self.lines[where[known]]
        repeated = pd.Series(hashed).duplicated().to_numpy() & (first == 0)
        if repeated.any():
            earliest = pd.Series(lines).groupby(hashed).transform("min").to_numpy()
            first[repeated] = earliest[repeated]
        new = first == 0
        order = np.argsort(np.concatenate((self.hashes, hashed[new])), kind="stable")
        self.hashes = np.concatenate((self.hashes, hashed[new]))[order]
        self.lines = np.concatenate((self.lines, lines[new]))[order]
        return first


def _outside_country(frame: pd.DataFrame, gazetteer: Gazetteer) -> np.ndarray:
    """Rows whose point lies outside their country's extent (the curated loader's rule), for the
    countries the gazetteer knows; elsewhere there is nothing to check against."""
    lat, lon = frame["lat"].to_numpy(dtype=float, na_value=np.nan), frame["lon"].to_numpy(dtype=float, na_value=np.nan)
    outside = np.zeros(len(frame), dtype=bool)
    countries = frame["country"].to_numpy(dtype=object, na_value=None)
    for country, (west, south, east, north) in gazetteer.country_bboxes.items():
        mine = countries == country
        outside |= mine & ~np.isnan(lat) & ~((west <= lon) & (lon <= east) & (south <= lat) & (lat <= north))
    return outside


def _place_by_province(frame: pd.DataFrame, gazetteer: Gazetteer) -> None:
    """No coordinates but a known province: the province's representative point, marked as province-precise.

    This is what GTD's specificity 4 and UCDP's where_prec 4 do themselves; nothing finer is claimed.
    A country-precise row is not drawn: a country's centroid is not a place.
    """
    country_only = (frame["location_precision"] == "country").to_numpy()
    missing = (frame["lat"].isna() | frame["lon"].isna()).to_numpy() & ~country_only
    frame.loc[country_only | missing, ["lat", "lon"]] = None
    if not missing.any():
        return
    points = gazetteer.provinces
    found = [points.get(p) if isinstance(p, str) else None for p in frame["province"].to_numpy(dtype=object, na_value=None)]
    country = frame["country"].to_numpy(dtype=object, na_value=None)
    usable = missing & np.array([p is not None and p.country == c for p, c in zip(found, country, strict=True)], dtype=bool)
    if usable.any():
        frame.loc[usable, "lat"] = [found[i].lat for i in np.flatnonzero(usable)]
        frame.loc[usable, "lon"] = [found[i].lon for i in np.flatnonzero(usable)]
        frame.loc[usable, "location_precision"] = "province"
        frame.loc[usable, "location_basis"] = frame.loc[usable, "location_basis"].fillna("") + PROVINCE_POINT


def finalise_batch(frame: pd.DataFrame, gazetteer: Gazetteer, seen: SeenIds) -> tuple[pd.DataFrame, list[Rejection]]:
    """The one place a converted batch becomes canonical rows; returns the kept rows and the rejections."""
    lines = frame["source_row"].to_numpy(dtype=np.int64)
    names = {name: gazetteer.canonical_province(name) or name for name in frame["province"].dropna().unique()}
    frame["province"] = frame["province"].map(names).astype(STRING)  # one spelling per province for the filters
    first = seen.first_lines(frame["id"], lines)
    outside = _outside_country(frame, gazetteer)
    rejections = [
        Rejection(int(line), f"duplicate id {name} (first at line {at})")
        for line, name, at in zip(lines[first > 0], frame["id"][first > 0], first[first > 0], strict=True)
    ]
    for index in np.flatnonzero(outside & (first == 0)):
        row = frame.iloc[index]
        rejections.append(
            Rejection(
                int(lines[index]),
                f"({row['lat']}, {row['lon']}) lies outside {row['country']}, the row's country "
                "(latitude and longitude swapped or a sign lost?)",
            )
        )
    kept = frame[(first == 0) & ~outside].reset_index(drop=True)
    _place_by_province(kept, gazetteer)
    return kept, rejections

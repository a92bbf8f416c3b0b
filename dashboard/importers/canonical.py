"""Canonical batches: typed columns from a converter's output, and the one place each batch is finalised
(duplicate ids, coordinates that do not fit the row's country, places known only by their province)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.records.gazetteer import Gazetteer
from dashboard.records.province_check import ProvinceMismatch, derive_provinces
from dashboard.records.schema import CATEGORY_COLUMNS, COLUMNS, COUNT_COLUMNS, DATE_COLUMNS, FLOAT_COLUMNS

from .columns import STRING, map_each, repeated
from .report import Rejection

SOURCE_COLUMNS = ("source_dataset", "source_row", "source_id", "source_values")
PROVINCE_POINT = "; no coordinates in the export: the province's point (gazetteer)"


def _missing(name: str, size: int) -> object:
    """A column the export does not have, all missing, built at once (from a list of Nones it took
    about 0.2 s per column per million rows, for a dozen columns)."""
    if name in DATE_COLUMNS:
        return pd.array(np.full(size, np.datetime64("NaT"), dtype="datetime64[s]"))
    if name in (*COUNT_COLUMNS, "article_paragraph", "source_row"):
        return pd.arrays.IntegerArray(np.zeros(size, dtype="int64"), np.ones(size, dtype=bool))
    if name in FLOAT_COLUMNS:
        return pd.arrays.FloatingArray(np.zeros(size, dtype="float64"), np.ones(size, dtype=bool))
    if name in CATEGORY_COLUMNS:
        return pd.Categorical.from_codes(np.full(size, -1, dtype="int8"), categories=list(CATEGORY_COLUMNS[name]))
    return pd.array(pd.arrays.ArrowStringArray(pa.nulls(size, pa.large_string())), dtype=STRING)


def _typed(name: str, values: object, size: int) -> object:
    if values is None:
        return _missing(name, size)
    if isinstance(values, str) and name not in CATEGORY_COLUMNS:
        return repeated(values, size)
    if isinstance(values, str):
        values = [values] * size
    if name in DATE_COLUMNS:
        return pd.array(np.asarray(values, dtype="datetime64[D]").astype("datetime64[s]"))
    if isinstance(values, np.ndarray) and values.dtype.kind in "fi":  # numbers from the column parsers (NaN: none)
        numbers = pd.array(values.astype(float), dtype="Float64")
        return numbers if name in FLOAT_COLUMNS else numbers.astype("Int64")
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


MIX = np.uint64(0x9E3779B97F4A7C15)


def hash_strings(values: pd.Series) -> np.ndarray:
    """A 64-bit hash of each text, computed from Arrow's buffers with NumPy, eight bytes at a time
    (pandas hashes Python strings one by one: seven times slower on a million ids)."""
    array = pa.chunked_array(pa.array(values.array)).combine_chunks().cast(pa.large_string())
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)[array.offset : array.offset + len(array) + 1]
    data = np.frombuffer(array.buffers()[2], dtype=np.uint8) if array.buffers()[2] else np.zeros(1, np.uint8)
    starts, lengths = offsets[:-1], np.diff(offsets)
    hashed = lengths.astype(np.uint64) * MIX
    with np.errstate(over="ignore"):
        for at in range(0, int(lengths.max()) if len(lengths) else 0, 8):
            word = np.zeros(len(starts), dtype=np.uint64)
            for byte in range(8):
                has = lengths > at + byte
                word[has] |= data[starts[has] + at + byte].astype(np.uint64) << np.uint64(8 * byte)
            hashed = (hashed ^ word) * MIX
            hashed ^= hashed >> np.uint64(29)
    return hashed


@dataclass
class SeenIds:
    """Ids met so far in the file, as 64-bit hashes (16 bytes a row with their lines, so a file of any
    length fits; two different ids sharing a hash is a one-in-10^7 chance at a billion rows)."""

    hashes: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.uint64))
    lines: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.int64))

    def first_lines(self, ids: pd.Series, lines: np.ndarray) -> np.ndarray:
        """Per row, the line where its id was first seen (0 when this row is the first), then remembers them."""
        hashed = hash_strings(ids)
        first = np.zeros(len(ids), dtype=np.int64)
        if len(self.hashes):
            where = np.minimum(np.searchsorted(self.hashes, hashed), len(self.hashes) - 1)
            known = self.hashes[where] == hashed
            first[known] = self.lines[where[known]]
        order = np.argsort(hashed, kind="stable")
        repeated = np.zeros(len(ids), dtype=bool)
        repeated[order[1:]] = hashed[order[1:]] == hashed[order[:-1]]
        repeated &= first == 0
        if repeated.any():
            earliest = pd.Series(lines).groupby(hashed).transform("min").to_numpy()
            first[repeated] = earliest[repeated]
        new = first == 0
        merged = np.argsort(np.concatenate((self.hashes, hashed[new])), kind="stable")  # two sorted runs: a merge
        self.hashes = np.concatenate((self.hashes, hashed[new]))[merged]
        self.lines = np.concatenate((self.lines, lines[new]))[merged]
        return first


def _outside_country(frame: pd.DataFrame, gazetteer: Gazetteer) -> np.ndarray:
    """Rows whose point lies outside their country's extent (the curated loader's rule), for the
    countries the gazetteer knows; elsewhere there is nothing to check against."""
    lat, lon = frame["lat"].to_numpy(dtype=float, na_value=np.nan), frame["lon"].to_numpy(dtype=float, na_value=np.nan)
    outside = np.zeros(len(frame), dtype=bool)
    for country, (west, south, east, north) in gazetteer.country_bboxes.items():
        mine = (frame["country"] == country).fillna(False).to_numpy(dtype=bool)
        outside |= mine & ~np.isnan(lat) & ~((west <= lon) & (lon <= east) & (south <= lat) & (lat <= north))
    return outside


def _province_elsewhere(frame: pd.DataFrame, gazetteer: Gazetteer) -> np.ndarray:
    """Rows naming a province the gazetteer places in another country than the row's (GTD has an
    Afghan row in FATA): the canonical table refuses them, so the import rejects them by name."""
    homes = {name: province.country for name, province in gazetteer.provinces.items()}
    home = frame["province"].astype(object).map(homes)
    return (home.notna() & (home != frame["country"].astype(object))).to_numpy(dtype=bool)


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
    rows = np.flatnonzero(missing)
    provinces = frame["province"].to_numpy(dtype=object, na_value=None)[rows]
    countries = frame["country"].to_numpy(dtype=object, na_value=None)[rows]
    found = [gazetteer.provinces.get(p) if isinstance(p, str) else None for p in provinces]
    fits = [p is not None and p.country == c for p, c in zip(found, countries, strict=True)]
    usable = np.zeros(len(frame), dtype=bool)
    usable[rows[fits]] = True
    if usable.any():
        frame.loc[usable, "lat"] = [p.lat for p, fit in zip(found, fits, strict=True) if fit]
        frame.loc[usable, "lon"] = [p.lon for p, fit in zip(found, fits, strict=True) if fit]
        frame.loc[usable, "location_precision"] = "province"
        frame.loc[usable, "location_basis"] = frame.loc[usable, "location_basis"].fillna("") + PROVINCE_POINT


def finalise_batch(
    frame: pd.DataFrame, gazetteer: Gazetteer, seen: SeenIds
) -> tuple[pd.DataFrame, list[Rejection], list[ProvinceMismatch]]:
    """The one place a converted batch becomes canonical rows: the kept rows (with the province their
    point lies in where they state none), the rejections, and the rows whose point and province disagree."""
    lines = frame["source_row"].to_numpy(dtype=np.int64)
    names = map_each(frame["province"], lambda name: (gazetteer.canonical_province(name) or name) if name else None)
    frame["province"] = pd.array(names, dtype=STRING)  # one spelling per province for the filters
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
    elsewhere = _province_elsewhere(frame, gazetteer) & ~outside & (first == 0)
    for index in np.flatnonzero(elsewhere):
        row = frame.iloc[index]
        home = gazetteer.provinces[row["province"]].country
        rejections.append(
            Rejection(int(lines[index]), f"province {row['province']} is in {home}, not in {row['country']}, the row's country")
        )
    kept = frame[(first == 0) & ~outside & ~elsewhere].reset_index(drop=True)
    _place_by_province(kept, gazetteer)
    kept, mismatches = derive_provinces(kept)
    return kept, rejections, mismatches

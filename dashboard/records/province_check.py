"""Province from coordinates: fill in a missing or unknown province from the polygon that holds the
point, and name records whose stated province and coordinates disagree.

Pure, no Streamlit; vectorised on integer province codes (a million rows in a few seconds).
Disagreements are warnings, not errors: the borders are Natural Earth 1:10m, a few kilometres off in
places, so a point near a border may honestly fall on the other side.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .boundaries import ProvinceShapes, km_text, province_shapes

BASIS_COLUMN = "province_basis"
STATED = "stated"
DERIVED = "derived from coordinates (none stated)"
DERIVED_UNKNOWN = "derived from coordinates (the stated name is not in the gazetteer)"


@dataclass(frozen=True)
class ProvinceMismatch:
    record: str
    line: int | None  # the export's line, for imported rows
    stated: str
    found: str | None  # the province holding the point, or None outside both countries' provinces
    km: float  # from the point to the stated province's nearest edge

    def __str__(self) -> str:
        where = f"record {self.record}" + (f" (line {self.line})" if self.line is not None else "")
        found = f"lies in {self.found}" if self.found else "lies in no province of Afghanistan or Pakistan"
        return f"{where}: province {self.stated} is stated, but its point {found}, {km_text(self.km)} from {self.stated}"


@dataclass(frozen=True)
class _Codes:
    stated: np.ndarray  # index in shapes.names of each row's province, -1 when missing or not a gazetteer name
    found: np.ndarray  # index of the province holding each row's point, -1 without one
    located: np.ndarray  # rows with coordinates


def _codes(frame: pd.DataFrame, shapes: ProvinceShapes) -> _Codes:
    stated = pd.Index(shapes.names).get_indexer(frame["province"].astype(object)).astype("int64")  # hashed, -1 if absent
    located = (frame["lat"].notna() & frame["lon"].notna()).to_numpy(dtype=bool)
    found = np.full(len(frame), -1, dtype="int64")
    if located.any():
        lat = frame["lat"].to_numpy(dtype="float64", na_value=np.nan)[located]
        lon = frame["lon"].to_numpy(dtype="float64", na_value=np.nan)[located]
        found[located] = shapes.index_at(lat, lon)
    return _Codes(stated, found, located)


def _mismatches(frame: pd.DataFrame, shapes: ProvinceShapes, codes: _Codes) -> list[ProvinceMismatch]:
    wrong = np.flatnonzero((codes.stated >= 0) & codes.located & (codes.found != codes.stated))
    if not len(wrong):
        return []
    rows = frame.iloc[wrong]
    km = shapes.distance_to_index_km(codes.stated[wrong], rows["lat"].astype(float), rows["lon"].astype(float))
    names = np.array([*shapes.names, None], dtype=object)
    lines = rows["source_row"].tolist() if "source_row" in rows.columns else [None] * len(rows)
    return [
        ProvinceMismatch(str(record), None if pd.isna(line) else int(line), stated, found, float(distance))
        for record, line, stated, found, distance in zip(
            rows["id"], lines, names[codes.stated[wrong]], names[codes.found[wrong]], km, strict=True
        )
    ]


def province_mismatches(frame: pd.DataFrame, shapes: ProvinceShapes | None = None) -> list[ProvinceMismatch]:
    """Records with a known province and a point outside it, each with the distance to it."""
    shapes = shapes or province_shapes()
    return _mismatches(frame, shapes, _codes(frame, shapes))


def derive_provinces(frame: pd.DataFrame, shapes: ProvinceShapes | None = None) -> tuple[pd.DataFrame, list[ProvinceMismatch]]:
    """The frame with a `province_basis` column, and the records whose province and point disagree.

    A record whose province is missing or not a gazetteer name, and whose point lies in a province of
    its own country, gets that province (its basis says so); any other record keeps what it stated.
    """
    shapes = shapes or province_shapes()
    codes = _codes(frame, shapes)
    country_of_found = np.array([*shapes.countries, None], dtype=object)[codes.found]
    derive = (codes.stated < 0) & (codes.found >= 0) & (country_of_found == frame["country"].astype(object).to_numpy())
    missing = frame["province"].isna().to_numpy(dtype=bool)
    basis = np.where(codes.stated >= 0, STATED, None).astype(object)
    basis[derive & missing] = DERIVED
    basis[derive & ~missing] = DERIVED_UNKNOWN
    result = frame.copy()
    if derive.any():
        names = np.array([*shapes.names, None], dtype=object)
        result["province"] = pd.array(np.where(derive, names[codes.found], frame["province"].astype(object)), dtype="string")
    result[BASIS_COLUMN] = pd.array(basis, dtype="string")
    return result, _mismatches(frame, shapes, codes)

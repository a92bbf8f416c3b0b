"""Write the canonical table as CSV or GeoJSON text: pure functions, no I/O of their own."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection);
# OWASP's advice is to prefix such cells with a single quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(value: Any) -> Any:
    """A JSON-friendly scalar: None for missing, ISO dates, Python ints and floats."""
    if isinstance(value, list):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> str:
    """CSV of the table; sources as JSON text; cells that a spreadsheet would run are defused."""
    out = frame.copy()
    out["sources"] = [json.dumps(v, ensure_ascii=False, default=str) for v in out["sources"]]
    for column in out.columns:
        if out[column].dtype == "string" or out[column].dtype == object:
            out[column] = out[column].map(_defuse)
    for column in ("date_start", "date_end"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False, lineterminator="\n")


def to_geojson(frame: pd.DataFrame) -> str:
    """A FeatureCollection; records without coordinates get a null geometry, never a made-up point."""
    features = []
    for row in frame.to_dict(orient="records"):
        lat, lon = _plain(row.pop("lat")), _plain(row.pop("lon"))
        geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
        properties = {key: _plain(value) for key, value in row.items()}
        features.append({"type": "Feature", "id": properties["id"], "geometry": geometry, "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1, default=str)

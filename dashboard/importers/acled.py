"""ACLED export-tool CSV (2020 style, the current style with disorder_type, the older upper-case style).

Codebook rules kept: time_precision 1 = the day; 2 = only the week is known (the coded date is in
that week: the record spans the 7 days centred on it); 3 = only the month is known (the record
spans the month). geo_precision 1 = the town's coordinates; 2 = near a town or part of a region
(district); 3 = only the region is known (province). `fatalities` is ACLED's single estimate of all
deaths, attackers included (ACLED does not separate them); 0 is a reported zero.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from .columns import STRING, first_reason, json_objects, map_each, parse_each, parse_numbers, texts
from .context import Context
from .values import Reject, coordinate, count, iso3

NAME = "acled"
LABEL = "ACLED"
REQUIRED = ("event_id_cnty", "event_date", "event_type", "country")
DATE_PRECISION = {"1": "day", "2": "week", "3": "month"}
LOCATION_PRECISION = {"1": "city", "2": "district", "3": "province"}
# sub_event_type -> (kind, attack_type); ACLED's demonstrations and strategic developments are context.
SUB_EVENTS = {
    "armed clash": ("attack", "armed_clash"),
    "government regains territory": ("attack", "armed_clash"),
    "non-state actor overtakes territory": ("attack", "armed_clash"),
    "air/drone strike": ("strike", "air_strike"),
    "suicide bomb": ("attack", "suicide_bombing"),
    "remote explosive/landmine/ied": ("attack", "bombing"),
    "grenade": ("attack", "bombing"),
    "shelling/artillery/missile attack": ("attack", "shelling"),
    "chemical weapon": ("attack", "unknown"),
    "attack": ("attack", "armed_assault"),
    "abduction/forced disappearance": ("attack", "abduction"),
    "sexual violence": ("attack", "armed_assault"),
}
CONTEXT_EVENTS = frozenset({"protests", "riots", "strategic developments"})
# inter codes of the other side -> what was targeted
INTER_TARGET = {
    "1": "military",
    "2": "militants",
    "3": "militants",
    "4": "militants",
    "5": "private_citizens",
    "6": "private_citizens",
    "7": "private_citizens",
    "8": "military",
}
KEPT = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "inter1",
    "inter2",
    "civilian_targeting",
    "geo_precision",
    "fatalities",
    "admin1",
    "admin2",
    "location",
)


def matches(header: list[str]) -> bool:
    names = {name.lower() for name in header}
    return {"event_id_cnty", "event_date", "event_type", "geo_precision"} <= names


DATE_FIELDS = ("event_date",)


def _precision(raw: str) -> str:
    found = DATE_PRECISION.get(raw.strip())
    if found is None:
        raise Reject(f"time_precision {raw.strip()[:20]!r} is not 1, 2 or 3")
    return found


def _interval(day: np.ndarray, precision: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end days: the day itself, the 7 days centred on it (week), or its calendar month."""
    start, end = day.copy(), day.copy()
    week = precision == "week"
    start[week], end[week] = day[week] - 3, day[week] + 3
    month = precision == "month"
    first = day[month].astype("datetime64[M]")
    start[month] = first.astype("datetime64[D]")
    end[month] = (first + 1).astype("datetime64[D]") - 1
    return start, end


def _kinds(event_type: pd.Series, sub_event: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    context = event_type.str.lower().isin(CONTEXT_EVENTS).to_numpy()
    sub = sub_event.str.lower()
    kind = map_each(sub, lambda name: SUB_EVENTS.get(name, ("attack", "unknown"))[0])
    attack = map_each(sub, lambda name: SUB_EVENTS.get(name, ("attack", "unknown"))[1])
    return np.where(context, "context", kind), np.where(context, None, attack)


def _column(table: pd.DataFrame, name: str) -> pd.Series:
    return table[name] if name in table else pd.Series("", index=table.index, dtype=STRING)


def convert_batch(batch: pa.Table, context: Context) -> tuple[dict[str, object], np.ndarray]:
    """Canonical columns for a batch of ACLED rows, and per row the reason it is rejected (None if kept)."""
    table = batch.rename_columns([name.lower() for name in batch.column_names]).to_pandas(types_mapper=lambda _: STRING)
    get = lambda name: _column(table, name)  # noqa: E731
    event_id = texts(get("event_id_cnty"))
    missing_id = np.where(event_id.isna().to_numpy(), "event_id_cnty is empty", None)
    days, day_reasons = context.dates(get("event_date"), "event_date")
    precision, precision_reasons = parse_each(get("time_precision"), _precision)
    killed, killed_reasons = parse_each(get("fatalities"), lambda v: count(v, "fatalities"), numeric=True)
    lat, lat_reasons = parse_numbers(get("latitude"), lambda v: coordinate(v, "latitude", 90), -90, 90)
    lon, lon_reasons = parse_numbers(get("longitude"), lambda v: coordinate(v, "longitude", 180), -180, 180)
    reasons = first_reason(missing_id, day_reasons, precision_reasons, killed_reasons, lat_reasons, lon_reasons)
    start, end = _interval(days, precision)
    event_type, sub_event = get("event_type").str.strip(), get("sub_event_type").str.strip()
    kind, attack_type = _kinds(event_type, sub_event)
    is_context = kind == "context"
    civilian = get("civilian_targeting").str.strip().str.lower().str.startswith("civilian").to_numpy(dtype=bool)
    target = np.where(civilian, "private_citizens", map_each(get("inter2"), lambda v: INTER_TARGET.get(v.strip(), "unknown")))
    country = texts(get("iso3")).fillna(texts(get("country"))).fillna("")
    code = map_each(country, lambda name: iso3(name) or name)
    place, province = texts(get("location")), texts(get("admin1"))
    what = sub_event.mask(sub_event == "").fillna(event_type.mask(event_type == "")).fillna("Event")
    where = place.fillna(province).fillna(country)
    actor1, actor2 = texts(get("actor1")), texts(get("actor2"))
    kept = {key: get(key) for key in KEPT if key in table}
    return {
        "id": "acled-" + event_id.fillna(""),
        "kind": kind,
        "title": what + ", " + where,
        "summary": texts(get("notes")).fillna(event_type + ": " + sub_event),
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_basis": "ACLED event_date "
        + get("event_date").str.strip()
        + ", time_precision "
        + get("time_precision").str.strip(),
        "country": code,
        "province": province,
        "place": place,
        "lat": lat,
        "lon": lon,
        "location_precision": map_each(get("geo_precision"), lambda v: LOCATION_PRECISION.get(v.strip(), "province")),
        "location_basis": "ACLED geo_precision " + get("geo_precision").str.strip(),
        "killed_min": killed,
        "killed_max": killed,
        "casualty_note": "ACLED fatalities: one estimate of all deaths, attackers included",
        "perpetrator": actor1.mask(is_context),
        "actor": actor2.where(~is_context, actor1),
        "claim_note": "ACLED actor1 and actor2 do not say who attacked whom",
        "attack_type": attack_type,
        "target_type": np.where(is_context, None, target),
        "sources": parse_each(get("source"), _sources)[0],
        "source_id": event_id,
        "source_values": json_objects(kept),
    }, reasons


def _sources(raw: str) -> str:
    import json

    return json.dumps([{"publisher": name.strip()} for name in raw.split(";") if name.strip()], ensure_ascii=False)

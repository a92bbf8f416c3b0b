"""ACLED export-tool CSV (2020 style, the current style with disorder_type, the older upper-case style).

Codebook rules kept: time_precision 1 = the day; 2 = only the week is known (the coded date is in
that week: the record spans the 7 days centred on it); 3 = only the month is known (the record
spans the month). geo_precision 1 = the town's coordinates; 2 = near a town or part of a region
(district); 3 = only the region is known (province). `fatalities` is ACLED's single estimate of all
deaths, attackers included (ACLED does not separate them); 0 is a reported zero.
"""

from __future__ import annotations

import datetime as dt

from .values import Reject, coordinate, count, date, iso3, month_span, text

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


def _dates(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    if precision == "week":
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    if precision == "month":
        return month_span(day.year, day.month)
    return day, day


def convert(values: dict[str, str]) -> dict:
    row = {key.lower(): value for key, value in values.items()}
    event_id = text(row.get("event_id_cnty"))
    if not event_id:
        raise Reject("event_id_cnty is empty")
    day = date(row.get("event_date", ""), "event_date")
    precision = DATE_PRECISION.get((row.get("time_precision") or "").strip())
    if precision is None:
        raise Reject(f"time_precision {row.get('time_precision', '')!r} is not 1, 2 or 3")
    start, end = _dates(day, precision)
    event_type = (row.get("event_type") or "").strip()
    sub_event = (row.get("sub_event_type") or "").strip()
    if event_type.lower() in CONTEXT_EVENTS:
        kind, attack_type = "context", None
    else:
        kind, attack_type = SUB_EVENTS.get(sub_event.lower(), ("attack", "unknown"))
    if (row.get("civilian_targeting") or "").strip().lower().startswith("civilian"):
        target = "private_citizens"
    else:
        target = INTER_TARGET.get((row.get("inter2") or "").strip(), "unknown")
    country = text(row.get("iso3")) or text(row.get("country")) or ""
    code = iso3(country)
    killed = count(row.get("fatalities"), "fatalities")
    place = text(row.get("location"))
    lat = coordinate(row.get("latitude"), "latitude", 90)
    lon = coordinate(row.get("longitude"), "longitude", 180)
    geo = LOCATION_PRECISION.get((row.get("geo_precision") or "").strip(), "province")
    sources = [{"publisher": name.strip()} for name in (row.get("source") or "").split(";") if name.strip()]
    return {
        "id": f"acled-{event_id}",
        "kind": kind,
        "title": f"{sub_event or event_type or 'Event'}, {place or text(row.get('admin1')) or country}",
        "summary": text(row.get("notes")) or f"{event_type}: {sub_event}",
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_basis": f"ACLED event_date {row.get('event_date', '').strip()}, time_precision {row.get('time_precision', '').strip()}",
        "country": code or country,
        "province": text(row.get("admin1")),
        "place": place,
        "site": None,
        "lat": lat,
        "lon": lon,
        "location_precision": geo,
        "location_basis": f"ACLED geo_precision {row.get('geo_precision', '').strip()}",
        "killed_min": killed,
        "killed_max": killed,
        "casualty_note": "ACLED fatalities: one estimate of all deaths, attackers included",
        "perpetrator": text(row.get("actor1")) if kind != "context" else None,
        "actor": text(row.get("actor2")) if kind != "context" else text(row.get("actor1")),
        "claim_note": "ACLED actor1 and actor2 do not say who attacked whom",
        "attack_type": attack_type,
        "target_type": target if kind != "context" else None,
        "sources": sources,
        "source_id": event_id,
        "source_values": {key: row.get(key, "") for key in KEPT if key in row},
    }

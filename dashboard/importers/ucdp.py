"""UCDP Georeferenced Event Dataset (GED) CSV.

Codebook rules kept: date_start and date_end bound the event; date_prec 1 = the day, 2 = within
2-6 days, 3 = the week, 4 = the month, 5 = the year or longer. where_prec 1 = the exact place,
2 = within 25 km of a known point, 3 = the second-order division (district), 4 = the first-order
division (province), 5 = a larger area, 6 = the country, 7 = international waters or airspace.
Deaths: low, best and high estimates of all deaths (both sides and civilians); the record's range is
low to high, and best is kept with the originals.
"""

from __future__ import annotations

from .context import Context
from .values import Reject, coordinate, count, iso3, text

NAME = "ucdp"
DATE_FIELDS = ("date_start", "date_end")
LABEL = "UCDP GED"
DATE_PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
LOCATION_PRECISION = {
    "1": "city",
    "2": "district",
    "3": "district",
    "4": "province",
    "5": "province",
    "6": "country",
    "7": "country",
}
VIOLENCE = {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"}
TARGET = {"1": "military", "2": "militants", "3": "private_citizens"}
KEPT = (
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "dyad_name",
    "where_prec",
    "date_prec",
    "low",
    "best",
    "high",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "adm_1",
    "adm_2",
    "where_coordinates",
)


def matches(header: list[str]) -> bool:
    return {"where_prec", "date_prec", "best", "date_start", "type_of_violence"} <= set(header)


def convert(row: dict[str, str], context: Context) -> dict:
    event_id = text(row.get("id"))
    if not event_id:
        raise Reject("id is empty")
    start = context.date(row.get("date_start", ""), "date_start")
    end = context.date(row.get("date_end", "") or row.get("date_start", ""), "date_end")
    if end < start:
        raise Reject(f"date_end {end} is before date_start {start}")
    precision = DATE_PRECISION.get((row.get("date_prec") or "").strip())
    if precision is None:
        raise Reject(f"date_prec {row.get('date_prec', '')!r} is not 1 to 5")
    where = (row.get("where_prec") or "").strip()
    geo = LOCATION_PRECISION.get(where)
    if geo is None:
        raise Reject(f"where_prec {where!r} is not 1 to 7")
    low, best, high = (count(row.get(name), name) for name in ("low", "best", "high"))
    stated = [n for n in (low, best, high) if n is not None]
    # The codebook has low <= best <= high; some exports break it. The range is then the lowest to the
    # highest of the three, and the note says so, rather than dropping the event.
    in_order = low is None or high is None or (low <= (best if best is not None else low) <= high)
    violence = (row.get("type_of_violence") or "").strip()
    country = text(row.get("iso3")) or text(row.get("country")) or ""
    place = text(row.get("where_coordinates"))
    headline = text(row.get("source_headline"))
    article = text(row.get("source_article"))
    return {
        "id": f"ucdp-{event_id}",
        "kind": "attack",
        "title": f"{VIOLENCE.get(violence, 'Violence').capitalize()}: {text(row.get('dyad_name')) or 'unnamed dyad'}, {place or text(row.get('adm_1')) or country}",
        "summary": headline or text(row.get("where_description")) or VIOLENCE.get(violence, "violence"),
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_basis": f"UCDP date_start {start}, date_end {end}, date_prec {row.get('date_prec', '').strip()}",
        "country": iso3(country) or country,
        "province": text(row.get("adm_1")),
        "place": place,
        "site": None,
        "lat": coordinate(row.get("latitude"), "latitude", 90),
        "lon": coordinate(row.get("longitude"), "longitude", 180),
        "location_precision": geo,
        "location_basis": f"UCDP where_prec {where}",
        "killed_min": min(stated) if stated else None,
        "killed_max": max(stated) if stated else None,
        "casualty_note": f"UCDP deaths, all sides: low {low}, best {best}, high {high}"
        + ("" if in_order else " (out of order in the export; the range is the lowest to the highest)"),
        "perpetrator": text(row.get("side_a")),
        "actor": text(row.get("side_b")),
        "claim_note": "UCDP side_a and side_b; in one-sided violence side_a is the perpetrator",
        "attack_type": "armed_assault" if violence == "3" else "armed_clash",
        "target_type": TARGET.get(violence, "unknown"),
        "sources": [{"publisher": text(row.get("source_office")) or "UCDP source", "title": article}]
        if article or headline
        else [],
        "source_id": event_id,
        "source_values": {key: row.get(key, "") for key in KEPT if key in row},
    }

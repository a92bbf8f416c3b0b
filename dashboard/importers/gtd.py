"""Global Terrorism Database CSV (and XLSX, read with openpyxl).

Codebook rules kept: iday = 0 means the day is unknown (the record spans the month), imonth = 0 the
month (it spans the year); approxdate is kept as written; extended = 1 with a resolution date spans
to that date. specificity 1 = the town's coordinates; 2 and 3 = a district's centroid; 4 = the
province's centroid; 5 = no coordinates. -9 and -99 mean unknown; 'Unknown' names nobody. nkill
counts everyone killed, attackers included; nkillter the attackers: killed is nkill - nkillter when
both are stated.
"""

from __future__ import annotations

import datetime as dt
import math

from .context import Context
from .values import Reject, coordinate, count_range, iso3, month_span, text

NAME = "gtd"
DATE_FIELDS = ("resolution",)
LABEL = "GTD"
LOCATION_PRECISION = {"1": "city", "2": "district", "3": "district", "4": "province", "5": "country"}
ATTACK_TYPES = {
    "1": "armed_assault",  # Assassination
    "2": "armed_assault",  # Armed Assault
    "3": "bombing",  # Bombing/Explosion
    "4": "unknown",  # Hijacking
    "5": "abduction",  # Hostage Taking (Barricade Incident)
    "6": "abduction",  # Hostage Taking (Kidnapping)
    "7": "unknown",  # Facility/Infrastructure Attack
    "8": "armed_assault",  # Unarmed Assault
    "9": "unknown",  # Unknown
}
TARGET_TYPES = {
    "1": "business",
    "2": "government",
    "3": "police",
    "4": "military",
    "7": "government",  # Government (Diplomatic)
    "8": "private_citizens",  # Educational Institution
    "11": "private_citizens",  # Maritime
    "12": "ngo",
    "14": "private_citizens",
    "15": "private_citizens",  # Religious Figures/Institutions
    "19": "private_citizens",  # Transportation
    "20": "unknown",
}
KEPT = (
    "eventid",
    "iyear",
    "imonth",
    "iday",
    "approxdate",
    "extended",
    "resolution",
    "specificity",
    "attacktype1_txt",
    "targtype1_txt",
    "gname",
    "claimed",
    "nkill",
    "nkillter",
    "nwound",
    "provstate",
    "city",
    "suicide",
)


def matches(header: list[str]) -> bool:
    return {"eventid", "iyear", "imonth", "iday", "attacktype1"} <= set(header)


def _whole(value: str | None, field: str) -> int:
    raw = (value or "").strip()
    try:
        number = float(raw)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not number.is_integer() or abs(number) > 1_000_000:
        raise Reject(f"{field} {raw[:40]!r} is not a whole number")
    return int(number)


def _dates(row: dict[str, str], context: Context) -> tuple[dt.date, dt.date, str]:
    year, month, day = _whole(row.get("iyear"), "iyear"), _whole(row.get("imonth"), "imonth"), _whole(row.get("iday"), "iday")
    try:
        if month == 0:
            start, end, precision = dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        elif day == 0:
            (start, end), precision = month_span(year, month), "month"
        else:
            start = end = dt.date(year, month, day)
            precision = "day"
    except ValueError:
        raise Reject(f"iyear/imonth/iday {year}/{month}/{day} is not a date") from None
    if (row.get("extended") or "").strip() == "1" and text(row.get("resolution")):
        try:
            resolved = context.date(row["resolution"], "resolution")
        except Reject:
            resolved = None  # an extended incident whose end is not stated: the start is still known
        if resolved is not None and resolved >= start:
            end = resolved
    return start, end, precision


def convert(row: dict[str, str], context: Context) -> dict:
    event_id = text(row.get("eventid"))
    if not event_id:
        raise Reject("eventid is empty")
    start, end, precision = _dates(row, context)
    (kill_low, kill_high), (ter_low, ter_high) = (
        count_range(row.get("nkill"), "nkill"),
        count_range(row.get("nkillter"), "nkillter"),
    )
    wound_low, wound_high = count_range(row.get("nwound"), "nwound")
    nkill, nkillter, nwound = (
        row.get("nkill", "").strip() or None,
        row.get("nkillter", "").strip() or None,
        row.get("nwound", "").strip() or None,
    )
    if kill_low is not None and ter_low is not None and ter_high is not None and ter_high <= kill_low:
        killed = (kill_low - ter_high, kill_high - ter_low)  # victims only: all deaths less the attackers
    else:
        killed = (kill_low, kill_high)
    specificity = (row.get("specificity") or "").strip()
    country = text(row.get("country_txt")) or ""
    city = text(row.get("city"))
    attack = text(row.get("attacktype1_txt")) or "Attack"
    group = text(row.get("gname"))
    claimed = (row.get("claimed") or "").strip() == "1"
    approx = text(row.get("approxdate"))
    sources = [{"publisher": text(row.get(f"scite{n}"))} for n in (1, 2, 3) if text(row.get(f"scite{n}"))]
    return {
        "id": f"gtd-{event_id}",
        "kind": "attack",
        "title": f"{attack}, {city or text(row.get('provstate')) or country}",
        "summary": text(row.get("summary")) or f"{attack} ({text(row.get('targtype1_txt')) or 'target not stated'})",
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_basis": f"GTD iyear/imonth/iday {row.get('iyear', '').strip()}/{row.get('imonth', '').strip()}/{row.get('iday', '').strip()}"
        + (f"; approxdate {approx}" if approx else ""),
        "country": iso3(country) or country,
        "province": text(row.get("provstate")),
        "place": city,
        "site": text(row.get("location")),
        "lat": coordinate(row.get("latitude"), "latitude", 90),
        "lon": coordinate(row.get("longitude"), "longitude", 180),
        "location_precision": LOCATION_PRECISION.get(specificity, "city" if city else "province"),
        "location_basis": f"GTD specificity {specificity}" if specificity else "GTD gives no specificity",
        "killed_min": killed[0],
        "killed_max": killed[1],
        "injured_min": wound_low,
        "injured_max": wound_high,
        "attackers_killed_min": ter_low,
        "attackers_killed_max": ter_high,
        "casualty_note": f"GTD nkill {nkill}, nkillter {nkillter}, nwound {nwound}"
        + ("" if ter_low is not None or kill_low is None else "; attackers' deaths not stated, so killed may include them"),
        "perpetrator": group,
        "claimed_by": group if claimed and group else None,
        "claim_note": "GTD claimed = 1" if claimed else None,
        "attack_type": "suicide_bombing"
        if (row.get("suicide") or "").strip() == "1" and (row.get("attacktype1") or "").strip() == "3"
        else ATTACK_TYPES.get((row.get("attacktype1") or "").strip(), "unknown"),
        "target_type": TARGET_TYPES.get((row.get("targtype1") or "").strip(), "unknown"),
        "sources": sources,
        "source_id": event_id,
        "source_values": {key: row.get(key, "") for key in KEPT if key in row},
    }

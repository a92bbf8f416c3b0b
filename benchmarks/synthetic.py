"""Synthetic incidents in the canonical schema, at any size, the same for the same seed.

    .venv/bin/python -m benchmarks.synthetic --size 1000000 --out /tmp/incidents-1m.parquet

For benchmarks and tests only: every record says it is synthetic (id `syn-…`, `source_dataset`
"synthetic", basis fields). Incidents cluster around the real towns of the gazetteer (each
province's representative point: Kabul, Peshawar, Quetta, Lashkar Gah…), busier towns drawing
more, with the mixes of precision, types, actors and casualty ranges that real exports show
(ACLED and UCDP GED: mostly day-precise, mostly town-precise, a tail of week, month and province;
deaths mostly exact and small, some ranges, some not stated). Built column-wise with NumPy, so a
million rows take a few seconds.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from dashboard.records.gazetteer import DEFAULT_GAZETTEER
from dashboard.records.schema import CATEGORY_COLUMNS, COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS
from dashboard.records.tables import write_table

FIRST_DAY = pd.Timestamp("2008-01-01")
DAYS = (pd.Timestamp("2024-12-31") - FIRST_DAY).days + 1

# (value, share) mixes; shares need not sum to one, they are normalised.
KIND_MIX = (("attack", 0.85), ("strike", 0.12), ("context", 0.03))
DATE_PRECISION_MIX = (("day", 0.86), ("week", 0.07), ("month", 0.05), ("year", 0.01), ("approximate", 0.01))
LOCATION_PRECISION_MIX = (("site", 0.08), ("city", 0.52), ("district", 0.25), ("province", 0.12), ("country", 0.03))
ATTACK_MIX = (
    ("armed_clash", 0.35),
    ("bombing", 0.2),
    ("armed_assault", 0.2),
    ("suicide_bombing", 0.06),
    ("complex_attack", 0.02),
    ("abduction", 0.05),
    ("unknown", 0.12),
)
STRIKE_MIX = (("air_strike", 0.6), ("shelling", 0.4))
TARGET_MIX = (
    ("military", 0.3),
    ("police", 0.2),
    ("private_citizens", 0.25),
    ("militants", 0.1),
    ("government", 0.07),
    ("business", 0.03),
    ("election", 0.01),
    ("judiciary", 0.01),
    ("ngo", 0.01),
    ("unknown", 0.02),
)
ATTACKERS = (
    ("Taliban", 0.45),
    ("Tehrik-i-Taliban Pakistan", 0.15),
    ("Haqqani network", 0.05),
    ("Islamic State Khorasan Province", 0.07),
    ("Lashkar-e-Jhangvi", 0.03),
    ("Baloch Liberation Army", 0.04),
    (None, 0.21),  # not stated
)
STRIKERS = (("Pakistan Air Force", 0.4), ("US forces", 0.35), ("Afghan Air Force", 0.25))
# Degrees of scatter around the town, by how precisely the place is known.
SCATTER = {"site": 0.04, "city": 0.02, "district": 0.35, "province": 0.0}


def towns(path: Path = DEFAULT_GAZETTEER) -> pd.DataFrame:
    """The gazetteer's towns (one per province) with a weight: a few big ones draw most incidents."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = [
        (p["point"]["place"], p["name"], p["country"], float(p["point"]["lat"]), float(p["point"]["lon"]))
        for p in raw["provinces"]
    ]
    frame = pd.DataFrame(rows, columns=["town", "province", "country", "lat", "lon"])
    frame["weight"] = 1.0 / np.arange(1, len(frame) + 1) ** 0.8  # Zipf-like, in the gazetteer's order shuffled below
    frame["weight"] = np.random.default_rng(0).permutation(frame["weight"].to_numpy())
    return frame


def country_boxes(path: Path = DEFAULT_GAZETTEER) -> dict[str, tuple[float, float, float, float]]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {code: tuple(info["bbox"]) for code, info in raw["countries"].items()}


def _pick(rng: np.random.Generator, mix: tuple, size: int) -> np.ndarray:
    values = np.array([value for value, _ in mix], dtype=object)
    shares = np.array([share for _, share in mix], dtype=float)
    return values[rng.choice(len(values), size=size, p=shares / shares.sum())]


def _tolls(rng: np.random.Generator, size: int, mean: float, not_stated: float) -> tuple[np.ndarray, np.ndarray]:
    """Low and high figures: mostly exact, a quarter ranges, some not stated (NaN)."""
    low = rng.negative_binomial(1, 1 / (1 + mean), size=size).astype(float)
    spread = np.where(rng.random(size) < 0.25, rng.integers(1, 6, size=size), 0)
    high = low + spread
    missing = rng.random(size) < not_stated
    low[missing] = np.nan
    high[missing] = np.nan
    return low, high


def synthetic_incidents(size: int, seed: int = 2014) -> pd.DataFrame:
    """`size` incidents in the canonical schema, with the loader's column types."""
    rng = np.random.default_rng(seed)
    places = towns()
    town = rng.choice(len(places), size=size, p=(places["weight"] / places["weight"].sum()).to_numpy())
    kind = _pick(rng, KIND_MIX, size)
    violent = kind != "context"
    location_precision = _pick(rng, LOCATION_PRECISION_MIX, size)
    date_precision = _pick(rng, DATE_PRECISION_MIX, size)

    # Dates: more incidents in later years and in the fighting season (spring to autumn).
    day = np.minimum((DAYS * rng.power(1.6, size=size)).astype(int), DAYS - 1)
    start = FIRST_DAY + pd.to_timedelta(day, unit="D")
    season = rng.random(size) < 0.3
    start = start.where(~season | (start.month.isin([4, 5, 6, 7, 8, 9, 10])), start + pd.Timedelta(days=120))
    start = start.where(start <= FIRST_DAY + pd.Timedelta(days=DAYS - 1), start - pd.Timedelta(days=365))
    start = pd.DatetimeIndex(start)
    week_start = start - pd.to_timedelta(start.day_of_week, unit="D")
    month_start = start.to_period("M").to_timestamp()
    year_start = start.to_period("Y").to_timestamp()
    starts = np.select(
        [date_precision == "week", date_precision == "month", date_precision == "year"],
        [week_start.values, month_start.values, year_start.values],
        start.values,
    )
    ends = np.select(
        [
            date_precision == "week",
            date_precision == "month",
            date_precision == "year",
            date_precision == "approximate",
        ],
        [
            (week_start + pd.Timedelta(days=6)).values,
            (month_start + pd.offsets.MonthEnd(0)).values,
            (year_start + pd.offsets.YearEnd(0)).values,
            (start + pd.to_timedelta(rng.integers(3, 31, size=size), unit="D")).values,
        ],
        start.values,
    )

    scatter = pd.Series(location_precision).map(SCATTER).fillna(0.0).to_numpy()
    lat = places["lat"].to_numpy()[town] + rng.normal(0, 1, size) * scatter
    lon = places["lon"].to_numpy()[town] + rng.normal(0, 1, size) * scatter
    # Scatter must not carry a point out of its country (Karachi is on the coast): the loader refuses such rows.
    for code, (west, south, east, north) in country_boxes().items():
        rows = places["country"].to_numpy()[town] == code
        lat[rows] = np.clip(lat[rows], south, north)
        lon[rows] = np.clip(lon[rows], west, east)
    countrywide = location_precision == "country"
    lat[countrywide] = np.nan
    lon[countrywide] = np.nan

    attack_type = np.where(kind == "strike", _pick(rng, STRIKE_MIX, size), _pick(rng, ATTACK_MIX, size))
    perpetrator = np.where(kind == "strike", _pick(rng, STRIKERS, size), _pick(rng, ATTACKERS, size))
    claimed = (kind == "attack") & (rng.random(size) < 0.2)
    killed_min, killed_max = _tolls(rng, size, mean=2.5, not_stated=0.12)
    injured_min, injured_max = _tolls(rng, size, mean=4.0, not_stated=0.35)
    attackers_min, attackers_max = _tolls(rng, size, mean=1.0, not_stated=0.85)

    town_name = places["town"].to_numpy()[town]
    province = places["province"].to_numpy()[town]
    number = np.char.zfill(np.arange(1, size + 1).astype(str), 7)
    label = pd.Series(attack_type).str.replace("_", " ").str.capitalize().to_numpy(dtype=object)
    columns = {
        "id": "syn-" + pd.Series(number, dtype=object),
        "kind": kind,
        "title": np.where(violent, label + " near " + town_name, "Context event, " + town_name),
        "summary": "Synthetic incident for benchmarks and tests; not a real event.",
        "date_start": starts,
        "date_end": ends,
        "date_precision": date_precision,
        "date_basis": "synthetic",
        "country": places["country"].to_numpy()[town],
        "province": np.where(countrywide, None, province),
        "place": np.where(np.isin(location_precision, ["site", "city"]), town_name, None),
        "site": None,
        "lat": lat,
        "lon": lon,
        "location_precision": location_precision,
        "location_basis": "synthetic: scattered around the town by its precision",
        "killed_min": np.where(violent, killed_min, np.nan),
        "killed_max": np.where(violent, killed_max, np.nan),
        "injured_min": np.where(violent, injured_min, np.nan),
        "injured_max": np.where(violent, injured_max, np.nan),
        "attackers_killed_min": np.where(kind == "attack", attackers_min, np.nan),
        "attackers_killed_max": np.where(kind == "attack", attackers_max, np.nan),
        "casualty_note": None,
        "perpetrator": np.where(violent, perpetrator, None),
        "claimed_by": np.where(claimed, perpetrator, None),
        "claim_note": None,
        "actor": None,
        "attack_type": np.where(violent, attack_type, None),
        "target_type": np.where(violent, _pick(rng, TARGET_MIX, size), None),
        "article_paragraph": np.nan,
        "article_quote": None,
        "sources": [[]] * size,
    }
    frame = pd.DataFrame({column: columns[column] for column in COLUMNS})
    for column in ("date_start", "date_end"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[s]")
    for column in (*COUNT_COLUMNS, "article_paragraph"):
        frame[column] = frame[column].astype("Float64").astype("Int64")
    for column in ("lat", "lon"):
        frame[column] = frame[column].astype("Float64")
    for column in TEXT_COLUMNS:
        frame[column] = frame[column].astype("string")
    for column, allowed in CATEGORY_COLUMNS.items():
        frame[column] = pd.Categorical(frame[column], categories=list(allowed))
    frame["source_dataset"] = pd.array(["synthetic"] * size, dtype="string")
    return frame


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, required=True, help="number of incidents")
    parser.add_argument("--out", type=Path, required=True, help="a .parquet or .csv path")
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    frame = synthetic_incidents(args.size, args.seed)
    write_table(frame, args.out)
    print(f"{len(frame):,} synthetic incidents written to {args.out} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

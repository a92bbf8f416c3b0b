"""The synthetic incidents for benchmarks and tests: deterministic, in the loader's schema, realistic mixes."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.synthetic import synthetic_incidents, towns
from dashboard.records.compact import compact
from dashboard.records.gazetteer import load_gazetteer
from dashboard.records.grading import GRADE_COLUMNS
from dashboard.records.loader import load_dataset
from dashboard.records.schema import COLUMNS
from dashboard.records.tables import read_table, write_table


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return synthetic_incidents(20_000, seed=3)


def test_the_same_seed_gives_the_same_incidents_and_another_seed_others(frame):
    pd.testing.assert_frame_equal(synthetic_incidents(20_000, seed=3), frame)
    assert not synthetic_incidents(20_000, seed=4)["lat"].equals(frame["lat"])


def test_columns_and_types_are_the_loaders(frame):
    curated = load_dataset().frame
    assert list(frame.columns) == [*COLUMNS, "source_dataset"]
    # Grades are computed for curated records only; tables without them read as 'not graded'.
    assert frame.dtypes.astype(str).to_dict() == curated.drop(columns=list(GRADE_COLUMNS)).dtypes.astype(str).to_dict()
    assert frame["id"].is_unique and (frame["source_dataset"] == "synthetic").all()


def test_a_parquet_round_trip_is_exact(frame, tmp_path):
    path = tmp_path / "synthetic.parquet"
    write_table(frame.head(3000), path)
    pd.testing.assert_frame_equal(read_table(path), compact(frame.head(3000)))


def test_dates_are_intervals_as_their_precision_says(frame):
    length = (frame["date_end"] - frame["date_start"]).dt.days + 1
    precision = frame["date_precision"]
    assert (length >= 1).all()
    assert (length[precision == "day"] == 1).all()
    assert (length[precision == "week"] == 7).all() and (frame["date_start"][precision == "week"].dt.day_of_week == 0).all()
    months = frame[precision == "month"]
    assert (months["date_start"].dt.day == 1).all() and (months["date_end"] + pd.Timedelta(days=1)).dt.day.eq(1).all()
    assert set(precision.unique()) == {"day", "week", "month", "year", "approximate"}
    assert (precision == "day").mean() > 0.7  # as in ACLED and UCDP exports: mostly day-precise


def test_places_cluster_around_real_towns_and_countrywide_records_have_none(frame):
    gazetteer = load_gazetteer()
    countrywide = frame["location_precision"] == "country"
    assert frame.loc[countrywide, ["lat", "lon", "province"]].isna().all().all()
    assert frame.loc[~countrywide, ["lat", "lon", "province"]].notna().all().all()
    points = towns().set_index("province")
    exact = frame[frame["location_precision"].isin(["site", "city"])]
    town_lat = exact["province"].map(points["lat"]).astype(float)
    town_lon = exact["province"].map(points["lon"]).astype(float)
    assert ((exact["lat"].astype(float) - town_lat).abs() < 0.3).mean() > 0.99
    assert ((exact["lon"].astype(float) - town_lon).abs() < 0.3).mean() > 0.99
    assert set(frame["province"].dropna()) <= set(gazetteer.provinces)
    assert frame["province"].value_counts().iloc[0] > 3 * frame["province"].value_counts().median()  # busy towns


def test_casualties_are_ranges_with_not_stated_kept_apart(frame):
    violent = frame[frame["kind"] != "context"]
    stated = violent["killed_min"].notna()
    assert 0.05 < 1 - stated.mean() < 0.3
    both = violent[stated]
    assert (both["killed_max"] >= both["killed_min"]).all()
    assert (both["killed_max"] > both["killed_min"]).mean() > 0.1  # some ranges, not only exact figures
    assert (both["killed_min"] == 0).any()  # zero is a figure, distinct from not stated
    context = frame[frame["kind"] == "context"]
    assert context[["killed_min", "perpetrator", "attack_type"]].isna().all().all()
    strikes = frame[frame["kind"] == "strike"]
    assert set(strikes["attack_type"].unique()) <= {"air_strike", "shelling"}

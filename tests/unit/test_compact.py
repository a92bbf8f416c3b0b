"""The dashboard's compact in-memory table holds the same values in less memory, and the views
that read it (colours, profile, filters) answer as they do on the plain table."""

from __future__ import annotations

import pandas as pd

from benchmarks.synthetic import synthetic_incidents
from dashboard.records.compact import REPEATED_TEXT_COLUMNS, compact
from dashboard.records.tables import _decoded_sources, read_table, write_table
from dashboard.views.colors import COLOR_OPTIONS, color_labels
from dashboard.views.filters import Filters, filter_incidents
from dashboard.views.profile import profile_of


def test_compact_keeps_every_value_and_uses_less_memory():
    plain = synthetic_incidents(5000, seed=3)
    small = compact(plain)
    for column in REPEATED_TEXT_COLUMNS:
        if column in plain.columns:
            assert isinstance(small[column].dtype, pd.CategoricalDtype), column
            assert small[column].astype(object).equals(plain[column].astype(object)), column
    assert small.memory_usage(deep=True).sum() < 0.8 * plain.memory_usage(deep=True).sum()


def test_colours_profile_and_filters_answer_the_same_on_the_compact_table():
    plain = synthetic_incidents(3000, seed=4)
    small = compact(plain)
    for option in COLOR_OPTIONS:
        assert color_labels(small, option).astype(object).tolist() == color_labels(plain, option).tolist(), option
    assert profile_of(small) == profile_of(plain)
    province = plain["province"].dropna().iloc[0]
    actor = plain["perpetrator"].dropna().iloc[0]
    filters = Filters(provinces=(province,), actors=(actor,), min_killed=1)
    assert filter_incidents(small, filters)["id"].tolist() == filter_incidents(plain, filters)["id"].tolist()


def test_sources_are_decoded_once_per_distinct_text_and_missing_ones_are_empty():
    texts = pd.Series(['[{"publisher": "A"}]', None, '[{"publisher": "A"}]', "", '[{"publisher": "B"}]'], dtype="string")
    decoded = _decoded_sources(texts)
    assert decoded == [[{"publisher": "A"}], [], [{"publisher": "A"}], [], [{"publisher": "B"}]]
    assert decoded[0] is decoded[2]  # one shared list per distinct text, not one per row


def test_a_canonical_table_round_trips_its_sources(tmp_path):
    frame = synthetic_incidents(50, seed=5)
    path = tmp_path / "t.parquet"
    write_table(frame, path)
    assert read_table(path)["sources"].tolist() == frame["sources"].tolist()

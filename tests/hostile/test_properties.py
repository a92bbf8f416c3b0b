"""Property-based tests (Hypothesis): whatever a link or a table holds, a view or named problems, never a crash.

Bounded (max_examples) so the suite stays quick; the database is off so runs are reproducible.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlencode

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dashboard.records.gazetteer import load_gazetteer
from dashboard.records.loader import load_dataset
from dashboard.records.numbers import whole_number
from dashboard.records.problems import DataError
from dashboard.records.schema import COLUMNS
from dashboard.records.table_validation import check_table
from dashboard.records.tables import write_table
from dashboard.sources import load_source
from dashboard.views.filters import FILTER_PARAMS, Choices
from dashboard.views.view_state import VIEW_PARAMS, View, parse_view
from tests.conftest import ARTICLE, CONTEXT_RECORD, VALID_RECORD

BOUNDED = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# A table check costs about 0.1 s even on two rows (thirty columns of pandas calls): fewer examples.
TABLE_BOUNDED = settings(BOUNDED, max_examples=60)
CURATED = load_dataset()
CHOICES = Choices.from_frame(CURATED.frame)
IDS = set(CURATED.frame["id"])
STEPS = 11
NAMES = sorted(FILTER_PARAMS | VIEW_PARAMS)
GAZETTEER = load_gazetteer()

# Text as strangers type it: any Unicode, with the characters that mean something in a URL or a number.
hostile_text = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789²³¹١٢٣½-+.eE_ x&=%#;", max_size=12),
    st.sampled_from(["Kabul", "attack", "2014-03-20", "kunar-bank-2014-03-25", "province", "10", "4"]),
)
params = st.dictionaries(
    st.one_of(st.sampled_from(NAMES), st.text(max_size=10)), st.lists(hostile_text, min_size=1, max_size=4), max_size=8
)


@BOUNDED
@given(params)
def test_any_parameters_give_a_view_and_named_notices(query):
    view, notices = parse_view(query, CHOICES, IDS, STEPS)
    assert isinstance(view, View)
    assert all(isinstance(n, str) and n for n in notices)
    # Whatever was kept is a valid view: its own link reads back to it, with nothing ignored.
    again, none = parse_view(parse_qs(urlencode(view.to_query(), doseq=True), keep_blank_values=True), CHOICES, IDS, STEPS)
    assert again == view and none == []


@BOUNDED
@given(st.text(max_size=200))
def test_any_query_string_as_typed_gives_a_view(raw):
    view, notices = parse_view(parse_qs(raw, keep_blank_values=True), CHOICES, IDS, STEPS)
    assert isinstance(view, View) and all(isinstance(n, str) for n in notices)


@BOUNDED
@given(st.text(max_size=20))
def test_whole_number_is_an_ascii_count_or_none(text):
    value = whole_number(text)
    if value is not None:
        assert value >= 0 and text.strip().lstrip("0") == str(value).lstrip("0")


# ---- the canonical loader ----

VALID = None


def valid_frame(tmp: Path) -> pd.DataFrame:
    global VALID
    if VALID is None:
        import yaml

        (tmp / "article.txt").write_text(ARTICLE, encoding="utf-8")
        doc = {"dataset": {"name": "T", "article": {"file": "article.txt"}}, "incidents": [VALID_RECORD, CONTEXT_RECORD]}
        (tmp / "i.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        VALID = load_dataset(tmp / "i.yaml").frame
    return VALID


@pytest.fixture(scope="module")
def raw_csv(tmp_path_factory) -> pd.DataFrame:
    tmp = tmp_path_factory.mktemp("valid")
    path = tmp / "valid.csv"
    write_table(valid_frame(tmp), path)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def raw_parquet(tmp_path_factory) -> pd.DataFrame:
    tmp = tmp_path_factory.mktemp("validp")
    path = tmp / "valid.parquet"
    write_table(valid_frame(tmp), path)
    return pd.read_parquet(path)


# A problem on one field may be reported on the field it contradicts (killed_max 3 < killed_min 9).
RELATED = {
    "date_start": {"date_end"},
    "killed_max": {"killed_min"},
    "injured_max": {"injured_min"},
    "attackers_killed_max": {"attackers_killed_min"},
    "kind": {"attack_type", "target_type"},
    "country": {"province", "lat"},
    "province": set(),
    "lon": {"lat"},
    "lat": {"lon"},
}


def assert_named(error: DataError, file: str, column: str) -> None:
    assert error.problems
    allowed = {column, *RELATED.get(column, ())}
    for problem in error.problems:
        assert problem.file == file and problem.field is not None
        assert problem.field.split("[")[0] in allowed, (column, problem)
        assert problem.record is None or "row " in problem.record


@TABLE_BOUNDED
@given(column=st.sampled_from(COLUMNS), row=st.integers(0, 1), text=hostile_text)
def test_any_text_in_any_cell_of_a_csv_is_loaded_or_named(raw_csv, column, row, text):
    raw = raw_csv.copy()
    raw.loc[row, column] = text
    try:
        frame = check_table(raw, "t.csv", GAZETTEER)
    except DataError as error:
        assert_named(error, "t.csv", column)
    else:
        assert len(frame) == 2


parquet_values = st.one_of(
    hostile_text,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
)


@TABLE_BOUNDED
@given(column=st.sampled_from(COLUMNS), row=st.integers(0, 1), value=parquet_values)
@example(column="date_end", row=0, value=-1)  # a day before year 1: naming it once raised in .date()
def test_any_value_in_any_cell_of_a_parquet_table_is_loaded_or_named(raw_parquet, column, row, value):
    raw = raw_parquet.copy()
    values = raw[column].astype(object).tolist()
    values[row] = value
    raw[column] = pd.Series(values, dtype=object)
    try:
        frame = check_table(raw, "t.parquet", GAZETTEER)
    except DataError as error:
        assert_named(error, "t.parquet", column)
    else:
        assert len(frame) == 2


@settings(TABLE_BOUNDED, max_examples=20)
@given(column=st.sampled_from(COLUMNS), text=hostile_text)
def test_any_text_written_to_a_real_csv_file_is_loaded_or_named(raw_csv, tmp_path, column, text):
    raw = raw_csv.copy()
    raw.loc[0, column] = text
    path = tmp_path / "mutated.csv"
    raw.to_csv(path, index=False)
    try:
        load_source(path)
    except DataError as error:
        # Through a real file the text may change the CSV's shape (pandas writes a lone '\r' in a
        # cell unquoted, which ends the row): that is one problem naming the file and the row it
        # read; otherwise the problem may land on another field, still each one named.
        assert error.problems
        shape = [p for p in error.problems if "CSV parse error: Expected" in p.message]
        assert all(p.file == str(path) for p in error.problems)
        assert shape or all(p.field and (p.record is None or "row " in p.record) for p in error.problems)

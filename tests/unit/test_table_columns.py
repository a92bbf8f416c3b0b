"""Repeated text read from Parquet as categories is checked per category, with the same outcome as text."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dashboard.records.loader import load_dataset
from dashboard.records.problems import DataError
from dashboard.records.table_columns import as_text
from dashboard.records.tables import read_table, write_table


def test_categories_are_stripped_blank_ones_go_missing_and_equal_ones_merge():
    raw = pd.Series(pd.Categorical([" Kabul", "Kabul ", "  ", None, "Herat"]))
    kept = as_text(raw, keep_categories=True)
    assert isinstance(kept.dtype, pd.CategoricalDtype)
    assert list(kept.cat.categories) == ["Herat", "Kabul"]
    assert kept.tolist()[:2] == ["Kabul", "Kabul"] and kept.isna().tolist() == [False, False, True, True, False]
    assert (
        as_text(raw).astype(object).where(as_text(raw).notna(), None).tolist()
        == kept.astype(object).where(kept.notna(), None).tolist()
    )


@pytest.fixture
def dictionary_table(write_dataset, tmp_path):
    """A valid table written with dictionary-encoded text, as the importer writes it."""
    path = tmp_path / "table.parquet"
    write_table(load_dataset(write_dataset()).frame, path)
    return path, pq.read_table(path)


def rewrite(path, table: pa.Table, column: str, values: list) -> None:
    index = table.schema.get_field_index(column)
    table = table.set_column(index, column, pa.array(values, pa.string()).dictionary_encode())
    pq.write_table(table, path)


def test_padded_and_blank_dictionary_values_are_read_as_text_would_be(dictionary_table):
    path, table = dictionary_table
    provinces = table.column("province").to_pylist()
    rewrite(path, table, "province", [f"  {provinces[0]} ", provinces[1]])
    rewrite(path, pq.read_table(path), "site", ["   ", None])
    loaded = read_table(path)
    assert isinstance(loaded["province"].dtype, pd.CategoricalDtype)
    assert loaded["province"].astype(object).where(loaded["province"].notna(), None).tolist() == provinces
    assert loaded["site"].isna().all()


def test_a_problem_in_a_dictionary_column_names_its_row_and_field(dictionary_table):
    path, table = dictionary_table
    rewrite(path, table, "country", ["AFG", "  "])
    with pytest.raises(DataError) as caught:
        read_table(path)
    (problem,) = [p for p in caught.value.problems if p.field == "country"]
    assert problem.file == str(path) and "(row 2)" in problem.record and "missing" in problem.message

"""Property-based tests (Hypothesis): any cell text becomes a value or a named rejection, never a crash;
any bytes after a real header become rows that reconcile, never a traceback."""

from __future__ import annotations

import datetime as dt
import math

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.importers import acled, gtd, import_file, ucdp
from dashboard.importers.context import Context
from dashboard.importers.dates import DateOrder, decide_order, parse_date
from dashboard.importers.values import MAX_COUNT, Reject, coordinate, count, count_range, number, text
from tests.importers.test_rules import ACLED_2020, GTD, UCDP

QUICK = settings(max_examples=200, deadline=None)
# Cell text as exports hold it: anything, plus the shapes numbers and dates take, so the parsers' edges are hit.
numberish = st.from_regex(r"[-+ ]?[0-9.,e'E ]{0,12}(inf|nan|Infinity)?", fullmatch=True)
dateish = st.from_regex(r"[0-9]{1,5}[-/. ][0-9A-Za-z]{1,9}[-/. ,]{0,2}[0-9]{0,5}( [0-9:]{0,8}Z?)?", fullmatch=True)
cells = st.one_of(st.text(max_size=40), numberish, dateish)


@QUICK
@given(cells)
def test_counts_are_whole_numbers_in_range_or_a_named_rejection(cell):
    for parse in (lambda v: count(v, "fatalities"), lambda v: count_range(v, "nkill")):
        try:
            value = parse(cell)
        except Reject as reason:
            assert str(reason).startswith(("fatalities ", "nkill "))
            continue
        for whole in value if isinstance(value, tuple) else (value,):
            assert whole is None or (isinstance(whole, int) and 0 <= whole <= MAX_COUNT)


@QUICK
@given(cells)
def test_numbers_are_finite_or_a_named_rejection(cell):
    try:
        value = number(cell, "best")
    except Reject as reason:
        assert str(reason).startswith("best ")
        return
    assert value is None or math.isfinite(value)


@QUICK
@given(cells, st.sampled_from([90, 180]))
def test_coordinates_are_within_their_limit_or_a_named_rejection(cell, limit):
    try:
        value = coordinate(cell, "latitude", limit)
    except Reject as reason:
        assert str(reason).startswith("latitude ")
        return
    assert value is None or (math.isfinite(value) and -limit <= value <= limit)


@QUICK
@given(cells, st.booleans())
def test_dates_are_dates_or_a_named_rejection(cell, day_first):
    try:
        day, shape = parse_date(cell, "event_date", DateOrder(day_first, False, ""))
    except Reject as reason:
        assert str(reason).startswith("event_date ")
        return
    assert isinstance(day, dt.date) and shape


@QUICK
@given(st.lists(cells, max_size=8), st.booleans())
def test_the_day_month_order_is_always_decided_and_explained(values, semicolon):
    order = decide_order(values, semicolon)
    assert order.reason and isinstance(order.day_first, bool)


@QUICK
@given(cells)
def test_text_is_stripped_or_not_stated(cell):
    value = text(cell)
    assert value is None or (value == value.strip() and value)


def one_row(header: str, cells: list[str]) -> dict[str, str]:
    names = header.split(",")
    return dict(zip(names, (cells * len(names))[: len(names)], strict=True))


@QUICK
@given(st.lists(cells, min_size=1, max_size=6))
def test_ucdp_and_gtd_rows_of_any_text_convert_or_are_rejected_by_name(values):
    for module, header in ((ucdp, UCDP), (gtd, GTD)):
        try:
            record = module.convert(one_row(header, values), Context())
        except Reject as reason:
            assert str(reason)
            continue
        assert record["date_start"] <= record["date_end"]


@settings(max_examples=60, deadline=None)  # a batch call costs milliseconds of pandas set-up
@given(st.lists(cells, min_size=1, max_size=6))
def test_acled_batches_of_any_text_convert_or_give_each_row_a_reason(values):
    row = one_row(ACLED_2020, values)
    table = pa.table({name: pa.array([value], pa.string()) for name, value in row.items()})
    columns, reasons = acled.convert_batch(table, Context())
    assert len(reasons) == 1
    if reasons[0] is None:
        assert columns["id"].iloc[0].startswith("acled-") and columns["kind"][0] in ("attack", "strike", "context")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.sampled_from([b"\n", b"\r\n"]))
def test_any_bytes_after_a_real_header_reconcile(export, body, newline):
    path = export("fuzz.csv", ACLED_2020.encode() + newline + body)
    try:
        report = import_file(path).report
    except Exception as error:  # only a named refusal of the whole file is allowed
        pytest.fail(f"import raised {type(error).__name__}: {error}")
    assert report.reconciles and all(r.line >= 2 for r in report.rejected)

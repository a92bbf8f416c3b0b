"""Results kept with a shared frame: computed once per frame and arguments, gone with the frame, never for other frames."""

from __future__ import annotations

import gc

import pandas as pd

from dashboard.views.shared_frames import kept_with_frame, share, shared_count

calls: list[tuple] = []


@kept_with_frame
def killed_above(frame: pd.DataFrame, floor: int, row: pd.Series | None = None) -> int:
    calls.append((floor, None if row is None else row.name))
    return int((frame["killed"] > floor).sum())


def frame() -> pd.DataFrame:
    return pd.DataFrame({"killed": [0, 3, 10]})


def test_a_shared_frame_computes_once_per_arguments():
    calls.clear()
    shared = share(frame())
    assert killed_above(shared, 1) == 2 and killed_above(shared, 1) == 2
    assert killed_above(shared, 5) == 1
    assert calls == [(1, None), (5, None)]


def test_a_record_argument_is_compared_by_its_content():
    calls.clear()
    shared = share(frame())
    first, again, other = pd.Series({"a": 1}, name="x"), pd.Series({"a": 1}, name="x"), pd.Series({"a": 2}, name="x")
    killed_above(shared, 0, row=first)
    killed_above(shared, 0, row=again)  # another object with the same content: kept
    killed_above(shared, 0, row=other)
    assert len(calls) == 2


def test_any_other_frame_is_computed_every_time():
    calls.clear()
    unshared = frame()
    killed_above(unshared, 1)
    unshared.loc[0, "killed"] = 99  # it may change: nothing may be kept from it
    assert killed_above(unshared, 1) == 3
    assert len(calls) == 2


def test_results_go_with_their_frame():
    before = shared_count()
    shared = share(frame())
    killed_above(shared, 1)
    assert shared_count() == before + 1
    del shared
    gc.collect()
    assert shared_count() == before


@kept_with_frame(copy=dict)
def counts(frame: pd.DataFrame, scale: dict[str, str]) -> dict[str, int]:
    calls.append(("counts", tuple(scale)))
    return {"rows": len(frame)}


def test_a_result_its_callers_change_is_handed_out_as_copies():
    calls.clear()
    shared = share(frame())
    first = counts(shared, {"kind": "red"})
    first["rows"] = -1  # a caller changes its copy...
    assert counts(shared, {"kind": "red"}) == {"rows": 3}  # ...and the next caller does not see it
    assert len(calls) == 1  # a dict argument is a key too

"""What a view computes from a frame every session shares, kept with that frame.

The filtered frames the app serves (`cached_filtered` in app.py) are shared by every session with
the same filters and never changed. At a million rows each figure drawn from one (the headline, the
timeline's plan, the map's groups, the play steps, the sentences for screen readers) is a scan of
it, and a page run asks for a dozen: computed once per frame here, a rerun, a click or another
reader of the same link reads them instead (`python -m benchmarks.first_view` measures the effect).

Only frames handed to `share` are remembered. Any other frame (the rows up to a play step, an
upload, a test's frame) is computed as before: it may be changed, or is used once. A frame's results
go when the frame does (the app's cache lets it go), so memory is bounded by that cache.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import pandas as pd

P = ParamSpec("P")
R = TypeVar("R")

_RESULTS: dict[int, dict[object, object]] = {}  # id of a shared frame -> its results by function and arguments
_LOCK = threading.Lock()  # sessions run in threads


def share(frame: pd.DataFrame) -> pd.DataFrame:
    """Mark `frame` as shared and unchanging: results computed from it are kept until it is gone."""
    with _LOCK:
        if id(frame) not in _RESULTS:
            _RESULTS[id(frame)] = {}
            weakref.finalize(frame, _RESULTS.pop, id(frame), None)  # before its id can be reused
    return frame


def _key_part(value: object) -> object:
    if isinstance(value, pd.Series):  # a record (the election's row): small, compared by its content
        return ("series", value.name, tuple(map(str, value.items())))
    if isinstance(value, dict):  # a colour scale, the day markers
        return ("dict", tuple((str(k), _key_part(v)) for k, v in value.items()))
    if isinstance(value, list | set | frozenset):
        return (type(value).__name__, tuple(sorted(map(str, value))) if isinstance(value, set | frozenset) else tuple(value))
    return value


def kept_with_frame(function: Callable[P, R] | None = None, *, copy: Callable[[R], R] | None = None):  # type: ignore[no-untyped-def]
    """Compute `function(frame, ...)` once per shared frame and arguments; as before for any other frame.

    `copy`: for a result its callers change (a figure they lay out), each gets a copy of the kept one.
    Any other result is handed out as kept, to every session: its callers only read it.
    """
    if function is None:
        return functools.partial(kept_with_frame, copy=copy)

    @functools.wraps(function)
    def wrapper(frame, *args, **kwargs):  # type: ignore[no-untyped-def]
        results = _RESULTS.get(id(frame))
        if results is None:
            return function(frame, *args, **kwargs)
        key = (function.__qualname__, tuple(map(_key_part, args)), tuple(sorted((k, _key_part(v)) for k, v in kwargs.items())))
        try:
            result = results[key]
        except KeyError:
            result = results[key] = function(frame, *args, **kwargs)
        except TypeError:  # an argument that cannot be a key: nothing to keep
            return function(frame, *args, **kwargs)
        return copy(result) if copy is not None else result

    return wrapper


def shared_count() -> int:
    """How many shared frames have results kept (for tests and the memory benchmark)."""
    return len(_RESULTS)

"""Memory that an upload holds on the server, given back when the reader is done with it.

Measured with benchmarks/upload_memory.py (a 49 MB ACLED export, 108,624 rows): the server went
from 185 to 932 MB and stayed there after the tab closed, because
- the upload's bytes stay in Streamlit's uploaded-file store for the session's whole life;
- a closed tab's session is kept two minutes for a reconnect, and Streamlit's message loop keeps
  the last session it served in a local variable until it serves another, so a quiet server never
  lets go of the last reader's state (streamlit 1.67, runtime.py `_loop_coroutine`);
- glibc keeps freed pages, so the process stays as big as at its peak.
So: the bytes are dropped once imported; a session holding an upload is marked not resumable
(closing its tab shuts it down; a reconnect after a network cut starts afresh) and a watcher
clears its state once it is no longer active, whoever still points at it; and freed pages are
handed back to the system (malloc_trim) after an import and when an imported table is freed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import weakref
from typing import Any

from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

WATCH_SECONDS = 5.0
_watched: dict[str, Any] = {}  # session id -> its SessionState, while it holds an upload
_lock = threading.Lock()
_watcher: threading.Thread | None = None


def drop_upload_bytes(upload: Any) -> None:
    """Forget the uploaded file's bytes in Streamlit's store (the widget then shows no file)."""
    ctx = get_script_run_ctx()
    file_id = getattr(upload, "file_id", None)
    if ctx is not None and file_id and Runtime.exists():
        Runtime.instance().uploaded_file_mgr.remove_file(ctx.session_id, file_id)


def free_with_session(held: object) -> None:
    """Free this session's state when its tab closes, and give memory back once `held` is freed."""
    weakref.finalize(held, _give_back_soon)
    ctx = get_script_run_ctx()
    if ctx is None or not Runtime.exists():
        return  # AppTest, or no server: nothing outlives the run
    Runtime.instance().mark_session_nonresumable(ctx.session_id)
    # The session's SessionState lives as long as the session (the SafeSessionState wrapper in the
    # run's context is made afresh for each run). Held here only until the session ends; it cannot
    # be weakly referenced (slots).
    state = getattr(ctx.session_state, "_state", None)
    if state is None:
        return
    with _lock:
        _watched[ctx.session_id] = state
    _start_watcher()


def _start_watcher() -> None:
    global _watcher
    with _lock:
        if _watcher is None or not _watcher.is_alive():
            _watcher = threading.Thread(target=_watch, name="upload-memory", daemon=True)
            _watcher.start()


def _watch() -> None:
    stop = threading.Event()
    while not stop.wait(WATCH_SECONDS):
        with _lock:
            if not _watched:
                return
            ended = [sid for sid in _watched if not Runtime.exists() or not Runtime.instance().is_active_session(sid)]
            states = [_watched.pop(sid) for sid in ended]
        for state in states:
            _clear(state)
        del states
        if ended:
            give_back_memory()


def _clear(state: Any) -> None:
    """Empty an ended session's state (its upload, report and combined table); nothing runs in it now."""
    if state is not None and hasattr(state, "clear"):
        state.clear()


def _give_back_soon() -> None:
    # Not inside the finaliser itself: it may run in the middle of another collection.
    threading.Timer(1.0, give_back_memory).start()


def give_back_memory() -> None:
    """Collect cycles, then ask Arrow's pool and glibc to return free pages to the system."""
    gc.collect()
    try:
        import pyarrow

        pyarrow.default_memory_pool().release_unused()  # pandas' text columns live in Arrow's pool
    except (ImportError, AttributeError):
        pass
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        if libc is not None and hasattr(libc, "malloc_trim"):
            libc.malloc_trim(0)
    except OSError:
        pass

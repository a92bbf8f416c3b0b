"""One run of the default page on the real server before it serves anyone, in a session with no browser.

The first reader after a start otherwise pays for everything done once per server: importing the
pages, compiling the map's templates, Plotly's first figure, filtering the whole dataset for the
default view and computing its figures (at a million rows, seconds; views/shared_frames.py keeps
them for every later session). Running the app once, as a browser's first visit would, does all of it
through the page code itself, so nothing is computed twice or by a second path.

The session is an ordinary `AppSession` (`Runtime.connect_session`, what the server's WebSocket
handler calls) whose client keeps nothing but whether the run has finished.
"""

from __future__ import annotations

import asyncio
import threading
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime import Runtime
from streamlit.runtime.session_manager import SessionClient

TIMEOUT_S = 300.0  # a run that takes longer is left to finish on its own; the server starts anyway


class _RunWatcher(SessionClient):
    """A client that drops what the page sends and notes when a run finishes, and how."""

    def __init__(self) -> None:
        self.finished = threading.Event()  # set from the runtime's message loop
        self.status = ""
        self.exceptions = 0

    def write_forward_msg(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.new_element.WhichOneof("type") == "exception":
            self.exceptions += 1
        elif kind == "script_finished":
            self.status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
            if msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # else the rerun is the page
                self.finished.set()


async def run_default_page(query: str = "") -> str:
    """Run the app's default page (with `query`, a link's query string) once; a line saying how it went.

    Must be awaited on the server's event loop once the runtime has started (an `st.App` lifespan)."""
    runtime = Runtime.instance()
    watcher = _RunWatcher()
    started = time.perf_counter()
    session_id = runtime.connect_session(client=watcher, user_info={"email": None, "is_logged_in": False})
    try:
        message = BackMsg()
        message.rerun_script.query_string = query
        runtime.handle_backmsg(session_id, message)
        deadline = started + TIMEOUT_S
        while not watcher.finished.is_set() and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
    finally:
        runtime.close_session(session_id)
    took = time.perf_counter() - started
    if not watcher.finished.is_set():
        return f"the default page had not finished after {took:.0f} s; serving anyway"
    shown = f", {watcher.exceptions} error(s) shown on it" if watcher.exceptions else ""
    return f"default page run once in {took:.1f} s ({watcher.status}{shown})"

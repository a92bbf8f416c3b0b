"""A Streamlit client without a browser: the websocket protocol the frontend speaks, for load tests.

It connects to /_stcore/stream, asks for runs of a page (BackMsg.rerun_script with widget states)
and reads the ForwardMsgs back until the script finishes, keeping what a load test needs: the
widgets' ids by label, the markdown texts shown, exceptions, and when each arrived.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Run:
    """What one script run sent back."""

    markdown: list[tuple[float, str]] = field(default_factory=list)  # (seconds since the request, text)
    exceptions: list[str] = field(default_factory=list)
    finished: float | None = None  # seconds from the request to script_finished
    query: str = ""  # the query string the run wrote (the app keeps its view in the URL)
    bytes: int = 0


class StreamlitClient:
    def __init__(self, url: str, page: str = "") -> None:
        self.stream = url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.origin = url.rstrip("/")
        self.page = page
        self.widgets: dict[str, str] = {}  # label -> widget id, learnt from the elements sent
        # The browser sends every widget's value with each run; so does this client, for the kinds
        # it knows (a widget left out may fall back to a stale value). Filled from the elements sent.
        self._states: dict[str, tuple[str, object]] = {}  # widget id -> (WidgetState field, value)
        self._socket = None

    async def connect(self) -> None:
        self._socket = await websockets.connect(
            self.stream, subprotocols=["streamlit"], origin=self.origin, max_size=None, open_timeout=60
        )

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def run(self, int_widgets: dict[str, int] | None = None, timeout: float = 120) -> Run:
        """Ask for a run with these integer widgets (by label) set, and read it to the end."""
        message = BackMsg()
        state = message.rerun_script
        state.page_name = self.page
        for label, value in (int_widgets or {}).items():
            self._states[self.widgets[label]] = ("int_value", value)
        for widget_id, (kind, value) in self._states.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if kind == "string_array_value":
                widget.string_array_value.data.extend(value)  # type: ignore[arg-type]
            else:
                setattr(widget, kind, value)
        started = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        run = Run()
        deadline = started + timeout
        while run.finished is None:
            raw = await _receive(self._socket, deadline - time.perf_counter())
            run.bytes += len(raw)
            self._read(ForwardMsg.FromString(raw), run, time.perf_counter() - started)
        return run

    def _read(self, msg: ForwardMsg, run: Run, elapsed: float) -> None:
        kind = msg.WhichOneof("type")
        if kind == "script_finished":
            run.finished = elapsed
        elif kind == "page_info_changed":
            run.query = msg.page_info_changed.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "markdown":
                run.markdown.append((elapsed, element.markdown.body))
            elif which == "exception":
                run.exceptions.append(element.exception.message)
            elif which is not None:
                inner = getattr(element, which)
                if getattr(inner, "id", "") and getattr(inner, "label", ""):
                    self.widgets[inner.label] = inner.id
                    self._remember(which, inner)

    def _remember(self, which: str, widget) -> None:
        if widget.id in self._states:
            return  # this client's own value wins over the one the element was drawn with
        if which == "date_input":
            self._states[widget.id] = ("string_array_value", list(widget.value))
        elif which == "number_input":
            self._states[widget.id] = ("int_value", int(widget.value))
        elif which == "text_input":
            self._states[widget.id] = ("string_value", widget.value)
        elif which == "multiselect":
            self._states[widget.id] = ("string_array_value", [])


async def _receive(socket, seconds: float) -> bytes:
    if seconds <= 0:
        raise TimeoutError("the script run did not finish in time")
    return await asyncio.wait_for(socket.recv(), timeout=seconds)

"""The run at start waits for the page's own run to end: a run cut short for a rerun is not the end."""

from __future__ import annotations

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dashboard.components.first_run import _RunWatcher


def finished(status: int) -> ForwardMsg:
    message = ForwardMsg()
    message.script_finished = status
    return message


def test_a_run_cut_short_for_a_rerun_is_waited_past_and_the_rerun_ends_it():
    watcher = _RunWatcher()
    watcher.write_forward_msg(finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN))
    assert not watcher.finished.is_set()
    watcher.write_forward_msg(finished(ForwardMsg.FINISHED_SUCCESSFULLY))
    assert watcher.finished.is_set() and watcher.status == "FINISHED_SUCCESSFULLY"


def test_an_error_shown_on_the_page_is_counted():
    watcher = _RunWatcher()
    message = ForwardMsg()
    message.delta.new_element.exception.message = "boom"
    watcher.write_forward_msg(message)
    watcher.write_forward_msg(finished(ForwardMsg.FINISHED_SUCCESSFULLY))
    assert watcher.exceptions == 1

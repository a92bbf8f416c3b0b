"""The dataset and its profile, loaded once per server and shared by every session.

In a module, not in the entry script, so that the server can fill the cache when it starts
(`dashboard/serve.py`) and the first visitor finds the data ready: at a million rows loading and
validating takes seconds. Streamlit keys a cached function on its module and source, so the start-up
call and the page's call share one entry; a page that asks while the start-up load runs waits for it
rather than loading a second copy.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from dashboard.records.loader import Dataset, dataset_path
from dashboard.records.problems import DataError
from dashboard.sources import load_source
from dashboard.views.profile import DataProfile, profile_of


# cache_resource, not cache_data: one copy shared by every session and rerun, never pickled or
# copied per run (a million rows would take seconds). Pages only read it. Keyed on small
# arguments, the path and its modification time, never on a frame (see FIELD-NOTES).
@st.cache_resource(show_spinner="Loading the incidents…", max_entries=4)
def cached_dataset(path: str, modified: float) -> Dataset:
    return load_source(path)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_profile(path: str, modified: float) -> DataProfile:
    return profile_of(cached_dataset(path, modified).frame)


def modified_time(path: str) -> float:
    try:
        return Path(path).stat().st_mtime
    except OSError:
        return 0.0  # load_source names the missing file


def warm_up() -> str:
    """Load the configured dataset and its profile into the cache; a line saying what was done.
    A dataset that does not load is left to the page, which shows its problems to the reader."""
    path = str(dataset_path())
    modified = modified_time(path)
    # Outside a session Streamlit warns that there is no script context; the cache works all the same.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    try:
        rows = len(cached_dataset(path, modified).frame)
        cached_profile(path, modified)
    except DataError as error:
        return f"{path} did not load ({len(error.problems)} problem(s)); the page will list them"
    return f"{rows:,} incidents from {path} loaded and ready"

"""The dashboard's server entry: `streamlit run dashboard/serve.py` (what scripts/run.sh, the Docker
image and a hosted deployment start).

The same pages as `streamlit run dashboard/app.py`, served as Streamlit's ASGI app (`st.App`) so that
the data can be loaded while the server starts: the first visitor after a start then finds it in the
cache instead of waiting for it (at a million rows, seconds of reading and validating), and the
default page's figures too, from one run of that page in a session with no browser. The server
reports healthy once both are done; a dataset that does not load is left to the page, which lists
its problems to the reader.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st

# Started by path, like app.py: the package root must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.components.data_cache import warm_up  # noqa: E402
from dashboard.components.first_run import run_default_page  # noqa: E402

LOG = logging.getLogger("dashboard.serve")


@asynccontextmanager
async def load_data_first(_app: st.App) -> AsyncIterator[None]:
    # In a worker thread: the event loop stays free, and the cache is process-wide, not per thread.
    LOG.warning("Loading the incidents before serving: %s", await asyncio.to_thread(warm_up))
    # Then the default page once, as its first reader would (components/first_run.py): that reader
    # finds its figures computed and the modules loaded.
    LOG.warning("Before serving: %s", await run_default_page())
    yield


app = st.App("app.py", lifespan=load_data_first)

"""The browser's URL: read it, rewrite it to match the view, and give a link to share."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from dashboard.views.view_state import View


def query_params() -> dict[str, list[str]]:
    """Every parameter with all its values (a repeated name keeps every value)."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def write_url(view: View) -> None:
    """Make the address bar say what the page shows; only written when it differs, to spare history entries."""
    wanted = view.to_query()
    if wanted != query_params():
        st.query_params.from_dict(wanted)


def share_url(view: View) -> str:
    """The address of this page with this view, as the reader's browser reaches the app."""
    base = st.context.url or ""
    query = urlencode(view.to_query(), doseq=True)
    return f"{base}?{query}" if query else base


def static_url() -> str:
    """Where Streamlit serves dashboard/static/, under the server's base path when it has one (behind a proxy)."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static" if base else "/app/static"

"""Addresses: the link that shares a view, and where the app's static files are served."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from dashboard.views.view_state import View


def share_url(view: View) -> str:
    """The address of this page with this view, as the reader's browser reaches the app."""
    base = st.context.url or ""
    query = urlencode(view.to_query(), doseq=True)
    return f"{base}?{query}" if query else base


def static_url() -> str:
    """Where Streamlit serves dashboard/static/, under the server's base path when it has one (behind a proxy)."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static" if base else "/app/static"

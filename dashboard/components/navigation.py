"""The links between pages, carrying the view: a page change keeps the filters, selection and display.

Streamlit's own navigation links drop the query string on a page change (in 1.67 they keep only the
parameters of widgets bound with `bind="query-params"`). The app would then rewrite the address from
the widgets, which adds a second history entry: Back from `/map?province=Kunar` would land on a bare
`/map`, and its empty address would reset the filters. These links carry the view's query, so a
page change is one history entry with the whole view, and Back returns to the page before.

Drawn twice, each shown at one screen size (page_style.py): a row above the title on a wide screen,
and the sidebar's first section on a phone, where the sidebar is the menu.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.views.view_state import View

WIDE, NARROW = "page_nav", "side_nav"  # container keys; page_style.py shows one per screen size


def page_links(pages: dict[str, Any], view: View, sidebar_slot: Any) -> None:
    """A link to every page, each opening it with this view; `sidebar_slot` is a container at the sidebar's top."""
    query = view.to_query()
    with st.container(horizontal=True, key=WIDE, gap="small"):
        for page in pages.values():
            st.page_link(page, query_params=query)
    with sidebar_slot.container(key=NARROW):
        st.header("Pages")
        for page in pages.values():
            st.page_link(page, query_params=query)

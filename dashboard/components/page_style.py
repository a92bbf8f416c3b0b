"""Page-wide style the theme cannot set: a visible label on the phone's menu button, a title that fits a phone.

On a narrow screen the page links (navigation.py) show in the sidebar, with the filters, behind an icon
button (named "Expand sidebar" for screen readers only); the label makes it findable by sight, and
starts with that name so that speech control can say what it reads.
"""

from __future__ import annotations

import streamlit as st

PAGE_STYLE = """<style>
[data-testid="stExpandSidebarButton"]::after {
  content: "Expand sidebar: pages and filters";
  font-size: 0.95rem; margin-left: 0.4rem; color: #111111; white-space: nowrap;
}
[data-testid="stExpandSidebarButton"] { width: auto; }
.st-key-side_nav { display: none; }
@media (max-width: 640px) {
  h1 { font-size: 1.7rem !important; }
  .st-key-page_nav { display: none; }
  .st-key-side_nav { display: block; }
}
</style>"""


def page_style() -> None:
    st.html(PAGE_STYLE)

"""Make untrusted text safe to put in folium popups and tooltips.

Folium inserts popup and tooltip strings as HTML, and inside a JavaScript template literal, so
`html.escape` is not enough: `${...}` would run as code and a backtick would end the literal.
"""

from __future__ import annotations

import html
from urllib.parse import quote

_JS_TEMPLATE = str.maketrans({"$": "&#36;", "`": "&#96;", "\\": "&#92;"})


def text_for_html(value: object) -> str:
    """The value as text that shows literally in HTML and cannot break out of a JS template literal."""
    return html.escape("" if value is None else str(value), quote=True).translate(_JS_TEMPLATE)


# Everything Markdown (and Streamlit's LaTeX, emoji and colour syntax) gives meaning to.
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~$:"


def text_for_markdown(value: object) -> str:
    """The value as literal text inside Streamlit Markdown (st.caption, st.markdown, st.write)."""
    text = "" if value is None else str(value)
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in text).replace("\n", " ")


def markdown_link(text: object, url: object) -> str:
    """A Markdown link to an http(s) URL, or just the escaped text when the URL is anything else.

    The URL's characters that end or alter a Markdown link target are percent-encoded.
    """
    label = text_for_markdown(text)
    address = "" if url is None else str(url).strip()
    if not address.lower().startswith(("http://", "https://")):
        return label
    return f"[{label}]({quote(address, safe=_URL_SAFE)})"


# Kept as they are in a URL; everything else (spaces, parentheses, angle brackets, quotes) is encoded.
_URL_SAFE = ":/?#@!&'*+,;=%~-._"


def text_for_plotly(value: object) -> str:
    """The value as literal text in Plotly's hover and legend labels.

    Plotly reads a few HTML tags in labels, so `<` and `&` are escaped; its text renderer does not
    decode `&quot;`, so quotes are left alone (there is no attribute for them to break out of).
    """
    return html.escape("" if value is None else str(value), quote=False)

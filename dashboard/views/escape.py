"""Make untrusted text safe to put in folium popups and tooltips.

Folium inserts popup and tooltip strings as HTML, and inside a JavaScript template literal, so
`html.escape` is not enough: `${...}` would run as code and a backtick would end the literal.
"""

from __future__ import annotations

import html

_JS_TEMPLATE = str.maketrans({"$": "&#36;", "`": "&#96;", "\\": "&#92;"})


def text_for_html(value: object) -> str:
    """The value as text that shows literally in HTML and cannot break out of a JS template literal."""
    return html.escape("" if value is None else str(value), quote=True).translate(_JS_TEMPLATE)

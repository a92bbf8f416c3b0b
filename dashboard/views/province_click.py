"""A click on a province shape, read back from its hover text, and its effect on the province filter.

Pure, no Streamlit: the map component hands back the clicked shape's hover text (see
boundary_layer.CLICK_HINT), and `toggle_province` says what the filter becomes.
"""

from __future__ import annotations

from collections.abc import Collection

from .boundary_layer import CLICK_HINT


def province_from_tooltip(text: object, names: Collection[str]) -> str | None:
    """The province a clicked shape's hover text names (it ends with the hint and the name), or None."""
    if not isinstance(text, str) or CLICK_HINT.strip() not in text:
        return None
    name = text.rsplit(CLICK_HINT.strip(), 1)[1].strip()
    return name if name in names else None


def toggle_province(chosen: Collection[str], name: str, allowed: Collection[str]) -> tuple[tuple[str, ...], str | None]:
    """The province filter after a click on `name`: added if absent, removed if present.

    `allowed` are the provinces the data has (the filter offers only those): a click on another one
    leaves the filter as it is and returns a note saying why.
    """
    current = tuple(chosen)
    if name in current:
        return tuple(p for p in current if p != name), None
    if name not in allowed:
        return current, f"{name}: no incident in this dataset names this province, so the filter cannot take it."
    return (*current, name), None

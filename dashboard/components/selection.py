"""The selected incidents, shared by every view: timeline, map, table and detail page set it.

Selection arrives through widget callbacks, which run before the script, so the URL written
later in the same run already carries the new selection.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dashboard.views.incident_map import incident_from_tooltip

from .keys import SELECTED, SELECTED_BY, TABLE_IDS, last_click


def selected() -> tuple[str, ...]:
    return tuple(st.session_state.get(SELECTED, ()))


def select(ids: Iterable[str], source: str = "") -> None:
    st.session_state[SELECTED] = tuple(dict.fromkeys(str(i) for i in ids))
    st.session_state[SELECTED_BY] = source


def selected_by() -> str:
    return str(st.session_state.get(SELECTED_BY, ""))


def clear_selection() -> None:
    select(())


def on_timeline_select(key: str) -> None:
    """Points carry their record id in customdata; an emptied selection clears it."""
    event = st.session_state.get(key)
    points = event.selection.points if event is not None else []
    ids = []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list):
            data = data[0] if data else None
        if isinstance(data, str):
            ids.append(data)
    select(ids, key)


def on_map_click(key: str, ids: list[str]) -> str | None:
    """A click hands back the marker's tooltip text, which ends with the record id.

    The map also reports pans and zooms (when it groups incidents) with the last click still in its
    value, so a click is acted on once: by its tooltip, the point clicked and the click count.
    Returns the clicked tooltip text when it named no incident (a province shape), else None.
    """
    value = st.session_state.get(key) or {}
    text = value.get("last_object_clicked_tooltip")
    click = (text, repr(value.get("last_object_clicked")), value.get("last_object_clicked_count"))
    if click == st.session_state.get(last_click(key)):
        return None
    st.session_state[last_click(key)] = click
    clicked = incident_from_tooltip(text, ids)
    if clicked:
        select([clicked], key)
        return None
    return text if isinstance(text, str) else None


def on_table_select(key: str) -> None:
    event = st.session_state.get(key)
    rows = event.selection.rows if event is not None else []
    shown = st.session_state.get(TABLE_IDS, [])
    select((shown[row] for row in rows if 0 <= row < len(shown)), key)

"""The sidebar filters, kept in the URL: read the query string, show widgets, write it back."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.views.escape import text_for_markdown
from dashboard.views.filters import Choices, Filters, parse_query

WIDGET_KEYS = ("f_country", "f_province", "f_dates", "f_kind", "f_actor", "f_attack", "f_target", "f_killed", "f_text")


def _query_params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def _reset() -> None:
    for key in WIDGET_KEYS:
        st.session_state.pop(key, None)
    st.query_params.clear()


def sidebar_filters(frame: pd.DataFrame) -> Filters:
    """Filters from the URL on first load, then from the widgets; the URL is rewritten to match."""
    choices = Choices.from_frame(frame)
    from_url, ignored = parse_query(_query_params(), choices)
    if ignored:
        st.warning("Ignored in the link: " + "; ".join(text_for_markdown(message) for message in ignored))
    first, last = frame["date_start"].min().date(), frame["date_end"].max().date()
    sidebar = st.sidebar
    sidebar.header("Filters")
    province_counts = frame["province"].value_counts()
    countries = sidebar.multiselect("Country", sorted(choices.countries), default=list(from_url.countries), key="f_country")
    provinces = sidebar.multiselect(
        "Province",
        sorted(choices.provinces),
        default=list(from_url.provinces),
        format_func=lambda name: f"{name} ({province_counts.get(name, 0)})",
        key="f_province",
    )
    dates = sidebar.date_input(
        "Dates",
        value=(from_url.date_from or first, from_url.date_to or last),
        min_value=first,
        max_value=last,
        key="f_dates",
    )
    kinds = sidebar.multiselect("Kind", sorted(choices.kinds), default=list(from_url.kinds), key="f_kind")
    actors = sidebar.multiselect("Perpetrator or claimant", sorted(choices.actors), default=list(from_url.actors), key="f_actor")
    attacks = sidebar.multiselect(
        "Attack type", sorted(choices.attack_types), default=list(from_url.attack_types), key="f_attack"
    )
    targets = sidebar.multiselect(
        "Target type", sorted(choices.target_types), default=list(from_url.target_types), key="f_target"
    )
    killed = sidebar.number_input("Minimum killed", min_value=0, value=from_url.min_killed or 0, step=1, key="f_killed")
    text = sidebar.text_input("Search titles, summaries, quotes", value=from_url.text, key="f_text")
    sidebar.button("Reset filters", on_click=_reset)

    # While a range is being picked, the widget holds only its first date.
    picked = tuple(dates) if isinstance(dates, tuple | list) else (dates,)
    start, end = picked[0] if picked else None, picked[1] if len(picked) > 1 else None
    filters = Filters(
        countries=tuple(countries),
        provinces=tuple(provinces),
        date_from=start if isinstance(start, dt.date) and start != first else None,
        date_to=end if isinstance(end, dt.date) and end != last else None,
        kinds=tuple(kinds),
        actors=tuple(actors),
        attack_types=tuple(attacks),
        target_types=tuple(targets),
        min_killed=int(killed) or None,
        text=text.strip(),
    )
    wanted = filters.to_query()
    if wanted != _query_params():
        st.query_params.from_dict(wanted)
    return filters

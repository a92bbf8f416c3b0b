"""Streamlit entry point: `streamlit run dashboard/app.py`.

Thin: loads the data, draws the shared sidebar, keeps the URL in step with the view, and hands a
PageContext to the page the navigation picked. Data work is in dashboard.records, figures and
maps in dashboard.views, page layout in dashboard.screens (not "pages": Streamlit would take a pages/ folder beside the entry file for its legacy page discovery).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

# Streamlit runs this file as a script, so the package root must be importable by path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard import __version__  # noqa: E402
from dashboard.components.active_data import active_dataset, session_profile  # noqa: E402
from dashboard.components.context import PageContext  # noqa: E402
from dashboard.components.data_cache import cached_dataset, cached_profile, modified_time  # noqa: E402
from dashboard.components.keys import PAGE_CONTEXT  # noqa: E402
from dashboard.components.navigation import page_links  # noqa: E402
from dashboard.components.page_style import page_style  # noqa: E402
from dashboard.components.selection import select  # noqa: E402
from dashboard.components.sidebar import share_box, sidebar  # noqa: E402
from dashboard.components.state import open_view, publish, query_params, run_finished  # noqa: E402
from dashboard.records.gazetteer import Gazetteer, load_gazetteer  # noqa: E402
from dashboard.records.loader import dataset_path  # noqa: E402
from dashboard.records.problems import DataError, problem_listing, problems_by_field  # noqa: E402
from dashboard.screens import about, article, incident, incidents, map_page, overview, timeline_page, your_data  # noqa: E402
from dashboard.snapshot import build_snapshot  # noqa: E402
from dashboard.views.describe import headline_sentence  # noqa: E402
from dashboard.views.escape import text_for_markdown  # noqa: E402
from dashboard.views.filters import Filters, filter_incidents  # noqa: E402
from dashboard.views.passages import Passage, passages, records_of  # noqa: E402
from dashboard.views.profile import RecordIds  # noqa: E402
from dashboard.views.record_text import article_line  # noqa: E402
from dashboard.views.shared_frames import share  # noqa: E402
from dashboard.views.summary import headline  # noqa: E402
from dashboard.views.view_state import parse_view  # noqa: E402
from dashboard.views.view_timeline import day_markers  # noqa: E402

# url path -> (title, module with render(ctx)); the first is the default page.
PAGES = {
    "overview": ("Overview", overview),
    "map": ("Map", map_page),
    "timeline": ("Timeline", timeline_page),
    "incidents": ("Incidents", incidents),
    "incident": ("Incident", incident),
    "article": ("Article", article),
    "import": ("Your data", your_data),
    "about": ("About", about),
}
# Other paths people type or guess for a page (the page is named "Your data"): hidden from the
# navigation, they show the same page.
PAGE_ALIASES = {"your_data": "import", "your-data": "import"}
SHOWN_PROBLEMS = 200  # on the page; `python -m dashboard validate` lists them all


@st.cache_resource(show_spinner=False)
def cached_gazetteer() -> Gazetteer:
    return load_gazetteer()  # read-only, shared by every session


@st.cache_resource(show_spinner=False, max_entries=6)
def cached_filtered(path: str, modified: float, query: str, _filters: Filters) -> pd.DataFrame:
    """The filtered rows, shared by every session showing the same filters (a shared link's readers).

    Keyed on the filters' URL form, which is small and exact (to_query and parse_query are inverses);
    the Filters object itself is not hashed. Few entries: at a million rows one can be large.
    Shared, so what the views compute from it is kept with it (views/shared_frames.py).
    """
    return share(filter_incidents(cached_dataset(path, modified).frame, _filters))


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_passages(path: str, modified: float) -> list[Passage]:
    dataset = cached_dataset(path, modified)
    return passages(dataset.frame, dataset.article) if dataset.article else []


def show_load_error(error: DataError, path: str) -> None:
    st.title("The incident data could not be loaded")
    st.error(f"{len(error.problems)} problem(s) in the data. Fix them and reload the page.")
    if len(error.problems) > SHOWN_PROBLEMS:
        st.markdown(text_for_markdown(problems_by_field(error.problems)))
    st.code(problem_listing(error.problems, SHOWN_PROBLEMS, path), language=None)


def main() -> None:

    st.set_page_config(page_title="Attacks before Afghanistan's 2014 election", layout="wide")
    page_style()
    path = str(dataset_path())
    modified = modified_time(path)
    try:
        curated = cached_dataset(path, modified)
    except DataError as error:
        show_load_error(error, path)
        return
    dataset = active_dataset(curated)  # an upload, in this session only, replaces or joins it
    profile = cached_profile(path, modified) if dataset is curated else session_profile(dataset)
    everything = dataset.frame
    found = cached_passages(path, modified) if dataset.article is not None else []
    params = query_params()  # read once: parsed here, compared with the last address in open_view
    url_view, ignored = parse_view(params, profile.choices, RecordIds(everything["id"]), len(found), profile.span)
    if open_view(params, url_view, profile.span) and url_view.step and not url_view.incidents:
        select(records_of(url_view.step, found), "article")  # a link to a passage selects its records
    side_nav = st.sidebar.container()  # the page links go first in the sidebar, drawn once the view is known
    view = sidebar(profile)
    if dataset is curated:
        frame = cached_filtered(path, modified, urlencode(view.filters.to_query(), doseq=True), view.filters)
    else:
        frame = filter_incidents(everything, view.filters)  # this session's upload: nobody to share with
    article = dataset.meta.get("article") or {}
    pages: dict[str, st.Page] = {}
    ctx = PageContext(
        dataset=dataset,
        gazetteer=cached_gazetteer(),
        frame=frame,
        view=view,
        scale=profile.scales[view.color],
        markers=day_markers(dataset.meta),
        passages=found,
        pages=pages,
        span=profile.span,
        province_choices=profile.choices.provinces,
    )
    # The pages read the context from the session's state, not from their closures: Streamlit keeps
    # the last run's pages after the session ends, and an upload's table must not stay with them.
    st.session_state[PAGE_CONTEXT] = ctx
    for url_path, (title, module) in PAGES.items():
        pages[url_path] = st.Page(
            lambda module=module: module.render(st.session_state[PAGE_CONTEXT]),
            title=title,
            url_path=url_path,
            default=url_path == "overview",
        )
    aliases = [
        st.Page(
            lambda module=PAGES[target][1]: module.render(st.session_state[PAGE_CONTEXT]),
            title=PAGES[target][0],
            url_path=alias,
            visibility="hidden",
        )
        for alias, target in PAGE_ALIASES.items()
    ]
    current = st.navigation([*pages.values(), *aliases], position="hidden")  # links: components/navigation.py
    page_links(pages, view, side_nav)

    st.title(text_for_markdown(dataset.meta.get("name", "Incidents")) if current.url_path == "" else current.title)
    source = article_line(article)  # the same line as the snapshot's
    if source:
        st.caption(f"Source: {text_for_markdown(source)}. One article's incidents, not a census.")
    if ignored and view == url_view:  # once the view changes, the address is rewritten without them
        st.warning("Ignored in the link: " + "; ".join(text_for_markdown(message) for message in ignored))
    st.markdown(f"**Showing {len(frame)} of {len(everything)} incidents**")
    # The count above includes context events; the sentence tells them apart from attacks and strikes.
    st.markdown(text_for_markdown(headline_sentence(frame, headline(frame, ctx.countdown))))
    if frame.empty:
        st.info("No incident matches these filters. Loosen them, or use Reset filters in the sidebar.")
    publish(view, url_view)
    share_box(view, lambda shown, link: build_snapshot(dataset, shown, cached_gazetteer(), dt.datetime.now(dt.UTC), link))
    # The health/about line: which app and which data this is (the server's health is /_stcore/health).
    st.sidebar.caption(f"App {__version__} · data {text_for_markdown(dataset.meta.get('version', 'not versioned'))}")
    current.run()
    run_finished()


main()

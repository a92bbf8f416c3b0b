"""Read the article through the map: its text with every quoted passage marked and linked to its records.

Stepping through passages (or clicking one) selects its incidents: the map flies to them and the
timeline outlines them. The step and the list order are in the URL like every other state.
"""

from __future__ import annotations

import streamlit as st

from dashboard.components.charts import show_map, show_timeline
from dashboard.components.context import PageContext
from dashboard.components.keys import ARTICLE_ORDER, ORDER, STEP
from dashboard.components.selection import select
from dashboard.records.article import squash
from dashboard.views.escape import text_for_markdown
from dashboard.views.passages import Passage, paragraph_markdown, reading_order
from dashboard.views.record_text import date_span, date_text
from dashboard.views.view_state import ORDERS

SOURCE = "article"
# On a phone the columns stack: the stepper, the passage and the map come first, then the text, which
# scrolls with the page instead of in a box of its own (a box inside a scrolling page traps the thumb).
PHONE_LAYOUT = """<style>
@media (max-width: 640px) {
  .st-key-article_layout [data-testid="stHorizontalBlock"] { flex-direction: column-reverse; }
  .st-key-article_layout [data-testid="stHorizontalBlock"] [data-testid="stHorizontalBlock"] { flex-direction: column; }
  .st-key-article_text { height: auto !important; max-height: none !important; overflow: visible !important; }
}
</style>"""


def go_to(passage: Passage | None) -> None:
    st.session_state[STEP] = passage.number if passage else None
    select(passage.ids if passage else (), SOURCE)


def _set_order() -> None:
    st.session_state[ORDER] = st.session_state[ARTICLE_ORDER]


def _label(passage: Passage, titles: dict[str, str]) -> str:
    if len(passage.ids) == 1:
        return f"[{passage.number}] {text_for_markdown(titles.get(passage.ids[0], passage.ids[0]))}"
    return f"[{passage.number}] {len(passage.ids)} records"


def _stepper(ctx: PageContext, current: Passage | None) -> None:
    found = ctx.passages
    number = current.number if current else 0
    back, where, forward = st.columns([1, 2, 1])
    back.button(
        "Previous",
        key="step_back",
        disabled=number <= 1,
        on_click=go_to,
        args=(found[number - 2] if number > 1 else None,),
        width="stretch",
    )
    # A live region: a screen reader announces the new position after Next or Previous.
    status = f"<b>Passage {number} of {len(found)}</b>" if current else f"<b>{len(found)} passages</b> quoted by records"
    where.html(f'<p role="status" aria-live="polite" style="text-align:center;margin:0.4rem 0">{status}</p>')
    forward.button(
        "Next",
        key="step_forward",
        disabled=number >= len(found),
        on_click=go_to,
        args=(found[number] if number < len(found) else None,),
        width="stretch",
    )


def _current_records(ctx: PageContext, current: Passage | None) -> None:
    if current is None:
        st.caption("Press Next, or a passage's button in the text, to follow the article on the map and the timeline.")
        return
    article = ctx.dataset.article
    if article is not None:  # the passage itself, so stepping needs no scrolling through the text
        text = squash(article.body(current.paragraph))[current.start : current.end]
        st.markdown(f"> {text_for_markdown(text)}")
    rows = ctx.everything.set_index("id", drop=False).loc[list(current.ids)]
    for _, row in rows.iterrows():
        st.markdown(f"**{text_for_markdown(row['title'])}** · {date_text(row, text_for_markdown)}")
    hidden = [i for i in current.ids if i not in set(ctx.frame["id"])]
    if hidden:
        st.caption(f"{len(hidden)} of these are outside the current filters, so the map and timeline do not show them.")
    st.page_link(ctx.pages["incident"], label="Open their full records", query_params=ctx.view.to_query())


def _incident_list(ctx: PageContext) -> None:
    st.session_state[ARTICLE_ORDER] = ctx.view.order  # the view's order, which Back may have changed
    st.radio(
        "List incidents in",
        list(ORDERS),
        format_func=ORDERS.__getitem__,
        key=ARTICLE_ORDER,
        on_change=_set_order,
        horizontal=True,
    )
    frame = ctx.everything
    step_of = {i: p.number for p in ctx.passages for i in p.ids}
    if ctx.view.order == "date":
        ids = frame.sort_values(["date_start", "id"])["id"].tolist()
    else:
        ids = reading_order(frame, ctx.passages)
    by_id = frame.set_index("id", drop=False)
    lines = []
    for incident_id in ids:
        row = by_id.loc[incident_id]
        where = f"\\[{step_of[incident_id]}\\]" if incident_id in step_of else "(no passage)"
        lines.append(f"- {where} {date_span(row)}: {text_for_markdown(row['title'])}")
    st.markdown("\n".join(lines))


def _text(ctx: PageContext, current: Passage | None) -> None:
    article = ctx.dataset.article
    assert article is not None
    titles = dict(zip(ctx.everything["id"].astype(str), ctx.everything["title"].astype(str), strict=True))
    by_paragraph: dict[int, list[Passage]] = {}
    for passage in ctx.passages:
        by_paragraph.setdefault(passage.paragraph, []).append(passage)
    with st.container(height=880, border=True, key="article_text"):
        for number in range(1, len(article.paragraphs) + 1):
            marks = by_paragraph.get(number, [])
            body = article.body(number)
            if body:
                st.markdown(paragraph_markdown(body, marks, current.number if current else None))
            for item in article.furniture_in(number):  # page furniture: shown apart, never as the article's text
                st.caption(f"Not part of the article ({item.label}): {text_for_markdown(item.text)}")
            for passage in marks:
                st.button(
                    _label(passage, titles),
                    key=f"passage_{passage.number}",
                    on_click=go_to,
                    args=(passage,),
                    type="primary" if current and passage.number == current.number else "secondary",
                )


def render(ctx: PageContext) -> None:
    meta = ctx.dataset.meta.get("article") or {}
    if ctx.dataset.article is None:
        st.info("This dataset names no article, so there is no text to read here.")
        return
    described = [text_for_markdown(meta[key]) for key in ("title", "author", "outlet", "published") if meta.get(key)]
    st.markdown(" · ".join(f"**{part}**" if i == 0 else part for i, part in enumerate(described)))
    st.caption(
        f"{len(ctx.passages)} passages support {len({i for p in ctx.passages for i in p.ids})} records. "
        "Marked passages are numbered in reading order; unmarked text supports no record."
    )
    current = ctx.passages[ctx.view.step - 1] if ctx.view.step and ctx.view.step <= len(ctx.passages) else None
    st.html(PHONE_LAYOUT)
    with st.container(key="article_layout"):
        left, right = st.columns([3, 2])
    with left:
        _text(ctx, current)
    with right:
        _stepper(ctx, current)
        _current_records(ctx, current)
        show_map(ctx, key="article_map", height=320)
        show_timeline(ctx, key="article_timeline", height=300)
        _incident_list(ctx)

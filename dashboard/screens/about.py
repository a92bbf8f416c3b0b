"""About: what the data is and is not, how it was made, its sources and schema.

The method and the schema are read from the README, so the page and the repository say the same.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import streamlit as st

from dashboard import __version__
from dashboard.components.context import PageContext
from dashboard.records.grading import grade_labels
from dashboard.records.left_out import left_out_items
from dashboard.records.loader import DEFAULT_DATASET
from dashboard.views.escape import text_for_markdown

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_section(title: str) -> str:
    """The body of one `## title` section of the README ('' when absent)."""
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL)
    return match.group(1).strip() if match else ""


def _grades_and_left_out(ctx: PageContext) -> None:
    """How attacks are graded (from the README) and what the article mentions that has no record (from the data)."""
    st.subheader("Grades")
    st.markdown(readme_section("Grades"))
    grades = grade_labels(ctx.everything).value_counts()
    st.caption("In this dataset: " + ", ".join(f"{text_for_markdown(g)} {n}" for g, n in grades.items()) + ".")
    items = left_out_items(ctx.dataset.meta)
    if not items:
        return
    st.subheader("Left out on purpose")
    st.markdown("The article mentions these, but they are not records:")
    lines = []
    for item in items:
        where = f" (paragraph {item.article_paragraph})" if item.article_paragraph else ""
        words = str(item.article_quote or "").strip().strip('“”"')  # the article's own quotation marks, once
        quote = f": “{text_for_markdown(words)}”" if words else ""
        lines.append(f"- **{text_for_markdown(item.event)}**{where}{quote}. {text_for_markdown(item.reason)}")
    st.markdown("\n".join(lines))


def render(ctx: PageContext) -> None:
    meta = ctx.dataset.meta
    article = meta.get("article") or {}
    st.header("About this data")
    frame = ctx.everything
    kinds = frame["kind"].value_counts()
    st.markdown(
        f"**{text_for_markdown(meta.get('name', 'Incidents'))}**: {len(frame)} records "
        f"({kinds.get('attack', 0)} attacks, {kinds.get('strike', 0)} strike series, {kinds.get('context', 0)} context events). "
        f"Data version {text_for_markdown(meta.get('version', 'not stated'))}; app version {__version__}."
    )
    if article:
        described = ", ".join(text_for_markdown(article[k]) for k in ("title", "author", "outlet", "published") if article.get(k))
        st.markdown(f"Source article: {described}.")
    st.markdown(
        "**What it is, and is not.** The incidents and context events that one news article mentions, each checked "
        "against other public reports. It is not a census of violence in Afghanistan or Pakistan: attacks the article "
        "does not mention are not here, and counts here are not national totals."
    )
    if ctx.dataset.path.resolve() == DEFAULT_DATASET.resolve():
        st.subheader("How it was made")
        st.markdown(readme_section("How the curated data was made"))
    _grades_and_left_out(ctx)
    st.subheader("Sources")
    publishers = Counter(
        str(source.get("publisher") or source.get("url"))
        for sources in frame["sources"]
        for source in sources
        if isinstance(source, dict)
    )
    st.markdown(
        "Corroborating sources, by publisher (records citing them): "
        + ", ".join(f"{text_for_markdown(name)} ({count})" for name, count in publishers.most_common())
    )
    st.caption("Each incident's page lists its sources with links.")
    st.subheader("Map boundaries")
    st.markdown(readme_section("Boundaries"))
    st.subheader("Schema")
    st.markdown(readme_section("Data schema"))

"""Your data: upload an ACLED, UCDP GED or GTD export, read the import report, explore it here.

The upload lives in this browser session only: a shared link opens on the curated data.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.components.context import PageContext
from dashboard.components.keys import BESIDE, REPORT, UPLOADED
from dashboard.components.selection import clear_selection
from dashboard.components.session_memory import drop_upload_bytes, free_with_session, give_back_memory
from dashboard.components.state import reset_filters
from dashboard.importers import FORMATS, import_file
from dashboard.records.loader import Dataset
from dashboard.records.problems import DataError
from dashboard.sources import imported_dataset
from dashboard.views.escape import text_for_markdown

FORMAT_CHOICES = {"": "Recognise from the header", **{name: module.LABEL for name, module in FORMATS.items()}}


def _switch(dataset: Dataset | None, beside: bool = False) -> None:
    st.session_state[UPLOADED] = dataset
    st.session_state[BESIDE] = beside
    reset_filters(None)  # the old filters may name provinces the new data does not have
    clear_selection()


def _explore_upload(beside: bool) -> None:
    # The dataset is looked up here, not passed as the button's argument: Streamlit keeps a button's
    # arguments in its widget state, which outlives the session's own state (see session_memory).
    _switch(st.session_state[REPORT][2], beside)


def _import(upload, fmt: str) -> None:
    suffix = Path(upload.name).suffix.lower() or ".csv"
    bar = st.progress(0.0, text="Reading the file")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        upload.seek(0)
        with path.open("wb") as handle:
            shutil.copyfileobj(upload, handle)  # not getvalue(): that would be one more copy of the whole file
        try:
            result = import_file(path, fmt or None, lambda rows, share: bar.progress(min(share, 1.0), text=f"{rows} rows read"))
        except DataError as error:
            bar.empty()
            st.error("This file could not be imported: " + "; ".join(text_for_markdown(p.message) for p in error.problems))
            return
    bar.empty()
    result.report.source = upload.name
    st.session_state[REPORT] = (upload.name, result, imported_dataset(result, Path(upload.name)))
    drop_upload_bytes(upload)  # read: the report and the table are what the page needs now
    free_with_session(result.frame)
    give_back_memory()  # the import's working copies are freed; return their pages


def render(ctx: PageContext) -> None:
    limit = st.get_option("server.maxUploadSize")
    st.markdown(
        f"Upload an export of **ACLED** (export tool CSV, any style), **UCDP GED** (CSV) or the **GTD** (CSV or XLSX), "
        f"up to {limit} MB. Every row is imported or rejected with its line and reason; nothing is dropped silently."
    )
    upload = st.file_uploader("Export file", type=["csv", "xlsx"], key="upload_file")
    fmt = st.selectbox("Format", list(FORMAT_CHOICES), format_func=FORMAT_CHOICES.__getitem__, key="upload_format")
    if upload is not None and st.button("Import", key="upload_import", type="primary"):
        _import(upload, fmt)
    prepared = st.session_state.get(REPORT)
    if prepared is not None:
        name, result, _ = prepared
        report = result.report
        st.header(f"Import report: {text_for_markdown(name)}")
        (st.success if report.reconciles else st.error)("\n\n".join(text_for_markdown(line) for line in report.summary()))
        if report.rejected:
            st.dataframe(
                pd.DataFrame([(r.line, r.reason) for r in report.rejected], columns=["line", "reason"]),
                hide_index=True,
                height=220,
            )
            st.download_button(
                "Download the rejected rows (CSV)",
                data=report.rejections_csv(),
                file_name=f"{Path(name).stem}-rejected.csv",
                mime="text/csv",
                key="download_rejections",
            )
        if report.imported:
            left, right = st.columns(2)
            left.button("Explore this data", key="explore_uploaded", on_click=_explore_upload, args=(False,), type="primary")
            right.button(
                "Explore it beside the article's incidents", key="explore_beside", on_click=_explore_upload, args=(True,)
            )
    if st.session_state.get(UPLOADED) is not None:
        st.info(
            "The dashboard now shows your upload in this browser session (colour by Dataset to tell sources apart). "
            "Links you share open on the curated data."
        )
        st.button("Back to the curated data", key="explore_curated", on_click=_switch, args=(None,))

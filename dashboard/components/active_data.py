"""Which data this session shows: the curated records, an upload, or both side by side.

The Your data page (screens/your_data.py) sets the upload; the entry file asks here every run.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.records.loader import Dataset
from dashboard.views.profile import DataProfile, profile_of

from .keys import BESIDE, COMBINED, PROFILE, UPLOADED


def active_dataset(curated: Dataset) -> Dataset:
    """The curated data, the uploaded data, or both side by side (the `source_dataset` column tells them apart)."""
    uploaded: Dataset | None = st.session_state.get(UPLOADED)
    if uploaded is None:
        return curated
    if not st.session_state.get(BESIDE):
        return uploaded
    combined = st.session_state.get(COMBINED)
    if combined is None or combined[0] is not uploaded or combined[1] is not curated:
        frame = pd.concat([curated.frame, uploaded.frame], ignore_index=True)
        name = f"{curated.meta.get('name', 'Curated incidents')} + {uploaded.meta.get('name')}"
        meta = {**curated.meta, "name": name, "version": uploaded.meta.get("version")}
        combined = (uploaded, curated, Dataset(frame, uploaded.path, meta, curated.article))
        st.session_state[COMBINED] = combined
    return combined[2]


def session_profile(dataset: Dataset) -> DataProfile:
    """The filter choices and colours of this session's data, computed once per dataset shown."""
    kept = st.session_state.get(PROFILE)
    if kept is None or kept[0] is not dataset:
        kept = (dataset, profile_of(dataset.frame))
        st.session_state[PROFILE] = kept
    return kept[1]

"""One colouring shared by the timeline, the map and its legend, so a colour means the same everywhere."""

from __future__ import annotations

import pandas as pd

from dashboard.records.grading import ARTICLE_ONLY, CONTESTED, CORROBORATED, NOT_GRADED, SINGLE_SOURCE, grade_labels

# The categories a user may colour by, with the label the interface shows.
COLOR_OPTIONS = {
    "kind": "Kind",
    "country": "Country",
    "province": "Province",
    "attack_type": "Attack type",
    "target_type": "Target type",
    "perpetrator": "Perpetrator",
    "source_dataset": "Dataset",
    "grade": "Grade",
}
DEFAULT_COLOR = "kind"
KIND_COLORS = {"attack": "#c0392b", "strike": "#2c3e8f", "context": "#7f8c8d"}
# Colour-blind-safe first (Okabe-Ito), then darker tones; cycled when there are more values.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8e44ad", "#7f6000", "#2e4053", "#b03a2e")
# Grades keep one colour each, whatever the data holds: corroborated green, contested vermilion.
GRADE_COLORS = {
    CORROBORATED: "#009e73",
    SINGLE_SOURCE: "#0072b2",
    CONTESTED: "#d55e00",
    ARTICLE_ONLY: "#cc79a7",
    NOT_GRADED: "#7f8c8d",
}
NOT_STATED = "not stated"
UNKNOWN_COLOR = "#555555"


def color_labels(frame: pd.DataFrame, color_by: str) -> pd.Series:
    """Each row's legend label under `color_by`."""
    if color_by not in COLOR_OPTIONS:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_OPTIONS)}, not {color_by!r}")
    if color_by == "grade":  # computed by the loader; tables without it (imports) are 'not graded'
        return grade_labels(frame)
    if color_by not in frame.columns:  # a table without that column (a dataset column on older files)
        return pd.Series(["not stated"] * len(frame), index=frame.index, dtype=object)
    column = frame[color_by]
    if isinstance(column.dtype, pd.CategoricalDtype):
        # On the codes: a million rows take milliseconds, where text conversion took a second per option.
        if NOT_STATED not in column.cat.categories:
            column = column.cat.add_categories([NOT_STATED])
        return column.fillna(NOT_STATED)
    # Column-wise (not a Python call per row).
    return column.astype("string").fillna(NOT_STATED).astype(object)


def color_scale(labels: pd.Series | list[str], color_by: str) -> dict[str, str]:
    """Label -> colour, in a stable (sorted) order; 'not stated' is always grey."""
    values = sorted(set(labels))
    if color_by == "kind":
        return {v: KIND_COLORS.get(v, UNKNOWN_COLOR) for v in values}
    if color_by == "grade":
        return {v: GRADE_COLORS.get(v, UNKNOWN_COLOR) for v in values}
    named = [v for v in values if v != NOT_STATED]
    scale = {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(named)}
    if NOT_STATED in values:
        scale[NOT_STATED] = UNKNOWN_COLOR
    return scale

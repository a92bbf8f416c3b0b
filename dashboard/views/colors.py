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
# Ten colours that stay apart (CIELAB difference above 20) with typical vision and when simulated
# for protanopia, deuteranopia and tritanopia (tests/unit/test_colour_vision.py), each at least 2.5:1
# on white; found by a search over a hue-lightness grid, ordered so that the first few are the most
# distinct. Okabe-Ito's #0072b2 and the old #8e44ad looked the same with deuteranopia. Cycled beyond ten.
PALETTE = ("#264c73", "#ff8000", "#b28cd9", "#7f00ff", "#19b366", "#861313", "#cc3300", "#d98cb2", "#7979ec", "#730099")
# The second cue: each category also has a shape (timeline symbols, map markers, legend), cycled on a
# different period from the colours, so that two categories never share both up to 30 values.
SHAPES = ("circle", "square", "diamond", "triangle-up", "triangle-down", "hexagon")
KIND_SHAPES = {"attack": "circle", "strike": "square", "context": "diamond"}
# Grades keep one colour each, whatever the data holds: corroborated dark green, single source sky blue,
# contested orange, article only dark purple, not graded grey. Found like PALETTE (a hue-lightness grid
# around those hues): every two differ by more than 30 (CIELAB) with typical vision and simulated
# protanopia, deuteranopia and tritanopia. The Okabe-Ito set used before lost article only (#cc79a7)
# against the grey with deuteranopia (7.5). Their shapes (shape_scale) are the second cue.
GRADE_COLORS = {
    CORROBORATED: "#145229",
    SINGLE_SOURCE: "#00aaff",
    CONTESTED: "#bd660f",
    ARTICLE_ONLY: "#592673",
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


def shape_scale(scale: dict[str, str], color_by: str) -> dict[str, str]:
    """Label -> shape, in the colour scale's order (so a label keeps its shape as filters change)."""
    if color_by == "kind":
        return {v: KIND_SHAPES.get(v, "circle") for v in scale}
    named = [v for v in scale if v != NOT_STATED]
    shapes = {v: SHAPES[i % len(SHAPES)] for i, v in enumerate(named)}
    return {**shapes, **({NOT_STATED: "circle"} if NOT_STATED in scale else {})}


# CSS outlines of the shapes (clip-path), for legends in HTML: Streamlit's st.html removes inline SVG.
_SHAPE_CLIPS = {
    "circle": "circle(50%)",
    "square": "inset(8%)",
    "diamond": "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)",
    "triangle-up": "polygon(50% 0, 100% 100%, 0 100%)",
    "triangle-down": "polygon(0 0, 100% 0, 50% 100%)",
    "hexagon": "polygon(25% 6%, 75% 6%, 100% 50%, 75% 94%, 25% 94%, 0 50%)",
}


def shape_chip(shape: str, color: str) -> str:
    """A 12-pixel legend key: the category's shape in its colour (the colour is from our palette, not data)."""
    clip = _SHAPE_CLIPS.get(shape, _SHAPE_CLIPS["circle"])
    return (
        f'<span aria-hidden="true" style="display:inline-block;width:12px;height:12px;margin-right:5px;'
        f'vertical-align:-1px;background:{color};clip-path:{clip}"></span>'
    )

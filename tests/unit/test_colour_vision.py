"""The palette stays distinct for readers with colour-vision deficiencies, and colour is never the only cue."""

from __future__ import annotations

import itertools

import pytest

from dashboard.records.loader import load_dataset
from dashboard.views.color_vision import DEFICIENCIES, closest_pair, contrast_ratio, delta_e, simulate
from dashboard.views.colors import (
    GRADE_COLORS,
    KIND_COLORS,
    PALETTE,
    SHAPES,
    UNKNOWN_COLOR,
    color_labels,
    color_scale,
    shape_scale,
)
from dashboard.views.incident_map import incident_layer
from dashboard.views.timeline import timeline_figure
from tests.unit.test_incident_map import circles

# CIE76 difference: about 2.3 is just noticeable; 20 keeps two small marks apart at a glance.
DISTINCT = 20
VISIONS = [None, *DEFICIENCIES]


@pytest.mark.parametrize("deficiency", VISIONS)
def test_palette_colours_stay_apart(deficiency):
    difference, first, second = closest_pair([*PALETTE, UNKNOWN_COLOR], deficiency)
    assert difference > DISTINCT, f"{first} and {second} differ by only {difference:.1f} with {deficiency or 'typical vision'}"


@pytest.mark.parametrize("deficiency", VISIONS)
def test_kind_colours_stay_apart(deficiency):
    difference, first, second = closest_pair(list(KIND_COLORS.values()), deficiency)
    assert difference > DISTINCT, f"{first} and {second} with {deficiency}"


@pytest.mark.parametrize("deficiency", VISIONS)
def test_grade_colours_stay_apart(deficiency):
    difference, first, second = closest_pair(list(GRADE_COLORS.values()), deficiency)
    assert difference > DISTINCT, f"{first} and {second} differ by only {difference:.1f} with {deficiency or 'typical vision'}"


def test_the_check_catches_the_old_grade_colours_clash():
    # Okabe-Ito's reddish purple, once 'article only', against the 'not graded' grey, with deuteranopia.
    assert delta_e(simulate("#cc79a7", "deuteranopia"), simulate("#7f8c8d", "deuteranopia")) < DISTINCT


def test_the_check_catches_the_old_palettes_clash():
    # The audit's finding: #0072b2 and #8e44ad look alike with deuteranopia.
    assert delta_e(simulate("#0072b2", "deuteranopia"), simulate("#8e44ad", "deuteranopia")) < DISTINCT
    assert delta_e(simulate("#0072b2", None), simulate("#8e44ad", None)) > DISTINCT


def test_simulation_keeps_greys_and_moves_reds():
    # Dichromats see neutral greys unchanged, and red and green closer together.
    assert delta_e(simulate("#777777", "deuteranopia"), simulate("#777777", None)) < 1
    red_green = delta_e(simulate("#d62728", None), simulate("#2ca02c", None))
    assert delta_e(simulate("#d62728", "deuteranopia"), simulate("#2ca02c", "deuteranopia")) < red_green / 2


def test_every_colour_shows_on_a_light_map():
    assert all(contrast_ratio(colour) >= 2.5 for colour in (*PALETTE, *GRADE_COLORS.values()))


def test_every_category_has_a_shape_too_and_no_two_share_both():
    frame = load_dataset().frame
    for option in ("kind", "province", "target_type", "attack_type", "perpetrator", "grade"):
        scale = color_scale(color_labels(frame, option).unique(), option)
        shapes = shape_scale(scale, option)
        pairs = [(scale[label], shapes[label]) for label in scale]
        assert len(set(pairs)) == len(pairs)
    many = [f"value {i}" for i in range(30)]
    scale = color_scale(many, "province")
    assert len({(scale[v], shape_scale(scale, "province")[v]) for v in many}) == 30
    assert len(set(itertools.islice(itertools.cycle(SHAPES), 6))) == 6


def test_map_markers_and_timeline_points_carry_the_shape():
    frame = load_dataset().frame
    scale = color_scale(color_labels(frame, "province").unique(), "province")
    shapes = shape_scale(scale, "province")
    drawn = circles(incident_layer(frame, "province", scale))
    assert {c["options"]["shape"] for c in drawn} == {shapes[p] for p in frame.dropna(subset=["lat"])["province"]}
    assert len({c["options"]["shape"] for c in drawn}) > 3
    figure = timeline_figure(frame, color_by="province", scale=scale)
    symbols = {s.replace("-open", "") for t in figure.data if t.mode == "markers" and t.yaxis != "y2" for s in t.marker.symbol}
    assert len(symbols) > 3

"""The play control as a reader uses it: the buttons and the slider move `until` in the URL, and the map follows."""

from __future__ import annotations

import re

import pytest

from tests.app.test_app import curated_data, open_page, query  # noqa: F401  (curated_data: the autouse fixture)


def map_count(app) -> int:
    """The located incidents the map's sentence says it shows."""
    sentence = next(m.value for m in app.markdown if m.value.startswith("Map of"))
    return int(re.match(r"Map of (\d+) located", sentence).group(1))


def status(app) -> str:
    """The live region that announces the step."""
    return next(h.proto.body for h in app.get("html") if 'role="status"' in h.proto.body)


def position_slider(app):
    """The position slider (its key names its options, so it is found by its label)."""
    return next(s for s in app.select_slider if s.label == "Show the incidents that began up to")


def test_step_forward_moves_the_url_and_the_maps_count():
    app = open_page("", {"until": "2014-03-14"})
    assert not app.exception and not app.warning
    assert "Up to 14 March 2014: 3 of 10 attacks and strikes" in status(app)
    assert map_count(app) == 3
    app.button(key="overview_play_forward").click().run()
    assert query(app, "until") == ["2014-03-17"]  # the next weekly step from 20 January
    app.button(key="overview_play_forward").click().run()
    assert query(app, "until") == ["2014-03-24"]
    assert map_count(app) == 6 and "6 of 10 attacks and strikes" in status(app)
    app.button(key="overview_play_back").click().run()
    assert query(app, "until") == ["2014-03-17"] and map_count(app) == 3


def test_without_a_position_everything_is_shown_and_step_back_starts_stepping():
    app = open_page("map")
    everything = map_count(app)
    assert everything == 10 and "All 10 attacks and strikes" in status(app)
    assert app.button(key="map_page_play_forward").disabled  # already at the end
    app.button(key="map_page_play_back").click().run()
    assert query(app, "until") == ["2014-03-31"] and map_count(app) == everything  # the week before the election
    slider = position_slider(app)
    slider.set_value(slider.options[0]).run()
    assert query(app, "until") == ["2014-01-20"] and map_count(app) == 1


def test_play_starts_from_the_first_step_and_pause_stops():
    app = open_page("timeline")
    play = app.button(key="timeline_page_play_play")
    assert play.label == "Play"
    play.click().run()
    # While playing the address stays (a history entry per step would make Back step through them)...
    assert query(app, "until") == [] and "Up to 20 January 2014" in status(app)
    assert app.button(key="timeline_page_play_pause").label == "Pause"
    app.button(key="timeline_page_play_pause").click().run()
    # ...and says where playing stopped once it stops.
    assert app.button(key="timeline_page_play_play").label == "Play" and query(app, "until") == ["2014-01-20"]


@pytest.mark.parametrize("value", ["2014-13-01", "yesterday"])
def test_a_bad_position_is_named_and_everything_shown(value):
    app = open_page("", {"until": value})
    assert not app.exception
    assert "until=" in app.warning[0].value and "not a date" in app.warning[0].value
    assert map_count(app) == 10 and "All 10 attacks and strikes" in status(app)
    app.button(key="overview_play_back").click().run()  # the control starts from the end, as with no position
    assert query(app, "until") == ["2014-03-31"]


def test_pages_without_the_control_ignore_the_position():
    app = open_page("article", {"until": "2014-01-20", "step": "3"})
    assert not app.exception
    assert not [b for b in app.button if b.label == "Step forward"]
    assert map_count(app) == map_count(open_page("article", {"step": "3"})) > 1  # not only the January strike
    assert query(app, "until") == ["2014-01-20"]  # kept for the pages that use it

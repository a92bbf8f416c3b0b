"""One path for the view's state: URL -> widgets -> URL is the identity, and an address changed from
outside (the browser's Back or Forward, an edited link) moves the widgets and every view.

AppTest stands in for the browser here: setting its query parameters between runs is what the
frontend does on Back or Forward (it reruns the app with the older address). The real browser's
history is tested in tests/browser/test_history.py.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.views.filters import MAX_TEXT
from tests.app.test_app import GUESTHOUSE, open_page, query, showing

SERENA = "kabul-serena-hotel-2014-03-20"
# Every parameter the app parses, each away from its default, as a shared link would carry them.
EVERY_PARAMETER = {
    "country": ["AFG"],
    "province": ["Kabul", "Kunar"],
    "from": ["2014-03-01"],
    "to": ["2014-03-31"],
    "kind": ["attack"],
    "actor": ["Taliban (Afghan)"],
    "attack": ["complex_attack", "suicide_bombing"],
    "target": ["private_citizens"],
    "grade": ["corroborated"],
    "killed": ["2"],
    "q": ["kabul"],
    "incident": [SERENA, GUESTHOUSE],
    "color": ["province"],
    "layer": ["provinces"],
    "measure": ["killed"],
    "basemap": ["boundaries"],
    "step": ["3"],
    "order": ["date"],
    "until": ["2014-03-24"],
}


def shared_link_query(app) -> dict[str, list[str]]:
    """The query of the link in "Share this view", which is built from the widgets' view."""
    link = app.sidebar.code[0].value  # AppTest has no server address: the link is "?query", or "" for none
    return parse_qs(urlsplit(link).query, keep_blank_values=True)


def test_every_parameter_goes_into_the_widgets_and_comes_back_unchanged():
    app = open_page("map", EVERY_PARAMETER)
    assert not app.exception
    assert not [w for w in app.warning if "Ignored in the link" in w.value]
    assert app.sidebar.multiselect(key="f_province").value == ["Kabul", "Kunar"]
    assert app.sidebar.text_input(key="f_text").value == "kabul"
    assert shared_link_query(app) == EVERY_PARAMETER


@pytest.mark.parametrize("length", [MAX_TEXT - 1, MAX_TEXT])
def test_a_long_search_round_trips_whole(length):
    text = ("kabul " * 60)[:length].strip() + "x"
    text = text[:length]
    app = open_page("", {"q": text})
    assert app.sidebar.text_input(key="f_text").value == text
    assert shared_link_query(app)["q"] == [text]


def test_a_search_longer_than_a_link_carries_is_cut_the_same_in_the_box_and_the_link():
    text = "a" * (MAX_TEXT + 50)
    app = open_page("", {"q": text})
    assert app.sidebar.text_input(key="f_text").value == "a" * MAX_TEXT
    assert shared_link_query(app)["q"] == ["a" * MAX_TEXT]
    assert any(f"longer than {MAX_TEXT}" in w.value for w in app.warning)


def test_the_search_box_accepts_no_more_than_a_link_carries():
    app = open_page("")
    assert app.sidebar.text_input(key="f_text").max_chars == MAX_TEXT


def test_dates_at_the_datas_edges_are_no_date_filter_on_both_sides():
    # The curated data runs from 23 March 2013 to 10 April 2014.
    app = open_page("", {"from": ["2013-03-23"], "to": ["2014-04-10"]})
    assert "from" not in shared_link_query(app) and "to" not in shared_link_query(app)
    assert showing(app) == "**Showing 18 of 18 incidents**"
    inside = open_page("", {"from": ["2013-03-24"], "to": ["2014-04-09"]})
    assert shared_link_query(inside) == {"from": ["2013-03-24"], "to": ["2014-04-09"]}


def test_back_after_reset_brings_the_filter_back_and_forward_removes_it_again():
    app = open_page("", {"province": ["Kabul"]})
    assert showing(app) == "**Showing 3 of 18 incidents**"
    app.sidebar.button[0].click().run()  # Reset filters
    assert showing(app) == "**Showing 18 of 18 incidents**" and not query(app, "province")
    app.query_params["province"] = "Kabul"  # Back: the frontend reruns with the older address
    app.run()
    assert showing(app) == "**Showing 3 of 18 incidents**"
    assert app.sidebar.multiselect(key="f_province").value == ["Kabul"]
    del app.query_params["province"]  # Forward
    app.run()
    assert showing(app) == "**Showing 18 of 18 incidents**"
    assert app.sidebar.multiselect(key="f_province").value == []


def test_back_after_a_selection_clears_it_and_back_after_an_article_step_returns_to_the_step():
    app = open_page("article")
    app.button(key="step_forward").click().run()
    app.button(key="step_forward").click().run()
    assert query(app, "step") == ["2"]
    step_two = list(query(app, "incident"))
    for name in list(app.query_params):  # Back to step 1, as its address said
        del app.query_params[name]
    app.query_params["step"] = "1"
    app.run()
    assert "Passage 1 of" in next(h.value for h in app.html if "Passage" in h.value)
    assert query(app, "incident") and query(app, "incident") != step_two
    assert app.session_state["v_step"] == 1


def test_a_widget_change_after_back_is_kept_not_overwritten_by_the_old_address():
    app = open_page("", {"province": ["Kabul"]})
    app.sidebar.button[0].click().run()
    app.query_params["province"] = "Kabul"  # Back
    app.run()
    app.sidebar.multiselect(key="f_country").set_value(["PAK"]).run()
    assert query(app, "country") == ["PAK"] and query(app, "province") == ["Kabul"]
    assert showing(app) == "**Showing 0 of 18 incidents**"

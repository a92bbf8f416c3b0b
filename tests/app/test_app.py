"""App tier: the Streamlit entry file run by AppTest, on every page, as a reader would open it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tests.conftest import CONTEXT_RECORD, with_changes

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
TITLES = {
    "": "Attacks around Afghanistan's 2014 presidential election, from one VICE News article",
    "map": "Map",
    "timeline": "Timeline",
    "incidents": "Incidents",
    "incident": "Incident",
    "article": "Article",
    "import": "Your data",
    "about": "About",
}
PAGES = tuple(TITLES)
GUESTHOUSE = "kabul-guesthouse-2014-03-28"


@pytest.fixture(autouse=True)
def curated_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)


def open_page(page: str = "", query: dict[str, list[str] | str] | None = None) -> AppTest:
    """Open a page by its URL path, as a link would, in one first run.

    AppTest.switch_page only knows file pages; st.navigation identifies a callable page by the hash
    of its URL path (st.Page), so the run asks for that hash, as a browser asks for the path.
    """
    app = AppTest.from_file(APP, default_timeout=30)
    for name, value in (query or {}).items():
        app.query_params[name] = value
    if page:
        app._page_hash = calc_hash(page)
    app.run()
    return app


def showing(app: AppTest) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("**Showing"))


def query(app: AppTest, name: str) -> list[str]:
    value = app.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)  # AppTest gives one value as a plain string


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_without_parameters(page):
    app = open_page(page)
    assert not app.exception
    assert app.title[0].value.replace("\\", "") == TITLES[page]  # the page the link asked for
    assert showing(app) == "**Showing 18 of 18 incidents**"
    assert not app.warning


@pytest.mark.parametrize("page", PAGES)
def test_every_page_survives_a_malformed_link_and_names_what_it_ignored(page):
    app = open_page(
        page, {"from": "2014-99-01", "province": ["Atlantis"], "incident": "made-up", "color": "rainbow", "zzz": "<script>"}
    )
    assert not app.exception
    assert showing(app) == "**Showing 18 of 18 incidents**"
    warning = app.warning[0].value
    for words in ("not a date", "Atlantis", "made\\-up", "rainbow", "zzz"):
        assert words in warning


def test_overview_has_headline_figures_timeline_and_map():
    app = open_page()
    assert "2014" in app.title[0].value
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Attacks and strikes"] == "10" and metrics["Provinces"] == "7"
    assert metrics["Days before the election"] == "8 to 75 days"
    sentence = next(m.value for m in app.main.markdown if "attacks and strikes" in m.value)
    # What, where and when in one sentence, the 10 attacks and strikes told apart from the records shown.
    assert sentence.startswith("10 attacks and strikes killed") and "provinces of Afghanistan and Pakistan" in sentence
    assert "8 to 75 days before the Afghan presidential election" in sentence and "context events" in sentence
    assert metrics["Killed"].startswith("at least")
    assert [h.value for h in app.main.header] == ["Timeline", "Map"]
    assert len(app.get("plotly_chart")) == 1 and len(app.get("component_instance")) == 1


def test_headline_follows_the_filters():
    app = open_page("", {"province": ["Kabul"], "kind": "attack"})
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Attacks and strikes"] == "3" and metrics["Provinces"] == "1"


def test_map_and_timeline_pages_each_draw_their_view():
    assert len(open_page("map").get("component_instance")) == 1
    timeline = open_page("timeline")
    assert len(timeline.get("plotly_chart")) == 1 and not timeline.get("component_instance")


def test_shared_link_reproduces_count_widgets_and_selection_on_any_page():
    for page in ("map", "incidents"):
        app = open_page(page, {"province": ["Kabul"], "kind": "attack", "incident": GUESTHOUSE, "color": "province"})
        assert not app.exception
        assert showing(app) == "**Showing 3 of 18 incidents**"
        assert app.sidebar.multiselect(key="f_province").value == ["Kabul"]
        assert app.sidebar.selectbox(key="v_color").value == "province"
        assert any("Attack on the Roots of Peace guesthouse" in m.value for m in app.markdown)  # the selection card
        assert query(app, "incident") == [GUESTHOUSE]


def test_incident_page_shows_every_part_of_the_record():
    app = open_page("incident", {"incident": GUESTHOUSE})
    assert not app.exception
    assert app.main.header[0].value == "Attack on the Roots of Peace guesthouse, Kabul"
    text = " ".join(m.value for m in app.markdown)
    assert "**When:** 2014-03-28 (exact day)" in text
    assert "(city point)" in text and "**Killed:** 1-2" in text
    assert ":orange-background[" in text  # the quote, marked inside its paragraph
    assert "](https://" in text or "](http://" in text  # sources as links
    assert len(app.get("component_instance")) == 1  # the small map


def test_incident_page_without_selection_offers_a_choice_that_selects():
    app = open_page("incident")
    picker = app.selectbox(key="incident_picker")
    picker.set_value(GUESTHOUSE).run()
    assert app.main.header[0].value == "Attack on the Roots of Peace guesthouse, Kabul"
    assert query(app, "incident") == [GUESTHOUSE]


def test_selected_incident_outside_the_filters_is_still_shown_and_said_so():
    app = open_page("incident", {"province": ["Kunar"], "incident": GUESTHOUSE})
    assert "outside the current filters" in app.info[0].value


def test_about_page_says_what_the_data_is_and_is_not():
    app = open_page("about")
    text = " ".join(m.value for m in app.markdown)
    assert "not a census" in text
    assert [h.value for h in app.subheader] == [
        "How it was made", "Grades", "Left out on purpose", "Sources", "Map boundaries", "Schema"
    ]  # fmt: skip
    assert "Reuters" in text and "`killed_min`" in text
    assert "Made with Natural Earth" in text and "Kashmir as administered" in text and "FATA" in text and "1:10m" in text


def test_incidents_table_lists_the_filtered_rows_with_downloads():
    app = open_page("incidents", {"province": ["Kabul"]})
    table = app.dataframe[0].value
    assert sorted(table["id"]) == sorted(
        ["kabul-guesthouse-2014-03-28", "kabul-serena-hotel-2014-03-20", "kabul-iec-office-2014-03-25"]
    )
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Download CSV", "Download GeoJSON"]


def test_changing_a_filter_or_the_colour_rewrites_the_url():
    app = open_page("timeline")
    app.sidebar.multiselect(key="f_country").set_value(["PAK"]).run()
    assert query(app, "country") == ["PAK"]
    assert showing(app) == "**Showing 8 of 18 incidents**"
    app.sidebar.selectbox(key="v_color").set_value("attack_type").run()
    assert query(app, "color") == ["attack_type"] and query(app, "country") == ["PAK"]


def test_a_selection_made_anywhere_goes_into_the_url_and_clearing_removes_it():
    app = open_page("map")
    app.session_state["selected"] = (GUESTHOUSE,)
    app.run()
    assert query(app, "incident") == [GUESTHOUSE]
    app.button(key="clear_selection").click().run()
    assert query(app, "incident") == []


def test_reset_clears_filters_but_keeps_the_page():
    app = open_page("map", {"province": ["Kabul"], "q": "hotel"})
    app.sidebar.button[0].click().run()
    assert showing(app) == "**Showing 18 of 18 incidents**"
    assert app.title[0].value == "Map" and not query(app, "province")


def test_filter_that_leaves_nothing_says_so():
    app = open_page("", {"q": "no such words anywhere"})
    assert not app.exception
    assert "No incident matches" in app.info[0].value


def test_broken_data_shows_problems_not_a_traceback(write_dataset, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(write_dataset([with_changes(date_start="soon")])))
    app = open_page()
    assert not app.exception
    assert "could not be loaded" in app.title[0].value
    assert "field 'date_start'" in app.code[0].value


def test_dataset_without_article_details_gets_no_empty_source_line(write_dataset, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(write_dataset()))
    app = open_page()
    assert not app.exception
    assert all("Source:" not in caption.value for caption in app.caption)


def test_curated_source_line_names_the_article():
    app = open_page()
    assert any(caption.value.startswith("Source: VICE News, Afghanistan’s Taliban") for caption in app.caption)


HOSTILE_MARKDOWN = "![track](http://example.org/t.png) **bold** <b>x</b> $x$"


@pytest.mark.parametrize("page", ["", "incident"])
def test_markdown_in_data_is_not_interpreted(page, write_dataset, monkeypatch):
    context = {**CONTEXT_RECORD, "title": HOSTILE_MARKDOWN}
    attack = with_changes(title=HOSTILE_MARKDOWN, summary=HOSTILE_MARKDOWN)
    monkeypatch.setenv("DASHBOARD_DATA", str(write_dataset([attack, context])))
    app = open_page(page, {"incident": "hotel"})
    assert not app.exception
    texts = [c.value for c in app.caption] + [m.value for m in app.markdown] + [s.value for s in app.main.header]
    shown = [t for t in texts if "track" in t]
    assert shown and all("\\!\\[track\\]" in t and "\\*\\*bold\\*\\*" in t and "\\$x\\$" in t for t in shown)


def test_article_page_marks_every_passage_and_steps_through_them():
    app = open_page("article")
    passage_buttons = [b for b in app.button if b.key and b.key.startswith("passage_")]
    assert len(passage_buttons) == 12  # distinct quoted passages in data/incidents.yaml
    app.button(key="step_forward").click().run()
    assert query(app, "step") == ["1"] and query(app, "incident") == ["afghan-presidential-election-2014-04-05"]
    app.button(key="passage_4").click().run()
    assert query(app, "step") == ["4"]
    assert sorted(query(app, "incident")) == [
        "kabul-iec-office-2014-03-25",
        "kunar-bank-2014-03-25",
        "kunduz-buzkashi-2014-03-25",
    ]
    app.button(key="step_back").click().run()
    assert query(app, "step") == ["3"] and len(query(app, "incident")) == 4
    (status,) = [h.proto.body for h in app.get("html") if 'role="status"' in h.proto.body]  # announced by screen readers
    assert "<b>Passage 3 of 12</b>" in status and 'aria-live="polite"' in status


def test_article_link_with_a_step_selects_its_records_and_survives_page_changes():
    app = open_page("article", {"step": "2"})
    assert query(app, "incident") == ["kabul-guesthouse-2014-03-28"]
    assert any(m.value.startswith("> The latest incident, earlier today") for m in app.markdown)
    app = open_page("map", {"step": "2"})  # the step is kept on other pages, like every other state
    assert query(app, "step") == ["2"] and query(app, "incident") == ["kabul-guesthouse-2014-03-28"]


def test_article_list_order_toggles_between_reading_and_date():
    app = open_page("article")
    listing = next(m.value for m in app.markdown if m.value.startswith("- "))
    assert listing.splitlines()[0].startswith("- \\[1\\]")  # reading order: the first passage first
    app.radio(key="article_order").set_value("date").run()
    assert query(app, "order") == ["date"]
    listing = next(m.value for m in app.markdown if m.value.startswith("- "))
    assert "Musharraf" in listing.splitlines()[0]  # the 2013 video is the earliest record


def test_bad_step_is_ignored_and_named_and_the_address_is_cleaned_by_the_next_change():
    app = open_page("article", {"step": "99"})
    assert "not a passage number \\(1 to 12\\)" in app.warning[0].value
    # The address is left as the reader opened it (rewriting it would add a history entry that
    # Back lands on); the first change of view writes a clean one and the notice goes.
    assert query(app, "step") == ["99"]
    app.button(key="step_forward").click().run()
    assert query(app, "step") == ["1"]
    assert not [w for w in app.warning if "Ignored in the link" in w.value]


def test_snapshot_button_prepares_a_zip_of_this_view():

    app = open_page("map", {"province": ["Kunar"]})
    app.button(key="prepare_snapshot").click().run()
    (download,) = [b for b in app.get("download_button") if "snapshot" in b.proto.label]
    assert re.match(r"Download snapshot\.zip \(\d+\.\d MB\)", download.proto.label)
    assert any(c.value.startswith("Unzipped: ") for c in app.caption)


def test_sidebar_names_app_and_data_versions():
    from dashboard import __version__
    from dashboard.records.loader import load_dataset
    from dashboard.views.escape import text_for_markdown

    version = text_for_markdown(load_dataset().meta["version"])
    app = open_page("about")
    assert any(c.value == f"App {__version__} · data {version}" for c in app.sidebar.caption)

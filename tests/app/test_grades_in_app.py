"""The grade, the left-out list and the page furniture as a reader meets them in the running app."""

from __future__ import annotations

from tests.app.test_app import open_page, query, showing

KUNDUZ = "kunduz-buzkashi-2014-03-25"


def test_incident_page_shows_the_grade_and_how_it_was_reached():
    app = open_page("incident", {"incident": KUNDUZ})
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    plain = text.replace("\\", "")  # data is shown escaped for Markdown
    assert "**Grade:** contested (tolls differ: at least 6 (Reuters); 6 (The Guardian, dpa); 5 (AFP, Anadolu Agency))" in plain
    assert "AFP (via Business Standard)" in plain  # where the copy cited is hosted


def test_table_has_a_grade_column():
    app = open_page("incidents", {"province": ["Kunduz"]})
    table = app.dataframe[0].value
    assert table.set_index("id").loc[KUNDUZ, "grade"] == "contested"


def test_grade_filter_from_a_link_and_from_the_sidebar():
    app = open_page("incidents", {"grade": "corroborated"})
    assert not app.exception and not app.warning
    assert app.sidebar.multiselect(key="f_grade").value == ["corroborated"]
    assert set(app.dataframe[0].value["grade"]) == {"corroborated"}
    app.sidebar.multiselect(key="f_grade").set_value(["contested"]).run()
    assert query(app, "grade") == ["contested"]
    assert showing(app) == f"**Showing {len(app.dataframe[0].value)} of 18 incidents**"
    assert set(app.dataframe[0].value["grade"]) == {"contested"}


def test_colour_by_grade_from_a_link():
    app = open_page("map", {"color": "grade"})
    assert not app.exception and not app.warning
    assert app.sidebar.selectbox(key="v_color").value == "grade"


def test_about_page_defines_grades_and_lists_what_was_left_out():
    app = open_page("about")
    text = " ".join(m.value for m in app.markdown)
    assert "`corroborated`" in text and "`contested`" in text and "`article only`" in text
    assert "The US drone campaign" in text and "VICE documentary" in text and "paragraph 26" in text


def test_article_page_shows_furniture_apart_and_never_as_text():
    app = open_page("article")
    captions = [c.value for c in app.caption]
    assert "Not part of the article (advertisement slot): Advertisement" in captions
    assert any(c.startswith("Not part of the article (photo caption): Photo via Reuters") for c in captions)
    assert not any(m.value.strip() in ("Advertisement", "FYI.", "News") for m in app.markdown)
    assert not any("Photo via Reuters" in m.value for m in app.markdown)

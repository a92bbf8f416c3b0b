"""Every page read as a keyboard, screen-reader or low-vision reader would meet it: axe-core, contrast, headings."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Frame, Page

from dashboard.views.color_vision import contrast_ratio
from devtools.browser import SCRIPT_IDLE
from tests.browser.conftest import screenshot
from tests.browser.test_map_in_browser import MAP_FRAME, TIMELINE_POINTS

# axe's "moderate" heading-order is kept too: headings out of order mislead a screen reader's outline.
ALWAYS = {"heading-order"}
PAGES = [
    ("overview", "/", MAP_FRAME),
    ("map", "/map?color=province", MAP_FRAME),
    ("timeline", "/timeline", TIMELINE_POINTS),
    ("incidents", "/incidents", '[data-testid="stDataFrame"]'),
    ("incident", "/incident?incident=kabul-guesthouse-2014-03-28", MAP_FRAME),
    ("incident-picker", "/incident", "text=No incident is selected"),
    ("article", "/article?step=3", MAP_FRAME),
    ("about", "/about", "text=How it was made"),
    ("import", "/import", "text=Export file"),
]


def settled(page: Page) -> None:
    """Streamlit has finished the script run (it marks its app element so)."""
    page.locator(SCRIPT_IDLE).first.wait_for(timeout=45_000)


def problems(target: Page | Frame, where: str) -> list[str]:
    """Serious and critical axe violations (and heading order), one line per failing element."""
    found = []
    for violation in Axe().run(target).response["violations"]:
        if violation["impact"] in {"serious", "critical"} or violation["id"] in ALWAYS:
            for node in violation["nodes"]:
                found.append(f"{where}: {violation['id']} ({violation['impact']}) at {node['target']}: {node['html'][:160]}")
    return found


def map_frames(page: Page) -> list[Frame]:
    return [frame for frame in page.frames if "streamlit_folium" in frame.url]


@pytest.mark.parametrize(("name", "path", "ready"), PAGES, ids=[p[0] for p in PAGES])
def test_axe_finds_no_serious_violation(server: str, page: Page, name: str, path: str, ready: str):
    page.goto(server + path)
    page.locator(ready).first.wait_for(timeout=45_000)
    settled(page)
    if ready == MAP_FRAME:  # the map's document is ours too: its markers, names and controls
        page.frame_locator(MAP_FRAME).first.locator(".leaflet-interactive, .leaflet-marker-icon").first.wait_for(
            state="attached", timeout=45_000
        )
    found = problems(page, name)
    for index, frame in enumerate(map_frames(page)):
        found += problems(frame, f"{name} map {index + 1}")
    screenshot(page, f"desktop-{name}")  # for a person to look at, beside the phone's (test_phone.py)
    assert not found, f"{len(found)} accessibility problem(s):\n" + "\n".join(found)


def test_chart_text_is_readable(server: str, page: Page):
    """axe skips SVG text, so the timeline's tick labels, legend and notes are measured here (WCAG AA 4.5:1)."""
    page.goto(server + "/timeline")
    page.locator(TIMELINE_POINTS).first.wait_for(timeout=45_000)
    fills = page.locator(".main-svg .xtick text, .main-svg .ytick text, .legendtext, .annotation-text").evaluate_all(
        "texts => texts.map(t => getComputedStyle(t).fill)"
    )
    assert len(fills) > 5
    colours = {fill for fill in fills}
    low = [c for c in colours if contrast_ratio(rgb_to_hex(c)) < 4.5]
    assert not low, f"chart text below 4.5:1 on white: {low}"


def rgb_to_hex(css: str) -> str:
    """'rgb(51, 51, 51)' as '#333333'."""
    numbers = css[css.index("(") + 1 : css.index(")")].split(",")[:3]
    return "#" + "".join(f"{int(float(n)):02x}" for n in numbers)

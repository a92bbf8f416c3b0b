"""The play control: step through the period (Play/Pause, Step back, Step forward, a position slider);
the map shows what had begun by each step and the timeline marks the day. The steps are in
dashboard.views.playback; the day is the view's `until` (in the URL), kept in session state under UNTIL.

Streamlit has no timer widget: while playing, a fragment reruns every PLAY_INTERVAL seconds
(`st.fragment(run_every=...)`), moves one step and reruns the app, so every view follows.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import streamlit as st

from dashboard.views.describe import day_text
from dashboard.views.playback import advance, neighbour, play_period, play_steps, step_text, step_unit, stops

from .context import PageContext
from .keys import PLAY_IN_FULL_RUN, PLAY_SLIDER_DRAWN, PLAYING, UNTIL

PLAY_INTERVAL = 2.0  # seconds a step stays on screen while playing: the app's rerun and the map's redraw fit in it


def _go_to(position: dt.date | None) -> None:
    st.session_state[UNTIL] = position
    st.session_state[PLAYING] = False


def _slid(slider_key: str) -> None:
    # Only a move of the slider drawn last counts. The browser keeps reporting a slider whose options
    # were replaced (a filter, Reset, Back) until a run finishes without it, and Streamlit then calls its
    # callback with the value it was drawn with (seen: Reset, then the address said ?until=2014-03-28).
    value = st.session_state[slider_key]
    if (slider_key, value) != st.session_state.get(PLAY_SLIDER_DRAWN) and slider_key == _drawn_key():
        _go_to(value)


def _drawn_key() -> str | None:
    drawn = st.session_state.get(PLAY_SLIDER_DRAWN)
    return drawn[0] if drawn else None


# Play and Pause are two buttons with callbacks that can run twice harmlessly, not one toggle: Streamlit
# replays a button's click on the next run when a timed rerun cuts into the run it started, and a toggle
# would then undo itself (seen in Chromium: Pause pressed mid-play, and playing went on).
def _pause() -> None:
    st.session_state[PLAYING] = False


def _play(steps: tuple[dt.date, ...]) -> None:
    position = st.session_state.get(UNTIL)
    if position is None or position >= steps[-1]:  # from the end, play starts again at the beginning
        st.session_state[UNTIL] = steps[0]
    st.session_state[PLAYING] = True


def _tick(steps: tuple[dt.date, ...]) -> None:
    """One timed step while playing (a fragment's rerun); nothing on the full run that draws it."""
    if st.session_state.pop(PLAY_IN_FULL_RUN, False) or not st.session_state.get(PLAYING):
        return
    position, playing = advance(steps, st.session_state.get(UNTIL))
    st.session_state[UNTIL] = position
    st.session_state[PLAYING] = playing
    st.rerun(scope="app")


def _label(day: dt.date) -> str:
    return day_text(pd.Timestamp(day))


def play_control(ctx: PageContext, key: str) -> None:
    """The control over the shown incidents' period; nothing when there is less than two steps to take."""
    steps = play_steps(ctx.frame)
    if len(steps) < 2:
        st.session_state[PLAYING] = False
        return
    position = ctx.view.until
    options = stops(steps, position)
    playing = bool(st.session_state.get(PLAYING))
    with st.container(border=True):
        play, back, forward = st.columns(3)
        if playing:
            play.button("Pause", key=f"{key}_pause", on_click=_pause, width="stretch")
        else:
            play.button(
                "Play",
                key=f"{key}_play",
                on_click=_play,
                args=(steps,),
                width="stretch",
                help="Step through the period on its own, one step every two seconds.",
            )
        back.button(
            "Step back",
            key=f"{key}_back",
            on_click=_go_to,
            args=(neighbour(steps, position, -1),),
            disabled=position is not None and position <= options[0],
            width="stretch",
        )
        forward.button(
            "Step forward",
            key=f"{key}_forward",
            on_click=_go_to,
            args=(neighbour(steps, position, 1),),
            disabled=position is None or position >= options[-1],
            width="stretch",
        )
        # The slider's value travels as an index into its options, and its identity is its key alone: when
        # the options change (a filter, Back, Reset), an index the browser still holds from the old
        # options would name another day and fire `_slid` (seen: Back to ?province=Kabul became
        # ?until=2014-01-20). A key per set of options makes new options a new slider.
        slider_key = f"{key}_position_{options[0]:%Y%m%d}_{options[-1]:%Y%m%d}_{len(options)}"
        shown = position if position is not None else options[-1]
        st.session_state[slider_key] = shown
        st.session_state[PLAY_SLIDER_DRAWN] = (slider_key, shown)
        st.select_slider(
            "Show the incidents that began up to",
            options,
            format_func=_label,
            key=slider_key,
            on_change=_slid,
            args=(slider_key,),
        )
        # A live region: a screen reader announces each step, pressed or played.
        status = html.escape(step_text(ctx.frame, position))
        st.html(f'<p role="status" aria-live="polite" style="margin:0"><b>{status}</b></p>')
        first, last = play_period(ctx.frame) or (steps[0], steps[-1])
        unit = step_unit(first, last)
        st.caption(
            f"Steps of a {unit}, from the first attack or strike to the last record ({len(steps)} steps; a day each when the "
            "period is under three weeks, a month each above three years). The map shows what began up to the step; "
            "the timeline marks it with a solid line."
        )
    st.session_state[PLAY_IN_FULL_RUN] = True
    st.fragment(_tick, run_every=PLAY_INTERVAL if playing else None)(steps)

"""Phones recognised by the screen's width, as the browser reports it.

Streamlit tells the server a browser's headers (the user agent) but not its width. A small
component (Streamlit's components v2: inline JavaScript, no build step) reports whether the
window is phone-narrow, and again only when a resize crosses the line. Until the first report
arrives (the very first run of a session), the user agent is the guess.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

# At most this many CSS pixels wide, a screen is laid out as a phone's (a 390 px phone, and a
# narrow window too; a tablet held upright, 768 px and more, gets the full charts).
PHONE_MAX_WIDTH = 640

_KEY = "reseau.screen"
_NARROW = "reseau.screen.narrow"
_JS = """
export default function(component) {
    const { data, setStateValue } = component;
    const report = () => {
        const narrow = window.innerWidth <= %(max)d;
        // Only what the server does not know yet: no rerun for a value it already has.
        if (data === null || data === undefined || data.narrow !== narrow) {
            setStateValue("narrow", narrow);
        } else {
            // The server lays the screen out for this width: a state browser tests wait on.
            document.documentElement.dataset.reseauScreen = narrow ? "phone" : "wide";
        }
    };
    report();
    window.addEventListener("resize", report);
    return () => window.removeEventListener("resize", report);
}
"""
_screen = st.components.v2.component("reseau_screen_width", js=_JS % {"max": PHONE_MAX_WIDTH})


def watch_screen() -> None:
    """Mounts the width report at the foot of the sidebar and keeps its last answer."""
    known = _reported()
    if known is None:
        known = st.session_state.get(_NARROW)
    # The server's guess goes to the browser, which answers only when the guess is wrong: a
    # report on every first visit cost each participant an extra run at the moment of their
    # first click, which could lose that click (tests/e2e/test_hostile_uploads.py).
    guess = known if isinstance(known, bool) else _agent_says_phone()
    with st.sidebar:
        result: Any = _screen(key=_KEY, data={"narrow": guess}, on_narrow_change=lambda: None)
    narrow = getattr(result, "narrow", None)
    if isinstance(narrow, bool):
        st.session_state[_NARROW] = narrow


def _reported() -> bool | None:
    """What the browser said last, as this run starts (before the report is drawn again)."""
    try:
        state: Any = st.session_state[_KEY]
    except (KeyError, AttributeError):
        return None
    narrow = state.get("narrow") if hasattr(state, "get") else getattr(state, "narrow", None)
    return narrow if isinstance(narrow, bool) else None


def on_phone() -> bool:
    """Whether to lay the screen out for a phone: from its width, once the browser has said it.

    Before that (a session's first run), a user agent saying « Mobi » (as browsers advise for
    phones) is the guess.
    """
    narrow = st.session_state.get(_NARROW)
    if isinstance(narrow, bool):
        return narrow
    return _agent_says_phone()


def _agent_says_phone() -> bool:
    try:
        agent = st.context.headers.get("User-Agent") or ""
    except Exception:  # no browser behind this run (AppTest, scripts)
        return False
    return "Mobi" in agent

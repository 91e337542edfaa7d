"""What happens at the top of every run: find the participant's workbook from the page URL.

The URL carries the workbook id (`?wb=…`), so a refresh, a reopened tab or another device opens
the same workbook. `?demo=1` opens a fresh workbook holding the demo network (the trainer's link),
`?lang=fr|en` chooses the language, and `?join=CODE` (the trainer's join link) gives a new
workbook attached to that workshop.

A new empty workbook is stored only at its first change (a visit that changes nothing leaves
nothing behind): its id is in the URL at once, marked `&new=1` until the row exists, so a refresh
before any change reopens the same empty workbook, while a link to a deleted workbook still says
it is gone. The demo link is a request for content: its workbook is stored at once.
"""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.runtime.state import QueryParamsProxy

from reseau.demo import load_demo_network
from reseau.i18n import Lang, t
from reseau.storage import StoreLost, StoreUnavailable, WorkbookNotFound, new_workbook_id
from reseau.ui.joining import (
    JOIN_PARAM,
    LANG_PARAM,
    NEW_PARAM,
    WORKBOOK_PARAM,
    join,
    open_joined,
)
from reseau.ui.resources import store
from reseau.ui.state import Workspace
from reseau.workbook import Workbook

log = logging.getLogger(__name__)

DEMO_PARAM = "demo"
_REPLAY = "reseau.replay"
_NEW_EMPTY = "1"


def visitor_lang() -> Lang:
    """The language to speak to a visitor before any workbook is open: the URL's, the browser's."""
    return Lang.parse(st.query_params.get(LANG_PARAM), _browser_lang())


def problem_key(problem: BaseException) -> str:
    """The catalogue key telling a visitor the store cannot be used (lost or unavailable)."""
    return StoreLost.key if isinstance(problem, StoreLost) else StoreUnavailable.key


def _browser_lang() -> Lang:
    try:
        return Lang.parse(st.context.locale, Lang.FR)
    except Exception:  # no browser (tests, scripts): French is the default
        return Lang.FR


def _open_new(ws: Workspace, workbook: Workbook, workbook_id: str | None = None) -> None:
    ws.open_new(workbook_id or new_workbook_id(), workbook, _NEW_EMPTY)


def _open_demo(ws: Workspace, lang: Lang) -> None:
    workbook = Workbook(network=load_demo_network(), lang=lang)
    _open_new(ws, workbook)
    ws.ensure_stored()


def _could_be_an_id(text: str) -> bool:
    # The ids this app makes: 22 URL-safe characters. Anything else never becomes a row's key.
    return len(text) == len(new_workbook_id()) and all(
        ch.isascii() and (ch.isalnum() or ch in "-_") for ch in text
    )


def _hold_back_a_lost_sessions_widgets() -> None:
    """Holds back the widget values a tab sent from a server session that no longer exists.

    After a server restart the tab reconnects to a new session and sends, with the next click,
    every value its widgets show. Streamlit runs a widget's callback (which saves) only for a
    widget this session has already drawn, so that first change would show on screen without
    ever being saved. This run draws the screen from the store instead; `replay_lost_changes`
    then sends the held values back as a fresh interaction, whose changes save as usual.
    """
    try:
        from streamlit.proto.WidgetStates_pb2 import WidgetStates
        from streamlit.runtime.state.session_state import Serialized
        from streamlit.runtime.state.session_state_proxy import get_session_state

        states = get_session_state()._state._new_widget_state.states
    except Exception:  # another Streamlit version: keep going without this safeguard
        log.warning("cannot hold back a reconnected tab's widget values on this Streamlit")
        return
    held = [state.value for state in states.values() if isinstance(state, Serialized)]
    if not held:
        return
    states.clear()
    st.session_state[_REPLAY] = WidgetStates(widgets=held)


def replay_lost_changes() -> None:
    """At the end of a reconnected tab's first run: replays what it sent, so its change saves.

    Every widget is now drawn, with the stored values; the replayed values reach the callbacks
    of those that differ, exactly as if the participant had just made the change.
    """
    held = st.session_state.get(_REPLAY)
    if held is None:
        return
    del st.session_state[_REPLAY]
    try:
        from streamlit.runtime.scriptrunner_utils.exceptions import RerunException
        from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None:
            return
        replay = RerunData(
            query_string=ctx.query_string,
            page_script_hash=ctx.page_script_hash,
            widget_states=held,
            cached_message_hashes=ctx.cached_message_hashes,
            context_info=ctx.context_info,
        )
    except Exception:  # another Streamlit version: say the change may be lost instead
        log.warning("cannot replay a reconnected tab's widget values on this Streamlit")
        Workspace(st.session_state, store()).flash(
            "warning", t("save.reconnected", _session_lang())
        )
        return
    raise RerunException(replay)


def _session_lang() -> Lang:
    workbook = st.session_state.get("reseau.workbook")
    return workbook.lang if workbook is not None else Lang.FR


def start_session(ws: Workspace) -> None:
    """Attaches the session to its workbook, creating or restoring it as the URL says."""
    if ws.workbook_id is None:
        _hold_back_a_lost_sessions_widgets()
    params = st.query_params
    wanted = params.get(WORKBOOK_PARAM)
    url_lang = params.get(LANG_PARAM)
    wants_demo = params.get(DEMO_PARAM) == "1"
    joining = params.get(JOIN_PARAM)

    if ws.workbook_id is None or (wanted and wanted != ws.workbook_id and not wants_demo):
        lang = Lang.parse(url_lang, _browser_lang())
        if wants_demo:
            _open_demo(ws, lang)
        elif wanted:
            _restore(ws, wanted, lang, params.get(NEW_PARAM))
        elif joining:
            if not open_joined(ws, joining, lang):
                _open_new(ws, Workbook(lang=lang))
            joining = None
        else:
            _open_new(ws, Workbook(lang=lang))
    elif wants_demo and len(ws.network) == 0:
        ws.set_network(load_demo_network())

    if url_lang:
        ws.set_lang(Lang.parse(url_lang, ws.lang))
        # The link says where to start; from then on the sidebar's switch decides. A stored
        # workbook keeps the language, so a refresh without the parameter loses nothing; a new
        # one has no row yet, so its link keeps the language until the switch or a first change.
        if not ws.new_origin:
            del params[LANG_PARAM]
    if wants_demo:
        del params[DEMO_PARAM]
    if joining:
        join(ws, joining)
    if JOIN_PARAM in params:
        del params[JOIN_PARAM]
    if ws.workbook_id and params.get(WORKBOOK_PARAM) != ws.workbook_id:
        params[WORKBOOK_PARAM] = ws.workbook_id
    _mark_new(ws, params)


def _mark_new(ws: Workspace, params: QueryParamsProxy) -> None:
    """Keeps `new=` in the URL exactly while the workbook has no row in the store yet."""
    marker = ws.new_origin if ws.workbook_id else None
    if not marker:
        if NEW_PARAM in params:
            del params[NEW_PARAM]
        return
    if params.get(NEW_PARAM) != marker:
        params[NEW_PARAM] = marker


def _restore(ws: Workspace, workbook_id: str, lang: Lang, new: str | None) -> None:
    try:
        ws.open_stored(workbook_id)
    except WorkbookNotFound as problem:
        if new == _NEW_EMPTY and _could_be_an_id(workbook_id):
            # Opened here before and never changed: the same new workbook, still without a row.
            _open_new(ws, Workbook(lang=lang), workbook_id)
            return
        _open_new(ws, Workbook(lang=lang))
        ws.flash("warning", ws.t(problem.key))

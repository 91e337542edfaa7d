"""The home page's pieces: the three starts (with a confirmation before replacing work) and the
participant's own details."""

from __future__ import annotations

import streamlit as st

from reseau.demo import load_demo_network
from reseau.network import Network
from reseau.ui import pages
from reseau.ui.markdown import t_md
from reseau.ui.state import Workspace
from reseau.workshop import clean_first_name

_PENDING = "home.pending_start"
_DEMO, _EMPTY = "demo", "empty"


def _start(ws: Workspace, choice: str) -> None:
    ws.set_scratch(_PENDING, None)
    if choice == _DEMO:
        ws.set_network(load_demo_network())
        ws.flash("success", ws.t("home.demo_loaded", count=len(ws.network)))
    else:
        ws.set_network(Network())
        ws.flash("info", ws.t("home.empty_started"))
    st.rerun()


def three_starts(ws: Workspace) -> None:
    """Demo, import or empty workbook; replacing contacts already there asks first."""
    demo_col, import_col, empty_col = st.columns(3)
    with demo_col:
        if st.button(ws.t("home.start.demo"), icon=":material/slideshow:", type="primary"):
            ws.set_scratch(_PENDING, _DEMO)
        st.caption(ws.t("home.start.demo.help"))
    with import_col:
        st.page_link(pages.IMPORT.path, label=ws.t("home.start.import"), icon=pages.IMPORT.icon)
        st.caption(ws.t("home.start.import.help"))
    with empty_col:
        if st.button(ws.t("home.start.empty"), icon=":material/edit_note:"):
            ws.set_scratch(_PENDING, _EMPTY)
        st.caption(ws.t("home.start.empty.help"))

    pending = ws.scratch(_PENDING)
    if not pending:
        return
    if not len(ws.network):
        _start(ws, pending)
    st.warning(ws.t("home.replace_warning", count=len(ws.network)), icon=":material/warning:")
    confirm_col, cancel_col, _ = st.columns([1, 1, 3])
    if confirm_col.button(ws.t("home.replace_confirm"), type="primary"):
        _start(ws, pending)
    if cancel_col.button(ws.t("home.replace_cancel")):
        ws.set_scratch(_PENDING, None)
        st.rerun()


def _save_details(ws: Workspace) -> None:
    ws.set_details(
        participant=ws.widget_value("home.participant", ""),
        mission=ws.widget_value("home.mission", ""),
    )


def _who_sees_the_name(ws: Workspace) -> str:
    """Who sees the participant's name: they alone, or also the trainer of their workshop."""
    membership = None
    if ws.workbook_id and ws.workbook.workshop_code:
        membership = ws.store.membership(ws.workbook_id)
    if membership is None:
        return ws.t("home.participant.who")
    workshop, shown = membership.workshop.name, membership.first_name
    if shown is None:
        return t_md(ws, "home.participant.who_anonymous", workshop=workshop)
    if shown != clean_first_name(ws.network.participant):
        return t_md(ws, "home.participant.who_other", workshop=workshop, name=shown)
    return t_md(ws, "home.participant.who_workshop", workshop=workshop)


def participant_details(ws: Workspace) -> None:
    """The participant's first name and mission, saved as soon as they are typed."""
    with st.expander(ws.t("home.details.title"), expanded=not ws.network.participant):
        name_col, mission_col = st.columns([1, 2])
        name_col.text_input(
            ws.t("home.participant"),
            value=ws.network.participant,
            key="home.participant",
            on_change=_save_details,
            args=(ws,),
            max_chars=100,
        )
        name_col.caption(_who_sees_the_name(ws))
        mission_col.text_input(
            ws.t("home.mission"),
            value=ws.network.mission,
            key="home.mission",
            on_change=_save_details,
            args=(ws,),
            max_chars=300,
        )

"""Formateur: create a workshop, project its code, follow the room live, export, close."""

import streamlit as st

from reseau.ui.follow_up_view import follow_up_room, open_follow_up
from reseau.ui.state import workspace
from reseau.ui.widgets import page_title
from reseau.ui.workshop_view import (
    choose_workshop,
    create_workshop,
    export_and_close,
    how_to_enable,
    is_trainer,
    live_room,
    password_gate,
    presented_workshop,
    presenter_view,
    projector,
    reveal_toggle,
    trainer_enabled,
)

ws = workspace()
presented = presented_workshop(ws) if trainer_enabled() else None
if presented is None or not is_trainer(ws):
    page_title(ws, "trainer.title")

if not trainer_enabled():
    how_to_enable(ws)
    st.stop()
if not password_gate(ws):
    st.stop()
if presented is not None:
    presenter_view(ws, presented)
    st.stop()

st.markdown(ws.t("trainer.intro"))
workshop = choose_workshop(ws)
with st.expander(
    ws.t("trainer.create.title"), icon=":material/add_circle:", expanded=workshop is None
):
    create_workshop(ws)
if workshop is None:
    st.stop()
with st.expander(ws.t("follow_up.open.title"), icon=":material/update:"):
    open_follow_up(ws, workshop)

projector_tab, room_tab, export_tab = st.tabs(
    [ws.t("trainer.tab.projector"), ws.t("trainer.tab.room"), ws.t("trainer.tab.export")]
)
with projector_tab:
    projector(ws, workshop)
with room_tab:
    follow_up_room(ws, workshop)
    reveal_toggle(ws, workshop)
    live_room(ws, workshop.code)
with export_tab:
    export_and_close(ws, workshop)

"""The trainer's follow-up workshop: open one after the first, and see the room before and after."""

from __future__ import annotations

import streamlit as st

from reseau.errors import ReseauError
from reseau.follow_up import FollowUp, is_share, room_follow_up, rows, shown_value
from reseau.room import MIN_ROOM
from reseau.ui.components.trainer import SELECTED_WORKSHOP
from reseau.ui.markdown import problem_md, t_md
from reseau.ui.state import Workspace
from reseau.workshop import WORKSHOP_NAME_LIMIT, Workshop, WorkshopNotFound
from reseau.workshop import open_follow_up as open_follow_up_workshop


def follow_up_for(ws: Workspace, workshop: Workshop) -> FollowUp | None:
    """The room's before and after when `workshop` follows another one; None otherwise."""
    return room_follow_up(ws.store, workshop.code, ws.today)


def open_follow_up(ws: Workspace, workshop: Workshop) -> None:
    """A form opening a follow-up workshop attached to `workshop`."""
    first = _first_of(ws, workshop)
    st.caption(ws.t("follow_up.open.intro"))
    with st.form(f"trainer.follow_up.{workshop.code}", clear_on_submit=True):
        default = ws.t("follow_up.open.default_name", name=first.name)
        name = st.text_input(
            ws.t("follow_up.open.name"),
            value=default[:WORKSHOP_NAME_LIMIT],
            max_chars=WORKSHOP_NAME_LIMIT,
        )
        if not st.form_submit_button(
            ws.t("follow_up.open.button"), icon=":material/update:", type="primary"
        ):
            return
    try:
        opened, new = open_follow_up_workshop(ws.store, workshop.code, name)
    except ReseauError as problem:
        st.error(problem_md(ws, problem))
        return
    ws.set_scratch(SELECTED_WORKSHOP, opened.code)
    ws.flash(
        "toast",
        t_md(
            ws,
            "follow_up.opened" if new else "follow_up.already_open",
            name=opened.name,
            code=opened.display_code,
            first=first.name,
        ),
    )
    st.rerun()


def _first_of(ws: Workspace, workshop: Workshop) -> Workshop:
    """The first workshop of a course: `workshop` itself unless it is a follow-up."""
    first = ws.store.follows(workshop.code)
    if first is None:
        return workshop
    try:
        return ws.store.workshop(first)
    except WorkshopNotFound:
        return workshop


def follow_up_room(ws: Workspace, workshop: Workshop) -> None:
    """The room before and after, for a follow-up workshop; nothing for a first one."""
    try:
        follow_up = follow_up_for(ws, workshop)
        first = ws.store.follows(workshop.code)
        first_name = ws.store.workshop(first).name if first else None
    except WorkshopNotFound:
        return
    if follow_up is None or first_name is None:
        return
    st.subheader(ws.t("follow_up.heading"), anchor=False)
    st.caption(t_md(ws, "follow_up.of", name=first_name) + " " + ws.t("follow_up.explain"))
    st.markdown(ws.t("follow_up.participants", count=follow_up.participants))
    if not follow_up.shown:
        st.info(ws.t("follow_up.too_few", count=MIN_ROOM), icon=":material/group:")
        st.caption(ws.t("follow_up.live_note"))
        return
    table = rows(follow_up, ws.lang)
    st.dataframe(
        {
            ws.t("follow_up.col.figure"): [what for what, _, _ in table],
            ws.t("follow_up.col.before"): [
                shown_value(before, is_share(i), ws.lang) for i, (_, before, _) in enumerate(table)
            ],
            ws.t("follow_up.col.after"): [
                shown_value(after, is_share(i), ws.lang) for i, (_, _, after) in enumerate(table)
            ],
        },
        hide_index=True,
        width="stretch",
    )
    st.caption(ws.t("follow_up.live_note"))

"""The participant's own data, in the sidebar: resume link, workshop, and "delete my data".

The resume link is the workbook's only key, so the block says plainly that whoever has the link
can read the workbook. Deleting asks for a confirmation, then removes the workbook from the
store for good and starts an empty one.
"""

from __future__ import annotations

import streamlit as st

from reseau.errors import ReseauError
from reseau.storage import FIRST_NAME_LIMIT
from reseau.ui.components.confirm import Confirmation, press_again
from reseau.ui.joining import LANG_PARAM, NEW_PARAM, WORKBOOK_PARAM, join, personal_link
from reseau.ui.markdown import problem_md, t_md
from reseau.ui.state import Workspace


def my_data(ws: Workspace) -> None:
    """The sidebar block; nothing when there is no store to keep the workbook in."""
    if not ws.workbook_id:
        return
    with st.sidebar.expander(ws.t("mydata.title"), icon=":material/shield_person:"):
        _resume_link(ws)
        st.divider()
        _workshop(ws)
        st.divider()
        _delete(ws)


def _resume_link(ws: Workspace) -> None:
    st.markdown(ws.t("mydata.link.title"))
    link = personal_link(ws.workbook_id or "")
    if ws.new_origin:
        # No row yet: the link says so, or another device would find nothing at this id.
        link = f"{link}&{NEW_PARAM}={ws.new_origin}"
    st.code(link, language=None, wrap_lines=True)
    st.caption(ws.t("mydata.link.warning"))


def _workshop(ws: Workspace) -> None:
    workbook_id = ws.workbook_id
    membership = ws.store.membership(workbook_id) if workbook_id else None
    if membership is None or workbook_id is None:
        with st.form("my_data.join", border=False, enter_to_submit=True):
            code = st.text_input(
                ws.t("mydata.join.label"),
                placeholder=ws.t("mydata.join.placeholder"),
                help=ws.t("mydata.join.help"),
                max_chars=12,
            )
            if st.form_submit_button(ws.t("mydata.join.button"), icon=":material/groups:"):
                join(ws, code)
                st.rerun()
        return
    workshop = membership.workshop
    st.markdown(t_md(ws, "mydata.workshop.in", name=workshop.name))
    if not workshop.is_open:
        st.caption(ws.t("mydata.workshop.closed"))
    shown = membership.first_name
    st.caption(
        t_md(ws, "mydata.first_name.shown", name=shown)
        if shown
        else ws.t("mydata.first_name.anonymous")
    )
    with st.form("my_data.first_name", border=False, enter_to_submit=True):
        name = st.text_input(
            ws.t("mydata.first_name.label"),
            value=shown or "",
            max_chars=FIRST_NAME_LIMIT,
            help=ws.t("mydata.first_name.help"),
        )
        if st.form_submit_button(ws.t("mydata.first_name.button")):
            try:
                kept = ws.store.set_first_name(workbook_id, name)
            except ReseauError as problem:
                ws.flash("error", problem_md(ws, problem))
            else:
                ws.flash(
                    "success",
                    t_md(ws, "mydata.first_name.saved", name=kept)
                    if kept
                    else ws.t("mydata.first_name.removed"),
                )
            st.rerun()


def _delete(ws: Workspace) -> None:
    asked = Confirmation(
        key="my_data.delete",
        button=ws.t("mydata.delete.button"),
        help=ws.t("mydata.delete.help"),
        question=ws.t("mydata.delete.confirm_text", count=len(ws.network)),
        confirm=ws.t("mydata.delete.confirm"),
        cancel=ws.t("mydata.delete.cancel"),
        icon=":material/delete_forever:",
    )
    if press_again(ws, asked):
        done, lang = ws.t("mydata.delete.done"), ws.lang
        ws.delete_workbook()
        if WORKBOOK_PARAM in st.query_params:
            del st.query_params[WORKBOOK_PARAM]
        # The next run opens an empty workbook: in the same language, with the message.
        st.query_params[LANG_PARAM] = lang.value
        ws.flash("success", done)
        st.rerun()

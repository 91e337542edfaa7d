"""The participant's own data, in the sidebar: resume link, workshop, and "delete my data".

The resume link is the workbook's only key, so the block says plainly that whoever has the link
can read the workbook. Deleting asks for a confirmation, then removes the workbook from the
store for good and starts an empty one.
"""

from __future__ import annotations

from datetime import date

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from reseau import clock
from reseau.export.xlsx import XLSX_MIME, build_xlsx, download_name, notice_xlsx
from reseau.i18n import day
from reseau.storage import retention_days_from_env
from reseau.ui.components.confirm import Confirmation, press_again
from reseau.ui.downloads import deferred, on_download
from reseau.ui.joining import (
    LANG_PARAM,
    NEW_PARAM,
    WORKBOOK_PARAM,
    join_refusal,
    personal_link,
)
from reseau.ui.markdown import t_md
from reseau.ui.state import Workspace

# Why the code typed in the sidebar was refused, shown once beside the field.
_JOIN_REFUSED = "my_data.join_refused"


def my_data(ws: Workspace) -> None:
    """The sidebar block; nothing when there is no store to keep the workbook in."""
    if not ws.workbook_id:
        return
    with st.sidebar.expander(ws.t("mydata.title"), icon=":material/shield_person:"):
        _resume_link(ws)
        retention_notice(ws, where="sidebar")
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


def expires_on(ws: Workspace) -> date | None:
    """The day the stored workbook goes if its owner does not come back; None when not stored."""
    if not ws.workbook_id or ws.new_origin:
        return None
    try:
        expiry = ws.store.expires_on(ws.workbook_id, retention_days_from_env())
    except SQLAlchemyError:
        return None  # an unreachable store is reported where it matters: at the next save
    return None if expiry is None else expiry + clock.shift()


def retention_notice(ws: Workspace, *, where: str, planned: date | None = None) -> None:
    """The day the data goes unless the participant comes back, and the export a click away.

    With `planned` (the next assessment's day), says so when the data would be gone by then.
    """
    expiry = expires_on(ws)
    if expiry is None:
        return
    st.caption(
        ws.t("mydata.retention.notice", day=day(expiry, ws.lang), count=retention_days_from_env())
    )
    if planned is not None and planned > expiry:
        st.warning(ws.t("mydata.retention.before_plan", planned=day(planned, ws.lang)))
    workbook, lang, today = ws.workbook, ws.lang, ws.today
    st.download_button(
        ws.t("mydata.retention.export"),
        data=deferred(
            ws,
            "workbook export",
            lambda: build_xlsx(workbook, lang=lang, today=today),
            notice_xlsx,
        ),
        file_name=download_name(workbook.network.participant, today, lang),
        mime=XLSX_MIME,
        icon=":material/download:",
        help=ws.t("mydata.retention.export.help"),
        on_click=on_download(ws),
        key=f"my_data.export.{where}",
    )


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
                ws.set_scratch(_JOIN_REFUSED, join_refusal(ws, code))
                st.rerun()
        # Beside the field, not at the top of the page: on a phone the sidebar covers the page.
        refusal = ws.scratch(_JOIN_REFUSED)
        if refusal:
            ws.set_scratch(_JOIN_REFUSED, None)
            st.error(refusal, icon=":material/error:")
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
    # One name, one field: it is typed on Accueil, where the sentence beside it says who sees it.
    st.caption(ws.t("mydata.first_name.where"))


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

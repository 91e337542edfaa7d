"""The trainer's screen, piece by piece: password gate, workshops, projector, live room, export.

The room shows counts only (`reseau.workshop`): never a contact's name or details. The live part
is a fragment that reruns by itself every few seconds without reloading the page.
"""

from __future__ import annotations

import hmac
import logging
import math
import os
import time
from datetime import UTC, datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import segno
import streamlit as st

from reseau.errors import ReseauError
from reseau.export.xlsx import notice_xlsx
from reseau.i18n import Lang, day, label, number
from reseau.palette import INK
from reseau.storage import WORKSHOP_NAME_LIMIT, Workshop, WorkshopNotFound
from reseau.throttle import TRAINER_PASSWORD
from reseau.ui.client import client_address
from reseau.ui.downloads import deferred, on_download
from reseau.ui.joining import join_link
from reseau.ui.markdown import escape_markdown, problem_md, t_md
from reseau.ui.state import Workspace
from reseau.vocabulary import SCALES, circle_of
from reseau.workshop import (
    ROOMS,
    RoomSummary,
    circle_figure,
    quadrant_figure,
    room_excel,
)

log = logging.getLogger(__name__)

PASSWORD_ENV = "RESEAU_TRAINER_PASSWORD"
REFRESH = timedelta(seconds=5)
WRONG_PASSWORD_DELAY = 1.0  # seconds: slows guessing down without bothering a trainer

_AUTHENTICATED = "trainer.authenticated"
_SELECTED = "trainer.workshop"
_CONFIRM_CLOSE = "trainer.confirm_close"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def trainer_enabled() -> bool:
    return bool(os.environ.get(PASSWORD_ENV, ""))


def password_matches(given: str) -> bool:
    """Compares in constant time, so the answer's delay says nothing about the password."""
    expected = os.environ.get(PASSWORD_ENV, "")
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def how_to_enable(ws: Workspace) -> None:
    st.info(ws.t("trainer.disabled"), icon=":material/lock:")
    st.code(f"{PASSWORD_ENV}='…' make run", language="bash")


def password_gate(ws: Workspace) -> bool:
    """True once this session gave the trainer password; otherwise shows the password form."""
    if ws.scratch(_AUTHENTICATED):
        return True
    with st.form("trainer.login"):
        given = st.text_input(ws.t("trainer.password"), type="password")
        submitted = st.form_submit_button(ws.t("trainer.login"), icon=":material/login:")
    if submitted:
        client = client_address()
        if TRAINER_PASSWORD.wait(client):
            _locked_out(ws, client)
            return False
        if password_matches(given):
            TRAINER_PASSWORD.succeeded(client)
            ws.set_scratch(_AUTHENTICATED, True)
            st.rerun()
        failures = TRAINER_PASSWORD.failed(client)
        log.warning("wrong trainer password from %s (%d within the window)", client, failures)
        time.sleep(WRONG_PASSWORD_DELAY)
        if TRAINER_PASSWORD.wait(client):
            _locked_out(ws, client)
        else:
            st.error(ws.t("trainer.wrong_password"))
    return False


def _locked_out(ws: Workspace, client: str) -> None:
    """Says how long to wait; the password typed meanwhile is not even compared."""
    minutes = max(1, math.ceil(TRAINER_PASSWORD.wait(client) / 60))
    st.error(ws.t("trainer.locked_out", minutes=minutes), icon=":material/lock_clock:")


def create_workshop(ws: Workspace) -> None:
    with st.form("trainer.create", clear_on_submit=True):
        name = st.text_input(
            ws.t("trainer.create.name"),
            max_chars=WORKSHOP_NAME_LIMIT,
            placeholder=ws.t("trainer.create.placeholder"),
        )
        if not st.form_submit_button(
            ws.t("trainer.create.button"), type="primary", icon=":material/add:"
        ):
            return
    try:
        workshop = ws.store.create_workshop(name) if ws.store else None
    except ReseauError as problem:
        st.error(problem_md(ws, problem))
        return
    if workshop is not None:
        ws.set_scratch(_SELECTED, workshop.code)
        ws.flash(
            "success", t_md(ws, "trainer.created", name=workshop.name, code=workshop.display_code)
        )
        st.rerun()


def choose_workshop(ws: Workspace) -> Workshop | None:
    """The workshop the trainer is looking at (the newest by default)."""
    workshops = ws.store.workshops() if ws.store else []
    if not workshops:
        st.info(ws.t("trainer.none_yet"))
        return None
    by_code = {w.code: w for w in workshops}
    selected = ws.scratch(_SELECTED)
    codes = list(by_code)
    choice = st.selectbox(
        ws.t("trainer.choose"),
        codes,
        index=codes.index(selected) if selected in by_code else 0,
        format_func=lambda code: _workshop_label(ws, by_code[code]),
    )
    ws.set_scratch(_SELECTED, choice)
    return by_code[choice]


def _workshop_label(ws: Workspace, workshop: Workshop) -> str:
    status = "" if workshop.is_open else f" ({ws.t('workshop.status.closed')})"
    created = day(workshop.created_at.date(), ws.lang)
    return f"{workshop.name} · {workshop.display_code} · {created}{status}"


@st.cache_data(max_entries=32, show_spinner=False)
def qr_png(text: str) -> bytes:
    """A QR code big enough to scan from the back of a room."""
    buffer = BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=12, border=2, dark=INK)
    return buffer.getvalue()


def projector(ws: Workspace, workshop: Workshop) -> None:
    """The code, the join link and its QR code, to show on the projector."""
    if not workshop.is_open:
        st.warning(ws.t("trainer.closed_notice"), icon=":material/lock:")
        return
    link = join_link(workshop)
    text_col, qr_col = st.columns([3, 2], gap="large")
    with text_col:
        st.subheader(escape_markdown(workshop.name), anchor=False)
        st.markdown(ws.t("trainer.projector.code_label"))
        st.title(workshop.display_code, anchor=False)
        st.markdown(ws.t("trainer.projector.link_label"))
        st.code(link, language=None, wrap_lines=True)
        st.caption(ws.t("trainer.projector.how"))
    with qr_col:
        st.image(qr_png(link), caption=ws.t("trainer.projector.qr_caption"), width=320)


def room_summary(ws: Workspace, code: str) -> RoomSummary:
    if ws.store is None:
        raise WorkshopNotFound()
    return ROOMS.summary(ws.store, code, ws.today)


def trainer_clock(now: datetime, zone: str | None) -> tuple[str, bool]:
    """The time as the trainer's own clock shows it (HH:MM:SS), and whether it is local time.

    Without a browser time zone, or with one this server does not know, the time is UTC.
    """
    if zone:
        try:
            return f"{now.astimezone(ZoneInfo(zone)):%H:%M:%S}", True
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return f"{now.astimezone(UTC):%H:%M:%S}", False


@st.fragment(run_every=REFRESH)
def live_room(ws: Workspace, code: str) -> None:
    """The room right now; reruns by itself every few seconds, alone, without a page reload."""
    summary = room_summary(ws, code)
    now = datetime.now(UTC)
    clock, local = trainer_clock(now, st.context.timezone)
    key = "trainer.room.updated" if local else "trainer.room.updated_utc"
    st.caption(ws.t(key, time=clock, seconds=REFRESH.seconds))
    people = summary.participants
    if not people:
        st.info(ws.t("trainer.room.empty"), icon=":material/hourglass_empty:")
        return
    joined, contacts, qualified, actions = st.columns(4)
    joined.metric(ws.t("trainer.room.joined"), len(people))
    contacts.metric(ws.t("workshop.col.contacts"), summary.total_contacts)
    qualified.metric(ws.t("workshop.col.qualified"), sum(p.qualified for p in people))
    actions.metric(ws.t("workshop.col.actions"), sum(p.actions for p in people))

    st.subheader(ws.t("trainer.room.progress"), anchor=False)
    st.dataframe(
        {
            ws.t("workshop.col.participant"): [p.label(ws.lang) for p in people],
            ws.t("workshop.col.contacts"): [p.contacts for p in people],
            ws.t("workshop.col.sorted"): [p.sorted for p in people],
            ws.t("workshop.col.qualified"): [p.qualified for p in people],
            ws.t("workshop.col.actions"): [p.actions for p in people],
            ws.t("trainer.col.minutes_ago"): [
                max(0, int((now - p.last_activity).total_seconds() // 60)) for p in people
            ],
        },
        hide_index=True,
        width="stretch",
    )

    circles_col, quadrants_col = st.columns(2, gap="large")
    with circles_col:
        st.subheader(ws.t("trainer.room.circles"), anchor=False)
        st.plotly_chart(circle_figure(summary, ws.lang), key="trainer.circles")
    with quadrants_col:
        st.subheader(ws.t("trainer.room.quadrants"), anchor=False)
        st.plotly_chart(quadrant_figure(summary, ws.lang), key="trainer.quadrants")

    st.subheader(ws.t("trainer.room.criteria"), anchor=False)
    criteria: dict[str, list[object]] = {
        ws.t("workshop.col.circle"): [label(f.circle, ws.lang) for f in summary.circles],
        ws.t("workshop.col.contacts"): [f.contacts for f in summary.circles],
    }
    for scale in SCALES:
        criteria[label(scale, ws.lang)] = [
            _average(f.averages[scale.code], ws.lang) for f in summary.circles
        ]
    st.dataframe(criteria, hide_index=True, width="stretch")

    st.subheader(ws.t("trainer.room.empty_roles"), anchor=False)
    if not summary.empty_roles:
        st.caption(ws.t("trainer.room.no_empty_roles"))
    for role, count in summary.empty_roles[:6]:
        st.markdown(
            ws.t(
                "trainer.room.empty_role_line",
                role=label(role, ws.lang),
                circle=label(circle_of(role), ws.lang),
                count=count,
                total=summary.sorting_participants,
            )
        )


def _average(value: float | None, lang: Lang) -> str:
    """An average as the trainer's language writes it (« 3,5 »), a dash when nobody rated."""
    return label(None, lang) if value is None else number(value, lang, 1, keep_zeros=True)


def export_and_close(ws: Workspace, workshop: Workshop) -> None:
    """The room's aggregate as Excel, and closing the workshop (with a confirmation)."""
    st.download_button(
        ws.t("trainer.export.button"),
        data=deferred(
            ws,
            "room export",
            lambda: room_excel(room_summary(ws, workshop.code), ws.lang, datetime.now(UTC)),
            notice_xlsx,
        ),
        on_click=on_download(ws),
        file_name=ws.t("trainer.export.file_name", code=workshop.code),
        mime=XLSX,
        icon=":material/download:",
        type="primary",
    )
    st.caption(ws.t("trainer.export.help"))
    st.divider()
    if not workshop.is_open:
        st.info(ws.t("trainer.closed_notice"), icon=":material/lock:")
        return
    if not ws.scratch(_CONFIRM_CLOSE):
        if st.button(ws.t("trainer.close.button"), icon=":material/lock:", key="trainer.close"):
            ws.set_scratch(_CONFIRM_CLOSE, True)
            st.rerun()
        st.caption(ws.t("trainer.close.help"))
        return
    st.warning(t_md(ws, "trainer.close.confirm_text", name=workshop.name))
    yes_col, no_col = st.columns(2)
    if yes_col.button(ws.t("trainer.close.confirm"), type="primary", key="trainer.close.yes"):
        if ws.store is not None:
            ws.store.close_workshop(workshop.code)
        ws.set_scratch(_CONFIRM_CLOSE, False)
        ws.flash("success", t_md(ws, "trainer.closed", name=workshop.name))
        st.rerun()
    if no_col.button(ws.t("trainer.close.cancel"), key="trainer.close.no"):
        ws.set_scratch(_CONFIRM_CLOSE, False)
        st.rerun()

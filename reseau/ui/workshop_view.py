"""The trainer's screen, piece by piece: password gate, workshops, projector, live room, export.

The room shows counts only (`reseau.room`): never a contact's name or details. The live part
is a fragment that reruns by itself every few seconds without reloading the page.
"""

from __future__ import annotations

import base64
import hmac
import html
import logging
import math
import os
import time
from datetime import UTC, datetime, timedelta
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import segno
import streamlit as st

from reseau.charts.plotly_config import chart_config
from reseau.charts.room import circle_figure, has_counts, quadrant_figure
from reseau.errors import ReseauError
from reseau.export.room import room_excel
from reseau.export.xlsx import notice_xlsx
from reseau.follow_up import room_follow_up
from reseau.i18n import Lang, day, label, number
from reseau.palette import INK
from reseau.room import ROOMS, RoomSummary
from reseau.throttle import TRAINER_PASSWORD
from reseau.ui.client import client_address
from reseau.ui.components.confirm import Confirmation, press_again
from reseau.ui.components.trainer import SELECTED_WORKSHOP
from reseau.ui.downloads import deferred, on_download
from reseau.ui.joining import app_url, join_link
from reseau.ui.markdown import escape_markdown, problem_md, t_md
from reseau.ui.pages import TRAINER
from reseau.ui.screen import on_phone
from reseau.ui.shape_view import room_shape_panel
from reseau.ui.state import Workspace
from reseau.ui.widgets import show_flashes
from reseau.vocabulary import SCALES, circle_of
from reseau.workshop import WORKSHOP_NAME_LIMIT, Workshop, WorkshopNotFound

log = logging.getLogger(__name__)

PASSWORD_ENV = "RESEAU_TRAINER_PASSWORD"
REFRESH = timedelta(seconds=5)
WRONG_PASSWORD_DELAY = 1.0  # seconds: slows guessing down without bothering a trainer

_AUTHENTICATED = "trainer.authenticated"
_SELECTED = SELECTED_WORKSHOP
PRESENT_PARAM = "present"
_TO_TOP = "trainer.present.to_top"
# The button that starts presenting sits low on the page, and Streamlit keeps the scroll
# position: the projector view must start at its top, where the code is.
_SCROLL_TO_TOP = """<script>
for (const main of window.parent.document.querySelectorAll('[data-testid="stMain"], section'))
  main.scrollTo({top: 0});
</script>"""
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


def is_trainer(ws: Workspace) -> bool:
    """Whether this session already gave the trainer password."""
    return bool(ws.scratch(_AUTHENTICATED))


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
        workshop = ws.store.create_workshop(name)
    except ReseauError as problem:
        st.error(problem_md(ws, problem))
        return
    ws.set_scratch(_SELECTED, workshop.code)
    # A toast, not a banner: a banner would stay on the projected screen until the next
    # full rerun (the live room reruns alone).
    ws.flash("toast", t_md(ws, "trainer.created", name=workshop.name, code=workshop.display_code))
    st.rerun()


def choose_workshop(ws: Workspace) -> Workshop | None:
    """The workshop the trainer is looking at (the newest by default)."""
    workshops = ws.store.workshops()
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
    start_presenting(ws, workshop)
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


def present_link(workshop: Workshop) -> str:
    """The link that opens the presenter view of this workshop (after the trainer password)."""
    return f"{app_url()}/{TRAINER.url_path}?{PRESENT_PARAM}={workshop.code}"


def presented_workshop(ws: Workspace) -> Workshop | None:
    """The workshop named by `?present=CODE`, when there is one and it exists."""
    code = str(st.query_params.get(PRESENT_PARAM, "")).upper().replace("-", "").strip()
    if not code:
        return None
    try:
        return ws.store.workshop(code)
    except (WorkshopNotFound, ReseauError):
        return None


def start_presenting(ws: Workspace, workshop: Workshop) -> None:
    """One click to the projector view, and the link that opens it again."""
    if st.button(
        ws.t("trainer.present.start"),
        type="primary",
        icon=":material/present_to_all:",
        key="trainer.present.start",
    ):
        st.query_params[PRESENT_PARAM] = workshop.code
        ws.set_scratch(_TO_TOP, True)
        st.rerun()
    st.caption(f"{ws.t('trainer.present.link_help')} `{present_link(workshop)}`")


def reveal_toggle(ws: Workspace, workshop: Workshop, explain: bool = True) -> None:
    """Shows or hides the room's results on the participants' screens.

    The choice lives in the store: the toggle starts each run from it, so a choice made in
    another tab or process is never undone by this one's next click.
    """
    store = ws.store
    key = f"trainer.reveal.{workshop.code}"
    shown = store.workshop(workshop.code).revealed
    st.session_state[key] = shown

    def _store_choice() -> None:
        store.reveal_room(workshop.code, bool(st.session_state[key]))

    wanted = st.toggle(ws.t("trainer.reveal.toggle"), key=key, on_change=_store_choice)
    state = ws.t("trainer.reveal.shown" if wanted else "trainer.reveal.hidden")
    st.caption(f"{state} {ws.t('trainer.reveal.help')}" if explain else state)


# Sizes relative to the screen, so the code reads from the back of the room on a projector and
# still fits a phone's width.
_PRESENTER_STYLE = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; }
.reseau-join-code {
  font-size: min(19vh, 13vw, 140px); line-height: 1.05; font-weight: 700;
  letter-spacing: 0.04em; white-space: nowrap; margin: 0.1em 0 0.15em 0;
}
.reseau-join-address {
  font-size: min(4.5vh, 5vw, 34px); font-weight: 600; overflow-wrap: anywhere;
}
.reseau-join-label { font-size: min(3.6vh, 4.5vw, 26px); margin: 0; }
.reseau-join-qr img { height: min(60vh, 80vw, 440px); width: auto; max-width: 100%; }
</style>
"""


def presenter_view(ws: Workspace, workshop: Workshop) -> None:
    """What the projector shows: the code, the address and the QR code, then the live room."""
    show_flashes(ws)
    st.html(_PRESENTER_STYLE)
    if ws.scratch(_TO_TOP):
        ws.set_scratch(_TO_TOP, False)
        st.html(_SCROLL_TO_TOP, unsafe_allow_javascript=True)
    leave_col, reveal_col = st.columns([1, 2], vertical_alignment="center")
    if leave_col.button(
        ws.t("trainer.present.stop"), icon=":material/close:", key="trainer.present.stop"
    ):
        del st.query_params[PRESENT_PARAM]
        st.rerun()
    with reveal_col:
        reveal_toggle(ws, workshop, explain=False)
    if not workshop.is_open:
        st.warning(ws.t("trainer.closed_notice"), icon=":material/lock:")
    else:
        link = join_link(workshop)
        text_col, qr_col = st.columns([3, 2], gap="large")
        with text_col:
            st.html(
                f'<p class="reseau-join-label">{html.escape(workshop.name)}</p>'
                f'<p class="reseau-join-label">{html.escape(ws.t("trainer.present.code"))}</p>'
                f'<div class="reseau-join-code" data-testid="reseau-join-code">'
                f"{html.escape(workshop.display_code)}</div>"
                f'<p class="reseau-join-label">{html.escape(ws.t("trainer.present.or"))}</p>'
                f'<p class="reseau-join-address" data-testid="reseau-join-address">'
                f"{html.escape(_short_address(link))}</p>"
            )
        with qr_col:
            encoded = base64.b64encode(qr_png(link)).decode()
            st.html(
                f'<div class="reseau-join-qr" data-testid="reseau-join-qr">'
                f'<img src="data:image/png;base64,{encoded}" '
                f'alt="{html.escape(ws.t("trainer.projector.qr_caption"))}"></div>'
            )
    live_room(ws, workshop.code, presenting=True)


def _short_address(link: str) -> str:
    """The join link without its scheme: shorter to read and to type."""
    return link.split("://", 1)[-1]


def room_summary(ws: Workspace, code: str) -> RoomSummary:
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
def live_room(ws: Workspace, code: str, presenting: bool = False) -> None:
    """The room right now; reruns by itself every few seconds, alone, without a page reload.

    On the projector (`presenting`) the per-participant table stays off, and the room's results
    show only once the trainer reveals them.
    """
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

    if presenting:
        if not ws.store.workshop(code).revealed:
            st.info(ws.t("trainer.reveal.hidden_projector"), icon=":material/visibility_off:")
            return
    else:
        _progress_table(ws, people, now)
    _room_results(ws, summary)


def _progress_table(ws: Workspace, people: Any, now: datetime) -> None:
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


def _room_results(ws: Workspace, summary: RoomSummary) -> None:
    if not summary.total_contacts:
        st.info(ws.t("trainer.room.no_contacts"), icon=":material/hourglass_empty:")
        return
    circles_col, quadrants_col = st.columns(2, gap="large")
    with circles_col:
        st.subheader(ws.t("trainer.room.circles"), anchor=False)
        _room_chart(ws, circle_figure(summary, ws.lang, on_phone()), "circles")
    with quadrants_col:
        st.subheader(ws.t("trainer.room.quadrants"), anchor=False)
        if has_counts(n for q, n in summary.quadrants if q is not None):
            _room_chart(ws, quadrant_figure(summary, ws.lang, on_phone()), "quadrants")
        else:
            st.caption(ws.t("trainer.room.nobody_qualified"))

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
    if not summary.sorting_participants:
        st.caption(ws.t("trainer.room.nobody_sorted"))
    elif not summary.empty_roles:
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
    room_shape_panel(ws, summary.shape)


def _room_chart(ws: Workspace, figure: Any, name: str) -> None:
    st.plotly_chart(
        figure,
        key=f"trainer.{name}",
        # On a phone the tool bar would sit on the bars' numbers.
        config=chart_config(
            ws.lang,
            file_name=f"room-{name}",
            **({"displayModeBar": False} if on_phone() else {}),
        ),
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
            lambda: room_excel(
                room_summary(ws, workshop.code),
                ws.lang,
                datetime.now(UTC),
                follow_up=room_follow_up(ws.store, workshop.code, ws.today),
            ),
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
    asked = Confirmation(
        key="trainer.close",
        button=ws.t("trainer.close.button"),
        help=ws.t("trainer.close.help"),
        question=t_md(ws, "trainer.close.confirm_text", name=workshop.name),
        confirm=ws.t("trainer.close.confirm"),
        cancel=ws.t("trainer.close.cancel"),
        icon=":material/lock:",
    )
    if press_again(ws, asked):
        ws.store.close_workshop(workshop.code)
        ws.flash("success", t_md(ws, "trainer.closed", name=workshop.name))
        st.rerun()

"""How a participant joins a workshop (join link or typed code), and the app's shareable links.

Joining gives the participant a workbook of their own attached to the workshop: a new one, or
the one they are in when it belongs to no workshop yet (so work started before the trainer gave
the code is kept). A wrong, malformed or closed code gets a message saying what to do.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

import streamlit as st

from reseau.errors import ReseauError
from reseau.i18n import Lang, t
from reseau.storage import WorkbookNotFound, Workshop, WorkshopNotFound
from reseau.throttle import JOIN_CODES
from reseau.ui import pages
from reseau.ui.client import client_address
from reseau.ui.markdown import escaped_params, problem_md, t_md
from reseau.ui.state import Workspace
from reseau.workbook import Workbook

log = logging.getLogger(__name__)
_T = TypeVar("_T")

JOIN_PARAM = "join"
WORKBOOK_PARAM = "wb"
NEW_PARAM = "new"  # on a new workbook's link until its first change gives it a row
LANG_PARAM = "lang"
PUBLIC_URL_ENV = "RESEAU_PUBLIC_URL"


def app_url() -> str:
    """The app's address as participants reach it, without page path or query.

    `RESEAU_PUBLIC_URL` wins (a trainer on `localhost` must not project a localhost QR code);
    otherwise the address in the browser; empty when unknown (tests), giving relative links.
    """
    configured = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    try:
        url = st.context.url or ""
    except Exception:  # no browser behind this run (AppTest, scripts)
        url = ""
    url = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    for screen in pages.ALL_SCREENS:
        suffix = "/" + screen.url_path
        if screen.url_path and url.endswith(suffix):
            return url.removesuffix(suffix)
    return url


def app_link(**params: str) -> str:
    return f"{app_url()}/?{urlencode(params)}"


def personal_link(workbook_id: str) -> str:
    """The link that reopens this workbook on any device."""
    return app_link(**{WORKBOOK_PARAM: workbook_id})


def join_link(workshop: Workshop) -> str:
    return app_link(**{JOIN_PARAM: workshop.code})


class TooManyCodes(ReseauError):
    """This client tried too many unknown join codes: it waits before trying again."""

    key = "error.workshop.too_many_codes"


def _not_locked_out(client: str) -> None:
    wait = JOIN_CODES.wait(client)
    if wait:
        raise TooManyCodes(seconds=math.ceil(wait))


def _counted(client: str, attempt: Callable[..., _T], *args: Any) -> _T:
    """The attempt, an unknown code counting as a failed guess for this client."""
    try:
        return attempt(*args)
    except WorkshopNotFound:
        failures = JOIN_CODES.failed(client)
        log.info("unknown join code from %s (%d within the window)", client, failures)
        raise


def open_joined(ws: Workspace, typed_code: str, lang: Lang) -> bool:
    """Starts the session in a new workbook of the workshop; False (with a message) if refused."""
    store = ws.store
    client = client_address()
    try:
        _not_locked_out(client)
        workbook_id, workshop = _counted(
            client, store.join_workshop, typed_code, Workbook(lang=lang)
        )
    except ReseauError as problem:
        # No workbook yet, so not its language: the one the session is about to open in.
        ws.flash("error", t(problem.key, lang, **escaped_params(problem.params)))
        return False
    ws.attach(workbook_id, store.load(workbook_id))
    ws.flash("success", t_md(ws, "join.welcome", name=workshop.name))
    return True


def join(ws: Workspace, typed_code: str) -> bool:
    """Attaches this session to the workshop the code names; False (and a message) if refused."""
    store = ws.store
    if not ws.workbook_id:
        return False
    client = client_address()
    try:
        _not_locked_out(client)
        workshop = _counted(client, store.open_workshop, typed_code)
        if ws.workbook.workshop_code == workshop.code:
            ws.flash("info", t_md(ws, "join.already", name=workshop.name))
            return True
        first = ws.workbook.workshop_code
        if first is not None and store.follows(workshop.code) == first:
            # The follow-up's room is the first workshop's: the workbook stays where it is.
            ws.flash("info", t_md(ws, "join.follow_up", name=store.workshop(first).name))
            return True
        if ws.workbook.workshop_code is None:
            ws.ensure_stored()  # a new workbook gets its row at its first change: this one
            workbook, _ = store.attach_to_workshop(ws.workbook_id, workshop.code)
            ws.attach(ws.workbook_id, workbook)
        else:
            # Already in another workshop: that one keeps its workbook, this one gets a new one.
            ws.flash("info", ws.t("join.previous_kept", link=personal_link(ws.workbook_id)))
            workbook_id, _ = store.join_workshop(workshop.code, Workbook(lang=ws.lang))
            ws.attach(workbook_id, store.load(workbook_id))
    except WorkbookNotFound:
        ws.flash("error", ws.t("error.workbook.gone"))
        return False
    except ReseauError as problem:
        ws.flash("error", problem_md(ws, problem))
        return False
    ws.flash("success", t_md(ws, "join.welcome", name=workshop.name))
    return True

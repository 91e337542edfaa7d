"""Joining a workshop from a screen (join link or typed code), and the app's shareable links.

The rules of joining are `reseau.workshop.join_workshop`; this module shows what came of it.
A wrong, malformed or closed code gets a message saying what to do.
"""

from __future__ import annotations

import os
from urllib.parse import urlencode

import streamlit as st

from reseau.errors import ReseauError
from reseau.i18n import Lang, t
from reseau.storage import WorkbookNotFound
from reseau.ui import pages
from reseau.ui.client import client_address
from reseau.ui.markdown import escaped_params, problem_md, t_md
from reseau.ui.state import Workspace
from reseau.workshop import Workshop, join_workshop

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


def open_joined(ws: Workspace, typed_code: str, lang: Lang) -> bool:
    """Starts the session in a new workbook of the workshop; False (with a message) if refused."""
    try:
        joined = join_workshop(ws.store, typed_code, client_address(), lang)
    except ReseauError as problem:
        # No workbook yet, so not its language: the one the session is about to open in.
        ws.flash("error", t(problem.key, lang, **escaped_params(problem.params)))
        return False
    ws.open_stored(joined.workbook_id)
    ws.flash("success", t_md(ws, "join.welcome", name=joined.workshop.name))
    return True


def join(ws: Workspace, typed_code: str) -> bool:
    """Attaches this session to the workshop the code names; False (and a message) if refused."""
    workbook_id = ws.workbook_id
    if not workbook_id:
        return False
    try:
        joined = join_workshop(
            ws.store,
            typed_code,
            client_address(),
            ws.lang,
            current=(workbook_id, ws.workbook),
            # A new workbook gets its row at its first change: joining is this one.
            before_attaching=ws.ensure_stored,
        )
    except WorkbookNotFound:
        ws.flash("error", ws.t("error.workbook.gone"))
        return False
    except ReseauError as problem:
        ws.flash("error", problem_md(ws, problem))
        return False
    if joined.already:
        ws.flash("info", t_md(ws, "join.already", name=joined.workshop.name))
        return True
    if joined.follow_up_of is not None:
        # The follow-up's room is the first workshop's: the workbook stays where it is.
        ws.flash("info", t_md(ws, "join.follow_up", name=joined.follow_up_of.name))
        return True
    if joined.previous_id is not None:
        # Already in another workshop: that one keeps its workbook, this one gets a new one.
        ws.flash("info", ws.t("join.previous_kept", link=personal_link(joined.previous_id)))
    ws.open_stored(joined.workbook_id)
    ws.flash("success", t_md(ws, "join.welcome", name=joined.workshop.name))
    return True

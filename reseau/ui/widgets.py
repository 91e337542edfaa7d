"""Widgets every page shares: passing messages, the empty-network notice, the language switch."""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import streamlit as st

from reseau.bug_log import log_bug
from reseau.errors import ReseauError
from reseau.i18n import Lang
from reseau.ui import pages
from reseau.ui.downloads import show_download_failures
from reseau.ui.joining import LANG_PARAM
from reseau.ui.markdown import problem_md
from reseau.ui.state import Level, Workspace

log = logging.getLogger(__name__)

_SHOW = {
    Level.SUCCESS: st.success,
    Level.INFO: st.info,
    Level.WARNING: st.warning,
    Level.ERROR: st.error,
}
_DATE_FORMATS = {Lang.FR: "DD/MM/YYYY", Lang.EN: "YYYY-MM-DD"}


def date_format(lang: Lang) -> str:
    """How date widgets and grid columns show a date: 27/11/2026 in French, ISO in English."""
    return _DATE_FORMATS[lang]


def show_flashes(ws: Workspace) -> None:
    for flash in ws.pop_flashes():
        if flash.level is Level.TOAST:
            # A toast floats over the page: confirming an edit made in a table must not push the
            # table down under the participant's pointer.
            st.toast(flash.text, icon=":material/check_circle:")
        else:
            _SHOW.get(flash.level, st.info)(flash.text)


def page_title(ws: Workspace, key: str) -> None:
    """The screen's title and its passing messages; every screen opens with it."""
    ws.enter_page(key)
    st.title(ws.t(key))
    show_flashes(ws)
    show_download_failures(ws)


def needs_contacts(ws: Workspace) -> bool:
    """Says kindly that the network is empty and where to get contacts; True when it is."""
    if len(ws.network):
        return False
    st.info(ws.t("common.needs_contacts"), icon=":material/group_add:")
    left, right = st.columns(2)
    left.page_link(pages.HOME.path, label=ws.t("common.go_home"), icon=pages.HOME.icon)
    right.page_link(pages.IMPORT.path, label=ws.t("common.go_import"), icon=pages.IMPORT.icon)
    return True


def language_switch(ws: Workspace) -> None:
    choice = st.sidebar.segmented_control(
        ws.t("app.language"),
        options=list(Lang),
        format_func=lambda lang: ws.t(f"lang.{lang.value}"),
        default=ws.lang,
    )
    if choice is not None and choice is not ws.lang:
        ws.set_lang(choice)
        st.query_params.pop(LANG_PARAM, None)  # the link's language no longer applies
        st.rerun()


@contextmanager
def reported_problems(ws: Workspace) -> Iterator[None]:
    """Shows a domain problem as a sentence in the participant's language, never a traceback."""
    try:
        yield
    except ReseauError as problem:
        st.error(problem_md(ws, problem))
    except Exception:
        log_bug(log, "unexpected error on a page")
        st.error(ws.t("error.unexpected"))


def labelled_key(base: str, labels: Sequence[str]) -> str:
    """A selectbox key that changes whenever one of its labels does.

    A browser sends back the label a selectbox last showed, not a value: once a label changes
    (a ✓ when a contact becomes qualified, another language), the old label no longer names an
    option and Streamlit hands it to the callback as if the participant had chosen it. A new
    key makes a new widget that starts on the option the app chooses.
    """
    digest = zlib.crc32("\x1f".join(labels).encode("utf-8"))
    return f"{base}.{digest:08x}"

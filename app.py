"""Réseau: the entry point. Finds the participant's workbook, then builds the navigation once."""

import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from reseau.bug_log import log_bug
from reseau.i18n import t
from reseau.storage import StoreLost, StoreUnavailable
from reseau.ui import pages
from reseau.ui.frontend_words import speak_the_participants_language
from reseau.ui.housekeeping import start_housekeeping
from reseau.ui.label_icons import remember_label_icons
from reseau.ui.my_data import my_data
from reseau.ui.navigation_guard import wait_for_grid_edits_before_changing_page
from reseau.ui.pages_folder import app_shell
from reseau.ui.screen import watch_screen
from reseau.ui.session import problem_key, replay_lost_changes, start_session, visitor_lang
from reseau.ui.state import Workspace, workspace
from reseau.ui.touch_layout import keep_grid_toolbars_off_titles
from reseau.ui.widgets import language_switch

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def page(ws: Workspace, screen: pages.Screen) -> st.Page:
    return st.Page(
        screen.path,
        title=ws.t(screen.title_key),
        icon=screen.icon,
        url_path=screen.url_path,
        default=screen is pages.HOME,
    )


with app_shell():
    st.set_page_config(page_title="Réseau", page_icon=str(pages.APP_ICON), layout="wide")
    start_housekeeping()  # once per process: frees closed sessions' memory
    remember_label_icons()  # once per process: options' labels searched for emoji once

    try:
        ws = workspace()
        start_session(ws)
    except (StoreUnavailable, StoreLost, SQLAlchemyError, OSError) as problem:
        # No store, no workbook: say so in the visitor's language instead of a traceback with
        # file paths, and keep the cause (no user data in it) in the server log.
        logging.getLogger("reseau").error(
            "the store cannot be used: %s", problem.__cause__ or problem
        )
        st.error(t(problem_key(problem), visitor_lang()), icon=":material/error:")
        st.stop()
    ws.resync_widgets()
    navigation = st.navigation(
        {
            ws.t("nav.section.method"): [page(ws, s) for s in pages.WORKBOOK_SCREENS],
            ws.t("nav.section.trainer"): [page(ws, pages.TRAINER)],
        }
    )
    with st.sidebar:
        st.caption(ws.t("app.tagline"))
    keep_grid_toolbars_off_titles()
    language_switch(ws)
    my_data(ws)
    speak_the_participants_language(ws.lang)
    watch_screen()
    wait_for_grid_edits_before_changing_page()
    try:
        navigation.run()
    except Exception:
        # A bug must never show a participant a traceback: their work is already saved, so say
        # that plainly and keep the type and place of the bug in the server log (not its message,
        # which may quote contact data).
        log_bug(logging.getLogger("reseau"), "a page failed")
        st.error(ws.t("error.unexpected"), icon=":material/error:")
    replay_lost_changes()
    if ws.take_reload_request():
        # Another tab's changes were merged into this workbook: show the screen built from it.
        st.rerun()

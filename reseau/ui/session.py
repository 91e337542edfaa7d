"""What happens at the top of every run: find the participant's workbook from the page URL.

The URL carries the workbook id (`?wb=…`), so a refresh, a reopened tab or another device opens
the same workbook. `?demo=1` opens a fresh workbook holding the demo network (the trainer's link),
`?lang=fr|en` chooses the language, and `?join=CODE` (the trainer's join link) gives a new
workbook attached to that workshop.
"""

from __future__ import annotations

import streamlit as st

from reseau.demo import load_demo_network
from reseau.i18n import Lang
from reseau.storage import WorkbookNotFound
from reseau.ui.joining import JOIN_PARAM, LANG_PARAM, WORKBOOK_PARAM, join, open_joined
from reseau.ui.state import Workspace
from reseau.workbook import Workbook

DEMO_PARAM = "demo"


def _browser_lang() -> Lang:
    try:
        return Lang.parse(st.context.locale, Lang.FR)
    except Exception:  # no browser (tests, scripts): French is the default
        return Lang.FR


def _open_new(ws: Workspace, workbook: Workbook) -> None:
    store = ws.store
    if store is None:
        ws.attach("", workbook)
        return
    ws.attach(store.create(workbook), workbook)


def start_session(ws: Workspace) -> None:
    """Attaches the session to its workbook, creating or restoring it as the URL says."""
    params = st.query_params
    wanted = params.get(WORKBOOK_PARAM)
    url_lang = params.get(LANG_PARAM)
    wants_demo = params.get(DEMO_PARAM) == "1"
    joining = params.get(JOIN_PARAM)

    if ws.workbook_id is None or (wanted and wanted != ws.workbook_id and not wants_demo):
        lang = Lang.parse(url_lang, _browser_lang())
        if wants_demo:
            _open_new(ws, Workbook(network=load_demo_network(), lang=lang))
        elif wanted:
            _restore(ws, wanted, lang)
        elif joining:
            if not open_joined(ws, joining, lang):
                _open_new(ws, Workbook(lang=lang))
            joining = None
        else:
            _open_new(ws, Workbook(lang=lang))
    elif wants_demo and len(ws.network) == 0:
        ws.set_network(load_demo_network())

    if url_lang:
        ws.set_lang(Lang.parse(url_lang, ws.lang))
        # The link says where to start; from then on the sidebar's switch decides (the workbook
        # keeps the language, so a refresh without the parameter loses nothing).
        del params[LANG_PARAM]
    if wants_demo:
        del params[DEMO_PARAM]
    if joining:
        join(ws, joining)
    if JOIN_PARAM in params:
        del params[JOIN_PARAM]
    if ws.workbook_id and params.get(WORKBOOK_PARAM) != ws.workbook_id:
        params[WORKBOOK_PARAM] = ws.workbook_id


def _restore(ws: Workspace, workbook_id: str, lang: Lang) -> None:
    store = ws.store
    try:
        if store is None:
            raise WorkbookNotFound()
        ws.attach(workbook_id, store.load(workbook_id))
    except WorkbookNotFound as problem:
        _open_new(ws, Workbook(lang=lang))
        ws.flash("warning", ws.t(problem.key))

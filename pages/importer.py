"""Importer: upload a contact file, check what was understood, fix it, confirm."""

import streamlit as st

from reseau.importing import ImportRefused
from reseau.ui import pages
from reseau.ui.import_flow import (
    confirm,
    confirm_label,
    dry_run,
    parse,
    show_last_import,
    show_preview,
    show_refusal,
    uploaded_file,
)
from reseau.ui.state import workspace
from reseau.ui.widgets import page_title, reported_problems

ws = workspace()
page_title(ws, "import.title")
st.markdown(ws.t("import.intro"))
show_last_import(ws)

upload = uploaded_file(ws)
if upload is not None:
    with reported_problems(ws):
        outcome = parse(ws, upload)
        if isinstance(outcome, ImportRefused):
            show_refusal(ws, upload, outcome)
        else:
            outcome = show_preview(ws, upload, outcome)
            if st.button(
                confirm_label(ws, dry_run(ws, outcome)),
                type="primary",
                icon=":material/person_add:",
            ):
                confirm(ws, outcome, upload.data)
elif len(ws.network):
    st.page_link(pages.QUALIFY.path, label=ws.t("import.next"), icon=pages.QUALIFY.icon)

"""Exporter: the Excel workbook a manager reads without the app, built when the user asks."""

from reseau.ui import export_view
from reseau.ui.state import workspace
from reseau.ui.widgets import needs_contacts, page_title, reported_problems

ws = workspace()
page_title(ws, "export.title")
if not needs_contacts(ws):
    export_view.intro(ws)
    lang, participant = export_view.options(ws)
    with reported_problems(ws):
        export_view.build_on_request(ws, lang, participant)
    export_view.download(ws, lang)

"""Qualifier: sort contacts, find who is missing, qualify each relationship, see the diagnosis."""

from reseau.ui.qualify_modes import mode_choice, progress_header, show_mode
from reseau.ui.state import workspace
from reseau.ui.widgets import needs_contacts, page_title, reported_problems

ws = workspace()
page_title(ws, "qualify.title")
if not needs_contacts(ws):
    progress_header(ws)
    mode = mode_choice(ws)
    with reported_problems(ws):
        show_mode(ws, mode)

"""Qualifier: sort contacts, find who is missing, qualify each relationship, see the diagnosis."""

from reseau.ui.qualify_modes import qualifier
from reseau.ui.state import workspace
from reseau.ui.widgets import needs_contacts, page_title

ws = workspace()
page_title(ws, "qualify.title")
if not needs_contacts(ws):
    qualifier(ws)

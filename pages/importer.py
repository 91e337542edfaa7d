"""Importer: to be built."""

from reseau.ui.state import workspace
from reseau.ui.widgets import needs_contacts, page_title

ws = workspace()
page_title(ws, "import.title")
needs_contacts(ws)

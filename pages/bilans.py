"""Bilans: close a dated assessment, see what changed since, and whom to get back to now."""

from reseau.ui import assessments_view
from reseau.ui.state import workspace
from reseau.ui.widgets import needs_contacts, page_title, reported_problems

ws = workspace()
page_title(ws, "assess.page.title")
if not needs_contacts(ws):
    with reported_problems(ws):
        assessments_view.intro(ws)
        assessments_view.reach_section(ws)
        assessments_view.cadence_section(ws)
        assessments_view.close_section(ws)
        assessments_view.plan_section(ws)
        assessments_view.compare_section(ws)
        assessments_view.history(ws)

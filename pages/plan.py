"""Plan d'action: every first action in priority order, edited in place, and the contacts left
apart with a suggested action to keep or reword."""

from reseau.ui import plan_view
from reseau.ui.state import workspace
from reseau.ui.widgets import needs_contacts, page_title, reported_problems

ws = workspace()
page_title(ws, "plan.title")
if not needs_contacts(ws):
    with reported_problems(ws):
        plan = plan_view.current_plan(ws)
        plan_view.intro(ws)
        plan_view.summary(ws, plan)
        plan_view.calendar_download(ws, plan)
        choice = plan_view.filters(ws)
        plan_view.plan_table(ws, plan, choice)
        plan_view.unplanned(ws, plan)

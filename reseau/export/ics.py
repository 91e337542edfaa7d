"""The action plan as a calendar file (.ics): one entry per action with a due date.

Entries are all-day events on the due date by default, since every agenda (Outlook, Google,
Apple, phones) shows those; to-dos (VTODO) are offered for task applications that read them.
Texts come from the catalogue, in the participant's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from icalendar import Calendar, Event, Todo

from reseau.i18n import Lang, label, t
from reseau.network import Network
from reseau.plan import PlanRow, build_plan, role_text
from reseau.scoring import Score
from reseau.vocabulary import ActionStatus

ICS_MIME = "text/calendar"
PRODID = "-//Réseau//Plan d'action//FR"
UID_DOMAIN = "reseau.plan"

_TODO_STATUS = {
    ActionStatus.TODO: "NEEDS-ACTION",
    ActionStatus.IN_PROGRESS: "IN-PROCESS",
    ActionStatus.DONE: "COMPLETED",
}


def _texts(row: PlanRow, lang: Lang) -> tuple[str, str]:
    contact = row.contact
    name = contact.display_name
    key = "plan.ics.summary_done" if row.done else "plan.ics.summary"
    summary = t(key, lang, action=contact.action_text, name=name)
    description = t(
        "plan.ics.description",
        lang,
        name=name,
        circle=label(contact.circle, lang),
        role=role_text(contact, lang) or label(None, lang),
        quadrant=label(row.quadrant, lang),
        status=label(contact.action_status, lang),
    )
    return summary, description


def plan_calendar(
    network: Network,
    scores: Mapping[str, Score],
    lang: Lang | str,
    today: date,
    *,
    kind: Literal["event", "todo"] = "event",
    stamp: datetime | None = None,
) -> bytes:
    """The .ics file of every dated action of the plan, in priority order."""
    lang = Lang.parse(lang)
    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", t("plan.ics.calendar_name", lang))
    plan = build_plan(network, scores, lang, today)
    for row in plan.dated_rows:
        due = row.contact.action_due
        assert due is not None  # dated_rows holds only actions with a due date
        summary, description = _texts(row, lang)
        entry = Todo() if kind == "todo" else Event()
        # The contact's id keeps the entry's identity, so importing a newer file updates it.
        entry.add("uid", f"{row.contact_id}@{UID_DOMAIN}")
        entry.add("dtstamp", stamp)
        entry.add("summary", summary)
        entry.add("description", description)
        if kind == "todo":
            entry.add("due", due)
            entry.add("status", _TODO_STATUS[row.status])
            if row.rank is not None:
                entry.add("priority", min(9, 1 + (row.rank - 1) // 5))
        else:
            entry.add("dtstart", due)
            entry.add("dtend", due + timedelta(days=1))
            entry.add("transp", "TRANSPARENT")
        entry.add("categories", [label(row.quadrant, lang)])
        calendar.add_component(entry)
    return calendar.to_ical()

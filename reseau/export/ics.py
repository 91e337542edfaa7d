"""The action plan as a calendar file (.ics): one entry per action with a due date.

The planned re-assessment is one more all-day event, in a file of its own.

Entries are all-day events on the due date by default, since every agenda (Outlook, Google,
Apple, phones) shows those; to-dos (VTODO) are offered for task applications that read them.
Texts come from the catalogue, in the participant's language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from icalendar import Calendar, Event, Todo

from reseau.i18n import Lang, day, label, t
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


REASSESS_PRODID = "-//Réseau//Prochain bilan//FR"
REASSESS_UID_DOMAIN = "reseau.bilan"


def reassessment_calendar(
    on: date,
    last: date | None,
    lang: Lang | str,
    *,
    mission: str = "",
    identity: str = "",
    stamp: datetime | None = None,
) -> bytes:
    """The .ics of one all-day event: the planned re-assessment of the network.

    `identity` (the workbook's id) keeps the event's identity without writing the workbook's
    link into the file: importing a newer file moves the event instead of adding a second one.
    """
    lang = Lang.parse(lang)
    calendar = Calendar()
    calendar.add("prodid", REASSESS_PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", t("assess.ics.calendar_name", lang))
    lines = [
        t("assess.ics.description", lang, day=day(last, lang))
        if last is not None
        else t("assess.ics.description.first", lang)
    ]
    if mission:
        lines.append(t("assess.ics.mission", lang, mission=mission))
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:20]
    entry = Event()
    entry.add("uid", f"{digest}@{REASSESS_UID_DOMAIN}")
    entry.add("dtstamp", stamp or datetime.now(UTC))
    entry.add("summary", t("assess.ics.summary", lang))
    entry.add("description", "\n".join(lines))
    entry.add("dtstart", on)
    entry.add("dtend", on + timedelta(days=1))
    entry.add("transp", "TRANSPARENT")
    calendar.add_component(entry)
    return calendar.to_ical()

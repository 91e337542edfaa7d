"""The keep-in-touch rhythms as a calendar file (.ics): one recurring reminder per person.

Each sorted contact gets an all-day event on their next due date (today when overdue or never
contacted) that repeats every cadence's number of days (RRULE), so the participant's agenda
reminds them without the app. The contact's id keeps the entry's identity: importing a newer
file after a contact was logged moves the reminder instead of adding a second one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from reseau.cadence import cadence_of, next_due
from reseau.i18n import Lang, label, t
from reseau.network import Network

PRODID = "-//Réseau//Rythme de contact//FR"
UID_DOMAIN = "reseau.cadence"


def cadence_calendar(
    network: Network,
    cadences: Mapping[str, int],
    lang: Lang | str,
    today: date,
    *,
    actions_done: Mapping[str, date] | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The .ics of a recurring reminder for every sorted contact."""
    lang = Lang.parse(lang)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", t("cadence.ics.calendar_name", lang))
    for contact in network:
        if not contact.is_sorted:
            continue
        days = cadence_of(contact, cadences)
        start = max(next_due(contact, cadences, today, actions_done) or today, today)
        entry = Event()
        entry.add("uid", f"{contact.id}@{UID_DOMAIN}")
        entry.add("dtstamp", stamp or datetime.now(UTC))
        entry.add("summary", t("cadence.ics.summary", lang, name=contact.display_name))
        entry.add(
            "description",
            t(
                "cadence.ics.description",
                lang,
                name=contact.display_name,
                circle=label(contact.circle, lang),
                role=label(contact.role, lang),
                count=days,
            ),
        )
        entry.add("dtstart", start)
        entry.add("dtend", start + timedelta(days=1))
        entry.add("rrule", {"freq": "daily", "interval": days})
        entry.add("transp", "TRANSPARENT")
        calendar.add_component(entry)
    return calendar.to_ical()

"""The keep-in-touch rhythms as recurring calendar reminders."""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar

from reseau.contact import Contact
from reseau.export.cadence_ics import cadence_calendar
from reseau.network import Network
from reseau.vocabulary import ActionStatus, Circle, Role

TODAY = date(2027, 3, 1)


def test_each_sorted_contact_gets_a_reminder_repeating_at_their_rhythm_from_their_next_due_day():
    recent = Contact(
        first_name="Claire",
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        last_contact_date=TODAY - timedelta(days=4),
        id="claire",
    )
    overdue = Contact(
        first_name="Eva", circle=Circle.INFORMATION, role=Role.ONLINE_EXPERT, id="eva"
    )
    unsorted = Contact(first_name="Nobody")
    network = Network((recent, overdue, unsorted))

    calendar = Calendar.from_ical(cadence_calendar(network, {"eva": 30}, "fr", TODAY))

    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"claire@reseau.cadence", "eva@reseau.cadence"}
    claire = events["claire@reseau.cadence"]
    assert claire.decoded("dtstart") == TODAY + timedelta(days=10)
    assert claire["rrule"]["INTERVAL"] == [14]
    assert str(claire["summary"]) == "Reprendre contact avec Claire"
    eva = events["eva@reseau.cadence"]
    assert eva.decoded("dtstart") == TODAY
    assert eva["rrule"]["INTERVAL"] == [30]


def test_a_reminder_restarts_from_the_day_the_first_action_was_done():
    done = Contact(
        first_name="Claire",
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        last_contact_date=TODAY - timedelta(days=60),
        action_text="Déjeuner",
        action_due=TODAY + timedelta(days=30),
        action_status=ActionStatus.DONE,
        id="claire",
    )
    done_on = TODAY - timedelta(days=3)

    data = cadence_calendar(Network((done,)), {}, "fr", TODAY, actions_done={"claire": done_on})

    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("dtstart") == done_on + timedelta(days=14)

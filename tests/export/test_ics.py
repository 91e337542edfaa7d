"""The calendar file holds one entry per dated action, in the participant's words."""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar

from reseau.export.ics import plan_calendar
from reseau.scoring import score_network
from tests.conftest import TODAY


def _entries(data: bytes, kind: str) -> list:
    return [c for c in Calendar.from_ical(data).walk() if c.name == kind]


def test_each_dated_action_becomes_an_all_day_event(demo):
    scores = score_network(demo, today=TODAY)

    events = _entries(plan_calendar(demo, scores, "fr", TODAY), "VEVENT")

    dated = [c for c in demo if c.has_action and c.action_due]
    assert len(events) == len(dated) == 24
    first = events[0]  # rank 1 comes first
    assert str(first["summary"]) == (
        "Proposer un point de 30 minutes sur les gains attendus — Marc Delaunay"
    )
    assert first.decoded("dtstart") == date(2026, 12, 1)
    assert first.decoded("dtend") == date(2026, 12, 2)
    assert "Réseau de soutien" in str(first["description"])
    assert str(first["uid"]) == "demo02@reseau.plan"


def test_as_to_dos_the_status_and_due_date_follow_the_plan(demo):
    scores = score_network(demo, today=TODAY)

    todos = _entries(plan_calendar(demo, scores, "en", TODAY, kind="todo"), "VTODO")

    by_uid = {str(t["uid"]): t for t in todos}
    assert str(by_uid["demo01@reseau.plan"]["status"]) == "IN-PROCESS"  # Claire Fontaine
    done = [t for t in todos if str(t["status"]) == "COMPLETED"]
    assert len(done) == 2 and all(str(t["summary"]).startswith("✓ ") for t in done)
    assert "Circle: Support network" in str(by_uid["demo01@reseau.plan"]["description"])
    assert by_uid["demo01@reseau.plan"].decoded("due") == date(2026, 12, 4)


def test_an_action_without_a_due_date_is_left_out(demo):
    network = demo.update("demo01", action_due=None)
    scores = score_network(network, today=TODAY)

    events = _entries(plan_calendar(network, scores, "fr", TODAY), "VEVENT")

    assert "demo01@reseau.plan" not in {str(e["uid"]) for e in events}
    assert len(events) == 23


def test_the_calendar_is_named_in_the_users_language(demo):
    data = plan_calendar(demo, score_network(demo, today=TODAY), "en", TODAY + timedelta(days=1))

    assert Calendar.from_ical(data)["x-wr-calname"] == "Réseau action plan"

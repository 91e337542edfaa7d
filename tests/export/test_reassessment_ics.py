"""The planned re-assessment as a calendar event, read back as an agenda would."""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar

from reseau.export.ics import reassessment_calendar
from reseau.i18n import t

LAST = date(2026, 11, 29)
PLANNED = date(2027, 2, 28)


def _events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_the_re_assessment_is_one_all_day_event_on_the_day_chosen():
    data = reassessment_calendar(PLANNED, LAST, "fr", identity="wb-1")

    [event] = _events(data)
    assert event.decoded("dtstart") == PLANNED
    assert event.decoded("dtend") == PLANNED + timedelta(days=1)
    assert str(event["summary"]) == "Faire le bilan de mon réseau"
    assert "celui du 29 nov. 2026" in str(event["description"])
    assert str(Calendar.from_ical(data)["x-wr-calname"]) == "Réseau : prochain bilan"


def test_a_mission_with_commas_semicolons_backslashes_and_lines_reads_back_unchanged():
    mission = "Déploiement SI, phase 2; Lyon\\Paris\nsuite « 100 % »"

    data = reassessment_calendar(PLANNED, LAST, "fr", mission=mission, identity="wb-1")

    [event] = _events(data)
    description = str(event["description"])
    assert description.splitlines()[-1:] == ["suite « 100 % »"]
    assert t("assess.ics.mission", "fr", mission=mission) in description
    # Long lines are folded at 75 octets, never inside a UTF-8 character.
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    data.decode("utf-8")


def test_the_event_keeps_its_identity_for_one_workbook_without_writing_its_id():
    first = _events(reassessment_calendar(PLANNED, LAST, "fr", identity="secret-wb"))[0]
    moved = _events(
        reassessment_calendar(PLANNED + timedelta(days=7), LAST, "en", identity="secret-wb")
    )[0]
    other = _events(reassessment_calendar(PLANNED, LAST, "fr", identity="another-wb"))[0]

    assert str(first["uid"]) == str(moved["uid"])
    assert str(first["uid"]) != str(other["uid"])
    assert b"secret-wb" not in reassessment_calendar(PLANNED, LAST, "fr", identity="secret-wb")


def test_the_event_speaks_english_and_works_before_any_assessment():
    [event] = _events(reassessment_calendar(PLANNED, None, "en"))

    assert str(event["summary"]) == "Review my network"
    assert str(event["description"]) == t("assess.ics.description.first", "en")

"""The follow-up workshop: the room before and after, from the participants' assessments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import BytesIO

from openpyxl import load_workbook

from reseau.assessments import close_assessment
from reseau.contact import Contact
from reseau.export.room import room_excel
from reseau.follow_up import follow_up_of, rows
from reseau.i18n import label, t
from reseau.network import Network
from reseau.room import MIN_ROOM, summarise_room
from reseau.vocabulary import Circle, Quadrant, Role
from reseau.workbook import Workbook
from reseau.workshop import Member, Workshop

FIRST = date(2026, 11, 29)
SECOND = date(2027, 3, 1)
NOW = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)


def _contact(name: str, circle: Circle | None, role: Role | None, trust: int | None) -> Contact:
    return Contact(
        first_name=name,
        last_name="Secret",
        email=f"{name.lower()}@secret.example",
        circle=circle,
        role=role,
        frequency=3 if trust else None,
        trust=trust,
        added_value=4 if trust else None,
        interest=4 if trust else None,
        power=4 if trust else None,
        id=name.lower(),
    )


def _network() -> Network:
    return Network(
        contacts=(
            _contact("Ana", Circle.SUPPORT, Role.FORMER_COLLEAGUE, 2),
            _contact("Bruno", Circle.INFORMATION, Role.CLUB_MEMBER, 3),
            _contact("Chloe", None, None, None),
        )
    )


def _member(workbook: Workbook, seat: int) -> Member:
    return Member(
        seat=seat,
        first_name=None,
        workbook=workbook,
        joined_at=NOW - timedelta(days=90),
        updated_at=NOW,
    )


def _came_back(seat: int, *, close_again: bool = True) -> Member:
    """Assessed in the first session; since then Chloé became a sponsor and Ana more trusted."""
    workbook = close_assessment(Workbook(network=_network()), FIRST)
    network = workbook.network.update("ana", trust=5).update(
        "chloe",
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        frequency=4,
        trust=4,
        added_value=5,
        interest=5,
        power=5,
    )
    workbook = workbook.with_changes(network=network)
    if close_again:
        workbook = close_assessment(workbook, SECOND)
    return _member(workbook, seat)


def test_the_room_moves_from_the_first_assessments_to_the_last():
    members = [_came_back(1), _came_back(2), _came_back(3, close_again=False)]

    follow_up = follow_up_of(members, SECOND)

    assert follow_up.participants == 3
    before, after = follow_up.before, follow_up.after
    assert before is not None and after is not None
    assert before.contacts_per_circle[Circle.SUPPORT] == 3
    assert after.contacts_per_circle[Circle.SUPPORT] == 6
    assert (before.role_holders[Role.SPONSOR], after.role_holders[Role.SPONSOR]) == (0, 3)
    assert before.averages["trust"] == 2.5
    assert after.averages["trust"] == round((5 + 3 + 4) / 3, 2)
    assert sum(v for v in after.quadrant_shares.values() if v is not None) == 1


def test_a_room_that_did_not_change_shows_the_same_figures_before_and_after():
    members = [
        _member(close_assessment(Workbook(network=_network()), FIRST), seat) for seat in (1, 2, 3)
    ]

    follow_up = follow_up_of(members, FIRST)

    assert follow_up.before == follow_up.after
    assert all(before == after for _, before, after in rows(follow_up, "fr"))


def test_participants_without_an_assessment_are_left_out_and_too_few_show_nothing():
    never_assessed = _member(Workbook(network=_network()), 4)

    follow_up = follow_up_of([_came_back(1), _came_back(2), never_assessed], SECOND)

    assert follow_up.participants == 2 < MIN_ROOM
    assert not follow_up.shown
    assert rows(follow_up, "fr") == []


def test_the_rows_name_figures_in_the_trainers_language_and_no_contact():
    follow_up = follow_up_of([_came_back(1), _came_back(2), _came_back(3)], SECOND)

    table = rows(follow_up, "fr")

    names = [what for what, _, _ in table]
    assert f"{label(Circle.SUPPORT, 'fr')} : contacts" in names
    assert t("follow_up.row.average", "fr", criterion=t("assess.criterion.trust", "fr")) in names
    assert f"Part du quadrant « {label(Quadrant.MOBILISE, 'fr')} »" in names
    assert f"Participants ayant un contact « {label(Role.SPONSOR, 'fr')} »" in names
    assert not any("Secret" in str(cell) or "Ana" in str(cell) for row in table for cell in row)


def test_the_rooms_excel_file_gains_a_follow_up_sheet_with_before_and_after():
    members = [_came_back(1), _came_back(2), _came_back(3)]
    workshop = Workshop(code="K7M2QX", name="Suivi : Lyon", created_at=NOW)
    summary = summarise_room(workshop, members, SECOND)

    data = room_excel(summary, "fr", NOW, follow_up=follow_up_of(members, SECOND))

    book = load_workbook(BytesIO(data))
    sheet = book[t("follow_up.sheet", "fr")]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Indicateur", "Avant", "Après")
    sponsor = f"Participants ayant un contact « {label(Role.SPONSOR, 'fr')} »"
    assert (sponsor, 0, 3) in values
    everything = "\n".join(
        str(cell)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for cell in row
    )
    assert "Secret" not in everything and "secret.example" not in everything


def test_a_first_workshops_excel_file_has_no_follow_up_sheet():
    members = [_came_back(1)]
    workshop = Workshop(code="K7M2QX", name="Lyon", created_at=NOW)

    data = room_excel(summarise_room(workshop, members, SECOND), "fr", NOW)

    assert t("follow_up.sheet", "fr") not in load_workbook(BytesIO(data)).sheetnames


def test_too_few_participants_give_a_sheet_that_says_why():
    members = [_came_back(1)]
    workshop = Workshop(code="K7M2QX", name="Suivi", created_at=NOW)
    summary = summarise_room(workshop, members, SECOND)

    data = room_excel(summary, "en", NOW, follow_up=follow_up_of(members, SECOND))

    sheet = load_workbook(BytesIO(data))[t("follow_up.sheet", "en")]
    assert sheet["A1"].value == t("follow_up.too_few", "en", count=MIN_ROOM)

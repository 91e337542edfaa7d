"""The room's summary counts progress and aggregates, and never carries a contact's details."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook

from reseau.charts.room import circle_figure, quadrant_figure
from reseau.contact import Contact
from reseau.export.room import room_excel
from reseau.i18n import Lang, label, t
from reseau.network import Network
from reseau.room import summarise_room
from reseau.scoring import score_network
from reseau.vocabulary import Circle, Quadrant, Role, roles_of
from reseau.workbook import Workbook
from reseau.workshop import Member, Workshop
from tests.conftest import TODAY

NOW = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
WORKSHOP = Workshop(code="K7M2QX", name="Atelier de Lyon", created_at=NOW - timedelta(hours=2))


def _member(network: Network, seat: int, first_name: str | None = None) -> Member:
    return Member(
        seat=seat,
        first_name=first_name,
        workbook=Workbook(network=network),
        joined_at=NOW - timedelta(hours=1),
        updated_at=NOW - timedelta(minutes=seat),
    )


def _small_network() -> Network:
    return Network(
        contacts=(
            Contact(first_name="Zoé", last_name="Secret", email="zoe@secret.example"),
            Contact(
                first_name="Yann",
                last_name="Caché",
                circle=Circle.SUPPORT,
                role=Role.SPONSOR,
                frequency=2,
                trust=4,
                added_value=5,
                interest=5,
                power=5,
                action_text="Appeler Yann Caché lundi",
            ),
            Contact(first_name="Xavier", circle=Circle.SUPPORT, role=Role.FORMER_MANAGER, trust=2),
        )
    )


@pytest.fixture
def room(demo):  # type: ignore[no-untyped-def]
    members = [_member(demo, 1, "Camille"), _member(_small_network(), 2), _member(Network(), 3)]
    return summarise_room(WORKSHOP, members, TODAY)


def test_each_participant_shows_their_progress_by_first_name_or_number(room, demo):
    first, second, third = room.participants

    assert first.label(Lang.FR) == "Camille"
    assert second.label(Lang.FR) == t("workshop.participant", "fr", number=2)
    assert third.label(Lang.EN) == "Participant 3"
    assert (first.contacts, first.sorted, first.qualified, first.actions) == (
        len(demo),
        sum(c.is_sorted for c in demo),
        sum(c.is_qualified for c in demo),
        sum(c.has_action for c in demo),
    )
    assert (second.contacts, second.sorted, second.qualified, second.actions) == (3, 2, 1, 1)
    assert (third.contacts, third.sorted) == (0, 0)


def test_contacts_per_circle_add_up_the_whole_room(room, demo):
    counts = dict(room.contacts_per_circle)

    assert counts[Circle.SUPPORT] == sum(c.circle is Circle.SUPPORT for c in demo) + 2
    assert counts[None] == sum(c.circle is None for c in demo) + 1
    assert sum(counts.values()) == len(demo) + 3 == room.total_contacts


def test_empty_roles_count_participants_who_started_sorting(room, demo):
    empty = dict(room.empty_roles)
    held_in_demo = {c.role for c in demo}

    assert room.sorting_participants == 2
    # The small network only holds a sponsor and a former manager: every other method role
    # is empty for it, and also for the demo when the demo lacks it.
    assert Role.SPONSOR not in empty or Role.SPONSOR not in held_in_demo
    assert empty[Role.PEER] == 1 + (Role.PEER not in held_in_demo)
    assert Role.OTHER not in empty
    assert [count for _, count in room.empty_roles] == sorted(
        (count for _, count in room.empty_roles), reverse=True
    )


def test_the_quadrant_distribution_scores_each_workbook(room, demo):
    expected = {q: 0 for q in (*Quadrant, None)}
    for network in (demo, _small_network()):
        for score in score_network(network, Workbook().settings, TODAY).values():
            expected[score.quadrant] += 1

    assert dict(room.quadrants) == expected
    assert sum(dict(room.quadrants).values()) == room.total_contacts


def test_average_criteria_per_circle_use_only_contacts_that_have_them(room, demo):
    support = next(f for f in room.circles if f.circle is Circle.SUPPORT)
    trusts = [c.trust for c in demo if c.circle is Circle.SUPPORT and c.trust] + [4, 2]
    frequencies = [c.frequency for c in demo if c.circle is Circle.SUPPORT and c.frequency] + [2]

    assert support.averages["trust"] == round(sum(trusts) / len(trusts), 2)
    assert support.averages["frequency"] == round(sum(frequencies) / len(frequencies), 2)


def test_an_empty_room_has_nothing_but_zeros():
    room = summarise_room(WORKSHOP, [], TODAY)

    assert room.participants == ()
    assert room.total_contacts == 0
    assert room.empty_roles == ()
    assert all(f.averages[code] is None for f in room.circles for code in f.averages)


def test_the_summary_and_its_charts_hold_no_contact_details(room, demo):
    everything = repr(room) + circle_figure(room, Lang.FR).to_json()
    everything += quadrant_figure(room, Lang.FR).to_json()
    details = {"Secret", "zoe@secret.example", "Caché", "Appeler"}
    for contact in demo:
        details |= {contact.last_name, contact.email, contact.company, contact.action_text}
    details.discard("")

    assert [detail for detail in details if detail in everything] == []


def _cells(data: bytes) -> dict[str, list[list[object]]]:
    book = load_workbook(BytesIO(data))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def test_the_room_export_has_a_sheet_per_view_with_the_same_figures(room, demo):
    sheets = _cells(room_excel(room, Lang.FR, NOW))

    assert list(sheets) == ["Atelier", "Participants", "Cercles", "Rôles vides", "Quadrants"]
    assert sheets["Participants"][0][0] == t("workshop.col.participant", "fr")
    assert sheets["Participants"][1][:5] == [
        "Camille",
        len(demo),
        room.participants[0].sorted,
        room.participants[0].qualified,
        room.participants[0].actions,
    ]
    assert sheets["Participants"][2][0] == "Participant 2"
    quadrant_rows = {row[0]: row[1] for row in sheets["Quadrants"][1:]}
    assert quadrant_rows[label(Quadrant.DEVELOP, "fr")] == dict(room.quadrants)[Quadrant.DEVELOP]
    role_rows = {row[0]: row[2] for row in sheets["Rôles vides"][1:]}
    assert role_rows[label(Role.PEER, "fr")] == dict(room.empty_roles)[Role.PEER]
    about = {row[0]: row[1] for row in sheets["Atelier"] if row and len(row) > 1}
    assert about[t("workshop.field.name", "fr")] == "Atelier de Lyon"
    assert about[t("workshop.field.code", "fr")] == "K7M-2QX"


def test_the_room_export_holds_no_contact_details(room, demo):
    text = repr(_cells(room_excel(room, Lang.EN, NOW)))

    for contact in (*demo, *_small_network()):
        for detail in (contact.last_name, contact.email, contact.company, contact.action_text):
            if detail:
                assert detail not in text, detail


def test_text_people_typed_cannot_become_a_formula_in_the_export(demo):
    workshop = Workshop(code="K7M2QX", name='=HYPERLINK("http://x")', created_at=NOW)
    members = [_member(demo, 1, "+cmd|' /C calc'!A0"), _member(demo, 2, "@SUM(A1)")]

    book = load_workbook(
        BytesIO(room_excel(summarise_room(workshop, members, TODAY), Lang.FR, NOW))
    )

    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]
    typed = [c for c in cells if str(c.value).startswith(("=", "+", "@"))]
    assert {c.value for c in typed} == {
        '=HYPERLINK("http://x")',
        "+cmd|' /C calc'!A0",
        "@SUM(A1)",
    }
    assert all(c.data_type == "s" for c in typed)


def test_every_method_role_can_be_reported_empty():
    room = summarise_room(WORKSHOP, [_member(_small_network(), 1)], TODAY)
    method_roles = {r for c in Circle for r in roles_of(c, with_other=False)}

    assert set(dict(room.empty_roles)) == method_roles - {Role.SPONSOR, Role.FORMER_MANAGER}

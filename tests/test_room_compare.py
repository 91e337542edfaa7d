"""Each participant against the room: their counts beside the room's medians, nobody's own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reseau.contact import Contact
from reseau.network import Network
from reseau.room import MIN_ROOM, compare_to_room, profile_of, summarise_room
from reseau.scoring import DEFAULT_SETTINGS
from reseau.vocabulary import Circle, Quadrant, Role
from reseau.workbook import Workbook
from reseau.workshop import Member, Workshop
from tests.conftest import TODAY

NOW = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)


def _network(support: int, information: int = 0, trust: int | None = None) -> Network:
    contacts = [
        Contact(
            first_name=f"S{i}",
            last_name="Soutien",
            circle=Circle.SUPPORT,
            role=Role.SPONSOR,
            trust=trust,
        )
        for i in range(support)
    ]
    contacts += [
        Contact(first_name=f"I{i}", last_name="Info", circle=Circle.INFORMATION)
        for i in range(information)
    ]
    return Network(contacts=tuple(contacts))


def _profile(network: Network):  # type: ignore[no-untyped-def]
    return profile_of(network, DEFAULT_SETTINGS, TODAY)


def test_your_support_circle_is_set_beside_the_rooms_median():
    room = [_profile(_network(n)) for n in (3, 7, 9, 7)]

    comparison = compare_to_room(room[0], room)

    assert comparison is not None
    support = next(line for line in comparison.circles if line.circle is Circle.SUPPORT)
    assert (support.yours, support.room_median) == (3, 7.0)
    assert comparison.participants == 4


def test_no_comparison_while_too_few_have_started_to_stay_anonymous():
    room = [_profile(_network(n)) for n in range(1, MIN_ROOM)] + [_profile(_network(0))]

    assert compare_to_room(room[0], room) is None


def test_participants_without_contacts_do_not_drag_the_median_down():
    room = [_profile(_network(n)) for n in (4, 6, 8, 0, 0)]

    comparison = compare_to_room(room[0], room)

    support = next(line for line in comparison.circles if line.circle is Circle.SUPPORT)
    assert support.room_median == 6.0 and comparison.participants == 3


def test_roles_left_empty_are_yours_first_then_the_rooms_most_often_empty():
    you = _profile(_network(2))
    room = [you, _profile(_network(5)), _profile(_network(6))]

    comparison = compare_to_room(you, room)

    mine = [line for line in comparison.roles if line.empty_for_you]
    assert Role.SPONSOR not in [line.role for line in mine]
    assert mine and all(line.room_share == pytest.approx(1.0) for line in mine)


def test_nobody_sorted_means_no_empty_role_is_reported():
    unsorted = Network(contacts=(Contact(first_name="A", last_name="B"),))
    room = [_profile(unsorted)] * 3

    comparison = compare_to_room(room[0], room)

    assert comparison is not None and comparison.roles == ()


def test_quadrant_shares_and_criteria_averages_are_yours_against_the_rooms(demo):
    you = _profile(demo)
    room = [you, _profile(_network(4, trust=1)), _profile(_network(4, trust=5))]

    comparison = compare_to_room(you, room)

    shares = {line.quadrant: line.yours for line in comparison.quadrants}
    assert sum(shares.values()) == pytest.approx(1.0)
    assert shares[Quadrant.DEVELOP] > 0
    trust = next(line for line in comparison.criteria if line.code == "trust")
    demo_trust = [c.trust for c in demo if c.circle is not None and c.trust is not None]
    assert trust.yours == pytest.approx(sum(demo_trust) / len(demo_trust), abs=0.01)
    pooled = demo_trust + [1] * 4 + [5] * 4
    assert trust.room == pytest.approx(sum(pooled) / len(pooled), abs=0.01)


def test_the_room_summary_holds_one_anonymous_profile_per_participant(demo):
    members = [
        Member(seat, None, Workbook(network=network), NOW, NOW)
        for seat, network in ((1, demo), (2, _network(2)), (3, Network()))
    ]

    summary = summarise_room(Workshop("K7M2QX", "Atelier", NOW), members, TODAY)

    assert sorted(p.contacts for p in summary.profiles) == [0, 2, len(demo)]
    assert "Fontaine" not in repr(summary.profiles), "no contact's name in a profile"


def test_the_trainers_export_carries_the_medians_participants_see(demo):
    from io import BytesIO

    from openpyxl import load_workbook

    from reseau.export.room import room_excel
    from reseau.i18n import Lang, label, t

    members = [
        Member(seat, None, Workbook(network=_network(n)), NOW, NOW)
        for seat, n in ((1, 3), (2, 7), (3, 9))
    ]
    summary = summarise_room(Workshop("K7M2QX", "Atelier", NOW), members, TODAY)

    book = load_workbook(BytesIO(room_excel(summary, Lang.FR, NOW)))

    rows = list(book[t("workshop.sheet.circles", "fr")].iter_rows(values_only=True))
    column = rows[0].index(t("workshop.col.median", "fr", count=MIN_ROOM))
    by_circle = {row[0]: row[column] for row in rows[1:]}
    assert by_circle[label(Circle.SUPPORT, "fr")] == 7

"""The room's « forme des réseaux »: numbers only per participant, medians, and its Excel sheet."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO
from itertools import combinations

import pytest
from openpyxl import load_workbook

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction, WhoKnowsWhom
from reseau.demo import load_demo_network
from reseau.export.room import room_excel
from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.room import summarise_room
from reseau.workbook import Workbook
from reseau.workshop import Member, Workshop
from tests.conftest import TODAY

NOW = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
WORKSHOP = Workshop(code="K7M2QX", name="Atelier de Lyon", created_at=NOW - timedelta(hours=2))


def _member(seat: int, links: WhoKnowsWhom, network: Network | None = None) -> Member:
    return Member(
        seat=seat,
        first_name=f"Personne{seat}",
        workbook=Workbook(network=network or load_demo_network(), links=links),
        joined_at=NOW - timedelta(hours=1),
        updated_at=NOW - timedelta(minutes=seat),
    )


def _answered(count: int, state: Acquaintance, selves: int = 0) -> WhoKnowsWhom:
    ids = load_demo_network().ids[:count]
    links = WhoKnowsWhom()
    for a, b in combinations(ids, 2):
        links = links.with_pair(a, b, state)
    for index, contact_id in enumerate(ids):
        by = IntroducedBy.SELF if index < selves else IntroducedBy.EVENT
        links = links.with_introduction(contact_id, Introduction(by))
    return links


@pytest.fixture
def room():  # type: ignore[no-untyped-def]
    members = [
        _member(1, _answered(4, Acquaintance.STRANGERS, selves=4)),  # 4 alters, no tie: 4
        _member(2, _answered(4, Acquaintance.KNOW, selves=1)),  # clique of 4: 1
        _member(3, _answered(3, Acquaintance.STRANGERS, selves=3)),  # 3 alters, no tie: 3
        _member(4, WhoKnowsWhom()),  # skipped: left out
    ]
    return summarise_room(WORKSHOP, members, TODAY)


def test_the_room_keeps_each_participants_shape_as_numbers_and_the_medians(room):
    shape = room.shape

    assert shape.answered == 3
    assert [line.effective_size for line in shape.participants] == pytest.approx([1, 3, 4])
    assert shape.median_effective_size == pytest.approx(3)
    assert shape.median_density == pytest.approx(0)
    assert shape.median_self_introduced == pytest.approx(1)


def test_the_room_excel_has_a_shape_sheet_with_no_name_in_it(room):
    book = load_workbook(BytesIO(room_excel(room, Lang.FR, NOW)))

    sheet = book[t("shape.room.sheet", "fr")]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]

    header = rows.index(
        [
            t(f"shape.room.col.{c}", "fr")
            for c in ("line", "effective_size", "density", "self_introduced")
        ]
    )
    lines = rows[header + 1 : header + 4]
    assert [row[0] for row in lines] == [1, 2, 3]
    assert [row[1] for row in lines] == pytest.approx([1, 3, 4])
    assert rows[header + 4][0] == "Médiane de la salle"
    assert rows[header + 4][1] == pytest.approx(3)
    text = repr(rows)
    assert "Personne" not in text
    assert not any(c.display_name in text for c in load_demo_network())


def test_a_room_where_fewer_than_three_answered_says_so_and_shows_no_figure():
    members = [_member(1, _answered(4, Acquaintance.KNOW)), _member(2, WhoKnowsWhom())]
    summary = summarise_room(WORKSHOP, members, TODAY)

    book = load_workbook(BytesIO(room_excel(summary, Lang.FR, NOW)))

    rows = [row for row in book[t("shape.room.sheet", "fr")].iter_rows(values_only=True)]
    assert rows[1][0].startswith(
        "1 participant a dit qui connaît qui : les chiffres s'affichent dès 3"
    )
    assert len(rows) == 2


def test_a_room_where_nobody_answered_has_no_shape_sheet():
    summary = summarise_room(WORKSHOP, [_member(1, WhoKnowsWhom())], TODAY)

    book = load_workbook(BytesIO(room_excel(summary, Lang.FR, NOW)))

    assert t("shape.room.sheet", "fr") not in book.sheetnames
    assert summary.shape.is_empty

"""Joining a workshop and deleting one's data, as use cases: no Streamlit, a real store."""

from __future__ import annotations

import pytest

from reseau.i18n import Lang
from reseau.storage import WorkbookNotFound
from reseau.workbook import Workbook
from reseau.workshop import (
    TooManyCodes,
    WorkshopClosed,
    WorkshopNotFound,
    delete_my_data,
    join_workshop,
)

CLIENT = "203.0.113.7"


def test_a_join_link_on_a_new_visit_makes_a_workbook_of_the_workshop_in_the_visitors_language(
    memory_store,
):
    workshop = memory_store.create_workshop("Atelier de Lyon")

    joined = join_workshop(memory_store, workshop.display_code, CLIENT, Lang.EN)

    stored = memory_store.load(joined.workbook_id)
    assert (stored.workshop_code, stored.lang) == (workshop.code, Lang.EN)
    assert (joined.already, joined.previous_id) == (False, None)


def test_a_workbook_in_no_workshop_moves_into_it_with_its_contacts_stored_first(memory_store, demo):
    workshop = memory_store.create_workshop("Atelier de Lyon")
    workbook = Workbook(network=demo)
    workbook_id = "wb-before-the-code"
    stored_first: list[str] = []

    def give_it_a_row() -> None:
        stored_first.append(memory_store.create(workbook, workbook_id))

    joined = join_workshop(
        memory_store,
        workshop.code.lower(),
        CLIENT,
        Lang.FR,
        current=(workbook_id, workbook),
        before_attaching=give_it_a_row,
    )

    assert stored_first == [workbook_id]
    assert joined.workbook_id == workbook_id
    moved = memory_store.load(workbook_id)
    assert moved.workshop_code == workshop.code
    assert len(moved.network) == len(demo)


def test_joining_the_workshop_one_is_already_in_changes_nothing(memory_store):
    workshop = memory_store.create_workshop("Atelier de Lyon")
    first = join_workshop(memory_store, workshop.code, CLIENT, Lang.FR)
    workbook = memory_store.load(first.workbook_id)

    again = join_workshop(
        memory_store, workshop.code, CLIENT, Lang.FR, current=(first.workbook_id, workbook)
    )

    assert (again.workbook_id, again.already) == (first.workbook_id, True)
    assert len(memory_store.members(workshop.code)) == 1


def test_a_workbook_in_another_workshop_stays_there_and_a_new_one_is_made(memory_store):
    morning = memory_store.create_workshop("Matin")
    afternoon = memory_store.create_workshop("Après-midi")
    first = join_workshop(memory_store, morning.code, CLIENT, Lang.FR)

    second = join_workshop(
        memory_store,
        afternoon.code,
        CLIENT,
        Lang.FR,
        current=(first.workbook_id, memory_store.load(first.workbook_id)),
    )

    assert second.previous_id == first.workbook_id
    assert second.workbook_id != first.workbook_id
    assert memory_store.load(first.workbook_id).workshop_code == morning.code
    assert memory_store.load(second.workbook_id).workshop_code == afternoon.code


def test_a_closed_workshop_refuses_newcomers(memory_store):
    workshop = memory_store.create_workshop("Atelier de Lyon")
    memory_store.close_workshop(workshop.code)

    with pytest.raises(WorkshopClosed):
        join_workshop(memory_store, workshop.code, CLIENT, Lang.FR)


def test_too_many_unknown_codes_make_the_client_wait_even_with_the_right_code(memory_store):
    workshop = memory_store.create_workshop("Atelier de Lyon")
    for _ in range(10):
        with pytest.raises(WorkshopNotFound):
            join_workshop(memory_store, "ZZZZZZ", CLIENT, Lang.FR)

    with pytest.raises(TooManyCodes) as refused:
        join_workshop(memory_store, workshop.code, CLIENT, Lang.FR)

    assert refused.value.params["seconds"] > 0
    assert join_workshop(memory_store, workshop.code, "198.51.100.2", Lang.FR).workbook_id


def test_deleting_my_data_removes_the_workbook_and_its_seat_in_the_workshop(memory_store):
    workshop = memory_store.create_workshop("Atelier de Lyon")
    joined = join_workshop(memory_store, workshop.code, CLIENT, Lang.FR)

    delete_my_data(memory_store, joined.workbook_id)

    with pytest.raises(WorkbookNotFound):
        memory_store.load(joined.workbook_id)
    assert memory_store.members(workshop.code) == []


def test_a_follow_up_code_leaves_the_workbook_in_the_first_workshop(memory_store):
    first = memory_store.create_workshop("Atelier de Lyon")
    joined = join_workshop(memory_store, first.code, CLIENT, Lang.FR)
    follow_up = memory_store.create_follow_up(first.code, "Atelier de Lyon, trois mois après")

    again = join_workshop(
        memory_store,
        follow_up.code,
        CLIENT,
        Lang.FR,
        current=(joined.workbook_id, memory_store.load(joined.workbook_id)),
    )

    assert again.workbook_id == joined.workbook_id
    assert again.follow_up_of is not None and again.follow_up_of.code == first.code
    assert memory_store.load(joined.workbook_id).workshop_code == first.code

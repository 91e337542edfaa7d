"""A follow-up workshop is attached to the first one, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from reseau.storage import WorkbookStore
from reseau.storage.store import workbooks, workshops
from reseau.workbook import Workbook
from reseau.workshop import WorkshopNameNeeded, WorkshopNotFound, open_follow_up


def _age(store: WorkbookStore, days: int) -> None:
    past = datetime.now(UTC) - timedelta(days=days)
    with store.engine.begin() as conn:
        conn.execute(update(workshops).values(created_at=past))


def test_a_follow_up_names_the_workshop_it_follows_and_a_first_workshop_follows_none(store):
    first = store.create_workshop("Atelier de Lyon")

    follow_up = store.create_follow_up(first.code, "Suivi : Lyon")

    assert store.follows(follow_up.code) == first.code
    assert store.follows(first.code) is None
    assert follow_up.is_open and follow_up.code != first.code
    assert [w.code for w in store.workshops()][:2] == [follow_up.code, first.code]


def test_a_follow_up_needs_a_first_workshop_and_a_name(store):
    first = store.create_workshop("Atelier de Lyon")

    with pytest.raises(WorkshopNotFound):
        store.create_follow_up("NOPE22", "Suivi")
    with pytest.raises(WorkshopNameNeeded):
        store.create_follow_up(first.code, "   ")


def test_an_old_follow_up_stays_while_the_first_workshops_workbooks_do(store):
    first = store.create_workshop("Atelier de Lyon")
    member_id, _ = store.join_workshop(first.code, Workbook())
    follow_up = store.create_follow_up(first.code, "Suivi : Lyon")
    _age(store, 40)

    store.purge_older_than(30)

    assert {w.code for w in store.workshops()} == {first.code, follow_up.code}
    assert store.follows(follow_up.code) == first.code

    past = datetime.now(UTC) - timedelta(days=40)
    with store.engine.begin() as conn:
        conn.execute(
            update(workbooks)
            .where(workbooks.c.id == member_id)
            .values(updated_at=past, last_seen=past)
        )
    store.purge_older_than(30)

    assert store.workshops() == []
    assert store.follows(follow_up.code) is None


def test_a_follow_up_of_a_follow_up_follows_the_first_workshop(store):
    first = store.create_workshop("Atelier de Lyon")
    second = store.create_follow_up(first.code, "Suivi 1")

    third = store.create_follow_up(second.code, "Suivi 2")

    assert store.follows(third.code) == first.code


def test_a_follow_up_opened_twice_under_one_name_is_one_workshop(store):
    first = store.create_workshop("Atelier de Lyon")

    opened, new = open_follow_up(store, first.code, "Suivi  : Atelier de Lyon ")
    again, again_new = open_follow_up(store, opened.code, "Suivi : Atelier de Lyon")
    other, other_new = open_follow_up(store, first.code, "Suivi de printemps")

    assert (new, again_new, other_new) == (True, False, True)
    assert again == opened
    assert [w.code for w in store.follow_ups(first.code)] == [opened.code, other.code]


def test_a_closed_follow_up_does_not_stop_a_new_one_under_the_same_name(store):
    first = store.create_workshop("Atelier de Lyon")
    closed, _ = open_follow_up(store, first.code, "Suivi")
    store.close_workshop(closed.code)

    reopened, new = open_follow_up(store, first.code, "Suivi")

    assert new and reopened.code != closed.code

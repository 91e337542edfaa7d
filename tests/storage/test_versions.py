"""Two tabs on one workbook: a save made from an older version never overwrites a newer one unseen.

Every stored workbook has a version, raised by each save; a session's saves name the version it
loaded, and when another tab saved meanwhile the two edits are merged field by field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import MutableMapping
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from reseau.i18n import Lang
from reseau.serialization import workbook_to_json
from reseau.storage import WorkbookChanged, WorkbookExists, WorkbookStore, open_store
from reseau.storage.merge import merge_workbooks
from reseau.ui.state import Workspace
from reseau.vocabulary import Circle, roles_of
from reseau.workbook import Workbook


def _tab(store: WorkbookStore, workbook_id: str) -> tuple[dict[str, Any], Workspace]:
    """A session that opened the stored workbook, as a new browser tab does."""
    session: MutableMapping[str, Any] = {}
    ws = Workspace(session, store)
    ws.open_stored(workbook_id)
    return session, ws  # type: ignore[return-value]


def test_each_save_raises_the_version_by_one(store, demo):
    workbook_id = store.create(Workbook(network=demo))

    first = store.save(workbook_id, Workbook(network=demo, lang=Lang.EN), 1)
    second = store.save(workbook_id, Workbook(network=demo), first)

    assert (first, second) == (2, 3)
    assert store.load_versioned(workbook_id).version == 3


def test_a_save_from_an_older_version_is_refused_and_the_newer_one_stays(store, demo):
    workbook_id = store.create(Workbook(network=demo))
    newer = Workbook(network=demo.with_details(mission="newer"))
    store.save(workbook_id, newer, 1)

    with pytest.raises(WorkbookChanged):
        store.save(workbook_id, Workbook(network=demo.with_details(mission="older")), 1)

    assert store.load(workbook_id) == newer


def test_creating_a_workbook_at_an_id_already_stored_is_refused(store):
    workbook_id = store.create(Workbook(lang=Lang.EN))

    with pytest.raises(WorkbookExists):
        store.create(Workbook(), workbook_id)

    assert store.load(workbook_id).lang is Lang.EN


def test_a_database_from_before_versions_gets_the_column_and_its_rows_still_load(tmp_path, demo):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = create_engine(url)
    with old.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE workbooks (id VARCHAR(64) PRIMARY KEY, data TEXT NOT NULL, "
                "workshop_code VARCHAR(16), created_at DATETIME NOT NULL, "
                "updated_at DATETIME NOT NULL)"
            )
        )
    old.dispose()
    first = open_store(url)
    workbook_id = first.create(Workbook(network=demo))
    with first.engine.begin() as conn:  # a row as the previous release wrote it
        conn.execute(text("ALTER TABLE workbooks DROP COLUMN version"))
    first.engine.dispose()

    reopened = open_store(url)

    stored = reopened.load_versioned(workbook_id)
    assert stored.workbook.network == demo
    assert stored.version == 1
    assert reopened.save(workbook_id, Workbook(network=demo, lang=Lang.EN), 1) == 2


def test_a_postgres_table_from_before_versions_gets_the_column(store_url_for_test, demo):
    engine = create_engine(store_url_for_test)
    if engine.dialect.name != "postgresql":
        pytest.skip("the SQLite case is the test above")
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE workbooks (id VARCHAR(64) PRIMARY KEY, data TEXT NOT NULL, "
                "workshop_code VARCHAR(16), created_at TIMESTAMPTZ NOT NULL, "
                "updated_at TIMESTAMPTZ NOT NULL)"
            )
        )
        conn.execute(
            text("INSERT INTO workbooks VALUES ('old-row', :data, NULL, now(), now())"),
            {"data": workbook_to_json(Workbook(network=demo))},
        )
    engine.dispose()

    store = open_store(store_url_for_test)

    assert store.load_versioned("old-row").version == 1
    assert store.load("old-row").network == demo
    store.engine.dispose()


def test_two_tabs_changing_different_contacts_both_keep_their_change(store, demo):
    workbook_id = store.create(Workbook(network=demo))
    first_session, first = _tab(store, workbook_id)
    _, second = _tab(store, workbook_id)
    nadia, victor = demo.contacts[0].id, demo.contacts[1].id

    first.update_contact(nadia, notes="vue au salon")
    second.update_contact(victor, notes="rappeler lundi")

    stored = store.load(workbook_id).network
    assert stored.get(nadia).notes == "vue au salon"
    assert stored.get(victor).notes == "rappeler lundi"
    # The second tab now holds both changes, so its next save keeps the first tab's too.
    assert second.network.get(nadia).notes == "vue au salon"
    assert [f.level for f in second.pop_flashes()] == ["info"]
    assert first_session["reseau.workbook"].network.get(victor).notes == demo.get(victor).notes


def test_two_tabs_changing_different_fields_of_one_contact_both_keep_their_change(store, demo):
    workbook_id = store.create(Workbook(network=demo))
    _, first = _tab(store, workbook_id)
    _, second = _tab(store, workbook_id)
    contact = demo.contacts[2].id

    first.update_contact(contact, trust=1)
    second.update_contact(contact, notes="une note")
    first.update_contact(contact, frequency=1)  # the first tab is now behind the second's save

    saved = store.load(workbook_id).network.get(contact)
    assert (saved.trust, saved.frequency, saved.notes) == (1, 1, "une note")


def test_two_tabs_changing_the_same_field_keep_the_stored_value_and_say_so(store, demo):
    workbook_id = store.create(Workbook(network=demo))
    _, first = _tab(store, workbook_id)
    second_session, second = _tab(store, workbook_id)
    second_session["home.mission"] = "a widget value from before the reload"
    contact = demo.contacts[3].id

    first.update_contact(contact, notes="from the first tab")
    second.update_contact(contact, notes="from the second tab")

    assert store.load(workbook_id).network.get(contact).notes == "from the first tab"
    assert second.network.get(contact).notes == "from the first tab"
    flashes = second.pop_flashes()
    assert [f.level for f in flashes] == ["warning"]
    assert flashes[0].text == second.t("save.collided")
    assert "home.mission" not in second_session  # the screen is rebuilt from the store
    assert second.take_reload_request()
    second_session["home.mission"] = "drawn again from the store"
    assert second.take_reload_request()
    assert [f.level for f in second.pop_flashes()] == ["warning"]  # shown again, redrawn
    second.resync_widgets()
    assert second_session["home.mission"] == "drawn again from the store"
    assert not second.take_reload_request()


def test_workbook_level_fields_merge_and_collide_like_contact_fields(store, demo):
    workbook_id = store.create(Workbook(network=demo))
    _, first = _tab(store, workbook_id)
    _, second = _tab(store, workbook_id)

    first.set_details(mission="mission du premier onglet")
    second.set_lang(Lang.EN)
    second.set_marks(Circle.INFORMATION, {"reach": 4})

    stored = store.load(workbook_id)
    assert stored.network.mission == "mission du premier onglet"
    assert stored.lang is Lang.EN
    assert dict(stored.network.marks[Circle.INFORMATION]) == {"reach": 4}


def test_a_contact_added_in_one_tab_and_one_removed_in_another_are_both_kept(store, demo):
    workbook_id = store.create(Workbook(network=demo))
    _, first = _tab(store, workbook_id)
    _, second = _tab(store, workbook_id)
    removed = demo.contacts[5].id
    added = dataclasses.replace(demo.contacts[0], first_name="Nouvelle", id="added-contact")

    first.add_contacts([added])
    second.remove_contacts([removed])

    stored = store.load(workbook_id).network
    assert "added-contact" in stored
    assert removed not in stored
    assert len(stored) == len(demo)


def test_a_contact_removed_in_one_tab_while_edited_in_another_stays_as_edited(store, demo):
    workbook_id = store.create(Workbook(network=demo))
    _, first = _tab(store, workbook_id)
    _, second = _tab(store, workbook_id)
    contact = demo.contacts[6].id

    first.update_contact(contact, notes="still needed")
    second.remove_contacts([contact])

    assert store.load(workbook_id).network.get(contact).notes == "still needed"
    assert [f.level for f in second.pop_flashes()] == ["warning"]


def test_where_each_tab_stands_is_never_a_collision(demo):
    base = Workbook(network=demo)
    mine = base.with_changes(cursor=demo.contacts[1].id)
    theirs = base.with_changes(cursor=demo.contacts[2].id)

    merged = merge_workbooks(base, mine, theirs)

    assert not merged.collided
    assert merged.workbook.cursor == demo.contacts[1].id


def test_merging_fields_into_an_invalid_contact_keeps_the_stored_contact(demo):
    contact = next(c for c in demo.contacts if c.circle is not None and c.role is not None)
    other_circle = next(c for c in Circle if c is not contact.circle)
    other_role = next(r for r in roles_of(contact.circle) if r is not contact.role)
    base = Workbook(network=demo)
    # Here the contact moves to another circle; there it gets another role of its old circle.
    mine = base.with_changes(network=demo.update(contact.id, circle=other_circle, role=None))
    theirs = base.with_changes(network=demo.update(contact.id, role=other_role))

    merged = merge_workbooks(base, mine, theirs)

    assert merged.collided
    assert merged.workbook.network.get(contact.id) == theirs.network.get(contact.id)


def test_a_new_workbook_opened_in_two_tabs_keeps_both_first_changes(store):
    session: dict[str, Any] = {}
    first = Workspace(session, store)
    first.open_new("A" * 22, Workbook())
    second = Workspace({}, store)
    second.open_new("A" * 22, Workbook())

    first.set_details(mission="from the first tab")
    second.set_details(participant="Sam")

    stored = store.load("A" * 22).network
    assert (stored.mission, stored.participant) == ("from the first tab", "Sam")


def test_a_workbook_in_memory_only_is_not_in_the_store_until_its_first_change(store, demo):
    ws = Workspace({}, store)
    ws.open_new("B" * 22, Workbook(network=demo))

    assert not store.exists("B" * 22)
    assert not ws.is_stored

    ws.set_lang(Lang.EN)

    assert ws.is_stored
    assert store.load("B" * 22) == Workbook(network=demo, lang=Lang.EN)


def test_a_network_built_outside_the_store_merges_without_error(demo):
    merged = merge_workbooks(Workbook(), Workbook(network=demo), Workbook())

    assert merged.workbook.network == demo
    assert not merged.collided


def test_two_tabs_marking_different_actions_done_keep_both_days_without_a_collision(store, demo):
    from datetime import date

    from reseau.vocabulary import ActionStatus

    first, second = [
        c for c in demo.contacts if c.has_action and c.action_status is not ActionStatus.DONE
    ][:2]
    workbook_id = store.create(Workbook(network=demo))
    _, here = _tab(store, workbook_id)
    _, there = _tab(store, workbook_id)
    here_day, there_day = date(2026, 3, 2), date(2026, 3, 9)

    # Each tab marks one action done on the day the exchange happened (as « Qui relancer » does).
    for ws, contact, on in ((there, second, there_day), (here, first, here_day)):
        workbook = ws.workbook
        done = workbook.network.get(contact.id).with_changes(action_status=ActionStatus.DONE)
        ws.commit(
            workbook.with_changes(
                network=workbook.network.replace(done),
                actions_done={**workbook.actions_done, contact.id: on},
            )
        )

    stored = store.load(workbook_id)
    assert stored.actions_done == {first.id: here_day, second.id: there_day}
    assert stored.network.get(first.id).action_status is ActionStatus.DONE
    assert stored.network.get(second.id).action_status is ActionStatus.DONE


def test_days_of_actions_done_merge_per_contact_and_collide_only_on_the_same_contact(demo):
    from datetime import date

    a, b = demo.contacts[0].id, demo.contacts[1].id
    base = Workbook(network=demo)
    one, two = date(2026, 3, 2), date(2026, 3, 9)

    apart = merge_workbooks(
        base,
        base.with_changes(actions_done={a: one}),
        base.with_changes(actions_done={b: two}),
    )
    same = merge_workbooks(
        base,
        base.with_changes(actions_done={a: one}),
        base.with_changes(actions_done={a: two}),
    )

    assert not apart.collided and apart.workbook.actions_done == {a: one, b: two}
    assert same.collided and same.workbook.actions_done == {a: two}


def test_rhythms_and_unchanged_marks_set_in_two_tabs_for_different_contacts_are_both_kept(demo):
    a, b = demo.contacts[0].id, demo.contacts[1].id
    base = Workbook(network=demo)

    merged = merge_workbooks(
        base,
        base.with_changes(cadences={a: 14}, unchanged=frozenset({a})),
        base.with_changes(cadences={b: 120}, unchanged=frozenset({b})),
    )

    assert not merged.collided
    assert merged.workbook.cadences == {a: 14, b: 120}
    assert merged.workbook.unchanged == frozenset({a, b})

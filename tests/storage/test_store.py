"""The store keeps workbooks and workshops exactly, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text, update

from reseau.i18n import Lang
from reseau.network import Network
from reseau.storage import WorkbookNotFound, WorkbookStore, open_store, retention_days_from_env
from reseau.storage.store import workbooks, workshops
from reseau.workbook import Workbook
from reseau.workshop import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    JoinCodeMalformed,
    WorkshopClosed,
    WorkshopNameNeeded,
    WorkshopNotFound,
    normalise_join_code,
)


def _age(store: WorkbookStore, table, days: int, **where: str) -> None:  # type: ignore[no-untyped-def]
    past = datetime.now(UTC) - timedelta(days=days)
    # An old workbook was neither changed nor opened since.
    columns = ("updated_at", "last_seen") if table is workbooks else ("created_at",)
    condition = [table.c[name] == value for name, value in where.items()]
    with store.engine.begin() as conn:
        conn.execute(update(table).where(*condition).values(dict.fromkeys(columns, past)))


def test_a_saved_workbook_comes_back_exactly_with_its_position(store, demo):
    contact = demo.contacts[4]
    workbook = Workbook(network=demo, lang=Lang.EN, cursor=contact.id)
    workbook_id = store.create(Workbook())

    store.save(workbook_id, workbook)

    assert store.load(workbook_id) == workbook


def test_workbook_ids_are_unguessable_and_distinct(store):
    ids = {store.create(Workbook()) for _ in range(50)}

    assert len(ids) == 50
    # 16 random bytes in URL-safe base64: 22 characters, 128 bits.
    assert all(len(workbook_id) >= 22 for workbook_id in ids)


def test_an_unknown_id_is_not_found_rather_than_another_workbook(store, demo):
    real_id = store.create(Workbook(network=demo))
    wrong_id = real_id[:-1] + ("A" if real_id[-1] != "A" else "B")

    with pytest.raises(WorkbookNotFound):
        store.load(wrong_id)
    with pytest.raises(WorkbookNotFound):
        store.save(wrong_id, Workbook())
    assert store.load(real_id).network == demo


def test_a_deleted_workbook_is_gone_for_good(store, demo):
    workbook_id = store.create(Workbook(network=demo))

    store.delete(workbook_id)

    assert not store.exists(workbook_id)
    with pytest.raises(WorkbookNotFound):
        store.load(workbook_id)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM workbooks")).scalar() == 0


def test_workbooks_untouched_beyond_the_retention_period_are_purged(store):
    old_id = store.create(Workbook(network=Network(participant="old")))
    recent_id = store.create(Workbook(network=Network(participant="recent")))
    _age(store, workbooks, 31, id=old_id)

    purged = store.purge_older_than(30)

    assert purged == 1
    assert not store.exists(old_id)
    assert store.load(recent_id).network.participant == "recent"


def test_an_old_workshop_goes_only_once_its_workbooks_have_gone(store):
    empty = store.create_workshop("Atelier de janvier")
    used = store.create_workshop("Atelier de février")
    member_id, _ = store.join_workshop(used.code, Workbook())
    _age(store, workshops, 40, code=empty.code)
    _age(store, workshops, 40, code=used.code)

    store.purge_older_than(30)

    assert [w.code for w in store.workshops()] == [used.code]
    assert store.exists(member_id)


def test_the_purge_runs_at_start_up_then_waits_its_interval(store):
    old_id = store.create(Workbook())
    _age(store, workbooks, 31, id=old_id)

    first = store.purge_if_due(30)
    second = store.purge_if_due(30)

    assert first == 1
    assert second is None


@pytest.mark.parametrize(
    ("value", "days"), [("", 30), ("7", 7), ("365", 365), ("0", 30), ("-3", 30), ("deux", 30)]
)
def test_the_retention_period_comes_from_the_environment(monkeypatch, value, days):
    monkeypatch.setenv("RESEAU_RETENTION_DAYS", value)

    assert retention_days_from_env() == days


def test_a_new_workshop_gets_a_short_unambiguous_join_code(store):
    codes = {store.create_workshop(f"Atelier {n}").code for n in range(30)}

    assert len(codes) == 30
    for code in codes:
        assert len(code) == JOIN_CODE_LENGTH
        assert set(code) <= set(JOIN_CODE_ALPHABET)
    assert not set("0O1IL") & set(JOIN_CODE_ALPHABET)


def test_a_workshop_needs_a_name(store):
    with pytest.raises(WorkshopNameNeeded):
        store.create_workshop("   ")


def test_workshops_are_listed_newest_first_with_their_names(store):
    first = store.create_workshop("  Managers   transverses, Lyon ")
    second = store.create_workshop("Session du 12")

    listed = store.workshops()

    assert [w.code for w in listed] == [second.code, first.code]
    assert listed[1].name == "Managers transverses, Lyon"
    assert all(w.is_open for w in listed)


def test_participants_join_with_the_code_as_typed_and_get_their_own_workbooks(store, demo):
    workshop = store.create_workshop("Atelier")
    typed = f" {workshop.code[:3].lower()}-{workshop.code[3:]} "

    first_id, joined = store.join_workshop(typed, Workbook(network=demo))
    second_id, _ = store.join_workshop(workshop.code, Workbook())

    assert joined == workshop
    assert first_id != second_id
    assert store.load(first_id).workshop_code == workshop.code
    members = store.members(workshop.code)
    assert [m.seat for m in members] == [1, 2]
    assert members[0].workbook.network == demo
    assert len(members[1].workbook.network) == 0


def test_a_wrong_code_is_refused_and_a_malformed_one_says_so(store):
    store.create_workshop("Atelier")

    with pytest.raises(WorkshopNotFound):
        store.join_workshop("ZZZZZZ", Workbook())
    for typed in ("", "ABC", "ABCDEFG", "AB0CDE", "ABC1DE"):
        with pytest.raises(JoinCodeMalformed):
            normalise_join_code(typed)


def test_a_closed_workshop_refuses_new_participants_and_keeps_the_workbooks(store, demo):
    workshop = store.create_workshop("Atelier")
    member_id, _ = store.join_workshop(workshop.code, Workbook(network=demo))

    store.close_workshop(workshop.code)
    store.close_workshop(workshop.code)

    with pytest.raises(WorkshopClosed):
        store.join_workshop(workshop.code, Workbook())
    assert store.workshop(workshop.code).closed_at is not None
    assert store.load(member_id).network == demo
    assert len(store.members(workshop.code)) == 1
    with pytest.raises(WorkshopNotFound):
        store.close_workshop("ZZZZZZ")


def test_an_existing_workbook_can_join_and_keeps_its_contacts(store, demo):
    workshop = store.create_workshop("Atelier")
    store.join_workshop(workshop.code, Workbook())
    workbook_id = store.create(Workbook(network=demo))

    workbook, _ = store.attach_to_workshop(workbook_id, workshop.code.lower())

    assert workbook.workshop_code == workshop.code
    assert store.load(workbook_id) == workbook
    members = store.members(workshop.code)
    assert [(m.seat, len(m.workbook.network)) for m in members] == [(1, 0), (2, len(demo))]


def test_a_first_name_is_optional_cleaned_and_survives_saves(store, demo):
    workshop = store.create_workshop("Atelier")
    workbook_id, _ = store.join_workshop(workshop.code, Workbook())

    assert store.membership(workbook_id).first_name is None
    assert store.set_first_name(workbook_id, "  Camille \n ") == "Camille"
    store.save(workbook_id, Workbook(network=demo, workshop_code=workshop.code))

    membership = store.membership(workbook_id)
    assert membership.first_name == "Camille"
    assert membership.workshop == workshop
    assert store.members(workshop.code)[0].seat == 1
    assert store.set_first_name(workbook_id, "   ") is None
    assert store.membership(workbook_id).first_name is None


def test_a_workbook_outside_any_workshop_has_no_membership(store):
    workbook_id = store.create(Workbook())

    assert store.membership(workbook_id) is None
    with pytest.raises(WorkbookNotFound):
        store.set_first_name("no-such-id", "Camille")


def test_a_database_from_the_first_release_gains_the_new_columns(isolated_store, demo):
    isolated_store.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{isolated_store / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE workbooks (id VARCHAR(64) PRIMARY KEY, data TEXT NOT NULL,"
                " workshop_code VARCHAR(16), created_at DATETIME NOT NULL,"
                " updated_at DATETIME NOT NULL)"
            )
        )
    engine.dispose()

    store = open_store(url)
    workbook_id = store.create(Workbook(network=demo))

    assert store.load(workbook_id).network == demo
    assert store.membership(workbook_id) is None


def test_a_failed_save_logs_no_contact_details(store, demo, caplog):
    from reseau.ui.state import Workspace

    workbook_id = store.create(Workbook())
    ws = Workspace({}, store)
    ws.attach(workbook_id, store.load(workbook_id))
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE workbooks"))

    with caplog.at_level("DEBUG"):
        ws.set_network(demo)

    assert "saving workbook failed" in caplog.text
    for contact in demo:
        for detail in (contact.last_name, contact.email, contact.phone):
            if detail:
                assert detail not in caplog.text
    assert [flash.level for flash in ws.pop_flashes()] == ["error"]


def test_a_revealed_room_is_seen_by_another_process_on_the_same_database(store_url_for_test):
    trainer = open_store(store_url_for_test)
    participant = open_store(store_url_for_test)
    workshop = trainer.create_workshop("Atelier")

    hidden_at_first = participant.workshop(workshop.code).revealed
    trainer.reveal_room(workshop.code, True)
    seen_revealed = participant.workshop(workshop.code).revealed
    trainer.reveal_room(workshop.code, False)
    seen_hidden_again = participant.workshop(workshop.code).revealed

    assert (hidden_at_first, seen_revealed, seen_hidden_again) == (False, True, False)
    trainer.engine.dispose()
    participant.engine.dispose()


def test_a_revealed_room_stays_revealed_after_a_restart(store_url_for_test, demo):
    before = open_store(store_url_for_test)
    workshop = before.create_workshop("Atelier")
    member_id, _ = before.join_workshop(workshop.code, Workbook(network=demo))
    before.reveal_room(workshop.code, True)
    before.engine.dispose()

    after = open_store(store_url_for_test)

    assert after.workshop(workshop.code).revealed is True
    assert after.membership(member_id).workshop.revealed is True
    assert [w.revealed for w in after.workshops()] == [True]
    after.engine.dispose()


def test_revealing_an_unknown_room_says_it_is_not_found(store):
    with pytest.raises(WorkshopNotFound):
        store.reveal_room("ZZZZZZ", True)


def test_a_database_from_before_the_reveal_gains_it_with_every_room_hidden(isolated_store):
    isolated_store.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{isolated_store / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE workshops (code VARCHAR(16) PRIMARY KEY,"
                " name VARCHAR(120) NOT NULL, created_at DATETIME NOT NULL,"
                " closed_at DATETIME)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO workshops (code, name, created_at)"
                " VALUES ('ABCDEF', 'Atelier', '2026-11-01 09:00:00')"
            )
        )
    engine.dispose()

    store = open_store(url)

    assert store.workshop("ABCDEF").revealed is False
    store.reveal_room("ABCDEF", True)
    assert store.workshop("ABCDEF").revealed is True
    store.engine.dispose()

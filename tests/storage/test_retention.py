"""Retention counts from the participant's last visit, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text, update
from sqlalchemy.exc import OperationalError

from reseau.network import Network
from reseau.serialization import workbook_to_json
from reseau.storage import WorkbookStore, database_url_from_env, open_store
from reseau.storage.store import workbooks
from reseau.ui.state import Workspace
from reseau.workbook import Workbook


def _set(store: WorkbookStore, workbook_id: str, **moments: datetime) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(workbooks).where(workbooks.c.id == workbook_id).values(**moments))


def _days_ago(days: int) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


def test_a_workbook_opened_recently_is_kept_though_unchanged_for_longer_than_the_period(store):
    workbook_id = store.create(Workbook(network=Network(participant="Claire")))
    _set(store, workbook_id, updated_at=_days_ago(90), last_seen=_days_ago(90))

    store.visit(workbook_id)
    purged = store.purge_older_than(30)

    assert purged == 0
    assert store.load(workbook_id).network.participant == "Claire"


def test_a_workbook_unseen_for_the_period_goes_even_if_it_was_changed_once_recently(store):
    # A visit or a change both count, and the later of the two is what the purge reads.
    gone = store.create(Workbook())
    kept = store.create(Workbook())
    _set(store, gone, updated_at=_days_ago(31), last_seen=_days_ago(31))
    _set(store, kept, updated_at=_days_ago(31), last_seen=_days_ago(29))

    purged = store.purge_older_than(30)

    assert purged == 1
    assert not store.exists(gone)
    assert store.exists(kept)


def test_a_visit_does_not_change_the_version_a_tab_saves_against(store):
    workbook_id = store.create(Workbook())
    version = store.load_versioned(workbook_id).version

    store.visit(workbook_id)

    assert store.load_versioned(workbook_id).version == version
    assert store.save(workbook_id, Workbook(), version) == version + 1


def test_a_visit_to_a_deleted_workbook_finds_nothing(store):
    assert store.visit("no-such-workbook") is None
    assert store.expires_on("no-such-workbook", 30) is None


def test_the_day_the_data_goes_is_the_last_visit_plus_the_retention_period(store):
    workbook_id = store.create(Workbook())
    seen = datetime(2027, 1, 29, 10, 0, tzinfo=UTC)
    _set(store, workbook_id, last_seen=seen)

    assert store.last_seen(workbook_id) == seen
    assert store.expires_on(workbook_id, 30).isoformat() == "2027-02-28"


def test_opening_the_link_counts_as_a_visit(store):
    workbook_id = store.create(Workbook())
    _set(store, workbook_id, updated_at=_days_ago(29), last_seen=_days_ago(29))

    Workspace({}, store=store).open_stored(workbook_id)

    assert store.last_seen(workbook_id) > _days_ago(1)


def test_an_sqlite_database_without_last_visits_gains_them_from_each_rows_last_change(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = create_engine(url)
    with old.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE workbooks (id VARCHAR(64) PRIMARY KEY, data TEXT NOT NULL, "
                "workshop_code VARCHAR(16), created_at DATETIME NOT NULL, "
                "updated_at DATETIME NOT NULL, version INTEGER NOT NULL DEFAULT 1)"
            )
        )
        for row, days in (("old-row", 40), ("recent-row", 3)):
            conn.execute(
                text("INSERT INTO workbooks VALUES (:id, :data, NULL, :at, :at, 1)"),
                {"id": row, "data": workbook_to_json(Workbook()), "at": _days_ago(days)},
            )
    old.dispose()

    store = open_store(url)

    assert abs(store.last_seen("old-row") - _days_ago(40)) < timedelta(minutes=5)
    assert store.purge_older_than(30) == 1
    assert store.exists("recent-row") and not store.exists("old-row")
    store.engine.dispose()


def test_a_postgres_table_without_last_visits_gains_them_from_each_rows_last_change(
    store_url_for_test,
):
    engine = create_engine(store_url_for_test)
    if engine.dialect.name != "postgresql":
        pytest.skip("the SQLite case is the test above")
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE workbooks (id VARCHAR(64) PRIMARY KEY, data TEXT NOT NULL, "
                "workshop_code VARCHAR(16), created_at TIMESTAMPTZ NOT NULL, "
                "updated_at TIMESTAMPTZ NOT NULL, version INTEGER NOT NULL DEFAULT 1)"
            )
        )
        for row, days in (("old-row", 40), ("recent-row", 3)):
            conn.execute(
                text("INSERT INTO workbooks VALUES (:id, :data, NULL, :at, :at, 1)"),
                {"id": row, "data": workbook_to_json(Workbook()), "at": _days_ago(days)},
            )
    engine.dispose()

    store = open_store(store_url_for_test)

    assert abs(store.last_seen("old-row") - _days_ago(40)) < timedelta(minutes=5)
    store.visit("old-row")
    assert store.purge_older_than(30) == 0
    assert store.expires_on("old-row", 30) == (datetime.now(UTC) + timedelta(days=30)).date()
    store.engine.dispose()


def test_a_store_refusing_the_visits_write_still_opens_the_workbook(store, monkeypatch, caplog):
    workbook_id = store.create(Workbook(network=Network(participant="Claire")))

    def refuse(_workbook_id: str) -> None:
        raise OperationalError("UPDATE workbooks", {}, Exception("attempt to write a readonly"))

    monkeypatch.setattr(store, "visit", refuse)
    workspace = Workspace({}, store=store)

    workspace.open_stored(workbook_id)

    assert workspace.network.participant == "Claire"
    assert workbook_id not in caplog.text


def test_the_purge_command_deletes_only_workbooks_unseen_for_the_period(tmp_path, monkeypatch):
    from reseau.__main__ import main

    monkeypatch.setenv("RESEAU_DATA_DIR", str(tmp_path / "cli"))
    store = open_store(database_url_from_env())
    unseen, opened = store.create(Workbook()), store.create(Workbook())
    _set(store, unseen, updated_at=_days_ago(10), last_seen=_days_ago(10))
    _set(store, opened, updated_at=_days_ago(10), last_seen=_days_ago(2))

    status = main(["purge", "--days", "7"])

    assert status == 0
    assert not store.exists(unseen)
    assert store.exists(opened)
    store.engine.dispose()

"""The workbook store: one row per workbook, saved whole after every change, plus workshops.

A workbook is small (a few hundred kilobytes for thousands of contacts), so saving it whole is
simpler and safer than saving field by field: a row is always a complete, consistent workbook.
A workshop row holds only its name, its join code and two dates; the trainer's view of the room
is computed from the workbooks attached to it (`reseau.room`), never stored.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, overload

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    Row,
    ScalarSelect,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    inspect,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError, SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from reseau.errors import ReseauError
from reseau.serialization import workbook_from_json, workbook_to_json
from reseau.workbook import Workbook
from reseau.workshop import (
    FIRST_NAME_LIMIT,
    WORKSHOP_NAME_LIMIT,
    Member,
    Membership,
    Workshop,
    WorkshopNotFound,
    clean_first_name,
    clean_workshop_name,
    new_join_code,
    normalise_join_code,
)

log = logging.getLogger(__name__)

DEFAULT_DATA_DIR = Path("var")
DEFAULT_RETENTION_DAYS = 30
PURGE_EVERY = timedelta(hours=6)


metadata = MetaData()
workbooks = Table(
    "workbooks",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("data", Text, nullable=False),
    Column("workshop_code", String(16), index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
    # Only for a workbook in a workshop: its order of arrival ("Participant 3") and the first
    # name its owner chose to show the trainer, if any.
    Column("seat", Integer),
    Column("first_name", String(FIRST_NAME_LIMIT)),
    # Raised by one at every save: a save made from an older version must not overwrite a
    # newer one unseen (two tabs on one workbook), so saves are conditional on it.
    Column("version", Integer, nullable=False, server_default="1"),
    # The participant's last visit (opening the workbook, or saving it): retention counts from
    # it, so a workbook its owner comes back to is kept. Empty in rows older than the column.
    Column("last_seen", DateTime(timezone=True), index=True),
)
workshops = Table(
    "workshops",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("name", String(WORKSHOP_NAME_LIMIT), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("closed_at", DateTime(timezone=True)),
    # Whether the trainer shows the room's results to its participants: in the store, so every
    # process sees the same choice and a restart keeps it.
    Column("revealed", Boolean, nullable=False, server_default=false()),
)
# A follow-up workshop (the second session of a course) and the first workshop it follows: its
# room is the first one's participants, who come back with their workbooks and assessments.
# A table of its own, so a database from before it gains it without touching `workshops`.
workshop_follow_ups = Table(
    "workshop_follow_ups",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("follows", String(16), nullable=False, index=True),
)
# One row, rewritten at start-up: proof that the store takes a write.
store_checks = Table(
    "store_checks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("checked_at", DateTime(timezone=True), nullable=False),
)
# Columns added after the first release: added in place to an older database on start-up.
_ADDED_WORKBOOK_COLUMNS = {
    "seat": "INTEGER",
    "first_name": f"VARCHAR({FIRST_NAME_LIMIT})",
    "version": "INTEGER NOT NULL DEFAULT 1",
    "last_seen": "TIMESTAMP",  # WITH TIME ZONE on PostgreSQL (`_column_kind`)
}
_ADDED_WORKSHOP_COLUMNS = {
    "revealed": "BOOLEAN NOT NULL DEFAULT FALSE",
}


# A save's statement, built once: every click on the card saves, and building the statement
# and its cache key each time cost as much as SQLite's own work (benchmarks/profile_card.py).
_SAVE_VALUES = {
    "data": bindparam("new_data"),
    "workshop_code": bindparam("new_workshop_code"),
    "updated_at": bindparam("new_now"),
    "last_seen": bindparam("new_now"),
    "version": func.coalesce(workbooks.c.version, 0) + 1,
}
_SAVE = update(workbooks).where(workbooks.c.id == bindparam("at_id")).values(_SAVE_VALUES)
_SAVE_IF_VERSION = (
    update(workbooks)
    .where(workbooks.c.id == bindparam("at_id"), workbooks.c.version == bindparam("at_version"))
    .values(_SAVE_VALUES)
)


def _last_visit() -> ColumnElement[datetime]:
    # A row written before `last_seen` existed counts from its last change.
    return func.coalesce(workbooks.c.last_seen, workbooks.c.updated_at)


def _column_kind(dialect: str, kind: str) -> str:
    return "TIMESTAMP WITH TIME ZONE" if dialect == "postgresql" and kind == "TIMESTAMP" else kind


class WorkbookNotFound(ReseauError):
    """No workbook has this id: a wrong, expired or deleted link."""

    key = "error.workbook.not_found"


class StoreUnavailable(ReseauError):
    """The store cannot be written (a read-only or full disk, a missing directory, no server)."""

    key = "error.store.unavailable"


class StoreLost(ReseauError):
    """The SQLite file was deleted or replaced while the app ran: saving into it would be lost."""

    key = "error.store.lost"


class WorkbookChanged(ReseauError):
    """The stored workbook is newer than the version this save was made from (another tab)."""

    key = "error.workbook.changed"


class WorkbookExists(ReseauError):
    """A workbook with this id is already stored (another tab created it first)."""

    key = "error.workbook.changed"


@dataclass(frozen=True)
class StoredWorkbook:
    """A workbook as loaded, with the version a conditional save must name."""

    workbook: Workbook
    version: int


def new_workbook_id() -> str:
    """128 bits of randomness, URL-safe: the workbook's id is also its only key."""
    return secrets.token_urlsafe(16)


def _now() -> datetime:
    return datetime.now(UTC)


@overload
def _aware(moment: datetime) -> datetime: ...
@overload
def _aware(moment: None) -> None: ...
def _aware(moment: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes; everything is stored in UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def database_url_from_env() -> str:
    """`DATABASE_URL` when set; otherwise a SQLite file in `RESEAU_DATA_DIR` (default ./var)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        if url.startswith("postgres://"):
            url = "postgresql://" + url.removeprefix("postgres://")
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url
    data_dir = Path(os.environ.get("RESEAU_DATA_DIR", "") or DEFAULT_DATA_DIR)
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'reseau.sqlite3'}"


def retention_days_from_env() -> int:
    """`RESEAU_RETENTION_DAYS` (whole days, at least 1); 30 when unset or not understood."""
    raw = os.environ.get("RESEAU_RETENTION_DAYS", "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(raw)
    except ValueError:
        days = 0
    if days < 1:
        log.warning(
            "RESEAU_RETENTION_DAYS=%r is not a whole number of days >= 1; keeping %d days",
            raw,
            DEFAULT_RETENTION_DAYS,
        )
        return DEFAULT_RETENTION_DAYS
    return days


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # The busy timeout comes first: switching to WAL needs a lock too, and concurrent
        # writers must wait their turn instead of failing with "database is locked".
        cursor.execute("PRAGMA busy_timeout=30000")
        # WAL lets readers and one writer work at once; NORMAL sync in WAL mode keeps every
        # committed change through a killed process (only a power cut may lose the last ones).
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # A deleted workbook is overwritten on disk, not just unlinked: "delete my data" means it.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


class WorkbookStore:
    """Saves and loads workbooks by id, and keeps the workshops they may belong to."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._purge_lock = threading.Lock()
        self._last_purge: float | None = None
        self._create_schema()
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        self._file = Path(database) if database and database != ":memory:" else None
        self._file_identity = self._identity()
        self._lost = False

    # --- the store itself ---
    @property
    def location(self) -> str:
        """Which database this store writes to (its URL, password hidden)."""
        return str(self.engine.url)

    def _identity(self) -> tuple[int, int] | None:
        if self._file is None:
            return None
        try:
            found = os.stat(self._file)
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def ensure_intact(self) -> None:
        """StoreLost when the SQLite file is not the one opened (deleted or replaced since).

        SQLite keeps writing into a deleted file's open handle: every later save would be
        reported as done and vanish at the next restart. Once lost, the store stays refused
        until the app restarts (a new empty file must not receive half a workbook's history).
        """
        if self._file is None:
            return
        if not self._lost and self._identity() == self._file_identity:
            return
        if not self._lost:
            self._lost = True
            log.error(
                "the store file %s was deleted or replaced while the app was running: "
                "saving stops until the app is restarted",
                self._file,
            )
        raise StoreLost()

    def check_writable(self, spare_bytes: int = 256 * 1024) -> None:
        """StoreUnavailable unless a write reaches the store now (run at start-up).

        For SQLite, the directory must also take `spare_bytes` more: a nearly full disk would
        accept this check and refuse the first participant's save.
        """
        try:
            self.ensure_intact()
            if self._file is not None:
                probe = self._file.with_name(f".write-check-{os.getpid()}")
                try:
                    with probe.open("wb") as fh:
                        fh.write(b"\0" * spare_bytes)
                        fh.flush()
                        os.fsync(fh.fileno())
                finally:
                    probe.unlink(missing_ok=True)
            with self.engine.begin() as conn:
                conn.execute(delete(store_checks))
                conn.execute(insert(store_checks).values(id=1, checked_at=_now()))
        except (OSError, SQLAlchemyError, StoreLost) as problem:
            raise StoreUnavailable() from problem

    def _create_schema(self) -> None:
        # Several processes may start at once on the same database: the loser of the race
        # to create a table sees it already there on its second try.
        for attempt in range(3):
            try:
                metadata.create_all(self.engine)
                self._add_missing_columns()
                return
            except (OperationalError, ProgrammingError, IntegrityError):
                if attempt == 2:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def _add_missing_columns(self) -> None:
        dialect = self.engine.dialect.name
        for table, added in (
            ("workbooks", _ADDED_WORKBOOK_COLUMNS),
            ("workshops", _ADDED_WORKSHOP_COLUMNS),
        ):
            present = {column["name"] for column in inspect(self.engine).get_columns(table)}
            missing = {n: kind for n, kind in added.items() if n not in present}
            if not missing:
                continue
            with self.engine.begin() as conn:
                for name, kind in missing.items():
                    kind = _column_kind(dialect, kind)
                    conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} {kind}"))
                if table == "workbooks" and "last_seen" in missing:
                    # Rows from before the column: their last change is the last visit known.
                    conn.execute(
                        update(workbooks)
                        .where(workbooks.c.last_seen.is_(None))
                        .values(last_seen=workbooks.c.updated_at)
                    )

    # --- workbooks ---
    def create(self, workbook: Workbook, workbook_id: str | None = None) -> str:
        """Stores a new workbook (at version 1) and returns its id: `workbook_id` or a new one.

        WorkbookExists when `workbook_id` is already stored.
        """
        self.ensure_intact()
        if workbook.workshop_code:
            return self._create_in_workshop(workbook, workbook.workshop_code, workbook_id)
        workbook_id = workbook_id or new_workbook_id()
        now = _now()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(workbooks).values(
                        id=workbook_id,
                        data=workbook_to_json(workbook),
                        workshop_code=None,
                        created_at=now,
                        updated_at=now,
                        last_seen=now,
                        version=1,
                    )
                )
        except IntegrityError:
            raise WorkbookExists() from None
        return workbook_id

    def save(
        self, workbook_id: str, workbook: Workbook, expected_version: int | None = None
    ) -> int:
        """Stores `workbook` over the stored one and returns its new version.

        With `expected_version`, only when the stored version is still that one (compare and
        set): WorkbookChanged otherwise, so a save from an older version never wins unseen.
        """
        self.ensure_intact()
        values: dict[str, object] = {
            "at_id": workbook_id,
            "new_data": workbook_to_json(workbook),
            "new_workshop_code": workbook.workshop_code,
            "new_now": _now(),
        }
        statement = _SAVE
        if expected_version is not None:
            statement, values["at_version"] = _SAVE_IF_VERSION, expected_version
        with self.engine.begin() as conn:
            result = conn.execute(statement, values)
            if result.rowcount == 0:
                if expected_version is not None and self._version(conn, workbook_id) is not None:
                    raise WorkbookChanged()
                raise WorkbookNotFound()
            if expected_version is not None:
                return expected_version + 1
            return self._version(conn, workbook_id) or 1

    def _version(self, conn: Connection, workbook_id: str) -> int | None:
        return conn.execute(
            select(func.coalesce(workbooks.c.version, 1)).where(workbooks.c.id == workbook_id)
        ).scalar_one_or_none()

    def load(self, workbook_id: str) -> Workbook:
        return self.load_versioned(workbook_id).workbook

    def load_versioned(self, workbook_id: str) -> StoredWorkbook:
        """The stored workbook and its version; WorkbookNotFound when there is none."""
        self.ensure_intact()
        with self.engine.connect() as conn:
            row = conn.execute(
                select(
                    workbooks.c.data,
                    func.coalesce(workbooks.c.version, 1),
                    workbooks.c.first_name,
                ).where(workbooks.c.id == workbook_id)
            ).one_or_none()
        if row is None:
            raise WorkbookNotFound()
        workbook = workbook_from_json(row[0])
        if row[2] and not workbook.network.participant:
            # Before Accueil's name became the only one, the name shown to the trainer was
            # typed apart: a workbook with only that one keeps it as the participant's name.
            workbook = workbook.with_changes(
                network=workbook.network.with_details(participant=row[2])
            )
        return StoredWorkbook(workbook, int(row[1]))

    def exists(self, workbook_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(workbooks.c.id).where(workbooks.c.id == workbook_id)
            ).scalar_one_or_none()
        return found is not None

    def delete(self, workbook_id: str) -> None:
        self.ensure_intact()
        with self.engine.begin() as conn:
            conn.execute(delete(workbooks).where(workbooks.c.id == workbook_id))

    def visit(self, workbook_id: str) -> datetime | None:
        """Notes that the participant opened the workbook now; returns the moment (None if gone).

        Only `last_seen` changes: the version stays, so a tab's next save is not refused.
        """
        self.ensure_intact()
        now = _now()
        with self.engine.begin() as conn:
            found = conn.execute(
                update(workbooks).where(workbooks.c.id == workbook_id).values(last_seen=now)
            ).rowcount
        return now if found else None

    def last_seen(self, workbook_id: str) -> datetime | None:
        """The participant's last visit to the workbook (its last change for an older row)."""
        with self.engine.connect() as conn:
            seen = conn.execute(
                select(_last_visit()).where(workbooks.c.id == workbook_id)
            ).scalar_one_or_none()
        return _aware(seen)

    def expires_on(self, workbook_id: str, days: int) -> date | None:
        """The day the purge may delete the workbook if its owner does not come back."""
        seen = self.last_seen(workbook_id)
        return None if seen is None else (seen + timedelta(days=days)).date()

    def purge_older_than(self, days: int = DEFAULT_RETENTION_DAYS) -> int:
        """Deletes workbooks nobody opened or changed for `days` days; returns how many went.

        Workshops older than that with no workbook left go too: nothing in them is needed.
        """
        limit = _now() - timedelta(days=days)
        with self.engine.begin() as conn:
            purged = conn.execute(delete(workbooks).where(_last_visit() < limit)).rowcount
            still_used = select(workbooks.c.workshop_code).where(
                workbooks.c.workshop_code.is_not(None)
            )
            # A follow-up stays while the workshop it follows still has workbooks.
            followed_in_use = select(workshop_follow_ups.c.code).where(
                workshop_follow_ups.c.follows.in_(still_used)
            )
            conn.execute(
                delete(workshops).where(
                    workshops.c.created_at < limit,
                    workshops.c.code.not_in(still_used),
                    workshops.c.code.not_in(followed_in_use),
                )
            )
            conn.execute(
                delete(workshop_follow_ups).where(
                    workshop_follow_ups.c.code.not_in(select(workshops.c.code))
                )
            )
        return purged

    def purge_if_due(self, days: int, every: timedelta = PURGE_EVERY) -> int | None:
        """Purges at start-up and then at most once per `every`; None when it was not due."""
        with self._purge_lock:
            moment = time.monotonic()
            if self._last_purge is not None and moment - self._last_purge < every.total_seconds():
                return None
            self._last_purge = moment
        purged = self.purge_older_than(days)
        if purged:
            log.info("purged %d workbook(s) untouched for %d days", purged, days)
        return purged

    # --- workshops ---
    def create_workshop(self, name: str) -> Workshop:
        """A new open workshop with a fresh join code."""
        self.ensure_intact()
        name = clean_workshop_name(name)
        for _ in range(20):
            workshop = Workshop(code=new_join_code(), name=name, created_at=_now())
            try:
                with self.engine.begin() as conn:
                    conn.execute(
                        insert(workshops).values(
                            code=workshop.code, name=workshop.name, created_at=workshop.created_at
                        )
                    )
            except IntegrityError:
                continue  # that code is taken: draw another
            return workshop
        raise RuntimeError("could not draw a free join code")

    def create_follow_up(self, first_code: str, name: str) -> Workshop:
        """A new open workshop following `first_code` (WorkshopNotFound when there is none).

        A follow-up of a follow-up follows the first workshop too: its room is the same people.
        """
        first = self.workshop(self.follows(first_code) or first_code)
        workshop = self.create_workshop(name)
        with self.engine.begin() as conn:
            conn.execute(insert(workshop_follow_ups).values(code=workshop.code, follows=first.code))
        return workshop

    def follow_ups(self, first_code: str) -> list[Workshop]:
        """The workshops following `first_code`, oldest first."""
        query = (
            select(workshops)
            .join(workshop_follow_ups, workshop_follow_ups.c.code == workshops.c.code)
            .where(workshop_follow_ups.c.follows == first_code)
            .order_by(workshops.c.created_at)
        )
        with self.engine.connect() as conn:
            return [_workshop_from_row(row) for row in conn.execute(query)]

    def follows(self, code: str) -> str | None:
        """The code of the workshop this one follows up, if it is a follow-up."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(workshop_follow_ups.c.follows).where(workshop_follow_ups.c.code == code)
            ).scalar_one_or_none()

    def workshop(self, code: str) -> Workshop:
        """The workshop with this code, open or closed; WorkshopNotFound otherwise."""
        with self.engine.connect() as conn:
            row = conn.execute(select(workshops).where(workshops.c.code == code)).one_or_none()
        if row is None:
            raise WorkshopNotFound()
        return _workshop_from_row(row)

    def workshops(self) -> list[Workshop]:
        """Every workshop, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(workshops).order_by(workshops.c.created_at.desc())).all()
        return [_workshop_from_row(row) for row in rows]

    def close_workshop(self, code: str) -> None:
        """Stops the join code from working; participants keep their workbooks."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(workshops)
                .where(workshops.c.code == code, workshops.c.closed_at.is_(None))
                .values(closed_at=_now())
            )
        if result.rowcount == 0:
            self.workshop(code)  # raises when there is no such workshop; closing twice is fine

    def reveal_room(self, code: str, revealed: bool) -> None:
        """Shows (or hides again) the room's results to the workshop's participants."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(workshops).where(workshops.c.code == code).values(revealed=revealed)
            )
        if result.rowcount == 0:
            raise WorkshopNotFound()

    def open_workshop(self, typed_code: str) -> Workshop:
        """The open workshop a participant's code names, or the error to show them."""
        return self.workshop(normalise_join_code(typed_code)).joinable()

    def join_workshop(self, typed_code: str, workbook: Workbook) -> tuple[str, Workshop]:
        """Stores a new workbook attached to the open workshop; returns its id and the workshop."""
        workshop = self.open_workshop(typed_code)
        workbook_id = self._create_in_workshop(
            workbook.with_changes(workshop_code=workshop.code), workshop.code
        )
        return workbook_id, workshop

    def attach_to_workshop(self, workbook_id: str, typed_code: str) -> tuple[Workbook, Workshop]:
        """Moves an existing workbook into the open workshop; returns the updated workbook."""
        self.ensure_intact()
        workshop = self.open_workshop(typed_code)
        workbook = self.load(workbook_id).with_changes(workshop_code=workshop.code)
        with self.engine.begin() as conn:
            conn.execute(
                update(workbooks)
                .where(workbooks.c.id == workbook_id)
                .values(
                    data=workbook_to_json(workbook),
                    workshop_code=workshop.code,
                    seat=self._next_seat(workshop.code),
                    # The participant's one name: the trainer sees the name on their charts.
                    first_name=clean_first_name(workbook.network.participant),
                    updated_at=_now(),
                    last_seen=_now(),
                    version=func.coalesce(workbooks.c.version, 0) + 1,
                )
            )
        return workbook, workshop

    def set_first_name(self, workbook_id: str, first_name: str | None) -> str | None:
        """Records (or, with None or blank, removes) the first name shown to the trainer."""
        self.ensure_intact()
        name = clean_first_name(first_name)
        with self.engine.begin() as conn:
            result = conn.execute(
                update(workbooks).where(workbooks.c.id == workbook_id).values(first_name=name)
            )
        if result.rowcount == 0:
            raise WorkbookNotFound()
        return name

    def membership(self, workbook_id: str) -> Membership | None:
        """The workshop this workbook belongs to (with the first name shown), if any."""
        query = (
            select(workbooks.c.first_name, workshops)
            .join(workshops, workshops.c.code == workbooks.c.workshop_code)
            .where(workbooks.c.id == workbook_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        if row is None:
            return None
        return Membership(workshop=_workshop_from_row(row), first_name=row.first_name)

    def members(self, code: str) -> list[Member]:
        """The workbooks attached to a workshop, in their order of arrival."""
        query = _in_seat_order(
            code,
            workbooks.c.seat,
            workbooks.c.first_name,
            workbooks.c.data,
            workbooks.c.created_at,
            workbooks.c.updated_at,
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            Member(
                seat=row.seat,
                first_name=row.first_name,
                workbook=workbook_from_json(row.data),
                joined_at=_aware(row.created_at),
                updated_at=_aware(row.updated_at),
            )
            for row in rows
        ]

    def member_stamps(self, code: str) -> tuple[tuple[Any, ...], ...]:
        """What identifies the room's state without reading any workbook: who, in which seat,
        under which first name, last saved when. Any save or new arrival changes it."""
        query = _in_seat_order(
            code, workbooks.c.id, workbooks.c.seat, workbooks.c.first_name, workbooks.c.updated_at
        )
        with self.engine.connect() as conn:
            return tuple(tuple(row) for row in conn.execute(query))

    def _next_seat(self, code: str) -> ScalarSelect[Any]:
        # Computed inside the INSERT/UPDATE statement, so two arrivals rarely share a number.
        return (
            select(func.coalesce(func.max(workbooks.c.seat), 0) + 1)
            .where(workbooks.c.workshop_code == code)
            .scalar_subquery()
        )

    def _create_in_workshop(
        self, workbook: Workbook, code: str, workbook_id: str | None = None
    ) -> str:
        self.ensure_intact()
        workbook_id = workbook_id or new_workbook_id()
        now = _now()
        seat_query = select(
            literal(workbook_id, String()),
            literal(workbook_to_json(workbook), Text()),
            literal(code, String()),
            literal(now, DateTime(timezone=True)),
            literal(now, DateTime(timezone=True)),
            func.coalesce(func.max(workbooks.c.seat), 0) + 1,
            literal(clean_first_name(workbook.network.participant), String()),
        ).where(workbooks.c.workshop_code == code)
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(workbooks).from_select(
                        [
                            "id",
                            "data",
                            "workshop_code",
                            "created_at",
                            "updated_at",
                            "seat",
                            "first_name",
                        ],
                        seat_query,
                    )
                )
        except IntegrityError:
            raise WorkbookExists() from None
        return workbook_id


def _in_seat_order(code: str, *columns: Any) -> Any:
    """These columns of a workshop's workbooks, in their order of arrival."""
    return (
        select(*columns)
        .where(workbooks.c.workshop_code == code)
        .order_by(workbooks.c.seat, workbooks.c.created_at)
    )


def _workshop_from_row(row: Row[Any]) -> Workshop:
    return Workshop(
        code=row.code,
        name=row.name,
        created_at=_aware(row.created_at),
        closed_at=_aware(row.closed_at),
        revealed=bool(row.revealed),
    )


def open_store(url: str | None = None) -> WorkbookStore:
    url = url or database_url_from_env()
    # A database error must not carry a workbook (other people's personal data) into the logs.
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    try:
        return WorkbookStore(engine)
    except OperationalError as problem:
        # The file cannot be created or opened, or the server cannot be reached.
        engine.dispose()
        raise StoreUnavailable() from problem

"""The workbook store: one row per workbook, saved whole after every change.

A workbook is small (a few hundred kilobytes for thousands of contacts), so saving it whole is
simpler and safer than saving field by field: a row is always a complete, consistent workbook.
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
    update,
)

from reseau.errors import ReseauError
from reseau.serialization import workbook_from_json, workbook_to_json
from reseau.workbook import Workbook

DEFAULT_DATA_DIR = Path("var")
DEFAULT_RETENTION_DAYS = 30

metadata = MetaData()
workbooks = Table(
    "workbooks",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("data", Text, nullable=False),
    Column("workshop_code", String(16), index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
)


class WorkbookNotFound(ReseauError):
    """No workbook has this id: a wrong, expired or deleted link."""

    key = "error.workbook.not_found"


def new_workbook_id() -> str:
    """128 bits of randomness, URL-safe: the workbook's id is also its only key."""
    return secrets.token_urlsafe(16)


def _now() -> datetime:
    return datetime.now(UTC)


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


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        # WAL lets readers and one writer work at once; the busy timeout makes concurrent
        # writers wait their turn instead of failing with "database is locked".
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


class WorkbookStore:
    """Saves and loads workbooks by id."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine)

    def create(self, workbook: Workbook) -> str:
        workbook_id = new_workbook_id()
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(
                insert(workbooks).values(
                    id=workbook_id,
                    data=workbook_to_json(workbook),
                    workshop_code=workbook.workshop_code,
                    created_at=now,
                    updated_at=now,
                )
            )
        return workbook_id

    def save(self, workbook_id: str, workbook: Workbook) -> None:
        with self.engine.begin() as conn:
            result = conn.execute(
                update(workbooks)
                .where(workbooks.c.id == workbook_id)
                .values(
                    data=workbook_to_json(workbook),
                    workshop_code=workbook.workshop_code,
                    updated_at=_now(),
                )
            )
            if result.rowcount == 0:
                raise WorkbookNotFound()

    def load(self, workbook_id: str) -> Workbook:
        with self.engine.connect() as conn:
            data = conn.execute(
                select(workbooks.c.data).where(workbooks.c.id == workbook_id)
            ).scalar_one_or_none()
        if data is None:
            raise WorkbookNotFound()
        return workbook_from_json(data)

    def exists(self, workbook_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(workbooks.c.id).where(workbooks.c.id == workbook_id)
            ).scalar_one_or_none()
        return found is not None

    def delete(self, workbook_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(workbooks).where(workbooks.c.id == workbook_id))

    def purge_older_than(self, days: int = DEFAULT_RETENTION_DAYS) -> int:
        """Deletes workbooks untouched for `days` days; returns how many went."""
        limit = _now() - timedelta(days=days)
        with self.engine.begin() as conn:
            return conn.execute(delete(workbooks).where(workbooks.c.updated_at < limit)).rowcount


def open_store(url: str | None = None) -> WorkbookStore:
    url = url or database_url_from_env()
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return WorkbookStore(engine)

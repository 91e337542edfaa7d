"""The store under test: SQLite always, and the same tests against PostgreSQL when one is given.

`RESEAU_TEST_DATABASE_URL` names a throw-away PostgreSQL database (`.ci/postgres.sh` starts
one); without it the PostgreSQL variants are skipped, unless `RESEAU_REQUIRE_POSTGRES=1` (CI),
where a missing server is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reseau.storage import WorkbookStore, open_store
from reseau.storage.store import metadata

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def postgres_url() -> str:
    """The test PostgreSQL URL, or a skip (a failure when CI requires PostgreSQL)."""
    url = os.environ.get("RESEAU_TEST_DATABASE_URL", "").strip()
    if url:
        return url
    message = (
        "PostgreSQL variant skipped: set RESEAU_TEST_DATABASE_URL "
        "(`source .ci/postgres.sh && start_postgres` starts a throw-away server)"
    )
    if os.environ.get("RESEAU_REQUIRE_POSTGRES") == "1":
        pytest.fail("RESEAU_REQUIRE_POSTGRES=1 but " + message)
    pytest.skip(message)


def store_url(backend: str, data_dir: Path) -> str:
    if backend == "postgresql":
        return postgres_url()
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'reseau.sqlite3'}"


@pytest.fixture(params=BACKENDS)
def store_url_for_test(request: pytest.FixtureRequest, isolated_store: Path) -> Iterator[str]:
    """A URL to an empty store of each backend (PostgreSQL tables are dropped before and after)."""
    url = store_url(request.param, isolated_store)
    if request.param == "postgresql":
        cleaner = open_store(url)
        metadata.drop_all(cleaner.engine)
        cleaner.engine.dispose()
    yield url
    if request.param == "postgresql":
        cleaner = open_store(url)
        metadata.drop_all(cleaner.engine)
        cleaner.engine.dispose()


@pytest.fixture
def store(store_url_for_test: str) -> Iterator[WorkbookStore]:
    opened = open_store(store_url_for_test)
    yield opened
    opened.engine.dispose()

"""Shared fixtures: every test gets its own data directory, so no test sees another's store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from reseau.demo import load_demo_network
from reseau.network import Network
from reseau.storage import WorkbookStore, open_store

# The machine is shared and noisy: a property test checks properties, never how fast they hold.
settings.register_profile("reseau", deadline=None)
settings.load_profile("reseau")

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def fresh_throttles() -> Iterator[None]:
    """The process-wide throttles start empty for every test, as in a new server."""
    from reseau.throttle import JOIN_CODES, TRAINER_PASSWORD

    for throttle in (TRAINER_PASSWORD, JOIN_CODES):
        throttle.reset()
    yield


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("RESEAU_DATA_DIR", str(data_dir))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return data_dir


@pytest.fixture
def memory_store() -> Iterator[WorkbookStore]:
    """A real store kept in memory: a `Workspace` always has one."""
    store = open_store("sqlite://")
    yield store
    store.engine.dispose()


@pytest.fixture
def demo() -> Network:
    return load_demo_network()


@pytest.fixture
def corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        message = f"the shared corpus is not at {SHARED_CORPUS}"
        if os.environ.get("RESEAU_REQUIRE_CORPUS") == "1":
            pytest.fail(message + " (RESEAU_REQUIRE_CORPUS=1: CI must have it)")
        pytest.skip(message)
    return SHARED_CORPUS

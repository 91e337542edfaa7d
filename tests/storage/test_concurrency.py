"""Thirty sessions saving at once into one SQLite file: no error, nothing lost.

The suite runs 30 writers for about ten seconds (`RESEAU_CONCURRENCY_SECONDS` changes it);
`benchmarks/soak_store.py` runs the full minute with 30 separate processes.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from reseau.network import Network
from reseau.storage import WorkbookStore, open_store
from reseau.workbook import Workbook

WRITERS = 30
SECONDS = float(os.environ.get("RESEAU_CONCURRENCY_SECONDS", "10"))


@dataclass
class Outcome:
    """What one thread did: the last version it saved, and any error it met."""

    workbook_id: str = ""
    last_saved: int = 0
    errors: list[BaseException] = field(default_factory=list)


def _writer(url: str, code: str, network: Network, deadline: float, outcome: Outcome) -> None:
    # Each writer opens its own engine, as a separate process would: the file lock is shared.
    store = open_store(url)
    try:
        workbook = Workbook(network=network)
        outcome.workbook_id, _ = store.join_workshop(code, workbook)
        version = 0
        while time.monotonic() < deadline:
            version += 1
            contact = network.contacts[version % len(network)]
            workbook = workbook.with_changes(
                network=workbook.network.with_details(mission=f"version {version}"),
                cursor=contact.id,
                workshop_code=code,
            )
            store.save(outcome.workbook_id, workbook)
            outcome.last_saved = version
    except BaseException as problem:
        outcome.errors.append(problem)
    finally:
        store.engine.dispose()


def _reader(store: WorkbookStore, code: str, deadline: float, outcome: Outcome) -> None:
    # The trainer's dashboard reads the whole room while everyone saves.
    try:
        while time.monotonic() < deadline:
            store.members(code)
            outcome.last_saved += 1
            time.sleep(0.2)
    except BaseException as problem:
        outcome.errors.append(problem)


def test_thirty_sessions_saving_at_once_lose_nothing(isolated_store: Path, demo):
    isolated_store.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{isolated_store / 'reseau.sqlite3'}"
    store = open_store(url)
    code = store.create_workshop("Atelier en charge").code
    deadline = time.monotonic() + SECONDS
    writers = [Outcome() for _ in range(WRITERS)]
    reader = Outcome()
    threads = [
        threading.Thread(target=_writer, args=(url, code, demo, deadline, outcome))
        for outcome in writers
    ]
    threads.append(threading.Thread(target=_reader, args=(store, code, deadline, reader)))

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [e for outcome in (*writers, reader) for e in outcome.errors] == []
    assert all(outcome.last_saved > 0 for outcome in writers)
    for outcome in writers:
        stored = store.load(outcome.workbook_id)
        assert stored.network.mission == f"version {outcome.last_saved}"
        assert stored.network.contacts == demo.contacts
    assert len(store.members(code)) == WRITERS
    assert sorted(m.seat for m in store.members(code)) == list(range(1, WRITERS + 1))

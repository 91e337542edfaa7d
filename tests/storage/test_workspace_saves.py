"""A change the session holds is in the store too, even when a click interrupts the run saving it.

Streamlit checks for a pending rerun at every access to `st.session_state` and stops the running
script there; the new run starts at once on another thread, with the same session. The fake
session below does the same, so these tests replay the two interleavings that used to lose a
save, without a browser.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import pytest

from reseau.network import Network
from reseau.storage import StoredWorkbook, WorkbookStore
from reseau.ui.state import Workspace
from reseau.workbook import Workbook


class StopRun(Exception):
    """What Streamlit raises in a run it was asked to stop."""


class YieldingSession(MutableMapping[str, Any]):
    """A session whose every access first runs `check`, as `SafeSessionState` does."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.check: Callable[[], None] = lambda: None

    def __getitem__(self, key: str) -> Any:
        self.check()
        return self.data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.check()
        self.data[key] = value

    def __delitem__(self, key: str) -> None:
        self.check()
        del self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


@pytest.fixture
def opened(store: WorkbookStore, demo: Network) -> tuple[YieldingSession, Workspace, str]:
    workbook_id = store.create(Workbook(network=demo))
    session = YieldingSession()
    ws = Workspace(session, store)
    ws.attach(workbook_id, store.load(workbook_id))
    return session, ws, workbook_id


def test_a_click_arriving_just_after_a_change_cannot_keep_it_out_of_the_store(opened, store):
    session, ws, workbook_id = opened
    contact = ws.network.contacts[0]
    stop_after_the_workbook_changes = {"armed": False}

    def check() -> None:
        if stop_after_the_workbook_changes["armed"]:
            raise StopRun()
        if session.data.get("reseau.workbook") is not None and (
            session.data["reseau.workbook"].network.get(contact.id).notes == "new note"
        ):
            stop_after_the_workbook_changes["armed"] = True

    session.check = check

    # The interrupted run may end at any session access; the next run saves nothing (a page
    # change), so the store must already hold the note.
    with contextlib.suppress(StopRun):
        ws.update_contact(contact.id, notes="new note")

    assert session.data["reseau.workbook"].network.get(contact.id).notes == "new note"
    assert store.load(workbook_id).network.get(contact.id).notes == "new note"


class SlowFirstSave:
    """A store whose first save lets another thread save first, as a preempted thread would."""

    def __init__(self, store: WorkbookStore, meanwhile: Callable[[], None]) -> None:
        self.store, self.meanwhile, self.calls = store, meanwhile, 0

    def save(self, workbook_id: str, workbook: Workbook, *version: int | None) -> int:
        self.calls += 1
        if self.calls == 1:
            newer = threading.Thread(target=self.meanwhile)
            newer.start()
            # The newer run's save may have to wait for this one: give it a moment, not forever.
            newer.join(timeout=0.5)
            self.pending = newer
        return self.store.save(workbook_id, workbook, *version)

    def load(self, workbook_id: str) -> Workbook:
        return self.store.load(workbook_id)

    def load_versioned(self, workbook_id: str) -> StoredWorkbook:
        return self.store.load_versioned(workbook_id)


def test_an_older_save_finishing_late_does_not_overwrite_a_newer_one(opened, store):
    session, _, workbook_id = opened
    contact_id = session.data["reseau.workbook"].network.contacts[0].id

    def newer_run() -> None:
        Workspace(session, slow).update_contact(contact_id, trust=4)

    slow = SlowFirstSave(store, newer_run)
    older_run = Workspace(session, slow)  # type: ignore[arg-type]

    older_run.update_contact(contact_id, frequency=3)
    slow.pending.join(timeout=10)

    saved = store.load(workbook_id).network.get(contact_id)
    assert (saved.frequency, saved.trust) == (3, 4)
    assert session.data["reseau.workbook"].network.get(contact_id).trust == 4

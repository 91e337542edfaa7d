"""A widget's callback saves to the end even when a click asks Streamlit to stop its run.

Streamlit stops a run at its next access to the session once another click arrived, even in the
middle of a widget's callback; a click on another page then forgets the widget's value, so a
callback stopped before its save lost the change for good (a phone typed in the Accueil grid,
Enter, then « Importer » at once). These tests use Streamlit's own session state and stop
signal, and the grid's real callback.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import StopException
from streamlit.runtime.state.safe_session_state import SafeSessionState
from streamlit.runtime.state.session_state import SessionState

from reseau.demo import load_demo_network
from reseau.storage import WorkbookStore, open_store
from reseau.ui import contact_editor
from reseau.ui.state import CallbackSafeSession, Workspace
from reseau.workbook import Workbook


class Proxy(MutableMapping[str, Any]):
    """What `st.session_state` does: every access goes through the stop-checking state."""

    def __init__(self, safe: SafeSessionState) -> None:
        self.safe = safe

    def __getitem__(self, key: str) -> Any:
        return self.safe[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.safe[key] = value

    def __delitem__(self, key: str) -> None:
        del self.safe[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.safe.filtered_state)

    def __len__(self) -> int:
        return len(self.safe.filtered_state)


class Run:
    """One session's state, with a switch for « a click arrived » and one for « in a callback »."""

    def __init__(self) -> None:
        self.clicked = False
        self.in_callback = False
        self.safe = SafeSessionState(SessionState(), yield_callback=self._check)
        self.session = CallbackSafeSession(
            Proxy(self.safe), lambda: self.safe, lambda: self.in_callback
        )

    def _check(self) -> None:
        if self.clicked:
            raise StopException()


@pytest.fixture
def store(tmp_path) -> WorkbookStore:
    return open_store(f"sqlite:///{tmp_path / 'reseau.sqlite3'}")


def _typed_phone(run: Run, store: WorkbookStore) -> tuple[Workspace, str, str]:
    """A stored demo workbook whose grid now holds a phone typed in its first row."""
    ws = Workspace(run.session, store)
    workbook_id = store.create(Workbook(network=load_demo_network()))
    ws.open_stored(workbook_id)
    base = contact_editor._base(ws, contact_editor.IDENTITY_COLUMNS)
    ws.set_widget_value(
        base.key,
        {"edited_rows": {0: {"phone": "06 99 88 77 66"}}, "added_rows": [], "deleted_rows": []},
    )
    return ws, workbook_id, base.key


def test_the_grid_callback_saves_a_typed_phone_though_a_click_on_another_page_arrived(store):
    run = Run()
    ws, workbook_id, key = _typed_phone(run, store)
    first = ws.network.contacts[0]

    run.clicked = True  # « Importer » clicked while the run carrying the phone starts
    run.in_callback = True
    contact_editor._apply(ws, key)

    assert store.load(workbook_id).network.get(first.id).phone == "06 99 88 77 66"


def test_outside_a_callback_the_run_still_stops_at_its_next_access_to_the_session(store):
    run = Run()
    ws, workbook_id, key = _typed_phone(run, store)
    first = ws.network.contacts[0]

    run.clicked = True
    with pytest.raises(StopException):
        contact_editor._apply(ws, key)

    assert store.load(workbook_id).network.get(first.id).phone != "06 99 88 77 66"

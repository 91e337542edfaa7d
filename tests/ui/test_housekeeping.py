"""Closed sessions' memory is freed once their TTL has passed, not at the next arrival."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref
from typing import Any
from unittest.mock import MagicMock

from streamlit.runtime.caching.ttl_cache import TTLCache
from streamlit.runtime.memory_session_storage import MemorySessionStorage
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.script_data import ScriptData
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.runtime.state.common import WidgetMetadata
from streamlit.runtime.websocket_session_manager import WebsocketSessionManager

from reseau.ui import housekeeping
from tests.conftest import ROOT


def test_a_pass_frees_memory_only_when_expired_sessions_were_dropped(monkeypatch):
    freed: list[bool] = []
    monkeypatch.setattr(housekeeping, "release_memory", lambda: freed.append(True))

    assert housekeeping.housekeeping_pass(lambda: 0) is False
    assert housekeeping.housekeeping_pass(lambda: 3) is True
    assert freed == [True]


def test_streamlits_session_cache_keeps_an_expired_session_until_expire_is_called():
    # Why the watcher exists: with nothing written to it, the cache holds the session's value.
    now = [0.0]
    cache: TTLCache[str, object] = TTLCache(maxsize=10, ttl=10, timer=lambda: now[0])
    cache["session"] = object()
    now[0] = 11.0

    assert len(cache._data) == 1  # still held, though no longer visible
    assert [key for key, _ in cache.expire()] == ["session"]
    assert len(cache._data) == 0


def test_outside_a_server_there_is_nothing_to_drop():
    assert housekeeping.drop_expired_sessions() == 0


class Held:
    """Stands for a participant's workbook in their session state."""

    def changed(self) -> None:
        """A widget's callback bound to it."""


def closed_session_past_its_ttl(now: list[float]) -> tuple[Any, Any, weakref.ref[Held]]:
    """A real session manager with one session, closed by its browser, its TTL over.

    Returns the manager, the session's info as the server's message loop keeps the last one it
    flushed, and a weak reference to an object in the session's state.
    """
    storage = MemorySessionStorage(ttl_seconds=10)
    storage._cache = TTLCache(maxsize=10, ttl=10, timer=lambda: now[0])
    manager = WebsocketSessionManager(
        storage, MemoryUploadedFileManager("/_stcore/upload_file"), ScriptCache(), lambda: None
    )
    session_id = manager.connect_session(
        client=MagicMock(), script_data=ScriptData(str(ROOT / "app.py")), user_info={}
    )
    leftover = manager.get_active_session_info(session_id)
    assert leftover is not None
    held = Held()
    state = leftover.session._session_state
    state["reseau.workbook"] = held
    # A widget's callback holding the object, as the app's widgets hold the workspace.
    state._new_widget_state.widget_metadata["w"] = WidgetMetadata(
        "w", lambda value: value, lambda value: value, "string_value", callback=held.changed
    )
    manager.disconnect_session(session_id)
    now[0] = 11.0
    return manager, leftover, weakref.ref(held)


def in_own_loop(scenario: Any) -> Any:
    """Runs `scenario()` in an event loop of its own thread: in the whole suite the browser
    tests' Playwright keeps a loop running in this one, where `asyncio.run` is refused."""
    results: list[Any] = []
    worker = threading.Thread(target=lambda: results.append(asyncio.run(scenario())))
    worker.start()
    worker.join()
    assert results, "the scenario raised: see the thread's exception above"
    return results[0]


def test_an_expired_sessions_state_is_freed_even_while_something_still_holds_the_session():
    now = [0.0]

    async def scenario() -> tuple[int, Any, weakref.ref[Held]]:
        manager, leftover, held = closed_session_past_its_ttl(now)
        return housekeeping.drop_expired_sessions(manager), leftover, held

    dropped, leftover, held = in_own_loop(scenario)
    gc.collect()

    assert dropped == 1
    assert leftover.session is not None  # still held, as Streamlit's message loop does
    assert held() is None


def test_a_session_within_its_ttl_is_left_alone():
    now = [0.0]

    async def scenario() -> tuple[int, Any, weakref.ref[Held]]:
        manager, _leftover, held = closed_session_past_its_ttl(now)
        now[0] = 5.0  # the participant may still come back
        return housekeeping.drop_expired_sessions(manager), manager, held

    dropped, manager, held = in_own_loop(scenario)
    gc.collect()

    assert dropped == 0
    assert held() is not None
    assert len(manager.list_sessions()) == 1


def test_every_shipped_way_of_starting_the_server_uses_the_allocator_that_gives_memory_back():
    starts = {
        "Makefile": (ROOT / "Makefile").read_text(encoding="utf-8"),
        "systemd unit": (ROOT / "deploy" / "reseau@.service").read_text(encoding="utf-8"),
        "run-local.sh": (ROOT / "deploy" / "run-local.sh").read_text(encoding="utf-8"),
    }
    setting = f"PYTHONMALLOC={housekeeping.SERVER_ALLOCATOR}"

    for name, text in starts.items():
        for line in text.splitlines():
            if "streamlit run" in line and "ExecStart" not in line:
                assert setting in line, f"{name}: {line.strip()}"
    assert f"Environment={setting}" in starts["systemd unit"]

"""Frees the memory of closed sessions once their time is up, instead of at the next arrival.

Streamlit keeps a closed tab's session for a while (its TTL), in a cache that drops expired
sessions only when it is next written to: after a room leaves, nothing writes to it, so a
hundred participants' sessions (their workbooks, scores and widgets) stayed in memory until the
next tab closed (the load test found them all still there after everyone left). One watcher
thread per process drops them once expired, then collects and gives free heap pages back to the
system: `.streamlit/config.toml` turns off Streamlit's collection after every run (half the
server's CPU per click), so cycles left by a closed session would otherwise wait for Python's
oldest generation. The work happens a few seconds after a departure, never on a click.

Giving memory back also needs the right allocator. CPython's own (pymalloc) frees one of its
1 MiB arenas only when every object in it is gone: after a room of 30 had left, objects the
server keeps (caches refilled during the room's clicks) pinned some twenty arenas, and RSS stayed
about 14 % above its start with nothing of the sessions left. `make run` and deploy/ therefore
start the server with `PYTHONMALLOC=malloc` (read only when Python starts, so the app cannot set
it itself): glibc's malloc, whose free pages `malloc_trim` returns one by one.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from streamlit.runtime.state import SessionState

log = logging.getLogger(__name__)

CHECK_EVERY_S = 5.0
# The allocator the shipped start-ups (`make run`, deploy/) set through PYTHONMALLOC.
SERVER_ALLOCATOR = "malloc"


def _session_manager() -> Any:
    """The running server's session manager, or None outside a server."""
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return None
    return Runtime.instance()._session_mgr


def drop_expired_sessions(manager: Any = None) -> int:
    """Removes the closed sessions whose TTL has passed and empties them; returns how many.

    `manager` is the server's session manager (the running one by default); 0 when unknown.
    """
    try:
        manager = manager if manager is not None else _session_manager()
        if manager is None:
            return 0
        # Private: the websocket session manager's storage (Streamlit 1.67, pinned minor).
        storage = getattr(manager, "_session_storage")  # noqa: B009
        expire = storage._cache.expire
        lock = getattr(manager, "_storage_lock", None) or contextlib.nullcontext()
    except Exception:  # another Streamlit version or storage: leave its own reaping alone
        return 0
    with lock:  # the server's own thread moves sessions in and out of this cache
        expired = expire()
    for _session_id, info in expired:
        release_session(info.session)
    return len(expired)


def release_session(session: Any) -> None:
    """Does for an expired session what Streamlit does for one closed on purpose, and empties it.

    Streamlit drops an expired session from its cache without shutting it down, so its media
    files (download buttons' data), uploads and dataframe sources stayed registered for the
    life of the process. And the server's message loop keeps the last session it flushed in a
    local variable until the next one: emptying the session's state, fragments and queue frees
    its workbook and widgets even while such a leftover reference holds the session itself.
    """
    try:
        session.shutdown()
    except Exception:  # a half-gone session must not stop the others' release
        log.exception("shutting down an expired session failed")
    with contextlib.suppress(Exception):
        # A fresh state rather than SessionState.clear(), which keeps the widgets' metadata.
        session._session_state = SessionState()
    for part, method in (
        ("_fragment_storage", "clear"),
        ("_fragment_storage", "clear_outside_wrappers"),
        ("_browser_queue", "clear"),
    ):
        with contextlib.suppress(Exception):
            getattr(getattr(session, part), method)()


def _trimmer() -> Callable[[], object] | None:
    """glibc's `malloc_trim(0)`, which returns freed heap pages to the system; None elsewhere."""
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS)
        return None
    return lambda: trim(0)


def release_memory() -> None:
    """Collects every generation, then gives free heap pages back to the system if it can."""
    gc.collect()
    trim = _trimmer()
    if trim is not None:
        trim()


def housekeeping_pass(drop: Callable[[], int] = drop_expired_sessions) -> bool:
    """One check: drops expired sessions and, if there were any, frees their memory."""
    if drop() == 0:
        return False
    release_memory()
    return True


def _watch(stop: threading.Event) -> None:
    while not stop.wait(CHECK_EVERY_S):
        try:
            housekeeping_pass()
        except Exception:  # the watcher must outlive any one failure
            log.exception("freeing closed sessions failed")


_started = threading.Lock()
_stop: threading.Event | None = None


def start_housekeeping() -> None:
    """Starts the process's watcher thread, once."""
    global _stop
    with _started:
        if _stop is None:
            if os.environ.get("PYTHONMALLOC") != SERVER_ALLOCATOR:
                log.info(
                    "PYTHONMALLOC is not %r: closed sessions' memory will mostly stay with this "
                    "process (start it with `make run` or as deploy/ does)",
                    SERVER_ALLOCATOR,
                )
            _stop = threading.Event()
            threading.Thread(
                target=_watch, args=(_stop,), name="reseau-housekeeping", daemon=True
            ).start()

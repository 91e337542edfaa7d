"""Frees the memory of closed sessions once their time is up, instead of at the next arrival.

Streamlit keeps a closed tab's session for a while (its TTL), in a cache that drops expired
sessions only when it is next written to: after a room leaves, nothing writes to it, so a
hundred participants' sessions (their workbooks, scores and widgets) stayed in memory until the
next tab closed (the load test found them all still there after everyone left). One watcher
thread per process drops them once expired, then collects and gives free heap pages back to the
system: `.streamlit/config.toml` turns off Streamlit's collection after every run (half the
server's CPU per click), so cycles left by a closed session would otherwise wait for Python's
oldest generation. The work happens a few seconds after a departure, never on a click.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

CHECK_EVERY_S = 5.0


def drop_expired_sessions() -> int:
    """Removes the closed sessions whose TTL has passed; returns how many (0 when unknown)."""
    try:
        from streamlit.runtime import Runtime

        if not Runtime.exists():
            return 0
        # Private: the websocket session manager's storage (Streamlit 1.67, pinned minor).
        storage = getattr(Runtime.instance()._session_mgr, "_session_storage")  # noqa: B009
        expire = storage._cache.expire
    except Exception:  # another Streamlit version or storage: leave its own reaping alone
        return 0
    return len(expire())


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
            _stop = threading.Event()
            threading.Thread(
                target=_watch, args=(_stop,), name="reseau-housekeeping", daemon=True
            ).start()

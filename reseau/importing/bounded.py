"""Reading an upload in a child process bounded in memory, CPU and time, that can be cancelled.

The declared-size checks refuse the hostile files found so far before any cell is read; this is
the second wall, for what they do not foresee: a reader that needs too much memory or time ends
its own process, never the server that twenty participants share.

    preview = read_contacts_bounded(data, filename, progress=..., cancelled=...)

The child is forked from a small server process (multiprocessing's 'forkserver' context), never
from the threaded web server itself, and runs at a lower priority so the server keeps answering
other participants' clicks. `read_contacts` stays the in-process API for the command line and
the tests.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import resource
import signal
import threading
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing import spawn as _spawn
from multiprocessing.connection import Connection
from typing import Any

from reseau.i18n import Number
from reseau.importing import limits
from reseau.importing.errors import (
    ImportBusy,
    ImportCancelled,
    ImportRefused,
    ImportTooDemanding,
    ImportTooSlow,
)
from reseau.importing.pipeline import Progress, read_contacts
from reseau.importing.preview import ImportPreview

_LOG = logging.getLogger(__name__)
_CHILD_NAME = "reseau-import-reader"
_CONTEXT = multiprocessing.get_context("forkserver")
# The server the children fork from imports the importer once, so each child starts at once.
_CONTEXT.set_forkserver_preload(["reseau.importing.bounded"])
_POLL_S = 0.1
# The caller's progress callback is called at least this often, even when the child is quiet:
# in the app it is the moment a click elsewhere or a closed tab can interrupt the wait.
_HEARTBEAT_S = 0.25
_SLOTS = threading.BoundedSemaphore(limits.MAX_PARALLEL_IMPORTS)


def _without_main_module(
    get_preparation_data: Callable[[str], dict[str, Any]],
) -> Callable[[str], dict[str, Any]]:
    """multiprocessing re-imports the parent's `__main__` in each child. While Streamlit runs a
    page, `__main__` is the app script itself (app.py): a child would run the whole app. The
    reading children need nothing from it, so their preparation leaves it out."""
    if getattr(get_preparation_data, "without_main_module", False):
        return get_preparation_data

    def prepare(name: str) -> dict[str, Any]:
        data = get_preparation_data(name)
        if name == _CHILD_NAME:
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
        return data

    prepare.without_main_module = True  # type: ignore[attr-defined]
    return prepare


# mypy holds a module's functions fixed; multiprocessing looks this one up at run time.
_spawn.get_preparation_data = _without_main_module(_spawn.get_preparation_data)  # type: ignore[assignment]


def start_reader_server() -> None:
    """Starts, in the background, the process reading children fork from (once per process)."""
    global _STARTED
    if _STARTED:
        return
    _STARTED = True
    from multiprocessing import forkserver

    threading.Thread(target=forkserver.ensure_running, daemon=True).start()


_STARTED = False


@dataclass(frozen=True)
class ReaderBounds:
    """What one reading may take: address space added to the child, CPU seconds, wall seconds."""

    memory_mb: int = limits.MAX_IMPORT_MEMORY_MB
    cpu_seconds: int = limits.MAX_IMPORT_SECONDS
    wall_seconds: float = limits.MAX_IMPORT_SECONDS
    # How long a reading may wait for a free slot while others are read (a whole room often
    # imports at the same moment), before the participant is asked to try again.
    queue_seconds: float = limits.MAX_IMPORT_QUEUE_SECONDS
    nice: int = 10


class ReaderFailed(RuntimeError):
    """The reader raised an unexpected error in the child (a bug): its traceback is attached."""


def read_contacts_bounded(
    data: bytes,
    filename: str = "",
    *,
    sheet: str | Sequence[str] | None = None,
    mapping: Mapping[str, str | None] | None = None,
    header_row: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    bounds: ReaderBounds | None = None,
    reader: Callable[..., ImportPreview] = read_contacts,
) -> ImportPreview:
    """`read_contacts` (or `reader`, a module-level function taking the same arguments) in a
    bounded child process; the same preview, or an `ImportRefused`.

    Beyond the child's memory it raises `ImportTooDemanding`, beyond its CPU or wall time
    `ImportTooSlow`, when `cancelled()` turns true `ImportCancelled`, and `ImportBusy` when
    every reading slot stays taken. However it ends, the child is gone when this returns.
    """
    bounds = bounds or ReaderBounds()
    report = progress or (lambda fraction, key: None)
    is_cancelled = cancelled or (lambda: False)
    _take_slot(bounds, report, is_cancelled)
    try:
        return _run(
            (reader, data, filename, sheet, dict(mapping) if mapping else None, header_row),
            bounds,
            report,
            is_cancelled,
        )
    finally:
        _SLOTS.release()


def _take_slot(bounds: ReaderBounds, report: Progress, cancelled: Callable[[], bool]) -> None:
    started = time.monotonic()
    while not _SLOTS.acquire(timeout=_HEARTBEAT_S):
        if cancelled():
            raise ImportCancelled()
        if time.monotonic() - started > bounds.queue_seconds:
            raise ImportBusy()
        report(0.0, "import.progress.waiting")


def _run(
    job: tuple[Any, ...],
    bounds: ReaderBounds,
    report: Progress,
    cancelled: Callable[[], bool],
) -> ImportPreview:
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(
        target=_child, args=(sender, job, bounds), name=_CHILD_NAME, daemon=True
    )
    try:
        child.start()
        sender.close()
        return _wait(child, receiver, bounds, report, cancelled)
    finally:
        if child.is_alive():
            child.kill()
        with contextlib.suppress(ValueError, AssertionError):
            child.join(timeout=5)
            child.close()
        receiver.close()


def _wait(
    child: Any,
    receiver: Connection,
    bounds: ReaderBounds,
    report: Progress,
    cancelled: Callable[[], bool],
) -> ImportPreview:
    deadline = time.monotonic() + bounds.wall_seconds
    last = (0.0, "import.progress.reading")
    beat = time.monotonic()
    while True:
        message = _receive(receiver, _POLL_S)
        if message is None and not child.is_alive():
            # It may have answered just before ending: read what it sent before judging.
            message = _receive(receiver, 0) or _CLOSED
        if message is _CLOSED:
            child.join(timeout=5)
            raise _ended(child.exitcode, bounds)
        if message is not None:
            kind = message[0]
            if kind == "progress":
                last = (message[1], message[2])
                report(*last)
                beat = time.monotonic()
                continue
            if kind == "done":
                return message[1]
            if kind == "refused":
                raise message[1]
            if kind == "memory":
                _LOG.warning("the reading child process ran out of memory")
                raise _too_demanding(bounds)
            raise ReaderFailed(message[1])
        if cancelled():
            raise ImportCancelled()
        if time.monotonic() > deadline:
            raise ImportTooSlow(seconds=Number(bounds.wall_seconds))
        if time.monotonic() - beat >= _HEARTBEAT_S:
            report(*last)
            beat = time.monotonic()


_CLOSED = ("closed",)


def _receive(receiver: Connection, timeout: float) -> tuple[Any, ...] | None:
    """The child's next message, None when it sent nothing in time, `_CLOSED` once it is gone."""
    try:
        if receiver.poll(timeout):
            return receiver.recv()
    except (EOFError, OSError):
        return _CLOSED
    return None


def _ended(exitcode: int | None, bounds: ReaderBounds) -> Exception:
    _LOG.warning("the reading child process ended with exit code %s", exitcode)
    if exitcode == -signal.SIGXCPU:
        return ImportTooSlow(seconds=Number(bounds.wall_seconds))
    # A native reader that cannot allocate aborts (SIGABRT); the kernel's OOM killer kills.
    if exitcode in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV, -signal.SIGBUS):
        return _too_demanding(bounds)
    return ReaderFailed(f"the reading child process ended without an answer ({exitcode})")


def _too_demanding(bounds: ReaderBounds) -> ImportTooDemanding:
    return ImportTooDemanding(limit=Number(bounds.memory_mb))


# --- in the child ---


def _child(sender: Connection, job: tuple[Any, ...], bounds: ReaderBounds) -> None:
    reader, data, filename, sheet, mapping, header_row = job
    # Only a chosen header row is passed on: readers given by tests need not take it.
    chosen = {} if header_row is None else {"header_row": header_row}
    _bound_self(bounds)

    def progress(fraction: float, key: str) -> None:
        sender.send(("progress", fraction, key))

    try:
        preview = reader(data, filename, sheet=sheet, mapping=mapping, progress=progress, **chosen)
        del data, job
        sender.send(("done", preview))
    except ImportRefused as refused:
        sender.send(("refused", refused))
    except MemoryError:
        with contextlib.suppress(Exception):
            sender.send(("memory",))
    except Exception:
        sender.send(("failed", traceback.format_exc(limit=20)))
    finally:
        sender.close()


def _bound_self(bounds: ReaderBounds) -> None:
    """Limits this process: address space above what it already maps, CPU seconds, priority."""
    _use_the_system_allocator()
    ceiling = _mapped_bytes() + bounds.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    resource.setrlimit(resource.RLIMIT_CPU, (bounds.cpu_seconds, bounds.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with contextlib.suppress(OSError):
        os.nice(bounds.nice)


def _use_the_system_allocator() -> None:
    # Arrow's own allocators reserve gigabytes of address space up front, which a bound on
    # address space refuses; the system allocator reserves what it uses.
    os.environ["ARROW_DEFAULT_MEMORY_POOL"] = "system"
    try:
        import pyarrow
    except ImportError:
        return
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

"""Downloads built on click: a failure says so in the participant's language and logs no text.

`st.download_button(data=callable)` runs the callable on a worker thread when the button is
clicked. Should it raise, Streamlit logs the exception with its message (which can quote a name
or a cell) and the browser shows an English line for five seconds. So the callable is wrapped:
the error is logged by type and place only, and the run the click starts waits (briefly) for
the file and says, in the participant's language, when it could not be built. When the file
type can carry a sentence (an .xlsx file), the download also gives a file saying what happened
instead of nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import streamlit as st

from reseau.bug_log import log_bug
from reseau.ui.state import Workspace

log = logging.getLogger(__name__)

_WATCH = "downloads.watch"
# How long the run a click starts waits for the file: more than any export takes, and a limit
# for a click whose request never reached the server.
WAIT_FOR_FILE_S = 20.0

Data = bytes | str


class DownloadFailed(Exception):
    """The file behind a download could not be built (what it held stays out of the log)."""


class _Watch:
    """The session's downloads: clicks seen by the script, files finished, files that failed.

    Clicks are counted by the button's callback (the script's thread) and files by the builder
    (Streamlit's worker thread), in either order; the script waits until both counts meet.
    """

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.clicks = 0
        self.finished = 0
        self.failures: list[str] = []

    def clicked(self) -> None:
        with self.changed:
            self.clicks += 1

    def done(self, failure: str | None = None) -> None:
        with self.changed:
            self.finished += 1
            if failure is not None:
                self.failures.append(failure)
            self.changed.notify_all()

    def outcome(self, timeout: float) -> list[str]:
        """The failures since last asked, once every file clicked for is built (or time is up)."""
        with self.changed:
            self.changed.wait_for(lambda: self.finished >= self.clicks, timeout)
            self.finished = self.clicks = 0  # a click whose file never came is forgotten
            failures, self.failures = self.failures, []
        return failures


def _watch(ws: Workspace) -> _Watch:
    watch: _Watch | None = ws.scratch(_WATCH)
    if watch is None:
        watch = _Watch()
        ws.set_scratch(_WATCH, watch)
    return watch


def deferred(
    ws: Workspace,
    what: str,
    build: Callable[[], Data],
    notice: Callable[[str], Data] | None = None,
) -> Callable[[], Data]:
    """`build`, made safe to hand to `st.download_button(data=…)`.

    `what` names the download in the log ("room export"); `notice` turns the participant's
    sentence into a file of the same type, given instead of nothing when `build` fails.
    """
    watch = _watch(ws)
    message = ws.t("error.download_failed")

    def run() -> Data:
        try:
            data = build()
        except Exception:
            log_bug(log, f"building the {what} download failed")
            watch.done(failure=what)
        else:
            watch.done()
            return data
        if notice is not None:
            return notice(message)
        raise DownloadFailed() from None

    return run


def on_download(ws: Workspace) -> Callable[[], None]:
    """The `on_click` of a deferred download: the run it starts waits for the file's outcome."""
    return _watch(ws).clicked


def show_download_failures(ws: Workspace, timeout: float = WAIT_FOR_FILE_S) -> None:
    """Says once, in the participant's language, that a download could not be built."""
    watch: _Watch | None = ws.scratch(_WATCH)
    if watch is None:
        return
    if watch.clicks > watch.finished:
        with st.spinner(ws.t("common.preparing_file")):
            failures: list[Any] = watch.outcome(timeout)
    else:
        failures = watch.outcome(0)
    if failures:
        st.error(ws.t("error.download_failed"), icon=":material/error:")

"""Downloads built on click: a failure says so in the participant's language and logs no text.

`st.download_button(data=callable)` runs the callable on a worker thread when the button is
clicked. Should it raise, Streamlit logs the exception with its message (which can quote a name
or a cell) and the browser shows an English line for five seconds. The callable is therefore
wrapped: the error is logged by type and place only, the next run of the page shows the problem
in the participant's language, and, when the file type can carry a sentence (an .xlsx file), the
download still gives a file that says what happened instead of nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import streamlit as st

from reseau.bug_log import log_bug
from reseau.ui.state import Workspace

log = logging.getLogger(__name__)

_FAILED = "downloads.failed"

Data = bytes | str


class DownloadFailed(Exception):
    """The file behind a download could not be built (what it held stays out of the log)."""


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
    failures: list[str] | None = ws.scratch(_FAILED)
    if failures is None:
        # One list for the whole session, kept: a button drawn by an earlier run appends to it.
        failures = []
        ws.set_scratch(_FAILED, failures)
    message = ws.t("error.download_failed")

    def run() -> Data:
        try:
            return build()
        except Exception:
            log_bug(log, f"building the {what} download failed")
            failures.append(what)
        if notice is not None:
            return notice(message)
        raise DownloadFailed() from None

    return run


def show_download_failures(ws: Workspace) -> None:
    """Says once, in the participant's language, that a download could not be built."""
    failures: list[Any] = ws.scratch(_FAILED) or []
    if failures:
        failures.clear()
        st.error(ws.t("error.download_failed"), icon=":material/error:")

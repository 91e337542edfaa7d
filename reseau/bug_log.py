"""Logging a bug without the personal data its message may quote.

An exception's message can carry what a participant typed or imported (a name in a KeyError, a
cell in a ValueError), and contacts are other people's personal data: the server log keeps the
exception's type and where it happened, never its message.
"""

from __future__ import annotations

import logging
import sys
import traceback


def log_bug(logger: logging.Logger, what: str) -> None:
    """Logs the exception being handled: its type and traceback frames, not its message."""
    exc_type, _, tb = sys.exc_info()
    name = exc_type.__name__ if exc_type else "unknown error"
    frames = "".join(traceback.format_tb(tb)) if tb else ""
    logger.error("%s: %s (message withheld)\n%s", what, name, frames.rstrip())

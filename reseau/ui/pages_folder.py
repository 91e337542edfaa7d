"""The one place that works around Streamlit's special `pages/` folder (a private API).

The client fixed `pages/` as a top-level folder name. While such a folder exists, Streamlit runs
a requested `pages/x.py` alone (its first multipage design) until some session of the process
has called `st.navigation`: a bookmarked screen link opened first on a fresh server would miss
`app.py`, so the workbook from the URL and the navigation. Streamlit offers no public setting for
it (1.67), so this module flips the private `PagesManager.uses_pages_directory` flag, exactly as
`st.navigation` does itself, and reruns through `app.py`. `tests/ui/test_pages_folder.py` fails
loudly if a Streamlit release moves that flag; requirements.txt pins the minor version.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

_shell = threading.local()


@contextmanager
def app_shell() -> Iterator[None]:
    """Marks the run as going through `app.py`, the one place that builds the navigation."""
    _shell.running = True
    try:
        yield
    finally:
        _shell.running = False


def run_through_the_app_shell() -> None:
    """Makes a screen opened by its own URL on a fresh server run through `app.py` first.

    AppTest resets the flag before every run on purpose, so it is left alone there.
    """
    from streamlit import config
    from streamlit.runtime.pages_manager import PagesManager

    if config.get_option("global.appTest"):
        return
    if PagesManager.uses_pages_directory and not getattr(_shell, "running", False):
        PagesManager.uses_pages_directory = False
        st.rerun()

"""Process-wide resources, created once per server process and shared by every session."""

from __future__ import annotations

import streamlit as st

from reseau.storage import (
    WorkbookStore,
    database_url_from_env,
    open_store,
    retention_days_from_env,
)


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> WorkbookStore:
    return open_store(url)


def store() -> WorkbookStore:
    """The store named by the environment (read on each call, so tests can point it elsewhere).

    Workbooks past the retention period are purged when the process starts, then every few
    hours while it runs (a cheap check on each call).
    """
    opened = _store_for(database_url_from_env())
    opened.purge_if_due(retention_days_from_env())
    return opened

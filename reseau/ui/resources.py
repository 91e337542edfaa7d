"""Process-wide resources, created once per server process and shared by every session."""

from __future__ import annotations

import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from reseau.storage import (
    StoreUnavailable,
    WorkbookStore,
    database_url_from_env,
    open_store,
    retention_days_from_env,
)


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> WorkbookStore:
    # A store that cannot take a write is refused here, once per process (a failure is not
    # cached, so the next visitor tries again once the disk is fixed).
    opened = open_store(url)
    opened.check_writable()
    return opened


def store() -> WorkbookStore:
    """The store named by the environment (read on each call, so tests can point it elsewhere).

    Workbooks past the retention period are purged when the process starts, then every few
    hours while it runs (a cheap check on each call).
    """
    try:
        opened = _store_for(database_url_from_env())
    except StoreUnavailable:
        raise
    except (OSError, SQLAlchemyError) as problem:
        raise StoreUnavailable() from problem
    try:
        opened.purge_if_due(retention_days_from_env())
    except SQLAlchemyError:
        logging.getLogger(__name__).exception("purging expired workbooks failed")
    return opened

"""Who is on the other end of a session, as far as throttling needs to know."""

from __future__ import annotations

import streamlit as st

UNKNOWN_CLIENT = "unknown"


def client_address() -> str:
    """The address of the browser behind this session; "unknown" when the server has none.

    Behind a reverse proxy every browser shares the proxy's address: the per-client limit then
    acts as the overall one, which is stricter, never looser. Forwarded headers are not trusted,
    since a guesser could write a new address into each request.
    """
    try:
        address = st.context.ip_address
    except Exception:  # no browser behind this run (AppTest, scripts)
        address = None
    return address if isinstance(address, str) and address else UNKNOWN_CLIENT

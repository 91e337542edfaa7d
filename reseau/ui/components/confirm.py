"""« Press again to confirm »: a button that asks before doing what cannot be undone."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from reseau.ui.state import Workspace


@dataclass(frozen=True)
class Confirmation:
    """The texts of a two-step button; its widgets' keys start with `key`."""

    key: str
    button: str
    help: str
    question: str  # Markdown: what confirming will do, shown as a warning
    confirm: str
    cancel: str
    icon: str


def press_again(ws: Workspace, asked: Confirmation) -> bool:
    """The button, then the question with « confirm » and « cancel »; True on confirming."""
    confirming = f"{asked.key}.confirming"
    if not ws.scratch(confirming):
        if st.button(asked.button, icon=asked.icon, key=asked.key):
            ws.set_scratch(confirming, True)
            st.rerun()
        st.caption(asked.help)
        return False
    st.warning(asked.question)
    yes_col, no_col = st.columns(2)
    if yes_col.button(asked.confirm, type="primary", key=f"{asked.key}.yes"):
        ws.set_scratch(confirming, False)
        return True
    if no_col.button(asked.cancel, key=f"{asked.key}.no"):
        ws.set_scratch(confirming, False)
        st.rerun()
    return False

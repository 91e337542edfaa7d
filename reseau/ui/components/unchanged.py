"""« Inchangé »: one click confirms a contact's answers still hold since the last assessment."""

from __future__ import annotations

import streamlit as st

from reseau.assessments import confirm_unchanged, last_assessment, not_looked_at
from reseau.i18n import day
from reseau.ui.state import Workspace


def unchanged_button(ws: Workspace, contact_id: str) -> None:
    """The button for one contact, shown on Bilans and on the walkthrough's card.

    Shown only while the contact still has the answers of the last assessment and was not
    confirmed yet.
    """
    if contact_id not in not_looked_at(ws.workbook):
        return
    last = last_assessment(ws.workbook)
    assert last is not None  # not_looked_at is empty without an assessment
    if st.button(
        ws.t("assess.carry.unchanged"),
        key=f"assess.unchanged.{contact_id}",
        help=ws.t("assess.carry.unchanged.help", day=day(last.day, ws.lang)),
        icon=":material/done_all:",
    ):
        ws.commit(confirm_unchanged(ws.workbook, contact_id))
        st.rerun()

"""The hand editor: a grid of contacts to add, edit and remove, with the method's lists."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from reseau.editing import (
    IDENTITY_COLUMNS,
    apply_table,
    circle_options,
    editor_frame,
    frame_rows,
    role_options,
)
from reseau.ui.markdown import escape_markdown
from reseau.ui.state import Workspace

_VERSION = "contact_editor.version"


def _column_config(ws: Workspace, columns: Sequence[str]) -> dict[str, object]:
    config: dict[str, object] = {
        name: st.column_config.TextColumn(ws.t(f"field.{name}")) for name in columns
    }
    config["id"] = None  # the stable id travels with the row but is never shown
    config["circle"] = st.column_config.SelectboxColumn(
        ws.t("field.circle"), options=circle_options(ws.lang)
    )
    config["role"] = st.column_config.SelectboxColumn(
        ws.t("field.role"), options=role_options(ws.lang), width="medium"
    )
    config["notes"] = st.column_config.TextColumn(ws.t("field.notes"), width="large")
    return config


def contact_editor(ws: Workspace, columns: Sequence[str] = IDENTITY_COLUMNS) -> None:
    """Shows the grid and a save button; saving applies the grid through the workspace."""
    st.caption(ws.t("contacts.help"))
    version = ws.scratch(_VERSION, 0)
    key = f"contact_editor_{version}"
    frame = editor_frame(ws.network, ws.lang, columns)
    edited = st.data_editor(
        frame,
        num_rows="dynamic",
        hide_index=True,
        column_config=_column_config(ws, columns),
        key=key,
        width="stretch",
    )
    pending = ws.widget_value(key) or {}
    if any(pending.get(part) for part in ("edited_rows", "added_rows", "deleted_rows")):
        st.warning(ws.t("contacts.unsaved"), icon=":material/edit:")
    if st.button(ws.t("contacts.save"), type="primary", icon=":material/save:"):
        outcome = apply_table(ws.network, frame_rows(edited), ws.lang)
        for problem in outcome.problems:
            ws.flash("error", ws.t("contacts.row_error", row=problem.row, message=problem.message))
        for warning in outcome.warnings:
            ws.flash("warning", warning.text(ws.lang, escape_markdown))
        if outcome.changed:
            ws.set_network(outcome.network)
            ws.flash(
                "success",
                ws.t(
                    "contacts.saved",
                    added=outcome.added,
                    updated=outcome.updated,
                    removed=outcome.removed,
                ),
            )
        elif not outcome.problems:
            ws.flash("info", ws.t("contacts.unchanged"))
        ws.set_scratch(_VERSION, version + 1)
        st.rerun()

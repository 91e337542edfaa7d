"""The table mode: the card's fields as a grid, validated, saved as soon as a cell changes.

The grid shows a fixed list of contacts (chosen when the filter is set), so its edits always
belong to the rows they were made on, even when a contact becomes qualified or changes circle.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from reseau import walkthrough
from reseau.editing import QUALIFY_COLUMNS, STATUS_COLUMN, apply_table, frame_rows, qualify_frame
from reseau.ui.components.walkthrough_filter import filter_select
from reseau.ui.field_columns import field_columns
from reseau.ui.markdown import escape_markdown
from reseau.ui.state import Workspace

_GRID = "qualify.table.grid"
_IDS = "qualify.table.ids"
_FILTER = "qualify.table.filter"
_OPEN_ONLY = "qualify.table.open_only"


def _column_config(ws: Workspace) -> dict[str, Any]:
    config = field_columns(ws, QUALIFY_COLUMNS)
    config[STATUS_COLUMN] = st.column_config.TextColumn(
        ws.t("qualify.table.status"),
        disabled=True,
        help=ws.t("qualify.table.status.help"),
        pinned=True,
    )
    for name in ("first_name", "last_name"):
        config[name] = st.column_config.TextColumn(ws.t(f"field.{name}"), pinned=True)
    return config


def _reset(ws: Workspace) -> None:
    ws.set_scratch(_IDS, None)
    ws.reset_widgets(_GRID)


def _shown_ids(ws: Workspace) -> tuple[str, ...]:
    ids = ws.scratch(_IDS)
    if ids is None or any(cid not in ws.network for cid in ids):
        order = walkthrough.walk_order(ws.network, ws.scratch(_FILTER, walkthrough.ALL))
        if ws.scratch(_OPEN_ONLY, False):
            order = tuple(cid for cid in order if not ws.network.get(cid).is_qualified)
        ids = order
        ws.set_scratch(_IDS, ids)
    return ids


def _filters(ws: Workspace) -> None:
    def changed_filter(wanted: str) -> None:
        ws.set_scratch(_FILTER, wanted)
        _reset(ws)

    def changed_open() -> None:
        ws.set_scratch(_OPEN_ONLY, ws.widget_value(_OPEN_ONLY))
        _reset(ws)

    filter_col, open_col = st.columns([1, 2], vertical_alignment="bottom")
    current = ws.scratch(_FILTER, walkthrough.ALL)
    filter_select(filter_col, ws, _FILTER, current, changed_filter)
    open_col.toggle(
        ws.t("qualify.table.open_only"),
        value=ws.scratch(_OPEN_ONLY, False),
        key=_OPEN_ONLY,
        on_change=changed_open,
    )


def table(ws: Workspace) -> None:
    """Filters, the grid, and saving of what changed in it."""
    st.caption(ws.t("qualify.table.help"))
    _filters(ws)
    ids = _shown_ids(ws)
    if not ids:
        st.info(ws.t("qualify.filter.empty"))
        return
    key = f"qualify.table.grid.{ws.resets(_GRID)}"
    frame = qualify_frame(ws.network, ws.lang, ids)
    edited = st.data_editor(
        frame,
        key=key,
        num_rows="fixed",
        hide_index=True,
        column_config=_column_config(ws),
        width="stretch",
        height=min(38 + 35 * len(ids), 600),
        placeholder="",
    )
    changes = (ws.widget_value(key) or {}).get("edited_rows") or {}
    if changes:
        _save(ws, edited, sorted(int(row) for row in changes))


def _save(ws: Workspace, edited: Any, positions: list[int]) -> None:
    """Applies the edited rows, each reported under its row number in the grid."""
    network, changed, refused = ws.network, False, False
    for position in positions:
        rows = frame_rows(edited.iloc[[position]])
        outcome = apply_table(network, rows, ws.lang, remove_missing=False, first_row=position + 1)
        for problem in outcome.problems:
            ws.flash("error", ws.t("contacts.row_error", row=problem.row, message=problem.message))
        for warning in outcome.warnings:
            ws.flash("warning", warning.text(ws.lang, escape_markdown))
        network = outcome.network
        changed = changed or outcome.changed
        refused = refused or bool(outcome.problems or outcome.warnings)
    if changed:
        ws.set_network(network)
    if refused:
        # The refused value would stay in the grid and be refused again on every run: show the
        # saved values instead, with the message saying what was not taken.
        ws.reset_widgets(_GRID)
    if changed or refused:
        st.rerun()

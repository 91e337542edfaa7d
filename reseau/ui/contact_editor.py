"""The hand editor: a grid of contacts to add, edit and remove, saved as soon as a cell changes.

The grid is drawn from a snapshot of the network taken when it was last (re)built, and the
grid's own record of the edits (edited, added and deleted rows) is applied to that snapshot on
every change. Because the grid's data stays the same while the participant types, the grid is
never redrawn under their pointer; it is rebuilt only when the network changed elsewhere (the
demo, an import, another screen) or when a row was refused and must show what was kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from reseau.editing import IDENTITY_COLUMNS, apply_table, editor_frame, frame_rows
from reseau.i18n import Lang
from reseau.method_values import is_blank
from reseau.network import Network
from reseau.ui.field_columns import field_columns
from reseau.ui.markdown import escape_markdown
from reseau.ui.state import Workspace

_BASE = "contact_editor.base"
_GRID = "contact_editor.grid"  # reset whenever the grid is drawn again from what is saved
_PARTS = ("edited_rows", "added_rows", "deleted_rows")


@dataclass
class _Base:
    """What the grid was drawn from, and what its edits have been saved as so far."""

    version: int
    lang: Lang
    columns: tuple[str, ...]
    frame: pd.DataFrame
    saved: Network  # the network as this grid last left it
    added_ids: list[str | None] = field(default_factory=list)  # ids of the grid's added rows
    applied: str = ""  # the grid's edits already applied, to skip unchanged reruns

    @property
    def key(self) -> str:
        return f"contact_editor_{self.version}"


def _base(ws: Workspace, columns: tuple[str, ...]) -> _Base:
    base: _Base | None = ws.scratch(_BASE)
    if (
        base is not None
        and base.saved is ws.network
        and base.lang is ws.lang
        and base.columns == columns
        # Coming back from another screen, the grid has forgotten its edits: the snapshot alone
        # would show the values from before them, so the grid is drawn again from what is saved.
        and not (base.applied and (ws.arrived or ws.widget_value(base.key) is None))
    ):
        return base
    if base is not None:
        ws.reset_widgets(_GRID)
    frame = editor_frame(ws.network, ws.lang, columns)
    base = _Base(ws.resets(_GRID), ws.lang, columns, frame, ws.network)
    ws.set_scratch(_BASE, base)
    return base


def _has_name(row: dict[str, object]) -> bool:
    return not (is_blank(row.get("first_name")) and is_blank(row.get("last_name")))


def contact_editor(ws: Workspace, columns: Sequence[str] = IDENTITY_COLUMNS) -> None:
    """Shows the grid; every committed cell, added row or deleted row is saved at once."""
    st.caption(ws.t("contacts.help"))
    base = _base(ws, tuple(columns))
    st.data_editor(
        base.frame,
        num_rows="dynamic",
        hide_index=True,
        column_config=field_columns(ws, columns),
        key=base.key,
        width="stretch",
        placeholder="",
        # Saving in the callback runs first thing in the next run, so a click on another page
        # right after typing cannot cut the run short before the change is saved.
        on_change=_apply_in_callback,
        args=(ws, base.key),
    )
    if _waiting(base, ws.widget_value(base.key) or {}):
        st.caption(ws.t("contacts.pending_row"))
    # Also here, for a change the callback did not see (one set in the session directly).
    if _apply(ws, base.key):
        st.rerun()


def _grid_rows(
    base: _Base, state: dict[str, Any]
) -> tuple[list[tuple[object, dict[str, object]]], list[tuple[object, dict[str, object]]]]:
    """The grid's rows as it shows them: the snapshot with its edits and deletions, then the
    added rows, each (id, row); an added row carries the id its contact was saved under."""
    records = base.frame.to_dict(orient="records")
    for place, changes in (state.get("edited_rows") or {}).items():
        records[int(place)].update(changes)
    deleted = {int(place) for place in state.get("deleted_rows") or []}
    kept = [record for place, record in enumerate(records) if place not in deleted]
    added = [
        {"id": base.added_ids[place] if place < len(base.added_ids) else None, **row}
        for place, row in enumerate(state.get("added_rows") or [])
    ]
    columns = ["id", *base.columns]
    kept_rows = frame_rows(pd.DataFrame.from_records(kept, columns=columns))
    added_rows = frame_rows(pd.DataFrame.from_records(added, columns=columns))
    return kept_rows, added_rows


def _waiting(base: _Base, state: dict[str, Any]) -> list[int]:
    """The places of the added rows not saved yet because they have no name."""
    if not state.get("added_rows"):
        return []
    _, added = _grid_rows(base, state)
    return [i for i, (cid, row) in enumerate(added) if cid is None and not _has_name(row)]


def _apply_in_callback(ws: Workspace, key: str) -> None:
    _apply(ws, key)


def _apply(ws: Workspace, key: str) -> bool:
    """Saves what changed in the grid since the last time; True when the page must be redrawn."""
    base: _Base | None = ws.scratch(_BASE)
    state = ws.widget_value(key) or {}
    if base is None or base.key != key or base.saved is not ws.network:
        return False
    applied = repr(sorted((part, repr(state.get(part))) for part in _PARTS))
    if applied == base.applied or not any(state.get(part) for part in _PARTS):
        return False
    base.applied = applied
    kept, added = _grid_rows(base, state)
    waiting = _waiting(base, state)
    ready = kept + [pair for place, pair in enumerate(added) if place not in waiting]
    return _save(ws, base, ready, [cid for cid, _ in added], waiting)


def _save(
    ws: Workspace,
    base: _Base,
    rows: list[tuple[object, dict[str, object]]],
    ids: list[object],
    waiting: list[int],
) -> bool:
    """Applies the grid's rows to the network and remembers which contact each new row became."""
    before = base.saved
    outcome = apply_table(before, rows, ws.lang)
    for problem in outcome.problems:
        ws.flash("error", ws.t("contacts.row_error", row=problem.row, message=problem.message))
    for warning in outcome.warnings:
        ws.flash("warning", warning.text(ws.lang, escape_markdown))
    if outcome.problems or outcome.warnings:
        # A refused value would stay in the grid and be refused again on every change: redraw
        # the grid from what is saved, the message saying what was not taken.
        ws.set_scratch(_BASE, _stale(base))
        if outcome.changed:
            ws.set_network(outcome.network)
        return True
    if not outcome.changed:
        return False
    new_ids = iter(cid for cid in outcome.network.ids if cid not in before)
    base.added_ids = [
        str(cid) if cid is not None else None if place in waiting else next(new_ids, None)
        for place, cid in enumerate(ids)
    ]
    ws.set_network(outcome.network)
    base.saved = ws.network
    ws.flash("toast", ws.t("contacts.saved"))
    return True


def _stale(base: _Base) -> _Base:
    """A base that no network matches, so the next run redraws the grid under a new key."""
    return _Base(base.version, base.lang, base.columns, base.frame, Network(()))

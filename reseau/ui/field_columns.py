"""A grid column for each contact field, derived from its declaration (`reseau.contact_fields`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from reseau.contact_fields import FieldKind, FieldSpec, field_spec
from reseau.editing import choice_options
from reseau.ui.state import Workspace
from reseau.ui.widgets import date_format


def field_column(ws: Workspace, spec: FieldSpec) -> Any:
    """The grid column of one field: a 1–5 number, a list, a date or text, titled in `ws.lang`."""
    title = ws.t(spec.label_key)
    help_text = ws.t(spec.help_key) if spec.help_key else None
    if spec.kind is FieldKind.SCALE and spec.scale is not None:
        return st.column_config.NumberColumn(
            title,
            min_value=spec.scale.low,
            max_value=spec.scale.high,
            step=1,
            help=help_text or ws.t(spec.scale.help_key),
        )
    if spec.kind is FieldKind.CHOICE and spec.choices is not None:
        return st.column_config.SelectboxColumn(
            title, options=choice_options(spec.choices, ws.lang), width=spec.width, help=help_text
        )
    if spec.kind is FieldKind.DATE:
        # Wide enough for the whole date while it is typed in the cell (« 10 / 12 / 2026 »).
        return st.column_config.DateColumn(
            title, format=date_format(ws.lang), width=spec.width or "medium", help=help_text
        )
    return st.column_config.TextColumn(title, width=spec.width, help=help_text)


def field_columns(ws: Workspace, columns: Sequence[str]) -> dict[str, Any]:
    """The column configs of a grid showing these fields, its `id` column hidden."""
    config: dict[str, Any] = {name: field_column(ws, field_spec(name)) for name in columns}
    config["id"] = None  # the stable id travels with the row but is never shown
    return config

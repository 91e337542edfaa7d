"""Reading a vocabulary choice back from a widget."""

from __future__ import annotations

from typing import Any

from reseau.ui.state import Workspace


def widget_choice(ws: Workspace, key: str, enum: type) -> Any:
    """The vocabulary item chosen in a widget, as the enum member, or None.

    Session state may hand back an option's plain value ("sponsor") rather than the member.
    """
    value = ws.widget_value(key)
    return None if value is None else enum(value)

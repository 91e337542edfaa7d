"""The Qualifier's ways of working, and opening one contact's card from any of them."""

from __future__ import annotations

from enum import StrEnum

from reseau import walkthrough
from reseau.ui.state import Workspace

MODE = "qualify.mode"  # the scratch value holding the mode shown
FILTER = "qualify.filter"  # the scratch value holding the card's walkthrough filter


class QualifyMode(StrEnum):
    """A mode of the Qualifier screen, in the order of its segmented control."""

    SORT = "sort"
    GAPS = "gaps"
    CARD = "card"
    TABLE = "table"
    LINKS = "links"
    DIAGNOSIS = "diagnosis"
    SETTINGS = "settings"

    @property
    def label_key(self) -> str:
        return f"qualify.mode.{self.value}"

    @property
    def help_key(self) -> str:
        return f"qualify.mode.{self.value}.help"


def chosen_mode(ws: Workspace) -> QualifyMode | None:
    """The mode the participant last chose in this session, if any."""
    value = ws.scratch(MODE)
    try:
        return None if value is None else QualifyMode(value)
    except ValueError:
        return None


def open_card(ws: Workspace, contact_id: str) -> None:
    """Shows this contact's card, under the filter that holds everyone."""
    ws.set_cursor(contact_id)
    ws.set_scratch(FILTER, walkthrough.ALL)
    ws.set_scratch(MODE, QualifyMode.CARD)

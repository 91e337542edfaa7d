"""Reading back the hidden `_reseau` sheet, so an exported file restores the whole workbook.

The contacts come back through the importer (the Contacts sheet, read by its headers); this
module adds what the sheet of contacts does not hold: participant, mission, the five marks per
circle, the trainer's settings, the language.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any

from python_calamine import CalamineWorkbook

from reseau.contact import Contact
from reseau.i18n import Lang
from reseau.network import Network
from reseau.scoring import ScoringSettings
from reseau.vocabulary import Circle
from reseau.workbook import Workbook

METADATA_SHEET = "_reseau"
FORMAT_NAME = "reseau-workbook"


@dataclass(frozen=True)
class SavedDetails:
    """What the hidden sheet of an exported workbook says about it."""

    format_version: int
    lang: Lang
    participant: str = ""
    mission: str = ""
    marks: dict[str, dict[str, int]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    workshop_code: str | None = None

    def restore(self, contacts: tuple[Contact, ...] | list[Contact]) -> Workbook:
        """The workbook these details describe, holding `contacts`."""
        network = Network(
            contacts=tuple(contacts),
            participant=self.participant,
            mission=self.mission,
            marks={Circle(code): marks for code, marks in self.marks.items()},
        )
        settings = ScoringSettings(**self.settings) if self.settings else ScoringSettings()
        return Workbook(
            network=network,
            settings=settings,
            lang=self.lang,
            workshop_code=self.workshop_code or None,
        )


def _text(value: object) -> str:
    return "" if value is None else str(value)


def read_metadata(data: bytes) -> SavedDetails | None:
    """The saved details of a Réseau export; None for any other file or a damaged sheet."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if METADATA_SHEET not in book.sheet_names:
            return None
        rows = book.get_sheet_by_name(METADATA_SHEET).to_python()
        values = {_text(row[0]): row[1] if len(row) > 1 else None for row in rows if row}
        if values.get("format") != FORMAT_NAME:
            return None
        return SavedDetails(
            format_version=int(float(values.get("format_version") or 1)),
            lang=Lang.parse(values.get("lang")),
            participant=_text(values.get("participant")),
            mission=_text(values.get("mission")),
            marks=json.loads(_text(values.get("marks")) or "{}"),
            settings=json.loads(_text(values.get("settings")) or "{}"),
            workshop_code=_text(values.get("workshop_code")) or None,
        )
    except Exception:  # a damaged hidden sheet loses only the extras, never the contacts
        return None

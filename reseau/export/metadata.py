"""Reading back the hidden `_reseau` sheet, so an exported file restores the whole workbook.

The contacts come back through the importer (the Contacts sheet, read by its headers); this
module adds what the sheet of contacts does not hold: participant, mission, the five marks per
circle, the trainer's settings, the language.

The hidden sheet is only hidden, not locked: someone can edit it. Every value is checked on its
own and one that is unknown or out of bounds is left out (its default is kept) and named in
`SavedDetails.dropped`, so a hand-edited file still gives its contacts and everything valid.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass, field
from typing import Any

from python_calamine import CalamineWorkbook

from reseau.contact import Contact
from reseau.i18n import Lang
from reseau.network import Network
from reseau.scoring import ScoringSettings
from reseau.vocabulary import FIVE_MARKS, Circle
from reseau.workbook import Workbook

METADATA_SHEET = "_reseau"
FORMAT_NAME = "reseau-workbook"
# The bounds the settings screen allows: a value outside them could not be shown there.
WEIGHT_RANGE = (0.0, 100.0)
THRESHOLD_RANGE = (0.0, 100.0)
COLD_AFTER_RANGE = (7, 3650)
_KNOWN_ROWS = frozenset(
    {
        "format",
        "format_version",
        "save_format_version",
        "exported_on",
        "lang",
        "contacts_sheet",
        "contact_count",
        "participant",
        "mission",
        "marks",
        "settings",
        "workshop_code",
    }
)
_JOIN_CODE_CHARACTERS = frozenset("ABCDEFGHJKMNPQRSTUVWXYZ23456789")


@dataclass(frozen=True)
class SavedDetails:
    """What the hidden sheet of an exported workbook says about it, checked value by value."""

    format_version: int
    lang: Lang
    participant: str = ""
    mission: str = ""
    marks: dict[str, dict[str, int]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    workshop_code: str | None = None
    dropped: tuple[str, ...] = ()  # the values left out, as `settings.cold_after_days`

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


def _number(value: object, low: float, high: float) -> float | None:
    """A finite number within [low, high], or None (text, booleans and NaN included)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and low <= number <= high else None


def _json_object(value: object, name: str, dropped: list[str]) -> dict[str, Any]:
    text = _text(value).strip()
    if not text:
        return {}
    try:
        loaded = json.loads(text)
    except (ValueError, RecursionError):
        loaded = None
    if not isinstance(loaded, dict):
        dropped.append(name)
        return {}
    return loaded


def _weights(raw: object, name: str, dropped: list[str]) -> dict[str, float] | None:
    """Saved weights, each valid one kept and the method's default for the others."""
    if not isinstance(raw, dict):
        dropped.append(f"settings.{name}")
        return None
    weights: dict[str, float] = dict(getattr(ScoringSettings(), name))
    for criterion, value in raw.items():
        checked = _number(value, *WEIGHT_RANGE) if criterion in weights else None
        if checked is None:
            dropped.append(f"settings.{name}.{criterion}")
        else:
            weights[criterion] = checked
    if sum(weights.values()) <= 0:  # every weight at zero: nothing could be scored
        dropped.append(f"settings.{name}")
        return None
    return weights


def _settings(raw: dict[str, Any], dropped: list[str]) -> dict[str, Any]:
    """The saved settings that are valid, by name; the others are named in `dropped`."""
    settings: dict[str, Any] = {}
    for name, value in raw.items():
        checked: Any = None
        if name in ("strength_weights", "potential_weights"):
            checked = _weights(value, name, dropped)
            if checked is None:
                continue
        elif name in ("strength_threshold", "potential_threshold"):
            checked = _number(value, *THRESHOLD_RANGE)
        elif name == "cold_after_days":
            days = _number(value, *COLD_AFTER_RANGE)
            checked = int(days) if days is not None and days == int(days) else None
        if checked is None:
            dropped.append(f"settings.{name}")
        else:
            settings[name] = checked
    return settings


def _marks(raw: dict[str, Any], dropped: list[str]) -> dict[str, dict[str, int]]:
    """The five marks per circle that are valid (1 to 5); the others are named in `dropped`."""
    circles = {c.value for c in Circle}
    marks: dict[str, dict[str, int]] = {}
    for circle, scores in raw.items():
        if circle not in circles or not isinstance(scores, dict):
            dropped.append(f"marks.{circle}")
            continue
        kept: dict[str, int] = {}
        for mark, value in scores.items():
            number = _number(value, 1, 5) if mark in FIVE_MARKS else None
            if number is None or number != int(number):
                dropped.append(f"marks.{circle}.{mark}")
            else:
                kept[mark] = int(number)
        marks[circle] = kept
    return marks


def _workshop_code(value: object, dropped: list[str]) -> str | None:
    code = _text(value).strip().upper()
    if not code:
        return None
    if len(code) == 6 and set(code) <= _JOIN_CODE_CHARACTERS:
        return code
    dropped.append("workshop_code")
    return None


def read_metadata(data: bytes) -> SavedDetails | None:
    """The saved details of a Réseau export; None for any other file or an unreadable sheet."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if METADATA_SHEET not in book.sheet_names:
            return None
        rows = book.get_sheet_by_name(METADATA_SHEET).to_python()
    except Exception:  # a damaged hidden sheet loses only the extras, never the contacts
        return None
    values = {_text(row[0]): row[1] if len(row) > 1 else None for row in rows if row}
    if values.get("format") != FORMAT_NAME:
        return None
    dropped: list[str] = [name for name in values if name and name not in _KNOWN_ROWS]
    version = _number(values.get("format_version") or 1, 1, 1_000)
    if version is None:
        dropped.append("format_version")
    lang = Lang.parse(values.get("lang"), Lang.FR)
    if _text(values.get("lang")).strip().lower()[:2] not in {code.value for code in Lang}:
        dropped.append("lang")
    settings = _settings(_json_object(values.get("settings"), "settings", dropped), dropped)
    marks = _marks(_json_object(values.get("marks"), "marks", dropped), dropped)
    return SavedDetails(
        format_version=int(version or 1),
        lang=lang,
        participant=_text(values.get("participant")),
        mission=_text(values.get("mission")),
        marks=marks,
        settings=settings,
        workshop_code=_workshop_code(values.get("workshop_code"), dropped),
        dropped=tuple(dropped),
    )

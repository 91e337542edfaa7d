"""Checks of a saved workbook's details, value by value, wherever they come from.

A stored workbook, and even more an Excel save file whose hidden sheet someone edited, may hold
a value the app cannot use. Each check keeps what is valid, puts the method's default in place
of the rest and names what it left out (`settings.cold_after_days`), so one bad value never
costs the participant their contacts or a screen.
"""

from __future__ import annotations

import math
from typing import Any

from reseau.scoring import ScoringSettings
from reseau.vocabulary import FIVE_MARKS, Circle

# The bounds the settings screen allows: a value outside them could not be shown there.
WEIGHT_RANGE = (0.0, 100.0)
THRESHOLD_RANGE = (0.0, 100.0)
COLD_AFTER_RANGE = (7, 3650)
_JOIN_CODE_CHARACTERS = frozenset("ABCDEFGHJKMNPQRSTUVWXYZ23456789")


def text(value: object) -> str:
    return "" if value is None else str(value)


def number(value: object, low: float, high: float) -> float | None:
    """A finite number within [low, high], or None (text, booleans and NaN included)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    found = float(value)
    return found if math.isfinite(found) and low <= found <= high else None


def _weights(raw: object, name: str, dropped: list[str]) -> dict[str, float] | None:
    """Saved weights, each valid one kept and the method's default for the others."""
    if not isinstance(raw, dict):
        dropped.append(f"settings.{name}")
        return None
    weights: dict[str, float] = dict(getattr(ScoringSettings(), name))
    for criterion, value in raw.items():
        checked = number(value, *WEIGHT_RANGE) if criterion in weights else None
        if checked is None:
            dropped.append(f"settings.{name}.{criterion}")
        else:
            weights[criterion] = checked
    if sum(weights.values()) <= 0:  # every weight at zero: nothing could be scored
        dropped.append(f"settings.{name}")
        return None
    return weights


def checked_settings(raw: object, dropped: list[str]) -> ScoringSettings:
    """The saved scoring settings, each invalid value replaced by the method's default."""
    if not isinstance(raw, dict):
        if raw is not None:
            dropped.append("settings")
        return ScoringSettings()
    settings: dict[str, Any] = {}
    for name, value in raw.items():
        checked: Any = None
        if name in ("strength_weights", "potential_weights"):
            checked = _weights(value, name, dropped)
            if checked is None:
                continue
        elif name in ("strength_threshold", "potential_threshold"):
            checked = number(value, *THRESHOLD_RANGE)
        elif name == "cold_after_days":
            days = number(value, *COLD_AFTER_RANGE)
            checked = int(days) if days is not None and days == int(days) else None
        if checked is None:
            dropped.append(f"settings.{name}")
        else:
            settings[name] = checked
    return ScoringSettings(**settings)


def checked_marks(raw: object, dropped: list[str]) -> dict[Circle, dict[str, int]]:
    """The five marks per circle that are valid (1 to 5); the others are named in `dropped`."""
    if not isinstance(raw, dict):
        if raw is not None:
            dropped.append("marks")
        return {}
    circles = {c.value for c in Circle}
    marks: dict[Circle, dict[str, int]] = {}
    for circle, scores in raw.items():
        if circle not in circles or not isinstance(scores, dict):
            dropped.append(f"marks.{circle}")
            continue
        kept: dict[str, int] = {}
        for mark, value in scores.items():
            found = number(value, 1, 5) if mark in FIVE_MARKS else None
            if found is None or found != int(found):
                dropped.append(f"marks.{circle}.{mark}")
            else:
                kept[mark] = int(found)
        marks[Circle(circle)] = kept
    return marks


def checked_workshop_code(value: object, dropped: list[str]) -> str | None:
    code = text(value).strip().upper()
    if not code:
        return None
    if len(code) == 6 and set(code) <= _JOIN_CODE_CHARACTERS:
        return code
    dropped.append("workshop_code")
    return None

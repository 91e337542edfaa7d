"""The participant's workbook: their network plus all that is needed to resume their work."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reseau.acquaintances import WhoKnowsWhom
from reseau.assessments import Assessment
from reseau.i18n import DEFAULT_LANG, Lang
from reseau.network import Network
from reseau.scoring import DEFAULT_SETTINGS, ScoringSettings


@dataclass(frozen=True)
class Workbook:
    """What is saved after every change, and restored on a refresh or a reopened link."""

    network: Network = field(default_factory=Network)
    settings: ScoringSettings = DEFAULT_SETTINGS
    lang: Lang = DEFAULT_LANG
    cursor: str | None = None  # the contact the walkthrough shows
    workshop_code: str | None = None
    assessments: tuple[Assessment, ...] = ()  # oldest first, at most one per day
    cadences: dict[str, int] = field(default_factory=dict)  # contact id -> days between contacts
    unchanged: frozenset[str] = frozenset()  # looked at again since the last assessment
    # contact id -> the day its first action was marked done (the rhythm restarts from it)
    actions_done: dict[str, date] = field(default_factory=dict)
    links: WhoKnowsWhom = field(default_factory=WhoKnowsWhom)  # who knows whom, who introduced whom

    def with_changes(self, **changes: Any) -> Workbook:
        return dataclasses.replace(self, **changes)

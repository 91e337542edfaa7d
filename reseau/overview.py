"""The method at a glance, as the home page tells it: circles with their roles, the quadrants."""

from __future__ import annotations

from dataclasses import dataclass

from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.vocabulary import QUADRANT_PRIORITY, Circle, roles_of


@dataclass(frozen=True)
class CircleSummary:
    title: str
    purpose: str
    roles: tuple[str, ...]


def circle_summaries(lang: Lang) -> list[CircleSummary]:
    return [
        CircleSummary(
            t(circle.label_key, lang),
            t(f"circle.{circle.value}.help", lang),
            tuple(t(role.label_key, lang) for role in roles_of(circle, with_other=False)),
        )
        for circle in Circle
    ]


def quadrant_lines(lang: Lang) -> list[tuple[str, str]]:
    return [(t(q.label_key, lang), t(q.help_key, lang)) for q in QUADRANT_PRIORITY]


def qualified_count(network: Network) -> int:
    return sum(1 for contact in network if contact.is_qualified)

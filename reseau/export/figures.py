"""The key figures of a network, as the Excel synthesis shows them and its charts draw them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from reseau.contact import SCALE_FIELDS
from reseau.network import Network
from reseau.plan import Plan, PlanSummary
from reseau.scoring import Score
from reseau.vocabulary import QUADRANT_PRIORITY, Circle, Quadrant

# The criteria the radar compares between circles: the five 1-5 scales, in the method's order.
RADAR_CRITERIA: tuple[str, ...] = tuple(SCALE_FIELDS)


@dataclass(frozen=True)
class CircleFigures:
    """How many contacts a circle holds and how many of them are qualified."""

    circle: Circle | None
    contacts: int
    qualified: int
    actions: int


@dataclass(frozen=True)
class KeyFigures:
    """What a manager reads first: sizes, progress, where contacts stand, what is due."""

    today: date
    contacts: int
    qualified: int
    by_circle: tuple[CircleFigures, ...]
    by_quadrant: tuple[tuple[Quadrant | None, int], ...]
    criteria: Mapping[Circle, Mapping[str, float | None]]
    plan: PlanSummary

    @property
    def qualified_share(self) -> float:
        return self.qualified / self.contacts if self.contacts else 0.0


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def key_figures(network: Network, scores: Mapping[str, Score], plan: Plan) -> KeyFigures:
    by_circle = []
    for circle in (*Circle, None):
        members = [c for c in network if c.circle is circle]
        if circle is None and not members:
            continue
        by_circle.append(
            CircleFigures(
                circle,
                len(members),
                sum(c.is_qualified for c in members),
                sum(c.has_action for c in members),
            )
        )
    quadrants = [None if s is None else s.quadrant for s in (scores.get(c.id) for c in network)]
    by_quadrant: list[tuple[Quadrant | None, int]] = [
        (q, quadrants.count(q)) for q in QUADRANT_PRIORITY
    ]
    if None in quadrants:
        by_quadrant.append((None, quadrants.count(None)))
    criteria = {
        circle: {
            name: _mean([v for c in network.in_circle(circle) if (v := getattr(c, name))])
            for name in RADAR_CRITERIA
        }
        for circle in Circle
    }
    return KeyFigures(
        today=plan.today,
        contacts=len(network),
        qualified=sum(c.is_qualified for c in network),
        by_circle=tuple(by_circle),
        by_quadrant=tuple(by_quadrant),
        criteria=criteria,
        plan=plan.summary(),
    )

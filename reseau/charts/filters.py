"""What the charts show: one filter on circles, roles, quadrants and qualification for all."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reseau.contact import Contact
from reseau.network import Network
from reseau.scoring import Score
from reseau.vocabulary import Circle, Quadrant, Role


@dataclass(frozen=True)
class ChartFilter:
    """An empty set keeps everything of its kind; a contact must pass every part."""

    circles: frozenset[Circle] = frozenset()
    roles: frozenset[Role] = frozenset()
    quadrants: frozenset[Quadrant] = frozenset()
    qualified_only: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "circles", frozenset(Circle(c) for c in self.circles))
        object.__setattr__(self, "roles", frozenset(Role(r) for r in self.roles))
        object.__setattr__(self, "quadrants", frozenset(Quadrant(q) for q in self.quadrants))

    @classmethod
    def of(
        cls,
        circles: Iterable[Circle] = (),
        roles: Iterable[Role] = (),
        quadrants: Iterable[Quadrant] = (),
        qualified_only: bool = False,
    ) -> ChartFilter:
        return cls(frozenset(circles), frozenset(roles), frozenset(quadrants), qualified_only)

    @property
    def is_active(self) -> bool:
        return bool(self.circles or self.roles or self.quadrants or self.qualified_only)

    def keeps(self, contact: Contact, score: Score | None) -> bool:
        quadrant = None if score is None else score.quadrant
        if self.circles and contact.circle not in self.circles:
            return False
        if self.roles and contact.role not in self.roles:
            return False
        if self.quadrants and quadrant not in self.quadrants:
            return False
        return not (self.qualified_only and not contact.is_qualified)

    def apply(self, network: Network, scores: Mapping[str, Score]) -> tuple[Contact, ...]:
        """The contacts this filter keeps, in the network's order."""
        return tuple(c for c in network if self.keeps(c, scores.get(c.id)))

    def shows_circle(self, circle: Circle) -> bool:
        return not self.circles or circle in self.circles

    def shows_role(self, role: Role) -> bool:
        return not self.roles or role in self.roles


NO_FILTER = ChartFilter()

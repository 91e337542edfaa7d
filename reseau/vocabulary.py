"""The method's vocabulary: circles, roles, criteria scales, quadrants, each with a stable code.

Codes are what the program stores and compares; labels (French and English) live in the
catalogue (`reseau.i18n`) under keys derived from these codes, so the vocabulary and the
words a participant reads never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Term(StrEnum):
    """A vocabulary code whose label sits in the catalogue under `label_key`."""

    @property
    def label_key(self) -> str:
        raise NotImplementedError


class Circle(Term):
    """One of the three networks of the method (« les trois réseaux »)."""

    INFORMATION = "information"
    SUPPORT = "support"
    OPERATIONAL = "operational"

    @property
    def label_key(self) -> str:
        return f"circle.{self.value}"


class Role(Term):
    """A role inside a circle; OTHER is allowed in every circle with a free-text description."""

    PEER = "peer"
    CLUB_MEMBER = "club_member"
    CONSULTANT = "consultant"
    ONLINE_EXPERT = "online_expert"
    SPONSOR = "sponsor"
    FORMER_MANAGER = "former_manager"
    FORMER_COLLEAGUE = "former_colleague"
    HELPED_TEAM_MEMBER = "helped_team_member"
    LENDING_MANAGER = "lending_manager"
    SATISFIED_CLIENT = "satisfied_client"
    BENEFICIARY = "beneficiary"
    OTHER = "other"

    @property
    def label_key(self) -> str:
        return f"role.{self.value}"

    @property
    def help_key(self) -> str:
        return f"role.{self.value}.help"

    @property
    def prompt_key(self) -> str:
        return f"role.{self.value}.prompt"


ROLES_BY_CIRCLE: dict[Circle, tuple[Role, ...]] = {
    Circle.INFORMATION: (Role.PEER, Role.CLUB_MEMBER, Role.CONSULTANT, Role.ONLINE_EXPERT),
    Circle.SUPPORT: (
        Role.SPONSOR,
        Role.FORMER_MANAGER,
        Role.FORMER_COLLEAGUE,
        Role.HELPED_TEAM_MEMBER,
    ),
    Circle.OPERATIONAL: (Role.LENDING_MANAGER, Role.SATISFIED_CLIENT, Role.BENEFICIARY),
}


def roles_of(circle: Circle, *, with_other: bool = True) -> tuple[Role, ...]:
    """The roles a contact of this circle may hold, in the method's order."""
    roles = ROLES_BY_CIRCLE[circle]
    return (*roles, Role.OTHER) if with_other else roles


def circle_of(role: Role) -> Circle | None:
    """The circle a method role belongs to; None for OTHER, which fits every circle."""
    for circle, roles in ROLES_BY_CIRCLE.items():
        if role in roles:
            return circle
    return None


class Reciprocity(Term):
    """Who gives what in the relationship (criterion 4)."""

    BALANCED = "balanced"
    I_GIVE = "i_give"
    I_RECEIVE = "i_receive"
    NO_EXCHANGE = "no_exchange"

    @property
    def label_key(self) -> str:
        return f"reciprocity.{self.value}"


class ContactNature(Term):
    """How the last contact happened (criterion 2)."""

    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    EVENT = "event"
    MEAL = "meal"
    SOCIAL_NETWORK = "social_network"
    OTHER = "other"

    @property
    def label_key(self) -> str:
        return f"nature.{self.value}"


class ContactResult(Term):
    """How the last contact went (criterion 2)."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"
    NO_FOLLOW_UP = "no_follow_up"

    @property
    def label_key(self) -> str:
        return f"result.{self.value}"


class ValueKind(Term):
    """What a person can bring to the mission (criterion 5)."""

    INFORMATION = "information"
    SUPPORT = "support"
    OPERATIONAL = "operational"

    @property
    def label_key(self) -> str:
        return f"value_kind.{self.value}"


class ActionStatus(Term):
    """Where the first action stands (criterion 7)."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label_key(self) -> str:
        return f"status.{self.value}"


class Quadrant(Term):
    """Where potential and strength place a contact, each with its kind of first action."""

    DEVELOP = "develop"
    MOBILISE = "mobilise"
    MAINTAIN = "maintain"
    WATCH = "watch"

    @property
    def label_key(self) -> str:
        return f"quadrant.{self.value}"

    @property
    def help_key(self) -> str:
        return f"quadrant.{self.value}.help"


# Développer comes first: high potential held back by a weak relationship is where the
# method says to invest now.
QUADRANT_PRIORITY: tuple[Quadrant, ...] = (
    Quadrant.DEVELOP,
    Quadrant.MOBILISE,
    Quadrant.MAINTAIN,
    Quadrant.WATCH,
)


@dataclass(frozen=True)
class Scale:
    """A 1-to-5 criterion scale; each point has an anchored description in the catalogue."""

    code: str
    low: int = 1
    high: int = 5

    @property
    def label_key(self) -> str:
        return f"criterion.{self.code}"

    @property
    def help_key(self) -> str:
        return f"criterion.{self.code}.help"

    def anchor_key(self, point: int) -> str:
        return f"criterion.{self.code}.{point}"

    @property
    def points(self) -> range:
        return range(self.low, self.high + 1)

    def contains(self, value: int) -> bool:
        return self.low <= value <= self.high


FREQUENCY = Scale("frequency")
TRUST = Scale("trust")
ADDED_VALUE = Scale("added_value")
INTEREST = Scale("interest")
POWER = Scale("power")

SCALES: tuple[Scale, ...] = (FREQUENCY, TRUST, ADDED_VALUE, INTEREST, POWER)

# The seven criteria of METHOD.md, in the order the workbook asks them.
CRITERIA: tuple[str, ...] = (
    "frequency",
    "last_contact",
    "trust",
    "reciprocity",
    "added_value",
    "interest_power",
    "first_action",
)

# The five marks of a network (METHOD.md), self-assessed per circle on the same 1-5 scale.
FIVE_MARKS: tuple[str, ...] = ("purpose", "membership", "trust", "reach", "occasions")

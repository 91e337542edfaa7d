"""A contact: who the person is, their place in the three circles, how the relationship stands."""

from __future__ import annotations

import dataclasses
import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reseau.errors import (
    ContactHasNoName,
    RoleNotInCircle,
    RoleWithoutCircle,
    ScoreOutOfScale,
    TextTooLong,
)
from reseau.text import clean_text
from reseau.vocabulary import (
    ADDED_VALUE,
    FREQUENCY,
    INTEREST,
    POWER,
    TRUST,
    ActionStatus,
    Circle,
    ContactNature,
    ContactResult,
    Reciprocity,
    Role,
    Scale,
    ValueKind,
    circle_of,
)

IDENTITY_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "company",
    "job_title",
    "email",
    "phone",
    "notes",
)
SCALE_FIELDS: dict[str, Scale] = {
    "frequency": FREQUENCY,
    "trust": TRUST,
    "added_value": ADDED_VALUE,
    "interest": INTEREST,
    "power": POWER,
}
# What scoring cannot do without: the rest of the qualification refines it when present.
REQUIRED_FOR_QUALIFIED: tuple[str, ...] = (
    "circle",
    "role",
    "frequency",
    "trust",
    "added_value",
    "interest",
    "power",
)
SHORT_TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 5000
_LONG_TEXT_FIELDS = ("notes", "last_contact_note", "action_text")


def new_contact_id() -> str:
    """A stable, random identifier; it never changes when the contact is edited."""
    return secrets.token_hex(8)


@dataclass(frozen=True)
class Contact:
    """One person of the participant's network, validated on construction."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    job_title: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    circle: Circle | None = None
    role: Role | None = None
    role_other: str = ""
    frequency: int | None = None
    last_contact_nature: ContactNature | None = None
    last_contact_date: date | None = None
    last_contact_result: ContactResult | None = None
    last_contact_note: str = ""
    trust: int | None = None
    reciprocity: Reciprocity | None = None
    value_kinds: frozenset[ValueKind] = field(default_factory=frozenset)
    added_value: int | None = None
    interest: int | None = None
    power: int | None = None
    action_text: str = ""
    action_due: date | None = None
    action_status: ActionStatus = ActionStatus.TODO
    id: str = field(default_factory=new_contact_id)

    def __post_init__(self) -> None:
        for name in (*IDENTITY_FIELDS, "role_other", "last_contact_note", "action_text"):
            value = getattr(self, name)
            text = clean_text(value).strip()
            limit = LONG_TEXT_LIMIT if name in _LONG_TEXT_FIELDS else SHORT_TEXT_LIMIT
            if len(text) > limit:
                raise TextTooLong(field=name, limit=limit)
            object.__setattr__(self, name, text)
        if not (self.first_name or self.last_name):
            raise ContactHasNoName()
        object.__setattr__(self, "value_kinds", frozenset(self.value_kinds))
        for name, scale in SCALE_FIELDS.items():
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not scale.contains(value)):
                raise ScoreOutOfScale(field=name, value=value, low=scale.low, high=scale.high)
        if self.role is not None:
            if self.circle is None:
                raise RoleWithoutCircle(role=self.role.value)
            home = circle_of(self.role)
            if home is not None and home is not self.circle:
                raise RoleNotInCircle(role=self.role.value, circle=self.circle.value)

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def is_sorted(self) -> bool:
        """Placed in a circle and a role."""
        return self.circle is not None and self.role is not None

    @property
    def missing_for_qualification(self) -> tuple[str, ...]:
        """The criteria still needed before this contact can be scored, in the method's order."""
        return tuple(name for name in REQUIRED_FOR_QUALIFIED if getattr(self, name) is None)

    @property
    def is_qualified(self) -> bool:
        return not self.missing_for_qualification

    @property
    def has_action(self) -> bool:
        return bool(self.action_text)

    def with_changes(self, **changes: Any) -> Contact:
        """A copy with some fields changed, validated again; the id stays the same."""
        changes.pop("id", None)
        return dataclasses.replace(self, **changes)


CONTACT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Contact))

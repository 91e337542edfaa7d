"""A contact: who the person is, their place in the three circles, how the relationship stands."""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reseau import vocabulary as vocab
from reseau.contact_fields import FIELDS, FieldKind, names
from reseau.contact_fields import LONG_TEXT_LIMIT as LONG_TEXT_LIMIT
from reseau.contact_fields import SHORT_TEXT_LIMIT as SHORT_TEXT_LIMIT
from reseau.errors import (
    ContactHasNoName,
    RoleNotInCircle,
    RoleWithoutCircle,
    ScoreOutOfScale,
    TextTooLong,
)
from reseau.text import clean_text

IDENTITY_FIELDS: tuple[str, ...] = names(identity=True)
SCALE_FIELDS: dict[str, vocab.Scale] = {
    spec.name: spec.scale for spec in FIELDS if spec.scale is not None
}
# What scoring cannot do without: the rest of the qualification refines it when present.
REQUIRED_FOR_QUALIFIED: tuple[str, ...] = names(needed_to_score=True)


# Built once from the declarations: a contact is checked on every change and every import row.
_TEXT_LIMITS: tuple[tuple[str, int], ...] = tuple(
    (spec.name, spec.limit) for spec in FIELDS if spec.limit is not None
)
_SETS: tuple[str, ...] = names(kind=FieldKind.CHOICES)
_SCALES: tuple[tuple[str, vocab.Scale], ...] = tuple(SCALE_FIELDS.items())


def new_contact_id() -> str:
    """A stable, random identifier; it never changes when the contact is edited."""
    return secrets.token_hex(8)


def _with_declared_fields(cls: type) -> type:
    """Gives the class a field for every declared contact field it does not type itself.

    The typed attributes below are there for code that reads a field by name; a field only
    shown, edited, stored and imported through its declaration needs none, and is stored after
    them (so the stored JSON of the fields below keeps its order).
    """
    annotations = cls.__annotations__
    for spec in FIELDS:
        if spec.name not in annotations:
            annotations[spec.name] = "Any"
            empty = spec.empty
            setattr(cls, spec.name, field(default_factory=_always(empty)))
    return cls


def _always(value: Any) -> Callable[[], Any]:
    """A default factory for a field's empty value (each field binds its own)."""
    return lambda: value


@dataclass(frozen=True)
@_with_declared_fields
class Contact:
    """One person of the participant's network, validated on construction from the fields'
    declarations (`reseau.contact_fields`)."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    job_title: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    circle: vocab.Circle | None = None
    role: vocab.Role | None = None
    role_other: str = ""
    frequency: int | None = None
    last_contact_nature: vocab.ContactNature | None = None
    last_contact_date: date | None = None
    last_contact_result: vocab.ContactResult | None = None
    last_contact_note: str = ""
    trust: int | None = None
    reciprocity: vocab.Reciprocity | None = None
    value_kinds: frozenset[vocab.ValueKind] = field(default_factory=frozenset)
    added_value: int | None = None
    interest: int | None = None
    power: int | None = None
    action_text: str = ""
    action_due: date | None = None
    action_status: vocab.ActionStatus = vocab.ActionStatus.TODO
    id: str = field(default_factory=new_contact_id)

    def __post_init__(self) -> None:
        for name, limit in _TEXT_LIMITS:
            text = clean_text(getattr(self, name)).strip()
            if len(text) > limit:
                raise TextTooLong(field=name, limit=limit)
            object.__setattr__(self, name, text)
        if not (self.first_name or self.last_name):
            raise ContactHasNoName()
        for name in _SETS:
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        for name, scale in _SCALES:
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not scale.contains(value)):
                raise ScoreOutOfScale(field=name, value=value, low=scale.low, high=scale.high)
        if self.role is not None:
            if self.circle is None:
                raise RoleWithoutCircle(role=self.role.value)
            home = vocab.circle_of(self.role)
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


# The contact's fields in the order the store writes them (the typed ones first).
CONTACT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Contact))

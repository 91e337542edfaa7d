"""The participant's network: their contacts, plus the few facts about them the workbook keeps."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from reseau.contact import Contact
from reseau.errors import ContactNotFound, ScoreOutOfScale
from reseau.text import clean_text
from reseau.vocabulary import FIVE_MARKS, Circle

MarksByCircle = Mapping[Circle, Mapping[str, int]]


def _freeze_marks(marks: MarksByCircle) -> MarksByCircle:
    frozen: dict[Circle, Mapping[str, int]] = {}
    for circle, scores in marks.items():
        checked: dict[str, int] = {}
        for mark, value in scores.items():
            if mark not in FIVE_MARKS:
                continue
            if not 1 <= int(value) <= 5:
                raise ScoreOutOfScale(field=mark, value=value, low=1, high=5)
            checked[mark] = int(value)
        frozen[Circle(circle)] = MappingProxyType(checked)
    return MappingProxyType(frozen)


@dataclass(frozen=True)
class Network:
    """An immutable network: every change returns a new one, so a change is one clear step."""

    contacts: tuple[Contact, ...] = ()
    participant: str = ""
    mission: str = ""
    marks: MarksByCircle = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "contacts", tuple(self.contacts))
        object.__setattr__(self, "participant", clean_text(self.participant).strip())
        object.__setattr__(self, "mission", clean_text(self.mission).strip())
        object.__setattr__(self, "marks", _freeze_marks(self.marks))

    @cached_property
    def _by_id(self) -> dict[str, Contact]:
        return {contact.id: contact for contact in self.contacts}

    def __len__(self) -> int:
        return len(self.contacts)

    def __iter__(self) -> Iterator[Contact]:
        return iter(self.contacts)

    def __contains__(self, contact_id: object) -> bool:
        return contact_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(contact.id for contact in self.contacts)

    def get(self, contact_id: str) -> Contact:
        try:
            return self._by_id[contact_id]
        except KeyError:
            raise ContactNotFound(contact_id=contact_id) from None

    def add(self, *contacts: Contact) -> Network:
        return dataclasses.replace(self, contacts=(*self.contacts, *contacts))

    def add_all(self, contacts: Iterable[Contact]) -> Network:
        return self.add(*contacts)

    def replace(self, contact: Contact) -> Network:
        """The network with the contact of the same id replaced by this one."""
        self.get(contact.id)
        return dataclasses.replace(
            self, contacts=tuple(contact if c.id == contact.id else c for c in self.contacts)
        )

    def update(self, contact_id: str, **changes: Any) -> Network:
        return self.replace(self.get(contact_id).with_changes(**changes))

    def remove(self, contact_id: str) -> Network:
        self.get(contact_id)
        return dataclasses.replace(
            self, contacts=tuple(c for c in self.contacts if c.id != contact_id)
        )

    def with_details(
        self, *, participant: str | None = None, mission: str | None = None
    ) -> Network:
        return dataclasses.replace(
            self,
            participant=self.participant if participant is None else participant,
            mission=self.mission if mission is None else mission,
        )

    def with_marks(self, circle: Circle, marks: Mapping[str, int]) -> Network:
        updated = dict(self.marks)
        updated[circle] = dict(marks)
        return dataclasses.replace(self, marks=updated)

    def in_circle(self, circle: Circle) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.circle is circle)

"""Who knows whom among the participant's contacts, and who introduced each contact to them.

Both are optional. A pair nobody has answered for is *unknown*, which is not the same as two
people who do not know each other: the network's shape is measured on the answered pairs only.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Acquaintance(StrEnum):
    """What the participant says about two of their contacts."""

    KNOW = "know"  # they know each other
    STRANGERS = "strangers"  # they do not know each other


class IntroducedBy(StrEnum):
    """How a contact came into the participant's network (« Qui vous l'a présenté ? »)."""

    SELF = "self"  # the participant met them without anyone's help
    CONTACT = "contact"  # a contact of the network introduced them
    EVENT = "event"
    ORGANISATION = "organisation"


@dataclass(frozen=True)
class Introduction:
    """Who or what introduced a contact; `contact_id` names the introducer when it is a contact."""

    by: IntroducedBy
    contact_id: str | None = None

    def __post_init__(self) -> None:
        if self.by is not IntroducedBy.CONTACT and self.contact_id is not None:
            raise ValueError("only an introduction by a contact names a contact")


Pair = tuple[str, str]


def pair(a: str, b: str) -> Pair:
    """The pair of two distinct contacts, in one order whatever order they were named in."""
    if a == b:
        raise ValueError("a contact is not paired with themself")
    return (a, b) if a < b else (b, a)


@dataclass(frozen=True)
class WhoKnowsWhom:
    """The answered pairs of contacts and the contacts' introductions; empty until asked."""

    pairs: Mapping[Pair, Acquaintance] = field(default_factory=dict)
    introductions: Mapping[str, Introduction] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for a, b in self.pairs:
            if pair(a, b) != (a, b):
                raise ValueError(f"pair {a!r}, {b!r} is not in order")
        for contact_id, introduction in self.introductions.items():
            if introduction.contact_id == contact_id:
                raise ValueError("a contact does not introduce themself")
        # Own copies, so a caller's later change to its dict cannot change a saved workbook.
        object.__setattr__(self, "pairs", dict(self.pairs))
        object.__setattr__(self, "introductions", dict(self.introductions))

    @property
    def is_empty(self) -> bool:
        return not self.pairs and not self.introductions

    def between(self, a: str, b: str) -> Acquaintance | None:
        """What is known about two contacts; None when nobody has said."""
        return self.pairs.get(pair(a, b))

    def known_by(self, contact_id: str) -> frozenset[str]:
        """The contacts said to know this one."""
        return frozenset(
            b if a == contact_id else a
            for (a, b), state in self.pairs.items()
            if state is Acquaintance.KNOW and contact_id in (a, b)
        )

    def answered_for(self, contact_id: str) -> frozenset[str]:
        """The contacts for whom the pair with this one has an answer, either way."""
        return frozenset(b if a == contact_id else a for a, b in self.pairs if contact_id in (a, b))

    def with_pair(self, a: str, b: str, state: Acquaintance | None) -> WhoKnowsWhom:
        """These links with one pair answered, or back to unknown with None."""
        pairs = dict(self.pairs)
        if state is None:
            pairs.pop(pair(a, b), None)
        else:
            pairs[pair(a, b)] = Acquaintance(state)
        return WhoKnowsWhom(pairs, self.introductions)

    def with_known_by(self, contact_id: str, others: Iterable[str]) -> WhoKnowsWhom:
        """These links after a « connaît aussi… » answer: the named know this contact.

        Pairs with this contact that were said to know each other and are no longer named go
        back to unknown, not to « ne se connaissent pas »: leaving a name out is not an answer.
        """
        named = set(others) - {contact_id}
        pairs = {
            key: state
            for key, state in self.pairs.items()
            if not (contact_id in key and state is Acquaintance.KNOW)
        }
        for other in named:
            pairs[pair(contact_id, other)] = Acquaintance.KNOW
        return WhoKnowsWhom(pairs, self.introductions)

    def introduction(self, contact_id: str) -> Introduction | None:
        return self.introductions.get(contact_id)

    def with_introduction(self, contact_id: str, introduction: Introduction | None) -> WhoKnowsWhom:
        introductions = dict(self.introductions)
        if introduction is None:
            introductions.pop(contact_id, None)
        else:
            introductions[contact_id] = introduction
        return WhoKnowsWhom(self.pairs, introductions)

    def restricted_to(self, contact_ids: Iterable[str]) -> WhoKnowsWhom:
        """These links without the contacts no longer in the network (removed, merged)."""
        kept = set(contact_ids)
        pairs = {key: state for key, state in self.pairs.items() if set(key) <= kept}
        introductions = {
            contact_id: (
                introduction
                if introduction.contact_id is None or introduction.contact_id in kept
                else Introduction(IntroducedBy.CONTACT)
            )
            for contact_id, introduction in self.introductions.items()
            if contact_id in kept
        }
        if pairs == self.pairs and introductions == self.introductions:
            return self
        return WhoKnowsWhom(pairs, introductions)


NO_LINKS = WhoKnowsWhom()


def links_to_dict(links: WhoKnowsWhom) -> dict[str, Any]:
    """The links as the workbook schema's JSON-able data, in a stable order."""
    introductions: dict[str, dict[str, str]] = {}
    for contact_id, introduction in sorted(links.introductions.items()):
        data = {"by": introduction.by.value}
        if introduction.contact_id is not None:
            data["contact"] = introduction.contact_id
        introductions[contact_id] = data
    return {
        "pairs": [[a, b, state.value] for (a, b), state in sorted(links.pairs.items())],
        "introductions": introductions,
    }


def checked_links(value: object, known: Container[str] | None, dropped: list[str]) -> WhoKnowsWhom:
    """The saved links, each pair and introduction checked; what cannot be used is named.

    `known`, when given, are the document's contact ids: a link to anyone else is left out.
    """
    if value is None:
        return NO_LINKS
    if not isinstance(value, Mapping):
        dropped.append("links")
        return NO_LINKS

    def is_known(contact_id: object) -> bool:
        return isinstance(contact_id, str) and (known is None or contact_id in known)

    pairs: dict[Pair, Acquaintance] = {}
    saved_pairs = value.get("pairs", [])
    for index, item in enumerate(saved_pairs if isinstance(saved_pairs, list) else ()):
        try:
            a, b, state = item
            if not (is_known(a) and is_known(b)):
                raise ValueError(item)
            pairs[pair(a, b)] = Acquaintance(state)
        except (ValueError, TypeError):
            dropped.append(f"links.pairs[{index}]")
    if not isinstance(saved_pairs, list):
        dropped.append("links.pairs")
    introductions: dict[str, Introduction] = {}
    saved = value.get("introductions", {})
    for contact_id, item in saved.items() if isinstance(saved, Mapping) else ():
        try:
            if not is_known(contact_id) or not isinstance(item, Mapping):
                raise ValueError(contact_id)
            by = item.get("by")
            if not isinstance(by, str):
                raise ValueError(contact_id)
            introducer = item.get("contact")
            if introducer is not None and (not is_known(introducer) or introducer == contact_id):
                introducer = None  # the introducer left the network: still « by a contact »
            introductions[contact_id] = Introduction(IntroducedBy(by), introducer)
        except (ValueError, TypeError):
            dropped.append(f"links.introductions.{contact_id}")
    if not isinstance(saved, Mapping):
        dropped.append("links.introductions")
    return WhoKnowsWhom(pairs, introductions)


def relinked(links: WhoKnowsWhom, renamed: Mapping[str, str]) -> WhoKnowsWhom:
    """These links after contacts were merged into others (`renamed`: merged id -> kept id).

    The kept contact takes the merged one's answers. Where both had answered the same pair
    differently, « se connaissent » wins (someone knew them together); a pair that becomes a
    contact with themself is dropped; the kept contact's own introduction wins over the merged
    one's.
    """
    if not renamed or links.is_empty:
        return links

    def kept(contact_id: str) -> str:
        return renamed.get(contact_id, contact_id)

    pairs: dict[Pair, Acquaintance] = {}
    for (a, b), state in links.pairs.items():
        if kept(a) == kept(b):
            continue
        key = pair(kept(a), kept(b))
        if pairs.get(key) is not Acquaintance.KNOW:
            pairs[key] = state
    introductions: dict[str, Introduction] = {}
    for contact_id, introduction in sorted(
        links.introductions.items(), key=lambda item: item[0] in renamed
    ):
        target = kept(contact_id)
        if target in introductions:
            continue  # the kept contact's own answer came first
        introducer = introduction.contact_id
        if introducer is not None:
            introducer = kept(introducer)
            if introducer == target:
                introducer = None
        introductions[target] = Introduction(introduction.by, introducer)
    return WhoKnowsWhom(pairs, introductions)

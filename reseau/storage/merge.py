"""Three-way merge of two edits of one workbook: two tabs saving from the same version.

`base` is the workbook a session loaded (or last saved), `mine` that session's changed workbook,
`theirs` the newer one another tab stored meanwhile. Each field of the workbook, of the network
and of every contact is merged on its own: a field only one side changed takes that side's value;
a field both changed to different values is a collision, and the stored value (`theirs`) is kept,
since the other tab's participant has already seen it saved.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeVar

from reseau.acquaintances import WhoKnowsWhom
from reseau.contact import Contact
from reseau.errors import ReseauError
from reseau.network import Network
from reseau.workbook import Workbook

T = TypeVar("T")

# Where each tab stands is not shared data: the session's own position wins, never a collision.
_PER_TAB_FIELDS = frozenset({"cursor"})


@dataclass(frozen=True)
class Merge:
    """The merged workbook and the places where both edits collided (stored value kept)."""

    workbook: Workbook
    collisions: tuple[str, ...] = ()

    @property
    def collided(self) -> bool:
        return bool(self.collisions)


def _pick(base: T, mine: T, theirs: T, where: str, collisions: list[str]) -> T:
    if mine in (base, theirs):
        return theirs
    if theirs == base:
        return mine
    collisions.append(where)
    return theirs


def _merge_marks(base: Network, mine: Network, theirs: Network, collisions: list[str]) -> Any:
    circles = list(dict.fromkeys([*theirs.marks, *mine.marks, *base.marks]))
    merged = {}
    for circle in circles:
        value = _pick(
            base.marks.get(circle),
            mine.marks.get(circle),
            theirs.marks.get(circle),
            f"marks.{circle.value}",
            collisions,
        )
        if value is not None:
            merged[circle] = dict(value)
    return merged


def _merge_contact(base: Contact, mine: Contact, theirs: Contact, collisions: list[str]) -> Contact:
    found: list[str] = []
    changes = {}
    for spec in dataclasses.fields(Contact):
        name = spec.name
        value = _pick(getattr(base, name), getattr(mine, name), getattr(theirs, name), name, found)
        if value != getattr(theirs, name):
            changes[name] = value
    collisions.extend(f"contact.{theirs.id}.{name}" for name in found)
    if not changes:
        return theirs
    try:
        return dataclasses.replace(theirs, **changes)
    except (ReseauError, ValueError, TypeError):
        # The fields mix into a contact that is not valid (say a role outside the circle the
        # other tab chose): the two edits collide as a whole, and the stored contact stays.
        collisions.append(f"contact.{theirs.id}")
        return theirs


def _merge_contacts(
    base: Network, mine: Network, theirs: Network, collisions: list[str]
) -> tuple[Contact, ...]:
    merged: list[Contact] = []
    for contact in theirs.contacts:
        if contact.id not in base:
            merged.append(contact)  # added by the other tab
            continue
        original = base.get(contact.id)
        if contact.id not in mine:
            if contact != original:
                collisions.append(f"contact.{contact.id}")  # removed here, edited there
                merged.append(contact)
            continue  # removed here, untouched there
        merged.append(_merge_contact(original, mine.get(contact.id), contact, collisions))
    for contact in mine.contacts:
        if contact.id in base or contact.id in theirs:
            if contact.id in base and contact.id not in theirs and contact != base.get(contact.id):
                collisions.append(f"contact.{contact.id}")  # edited here, removed there
            continue
        merged.append(contact)  # added by this tab
    return tuple(merged)


def _merge_keyed(
    base: Any, mine: Any, theirs: Any, where: str, collisions: list[str]
) -> dict[Any, Any]:
    """Two edits of a mapping merged key by key; an absent key is a value (None) like any other."""
    merged = {}
    for key in dict.fromkeys([*theirs, *mine, *base]):
        name = ".".join(key) if isinstance(key, tuple) else key
        value = _pick(base.get(key), mine.get(key), theirs.get(key), f"{where}.{name}", collisions)
        if value is not None:
            merged[key] = value
    return merged


def _merge_per_contact(
    base: Any, mine: Any, theirs: Any, where: str, network: Network, collisions: list[str]
) -> dict[str, Any]:
    """A per-contact mapping merged contact by contact, kept only for contacts still there."""
    merged = _merge_keyed(base, mine, theirs, where, collisions)
    return {contact_id: value for contact_id, value in merged.items() if contact_id in network}


def _merge_links(
    base: Workbook, mine: Workbook, theirs: Workbook, network: Network, collisions: list[str]
) -> WhoKnowsWhom:
    """Who knows whom merged per pair and per introduction, not as a whole.

    One tab answering « Ana connaît Marc » while the other answers who introduced Lucie keeps
    both answers; only the same pair (or the same contact's introduction) answered differently
    collides. Links to a contact that one of the tabs removed go with the contact.
    """
    if mine.links == base.links:
        return theirs.links.restricted_to(network.ids)
    if theirs.links == base.links:
        return mine.links.restricted_to(network.ids)
    pairs = _merge_keyed(
        base.links.pairs, mine.links.pairs, theirs.links.pairs, "links.pair", collisions
    )
    introductions = _merge_keyed(
        base.links.introductions,
        mine.links.introductions,
        theirs.links.introductions,
        "links.introduction",
        collisions,
    )
    return WhoKnowsWhom(pairs, introductions).restricted_to(network.ids)


def merge_workbooks(base: Workbook, mine: Workbook, theirs: Workbook) -> Merge:
    """The two edits together, field by field; collisions keep the stored value (`theirs`)."""
    collisions: list[str] = []
    network = Network(
        contacts=_merge_contacts(base.network, mine.network, theirs.network, collisions),
        participant=_pick(
            base.network.participant,
            mine.network.participant,
            theirs.network.participant,
            "participant",
            collisions,
        ),
        mission=_pick(
            base.network.mission,
            mine.network.mission,
            theirs.network.mission,
            "mission",
            collisions,
        ),
        marks=_merge_marks(base.network, mine.network, theirs.network, collisions),
    )
    changes: dict[str, Any] = {
        "network": network,
        "links": _merge_links(base, mine, theirs, network, collisions),
        # Per contact: two tabs marking different actions done (or setting different
        # contacts' rhythm, or « Inchangé ») keep both answers.
        "actions_done": _merge_per_contact(
            base.actions_done,
            mine.actions_done,
            theirs.actions_done,
            "actions_done",
            network,
            collisions,
        ),
        "cadences": _merge_per_contact(
            base.cadences, mine.cadences, theirs.cadences, "cadences", network, collisions
        ),
        "unchanged": frozenset(
            _merge_per_contact(
                dict.fromkeys(base.unchanged, True),
                dict.fromkeys(mine.unchanged, True),
                dict.fromkeys(theirs.unchanged, True),
                "unchanged",
                network,
                collisions,
            )
        ),
    }
    for spec in dataclasses.fields(Workbook):
        name = spec.name
        if name in changes:
            continue
        if name in _PER_TAB_FIELDS:
            changes[name] = getattr(mine, name)
            continue
        changes[name] = _pick(
            getattr(base, name), getattr(mine, name), getattr(theirs, name), name, collisions
        )
    if changes["cursor"] is not None and changes["cursor"] not in network:
        changes["cursor"] = None
    return Merge(dataclasses.replace(theirs, **changes), tuple(collisions))

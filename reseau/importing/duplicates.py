"""Finding the same person twice, without ever merging two different people who share a name.

Two contacts are the same person when their names match once case, accents, spaces and
punctuation are ignored (`Éloïse DUPRÉ-MÉNARD` = `eloise dupre menard`) AND something else
confirms it: the same e-mail address, the same company, or (for the app's own export) the same
identifier. Two "Marie Martin" at different companies with different e-mails stay two contacts.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reseau.contact import CONTACT_FIELDS, Contact, new_contact_id
from reseau.contact_fields import field_spec
from reseau.errors import ReseauError
from reseau.method_values import fold
from reseau.network import Network

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_NOT_WORD = re.compile(r"[\W_]+")
# Letters that Unicode does not decompose but people type both ways: Dubœuf and Duboeuf.
_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d"}
)


def _fold_name(text: str) -> str:
    # Like method_values.fold, but keeps letters of every script: 王 is not "".
    plain = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_LIGATURES)))
    return _NOT_WORD.sub("", plain.casefold())


def name_key(contact: Contact) -> str:
    """The name with case, accents, spaces and punctuation ignored; "" for no usable name."""
    first, last = _fold_name(contact.first_name), _fold_name(contact.last_name)
    return f"{first}|{last}" if first or last else ""


def _email(contact: Contact) -> str:
    # A cell saying there is no address ("null", "n/a", "-") confirms nothing.
    email = contact.email.strip().casefold()
    return email if "@" in email else ""


def same_person(a: Contact, b: Contact) -> bool:
    """Same name, confirmed by the same e-mail, company or identifier."""
    key = name_key(a)
    return bool(key) and key == name_key(b) and _confirmed(a, b)


def _confirmed(a: Contact, b: Contact) -> bool:
    if _email(a) and _email(a) == _email(b):
        return True
    company = fold(a.company.translate(_LIGATURES))
    if company and company == fold(b.company.translate(_LIGATURES)):
        return True
    return a.id == b.id


def merge_into(kept: Contact, other: Contact) -> Contact:
    """`kept`, with its empty fields filled from `other`: what is already there is never lost."""
    changes = {}
    for name in CONTACT_FIELDS:
        if name == "id":
            continue
        mine, theirs = getattr(kept, name), getattr(other, name)
        if _is_empty(mine, name) and not _is_empty(theirs, name):
            changes[name] = theirs
    if not changes:
        return kept
    try:
        return kept.with_changes(**changes)
    except ReseauError:
        # The other's role belongs to another circle: keep the circle and role already chosen.
        changes.pop("role", None)
        changes.pop("circle", None)
        return kept.with_changes(**changes) if changes else kept


def _is_empty(value: object, name: str) -> bool:
    spec = field_spec(name)
    if spec.default is not None:
        return False  # it always has a value (the action's status): the kept contact's stands
    return value is None or value == spec.empty


class _Index:
    """Contacts by folded name, to find a candidate in constant time."""

    def __init__(self) -> None:
        self._by_name: dict[str, list[int]] = {}

    def add(self, key: str, position: int) -> None:
        if key:
            self._by_name.setdefault(key, []).append(position)

    def find(self, key: str, contact: Contact, contacts: Sequence[Contact]) -> int | None:
        for position in self._by_name.get(key, ()) if key else ():
            if _confirmed(contacts[position], contact):
                return position
        return None


@dataclass(frozen=True)
class WithinFile:
    contacts: tuple[Contact, ...]
    rows: tuple[int, ...]  # the file row each kept contact comes from
    merged: tuple[tuple[int, int], ...]  # (row merged, row it was merged into)
    renamed: tuple[tuple[str, str], ...] = ()  # (id of the row merged, id of the contact kept)


def merge_within_file(contacts: Iterable[Contact], rows: Iterable[int]) -> WithinFile:
    """Collapses rows that are the same person; identifiers repeated in the file are renewed."""
    kept: list[Contact] = []
    kept_rows: list[int] = []
    merged: list[tuple[int, int]] = []
    renamed: list[tuple[str, str]] = []
    index = _Index()
    ids: set[str] = set()
    for contact, row in zip(contacts, rows, strict=True):
        key = name_key(contact)
        position = index.find(key, contact, kept)
        if position is not None:
            kept[position] = merge_into(kept[position], contact)
            merged.append((row, kept_rows[position]))
            renamed.append((contact.id, kept[position].id))
            continue
        if contact.id in ids:
            contact = dataclasses.replace(contact, id=new_contact_id())
        ids.add(contact.id)
        index.add(key, len(kept))
        kept.append(contact)
        kept_rows.append(row)
    return WithinFile(tuple(kept), tuple(kept_rows), tuple(merged), tuple(renamed))


@dataclass(frozen=True)
class MergeResult:
    """The network after the import, the contacts added, and (imported, updated) pairs merged."""

    network: Network
    added: tuple[Contact, ...]
    merged: tuple[tuple[Contact, Contact], ...]


def merge_contacts(network: Network, contacts: Iterable[Contact]) -> MergeResult:
    """Adds imported contacts to a network, merging each one that is already there.

    A merged contact keeps its identifier and everything already entered; only its empty fields
    are filled. An imported identifier that another contact already uses is renewed.
    """
    current = list(network.contacts)
    index = _Index()
    for position, contact in enumerate(current):
        index.add(name_key(contact), position)
    ids = set(network.ids)
    added: list[Contact] = []
    merged: list[tuple[Contact, Contact]] = []
    for contact in contacts:
        key = name_key(contact)
        found = index.find(key, contact, current)
        if found is not None:
            updated = merge_into(current[found], contact)
            current[found] = updated
            merged.append((contact, updated))
            continue
        if contact.id in ids:
            contact = dataclasses.replace(contact, id=new_contact_id())
        ids.add(contact.id)
        index.add(key, len(current))
        current.append(contact)
        added.append(contact)
    result = dataclasses.replace(network, contacts=tuple(current))
    return MergeResult(result, tuple(added), tuple(merged))

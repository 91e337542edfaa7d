"""The workbook's one schema: plain JSON-able data, versioned, read back value by value.

The store keeps this document; the Excel save file carries the same document in its hidden
sheet (contacts aside: they stay in the visible Contacts sheet). A document written by an
earlier version is upgraded step by step (`UPGRADES`) before it is read, never refused, and a
value the app cannot use is left out and named, never fatal (`read_workbook`).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reseau.acquaintances import checked_links, links_to_dict
from reseau.assessments import assessment_from_dict, assessment_to_dict
from reseau.cadence import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS
from reseau.contact import CONTACT_FIELDS, Contact
from reseau.contact_fields import FieldKind, FieldSpec, field_spec
from reseau.i18n import Lang
from reseau.network import Network
from reseau.saved_checks import checked_marks, checked_settings, checked_workshop_code, text
from reseau.workbook import Assessment, Workbook

FORMAT_NAME = "reseau-workbook"
FORMAT_VERSION = 5
_FIELDS = frozenset(
    {
        "format",
        "version",
        "participant",
        "mission",
        "marks",
        "contacts",
        "settings",
        "lang",
        "cursor",
        "workshop_code",
        "assessments",
        "cadences",
        "unchanged",
        "links",
        "actions_done",
    }
)


def _writer(spec: FieldSpec) -> Callable[[Any], Any] | None:
    """How a field's value is written as JSON: codes for the method's values, ISO text for
    dates; None when the value is written as it is."""
    if spec.kind is FieldKind.CHOICES:
        return lambda items: sorted(item.value for item in items)
    if spec.kind is FieldKind.DATE:
        return lambda day: day.isoformat() if isinstance(day, date) else day
    if spec.kind is FieldKind.CHOICE:
        return lambda item: None if item is None else item.value
    return None


def _reader(spec: FieldSpec) -> Callable[[Any], Any] | None:
    """How a field's value is read back from JSON, the reverse of `_writer`."""
    choices = spec.choices
    if spec.kind is FieldKind.CHOICES and choices is not None:
        return lambda codes: frozenset(choices(code) for code in codes or ())
    if spec.kind is FieldKind.DATE:
        return lambda text: date.fromisoformat(text) if text else None
    if spec.kind is FieldKind.CHOICE and choices is not None:
        return lambda code: None if code is None else choices(code)
    return None


# Built once: the store writes every contact on every save.
_WRITERS = tuple((name, _writer(field_spec(name))) for name in CONTACT_FIELDS)
_READERS = tuple((name, _reader(field_spec(name))) for name in CONTACT_FIELDS)


def contact_to_dict(contact: Contact) -> dict[str, Any]:
    """The contact as the store writes it, its fields in `CONTACT_FIELDS` order."""
    data: dict[str, Any] = {}
    for name, write in _WRITERS:
        value = getattr(contact, name)
        data[name] = value if write is None else write(value)
    return data


def contact_from_dict(data: dict[str, Any]) -> Contact:
    """The contact a stored dict describes; a field the dict lacks keeps its default."""
    values: dict[str, Any] = {}
    for name, read in _READERS:
        if name in data:
            values[name] = data[name] if read is None else read(data[name])
    return Contact(**values)


def workbook_to_dict(workbook: Workbook, *, contacts: bool = True) -> dict[str, Any]:
    """The workbook as the current version of the schema; without its contacts if asked."""
    network = workbook.network
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "participant": network.participant,
        "mission": network.mission,
        "marks": {circle.value: dict(marks) for circle, marks in network.marks.items()},
        "settings": {
            "strength_weights": dict(workbook.settings.strength_weights),
            "potential_weights": dict(workbook.settings.potential_weights),
            "strength_threshold": workbook.settings.strength_threshold,
            "potential_threshold": workbook.settings.potential_threshold,
            "cold_after_days": workbook.settings.cold_after_days,
        },
        "lang": workbook.lang.value,
        "cursor": workbook.cursor,
        "workshop_code": workbook.workshop_code,
        "assessments": [assessment_to_dict(a) for a in workbook.assessments],
        "cadences": dict(sorted(workbook.cadences.items())),
        "unchanged": sorted(workbook.unchanged),
        "links": links_to_dict(workbook.links),
        "actions_done": {cid: on.isoformat() for cid, on in sorted(workbook.actions_done.items())},
    }
    if contacts:
        data["contacts"] = [contact_to_dict(c) for c in network]
    return data


def _version_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 2 names the document, so the store's JSON and the save file's hidden sheet are
    # one format; nothing else changed.
    return {**data, "format": FORMAT_NAME}


def _version_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    # Version 3 keeps the assessments closed over time, the keep-in-touch cadences set per
    # contact and the contacts confirmed unchanged since the last assessment: none yet.
    return {**data, "assessments": [], "cadences": {}, "unchanged": []}


def _version_3_to_4(data: dict[str, Any]) -> dict[str, Any]:
    # Version 4 keeps who knows whom among the contacts and who introduced each: nobody yet.
    return {**data, "links": {"pairs": [], "introductions": {}}}


def _version_4_to_5(data: dict[str, Any]) -> dict[str, Any]:
    # Version 5 keeps the day each first action was marked done: none recorded before it (the
    # due date of an action already done stands in, as it did).
    return {**data, "actions_done": {}}


# From each version to the next; a new version adds its step here and a committed fixture of
# the version before it (tests/fixtures/vN/).
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _version_1_to_2,
    2: _version_2_to_3,
    3: _version_3_to_4,
    4: _version_4_to_5,
}


def upgrade(data: Mapping[str, Any]) -> dict[str, Any]:
    """The document in the current version, whatever version wrote it."""
    document = dict(data)
    version = document.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        version = 1
    while version < FORMAT_VERSION:
        document = UPGRADES[version](document)
        version += 1
    document["version"] = max(version, FORMAT_VERSION)
    return document


@dataclass(frozen=True)
class ReadWorkbook:
    """A workbook read back, with the saved values that could not be used and were left out."""

    workbook: Workbook
    dropped: tuple[str, ...] = ()


def read_workbook(
    data: Mapping[str, Any], contacts: Sequence[Contact] | None = None
) -> ReadWorkbook:
    """The workbook a document describes, upgraded first and checked value by value.

    `contacts`, when given, replace the document's own (an Excel save file carries them in its
    Contacts sheet, read by the importer).
    """
    document = upgrade(data)
    dropped: list[str] = [name for name in document if name not in _FIELDS]
    # Per-contact values are checked against the document's own contacts; a save file's
    # contacts come later (`SavedDetails.restore`), so its values are kept as they are.
    own_contacts = contacts is None
    if contacts is None:
        contacts = tuple(contact_from_dict(c) for c in document.get("contacts", ()))
    network = Network(
        contacts=tuple(contacts),
        participant=text(document.get("participant")),
        mission=text(document.get("mission")),
        marks=checked_marks(document.get("marks"), dropped),
    )
    cursor = document.get("cursor")
    known: Network | None = network if own_contacts else None
    workbook = Workbook(
        network=network,
        settings=checked_settings(document.get("settings"), dropped),
        lang=_checked_lang(document.get("lang"), dropped),
        cursor=cursor if isinstance(cursor, str) and cursor in network else None,
        workshop_code=checked_workshop_code(document.get("workshop_code"), dropped),
        assessments=_checked_assessments(document.get("assessments"), dropped),
        cadences=_checked_cadences(document.get("cadences"), known, dropped),
        unchanged=_checked_unchanged(document.get("unchanged"), known, dropped),
        links=checked_links(document.get("links"), known, dropped),
        actions_done=_checked_actions_done(document.get("actions_done"), known, dropped),
    )
    return ReadWorkbook(workbook, tuple(dropped))


def _checked_assessments(value: object, dropped: list[str]) -> tuple[Assessment, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        dropped.append("assessments")
        return ()
    kept: dict[date, Assessment] = {}
    for index, item in enumerate(value):
        try:
            assessment = assessment_from_dict(item)
        except (ValueError, TypeError, KeyError, AttributeError):
            dropped.append(f"assessments[{index}]")
            continue
        kept[assessment.day] = assessment
    return tuple(kept[day] for day in sorted(kept))


def _checked_cadences(value: object, known: Network | None, dropped: list[str]) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        dropped.append("cadences")
        return {}
    kept: dict[str, int] = {}
    for contact_id, days in value.items():
        if (
            (known is None or contact_id in known)
            and isinstance(days, int)
            and not isinstance(days, bool)
            and MIN_CADENCE_DAYS <= days <= MAX_CADENCE_DAYS
        ):
            kept[contact_id] = days
        else:
            dropped.append(f"cadences.{contact_id}")
    return kept


def _checked_actions_done(
    value: object, known: Network | None, dropped: list[str]
) -> dict[str, date]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        dropped.append("actions_done")
        return {}
    kept: dict[str, date] = {}
    for contact_id, on in value.items():
        try:
            day = date.fromisoformat(on) if isinstance(on, str) else None
        except ValueError:
            day = None
        if day is not None and (known is None or contact_id in known):
            kept[contact_id] = day
        else:
            dropped.append(f"actions_done.{contact_id}")
    return kept


def _checked_unchanged(value: object, known: Network | None, dropped: list[str]) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        dropped.append("unchanged")
        return frozenset()
    kept = {item for item in value if isinstance(item, str) and (known is None or item in known)}
    if len(kept) != len(value):
        dropped.append("unchanged")
    return frozenset(kept)


def _checked_lang(value: object, dropped: list[str]) -> Lang:
    """The saved language; an unknown one is named and French, the first language, kept."""
    code = text(value).strip().lower()[:2]
    if value is not None and code not in {lang.value for lang in Lang}:
        dropped.append("lang")
    return Lang.parse(value, Lang.FR)


def workbook_from_dict(data: Mapping[str, Any]) -> Workbook:
    return read_workbook(data).workbook


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# Each contact's JSON, kept while the contact lives: a contact never changes (a change makes a new
# one), and the store writes the whole workbook on every click on the card, where one contact at
# most is new (benchmarks/profile_card.py). Keyed by identity, not by value: hashing a contact
# would cost what writing it does. The weak reference drops the entry with its contact.
_WRITTEN: dict[int, tuple[weakref.ref[Contact], str]] = {}


def _contact_json(contact: Contact) -> str:
    key = id(contact)
    held = _WRITTEN.get(key)
    if held is not None and held[0]() is contact:
        return held[1]
    written = _dumps(contact_to_dict(contact))
    _WRITTEN[key] = (weakref.ref(contact, _forgetting(key)), written)
    return written


def _forgetting(key: int) -> Callable[[weakref.ref[Contact]], None]:
    def forget(dead: weakref.ref[Contact]) -> None:
        # Only this contact's entry: once it is gone, its id may already name a newer entry.
        held = _WRITTEN.get(key)
        if held is not None and held[0] is dead:
            _WRITTEN.pop(key, None)

    return forget


def workbook_to_json(workbook: Workbook) -> str:
    """The workbook's document as the store keeps it: `workbook_to_dict`, in compact JSON."""
    head = _dumps(workbook_to_dict(workbook, contacts=False))
    contacts = ",".join(_contact_json(contact) for contact in workbook.network)
    return f'{head[:-1]},"contacts":[{contacts}]}}'


def workbook_from_json(document: str) -> Workbook:
    return workbook_from_dict(json.loads(document))

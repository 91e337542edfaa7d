"""A workbook as plain JSON-able data, for the store; the inverse restores it exactly."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from reseau.contact import CONTACT_FIELDS, Contact
from reseau.i18n import Lang
from reseau.network import Network
from reseau.scoring import ScoringSettings
from reseau.vocabulary import (
    ActionStatus,
    Circle,
    ContactNature,
    ContactResult,
    Reciprocity,
    Role,
    ValueKind,
)
from reseau.workbook import Workbook

FORMAT_VERSION = 1

_ENUM_FIELDS = {
    "circle": Circle,
    "role": Role,
    "last_contact_nature": ContactNature,
    "last_contact_result": ContactResult,
    "reciprocity": Reciprocity,
    "action_status": ActionStatus,
}
_DATE_FIELDS = ("last_contact_date", "action_due")


def contact_to_dict(contact: Contact) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in CONTACT_FIELDS:
        value = getattr(contact, name)
        if name == "value_kinds":
            value = sorted(kind.value for kind in value)
        elif isinstance(value, date):
            value = value.isoformat()
        elif hasattr(value, "value"):
            value = value.value
        data[name] = value
    return data


def contact_from_dict(data: dict[str, Any]) -> Contact:
    values = {name: data[name] for name in CONTACT_FIELDS if name in data}
    for name, enum in _ENUM_FIELDS.items():
        if values.get(name) is not None:
            values[name] = enum(values[name])
    for name in _DATE_FIELDS:
        if values.get(name):
            values[name] = date.fromisoformat(values[name])
    values["value_kinds"] = frozenset(ValueKind(v) for v in values.get("value_kinds", ()))
    return Contact(**values)


def workbook_to_dict(workbook: Workbook) -> dict[str, Any]:
    network = workbook.network
    return {
        "version": FORMAT_VERSION,
        "participant": network.participant,
        "mission": network.mission,
        "marks": {circle.value: dict(marks) for circle, marks in network.marks.items()},
        "contacts": [contact_to_dict(c) for c in network],
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
    }


def workbook_from_dict(data: dict[str, Any]) -> Workbook:
    network = Network(
        contacts=tuple(contact_from_dict(c) for c in data.get("contacts", ())),
        participant=data.get("participant", ""),
        mission=data.get("mission", ""),
        marks={Circle(k): v for k, v in data.get("marks", {}).items()},
    )
    return Workbook(
        network=network,
        settings=ScoringSettings(**data["settings"]) if "settings" in data else ScoringSettings(),
        lang=Lang.parse(data.get("lang")),
        cursor=data.get("cursor"),
        workshop_code=data.get("workshop_code"),
    )


def workbook_to_json(workbook: Workbook) -> str:
    return json.dumps(workbook_to_dict(workbook), ensure_ascii=False, separators=(",", ":"))


def workbook_from_json(text: str) -> Workbook:
    return workbook_from_dict(json.loads(text))

"""What a reader changed in the Plan d'action sheet of an export, so it comes back on import.

A manager who opens the file may set a status to « Fait », move a due date or reword an action in
the Plan sheet, where those fields sit beside the contact's name. Each Plan row carries, in hidden
columns, the contact's id and the action as it was exported: a field whose Plan value differs from
the exported one was changed by the reader, and it wins over the Contacts sheet. When the Contacts
sheet changed the same field to another value too, the file says two things: the Plan's value is
kept and the disagreement is reported as a conflict, never settled silently.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from python_calamine import CalamineWorkbook

from reseau.contact import Contact
from reseau.contact_table import header
from reseau.errors import ReseauError
from reseau.i18n import Lang, day, label, t
from reseau.method_values import ValueNotUnderstood, fold, is_blank, parse_date, parse_status
from reseau.plan import PLAN_FIELDS
from reseau.vocabulary import ActionStatus

# The action's fields, as (Plan column, exported copy in a hidden column).
ACTION_FIELDS: tuple[str, ...] = PLAN_FIELDS
_EXPORTED = {
    "action_text": "exported_text",
    "action_due": "exported_due",
    "action_status": "exported_status",
}
_HEADER_ROWS_SEARCHED = 12
_MISSING = object()


@dataclass(frozen=True)
class PlanConflict:
    """A field changed differently in the Plan and Contacts sheets (the Plan's value is kept)."""

    contact_id: str
    name: str
    field: str
    plan_value: Any
    contacts_value: Any

    def message(self, lang: Lang | str) -> str:
        return t(
            "export.plan_edits.conflict",
            lang,
            name=self.name,
            field=t(f"field.{self.field}", lang),
            plan=_worded(self.plan_value, lang),
            contacts=_worded(self.contacts_value, lang),
        )


@dataclass(frozen=True)
class PlanEdit:
    """The action fields the reader changed in the Plan sheet for one contact."""

    contact_id: str
    changes: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str | None:
        return self.changes.get("action_text")

    @property
    def due(self) -> date | None:
        return self.changes.get("action_due")

    @property
    def status(self) -> ActionStatus | None:
        return self.changes.get("action_status")


@dataclass(frozen=True)
class PlanEdits:
    """Every change read from the Plan sheet, by contact id, and the conflicts found."""

    edits: Mapping[str, PlanEdit] = field(default_factory=dict)
    conflicts: tuple[PlanConflict, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.edits or self.conflicts)

    def messages(self, lang: Lang | str) -> list[str]:
        return [conflict.message(lang) for conflict in self.conflicts]


NO_EDITS = PlanEdits()


def _worded(value: Any, lang: Lang | str) -> str:
    if value is None or value == "":
        return t("export.plan_edits.empty", lang)
    if isinstance(value, date):
        return day(value, lang)
    if isinstance(value, ActionStatus):
        return label(value, lang)
    return str(value)


def _plan_headers() -> dict[str, str]:
    """Folded header text -> Plan column name, in every language."""
    from reseau.export.xlsx import PLAN_FIELDS, plan_header

    return {fold(plan_header(name, lang)): name for lang in Lang for name in PLAN_FIELDS}


def _contacts_headers() -> dict[str, str]:
    wanted = ("id", *ACTION_FIELDS)
    return {fold(header(name, lang)): name for lang in Lang for name in wanted}


def _columns(rows: list[list[Any]], names: dict[str, str], needed: Iterable[str]):
    """The header row's index and each needed column's index, or None when absent."""
    for index, row in enumerate(rows[:_HEADER_ROWS_SEARCHED]):
        found: dict[str, int] = {}
        for column, value in enumerate(row):
            name = names.get(fold(value)) if isinstance(value, str) else None
            if name is not None and name not in found:
                found[name] = column
        if all(name in found for name in needed):
            return index, found
    return None


def _normal(name: str, value: Any) -> Any:
    """A cell's value as the contact holds it; unreadable values are left as _MISSING."""
    try:
        if name.endswith("text"):
            return "" if is_blank(value) else str(value).strip()
        if name.endswith("due"):
            if isinstance(value, datetime):
                return value.date()
            return parse_date(value, "action_due")
        return None if is_blank(value) else parse_status(value)
    except ValueNotUnderstood:
        return _MISSING


def _cell(row: Sequence[Any], column: int | None) -> Any:
    return row[column] if column is not None and column < len(row) else None


def _sheet_rows(book: CalamineWorkbook, keys: str) -> list[list[Any]] | None:
    titles = {t(keys, lang) for lang in Lang}
    for name in book.sheet_names:
        if name in titles:
            return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    return None


def _contacts_values(book: CalamineWorkbook) -> dict[str, dict[str, Any]]:
    rows = _sheet_rows(book, "export.sheet.contacts")
    if not rows:
        return {}
    found = _columns(rows, _contacts_headers(), ("id",))
    if found is None:
        return {}
    start, columns = found
    values = {}
    for row in rows[start + 1 :]:
        contact_id = str(_cell(row, columns["id"]) or "").strip()
        if contact_id:
            values[contact_id] = {
                name: _normal(name, _cell(row, columns.get(name)))
                for name in ACTION_FIELDS
                if name in columns
            }
    return values


def read_plan_edits(data: bytes) -> PlanEdits:
    """The action fields changed in the Plan sheet of a Réseau export, and the conflicts.

    Any other file, or a Plan sheet without its hidden columns, gives no edits.
    """
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = _sheet_rows(book, "export.sheet.plan")
        needed = ("id", *ACTION_FIELDS, *_EXPORTED.values())
        found = _columns(rows or [], _plan_headers(), needed)
        if found is None:
            return NO_EDITS
        contacts = _contacts_values(book)
    except Exception:  # a damaged sheet loses only the Plan's edits, never the contacts
        return NO_EDITS
    start, columns = found
    edits: dict[str, PlanEdit] = {}
    conflicts: list[PlanConflict] = []
    for row in (rows or [])[start + 1 :]:
        contact_id = str(_cell(row, columns["id"]) or "").strip()
        if not contact_id:
            continue
        name = str(_cell(row, columns.get("name")) or "")
        changes: dict[str, Any] = {}
        for field_name in ACTION_FIELDS:
            now = _normal(field_name, _cell(row, columns[field_name]))
            exported = _normal(field_name, _cell(row, columns[_EXPORTED[field_name]]))
            if now is _MISSING or now == exported:
                continue
            if field_name == "action_status" and now is None:
                continue  # an emptied status says nothing: the contact keeps theirs
            changes[field_name] = now
            other = contacts.get(contact_id, {}).get(field_name, exported)
            if other is not _MISSING and other != exported and other != now:
                conflicts.append(PlanConflict(contact_id, name, field_name, now, other))
        if changes:
            edits[contact_id] = PlanEdit(contact_id, changes)
    return PlanEdits(edits, tuple(conflicts))


def apply_plan_edits(contacts: Iterable[Contact], edits: PlanEdits) -> tuple[Contact, ...]:
    """The contacts with the Plan's changes to their actions; a change a contact refuses
    (an action that fails the contact's own checks) is left out, the rest kept."""
    updated = []
    for contact in contacts:
        edit = edits.edits.get(contact.id)
        if edit is not None:
            for name, value in edit.changes.items():
                try:
                    contact = contact.with_changes(**{name: value})
                except (ReseauError, ValueError):
                    continue
        updated.append(contact)
    return tuple(updated)

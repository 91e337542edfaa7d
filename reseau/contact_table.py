"""The contact table: one row per contact, one column per field, as the export writes it and the
import reads it back.

Columns are named by the catalogue (`field.<name>`) in the participant's language, and recognised
in either language, so a file exported in English imports into a French session and back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from reseau.contact import Contact
from reseau.contact_fields import FIELDS, FieldKind, FieldSpec, field_spec, names
from reseau.errors import InvalidContact, RoleNotInCircle, RoleWithoutCircle, ScoreOutOfScale
from reseau.i18n import Lang, t
from reseau.method_values import (
    ValueNotUnderstood,
    fold,
    format_choices,
    is_blank,
    parse_choice,
    parse_choices,
    parse_date,
    parse_scale,
)

TABLE_FIELDS: tuple[str, ...] = names()
TEXT_FIELDS = frozenset(spec.name for spec in FIELDS if spec.is_text)
METHOD_FIELDS = frozenset(TABLE_FIELDS) - TEXT_FIELDS - {"id"}


def header(field: str, lang: Lang) -> str:
    return t(field_spec(field).label_key, lang)


def headers(lang: Lang) -> list[str]:
    return [header(field, lang) for field in TABLE_FIELDS]


def field_for_header(text: object) -> str | None:
    """The field a column header names exactly (code, label in either language, earlier title)."""
    folded = fold(text)
    if not folded:
        return None
    for field in TABLE_FIELDS:
        if folded == fold(field) or any(folded == fold(header(field, lang)) for lang in Lang):
            return field
        if any(folded == fold(old) for old in field_spec(field).earlier_titles):
            return field
    return None


def _cell_writer(spec: FieldSpec) -> Callable[[Any, Lang], Any] | None:
    """How a field's value is written in a cell; None when it is written as it is."""
    choices = spec.choices
    if spec.kind is FieldKind.CHOICES and choices is not None:
        return lambda items, lang: format_choices(items, choices, lang)
    if spec.kind is FieldKind.CHOICE:
        return lambda item, lang: None if item is None else t(item.label_key, lang)
    return None


_CELL_WRITERS = tuple((spec.name, _cell_writer(spec)) for spec in FIELDS)


def contact_to_record(contact: Contact, lang: Lang) -> dict[str, Any]:
    """The contact as field -> cell value, with the method's values written as labels."""
    record: dict[str, Any] = {}
    for name, write in _CELL_WRITERS:
        value = getattr(contact, name)
        record[name] = value if write is None else write(value, lang)
    return record


@dataclass(frozen=True)
class CellWarning:
    """A value left out of a contact because it is not one the method knows."""

    field: str
    value: str
    key: str = "import.warning.value_dropped"

    def message(
        self, lang: Lang, row: int | None = None, escape: Callable[[str], str] | None = None
    ) -> str:
        """What was dropped, as a sentence; `escape`, when given, is applied to the typed value."""
        value = self.value if escape is None else escape(self.value)
        text = t(self.key, lang, field=header(self.field, lang), value=value)
        return t("import.warning.at_row", lang, row=row, message=text) if row else text


def _text(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        # Spreadsheets store typed phone numbers as floats: 612345678.0 is "612345678".
        return str(int(value))
    return str(value)


def cell_parser(spec: FieldSpec) -> Callable[[object], Any] | None:
    """How a cell of a method field is read (ValueNotUnderstood when it cannot be); None for a
    text field or the id, taken as they are."""
    if spec.kind is FieldKind.SCALE and spec.scale is not None:
        scale = spec.scale
        return lambda value: parse_scale(value, spec.name, scale.low, scale.high)
    if spec.kind is FieldKind.CHOICE and spec.choices is not None:
        enum = spec.choices
        return lambda value: parse_choice(enum, value, spec.name)
    if spec.kind is FieldKind.CHOICES and spec.choices is not None:
        kinds = spec.choices
        return lambda value: parse_choices(kinds, value, spec.name)
    if spec.kind is FieldKind.DATE:
        return lambda value: parse_date(value, spec.name)
    return None


# The method fields' cell readers, by field (the importer also judges a column's values by them).
CELL_PARSERS: dict[str, Callable[[object], Any]] = {
    spec.name: parser for spec in FIELDS if (parser := cell_parser(spec)) is not None
}


def contact_from_fields(
    fields: Mapping[str, object], *, keep_id: bool = True
) -> tuple[Contact, list[CellWarning]]:
    """Builds a contact from field -> cell values, dropping (and reporting) values it cannot take.

    Raises `ContactHasNoName` when the row names nobody: the caller skips that row.
    """
    values: dict[str, Any] = {}
    warnings: list[CellWarning] = []
    for field, raw in fields.items():
        if field in TEXT_FIELDS:
            values[field] = _text(raw)
        elif field == "id":
            if keep_id and not is_blank(raw):
                values["id"] = str(raw).strip()
        elif field in CELL_PARSERS:
            try:
                parsed = CELL_PARSERS[field](raw)
            except ValueNotUnderstood:
                warnings.append(CellWarning(field, _text(raw)))
                continue
            if parsed is None or parsed == frozenset():
                continue
            values[field] = parsed
    return _build(values, warnings, fields), warnings


def _build(
    values: dict[str, Any], warnings: list[CellWarning], fields: Mapping[str, object]
) -> Contact:
    # A role that contradicts the circle, or a role with no circle, is the one value dropped:
    # the circle is the coarser and more reliable choice.
    try:
        return Contact(**values)
    except (RoleNotInCircle, RoleWithoutCircle):
        values.pop("role")
        warnings.append(
            CellWarning("role", _text(fields.get("role")), "import.warning.role_dropped")
        )
        return Contact(**values)
    except ScoreOutOfScale as problem:
        field = problem.params["field"]
        warnings.append(CellWarning(field, str(values.pop(field))))
        return _build(values, warnings, fields)
    except InvalidContact:
        raise

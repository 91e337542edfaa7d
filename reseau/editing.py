"""Editing contacts in a table: the rows a grid shows, and applying the grid's rows back.

The grid speaks labels (« Réseau de soutien », « Sponsor de la mission ») in the participant's
language; this module turns them into the method's codes and reports, row by row, what it could
not take, leaving the network unchanged for those rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from reseau.contact import Contact
from reseau.contact_fields import FIELDS, FieldKind, Grid, field_spec, in_grid, names
from reseau.contact_table import CellWarning, contact_from_fields, contact_to_record
from reseau.errors import ReseauError
from reseau.i18n import Lang, t
from reseau.method_values import is_blank
from reseau.network import Network
from reseau.vocabulary import Term

# The hand editor's columns: who the people are and where they stand.
IDENTITY_COLUMNS: tuple[str, ...] = in_grid(Grid.CONTACTS)


def choice_options(enum: type[Term], lang: Lang) -> list[str]:
    """The labels of a vocabulary enum (circle, role, reciprocity, status…) in `lang`, in the
    enum's order (the roles circle by circle, « Autre » last)."""
    return [t(item.label_key, lang) for item in enum]


def grid_options(lang: Lang) -> dict[str, list[str]]:
    """The labels each list field of a grid offers, by field."""
    return {
        spec.name: choice_options(spec.choices, lang)
        for spec in FIELDS
        if spec.kind is FieldKind.CHOICE and spec.choices is not None
    }


def editor_frame(
    network: Network, lang: Lang, columns: Sequence[str] = IDENTITY_COLUMNS
) -> pd.DataFrame:
    """One row per contact with its id in an `id` column, the method's values as labels."""
    records = []
    for contact in network:
        record = contact_to_record(contact, lang)
        records.append({"id": contact.id, **{name: record[name] for name in columns}})
    return pd.DataFrame.from_records(records, columns=["id", *columns])


def _plain(value: Any) -> object:
    # The grid hands back pandas' own blanks (NA, NaT) for emptied cells: they mean "nothing".
    if isinstance(value, (list, tuple, set, frozenset)):
        return value
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def frame_rows(frame: pd.DataFrame) -> list[tuple[object, dict[str, object]]]:
    """The (id, row) pairs of an edited grid, the shape `apply_table` takes."""
    rows = []
    for record in frame.to_dict(orient="records"):
        row_id = record.pop("id", None)
        rows.append((_plain(row_id), {str(name): _plain(value) for name, value in record.items()}))
    return rows


@dataclass(frozen=True)
class RowProblem:
    """A grid row that could not be taken as it is; the message is ready to show."""

    row: int
    message: str


@dataclass(frozen=True)
class RowWarning:
    """A value of a grid row left out (the rest of the row was taken)."""

    row: int
    warning: CellWarning

    def text(self, lang: Lang, escape: Callable[[str], str] | None = None) -> str:
        """The warning as a sentence; `escape`, when given, is applied to the typed value."""
        return self.warning.message(lang, self.row, escape)


@dataclass(frozen=True)
class TableEdit:
    """What applying a grid did: the new network and what changed or was refused."""

    network: Network
    added: int = 0
    updated: int = 0
    removed: int = 0
    problems: tuple[RowProblem, ...] = field(default_factory=tuple)
    warnings: tuple[RowWarning, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def _clean(value: object) -> object:
    return None if is_blank(value) else value


def apply_table(
    network: Network,
    rows: Iterable[tuple[object, Mapping[str, object]]],
    lang: Lang,
    *,
    remove_missing: bool = True,
    first_row: int = 1,
) -> TableEdit:
    """Applies (id, row) pairs from a grid: known ids are updated, new rows added, missing ids
    removed (unless `remove_missing` is False, for a grid showing only some contacts). A row with
    a problem keeps its contact as it was and is reported, numbered from `first_row`."""
    problems: list[RowProblem] = []
    warnings: list[RowWarning] = []
    seen: set[str] = set()
    added = updated = 0
    result = network
    for number, (row_id, row) in enumerate(rows, start=first_row):
        contact_id = None if is_blank(row_id) else str(row_id)
        if contact_id is None and all(is_blank(v) for v in row.values()):
            continue  # an empty row the grid added and the participant left blank
        if contact_id is not None:
            seen.add(contact_id)
        try:
            candidate, cell_warnings = contact_from_fields(
                {name: _clean(value) for name, value in row.items()}, keep_id=False
            )
        except ReseauError as problem:
            problems.append(RowProblem(number, t(problem.key, lang, **problem.params)))
            continue
        warnings.extend(RowWarning(number, w) for w in cell_warnings)
        if contact_id is not None and contact_id in network:
            current = network.get(contact_id)
            changes = {name: getattr(candidate, name) for name in row if hasattr(candidate, name)}
            if all(getattr(current, name) == value for name, value in changes.items()):
                continue
            try:
                result = result.replace(current.with_changes(**changes))
            except ReseauError as problem:
                problems.append(RowProblem(number, t(problem.key, lang, **problem.params)))
                continue
            updated += 1
        else:
            result = result.add(candidate)
            added += 1
    gone = [cid for cid in network.ids if cid not in seen] if remove_missing else []
    for contact_id in gone:
        result = result.remove(contact_id)
    return TableEdit(result, added, updated, len(gone), tuple(problems), tuple(warnings))


# The table mode of the walkthrough: the same fields as the card, one row per contact.
QUALIFY_COLUMNS: tuple[str, ...] = in_grid(Grid.QUALIFY)
SCALE_COLUMNS: tuple[str, ...] = names(kind=FieldKind.SCALE)
DATE_COLUMNS: tuple[str, ...] = names(kind=FieldKind.DATE)
STATUS_COLUMN = "status"


def qualification_status(contact: Contact, lang: Lang) -> str:
    """« ✓ » for a qualified contact, otherwise what it still needs, in the catalogue's words."""
    missing = contact.missing_for_qualification
    if not missing:
        return "✓"
    return ", ".join(t(field_spec(name).label_key, lang) for name in missing)


def qualify_frame(network: Network, lang: Lang, contact_ids: Sequence[str]) -> pd.DataFrame:
    """The table mode's rows for these contacts, in this order, with a read-only status column.

    Scale columns hold nullable integers so the grid keeps the same column types while blanks
    are filled in.
    """
    chosen = Network(tuple(network.get(cid) for cid in contact_ids if cid in network))
    frame = editor_frame(chosen, lang, QUALIFY_COLUMNS)
    for name in SCALE_COLUMNS:
        if name in frame:
            frame[name] = frame[name].astype("Int64")
    for name in DATE_COLUMNS:
        if name in frame:
            frame[name] = frame[name].astype("object")
    frame.insert(1, STATUS_COLUMN, [qualification_status(c, lang) for c in chosen])
    return frame

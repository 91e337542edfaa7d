"""Reading back the hidden `_reseau` sheet, so an exported file restores the whole workbook.

The contacts come back through the importer (the Contacts sheet, read by its headers); the
hidden sheet carries the rest of the workbook as the store's own document
(`reseau.serialization`, contacts aside), read back by the same function. Files written before
that (hidden-sheet version 1: one row per detail) are turned into the same document first.

The hidden sheet is only hidden, not locked: someone can edit it. Every value is checked on its
own and one that is unknown or out of bounds is left out (its default is kept) and named in
`SavedDetails.dropped`, so a hand-edited file still gives its contacts and everything valid.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from python_calamine import CalamineWorkbook

from reseau.acquaintances import relinked
from reseau.contact import Contact
from reseau.i18n import Lang
from reseau.saved_checks import number, text
from reseau.serialization import FORMAT_NAME, read_workbook
from reseau.workbook import Workbook

V = TypeVar("V")

METADATA_SHEET = "_reseau"
# The hidden sheet's own layout: 1 wrote one row per detail, 2 writes the workbook document.
SHEET_VERSION = 2
WORKBOOK_ROW = "workbook"
_SHEET_ROWS = frozenset(
    {"format", "format_version", "save_format_version", "exported_on", "contacts_sheet"}
    | {"contact_count", WORKBOOK_ROW}
)
_VERSION_1_ROWS = frozenset(
    {"lang", "participant", "mission", "marks", "settings", "workshop_code"}
)


@dataclass(frozen=True)
class SavedDetails:
    """What the hidden sheet of an exported workbook says about it, checked value by value."""

    format_version: int
    details: Workbook  # the saved workbook without its contacts
    dropped: tuple[str, ...] = ()  # the values left out, as `settings.cold_after_days`

    @property
    def lang(self) -> Lang:
        return self.details.lang

    def restore(
        self,
        contacts: tuple[Contact, ...] | list[Contact],
        renamed: Mapping[str, str] | None = None,
    ) -> Workbook:
        """The workbook these details describe, holding `contacts`.

        Who knows whom follows the contacts: a row deleted from the file takes its links with
        it, and a duplicate merged into another (`renamed`: merged id -> kept id) hands them on.
        """
        renamed = renamed or {}
        network = replace(self.details.network, contacts=tuple(contacts))
        ids = frozenset(network.ids)
        details = self.details
        links = relinked(details.links, renamed).restricted_to(ids)
        return details.with_changes(
            network=network,
            cursor=None,
            links=links,
            # The day a first action was done, a rhythm and « Inchangé » follow a merged row
            # too; where both rows had one, the later day and the kept contact's rhythm win.
            actions_done=_handed_on(details.actions_done, renamed, ids, max),
            cadences=_handed_on(details.cadences, renamed, ids, lambda kept, _merged: kept),
            unchanged=frozenset(renamed.get(i, i) for i in details.unchanged) & ids,
        )


def _handed_on(
    values: Mapping[str, V],
    renamed: Mapping[str, str],
    ids: frozenset[str],
    both: Callable[[V, V], V],
) -> dict[str, V]:
    """Per-contact values keyed by the contacts kept: a merged row's value goes to the contact
    it joined (`both(kept's, merged's)` when each had one); a contact no longer there drops."""
    out = {key: value for key, value in values.items() if key in ids and key not in renamed}
    for key, value in values.items():
        kept = renamed.get(key)
        if kept is None or kept not in ids:
            continue
        out[kept] = both(out[kept], value) if kept in out else value
    return out


def _json_object(value: object, name: str, dropped: list[str]) -> dict[str, Any] | None:
    found = text(value).strip()
    if not found:
        return None
    try:
        loaded = json.loads(found)
    except (ValueError, RecursionError):
        loaded = None
    if not isinstance(loaded, dict):
        dropped.append(name)
        return None
    return loaded


def _version_1_document(values: dict[str, Any], dropped: list[str]) -> dict[str, Any]:
    """The workbook document a version-1 hidden sheet (one row per detail) stands for."""
    document: dict[str, Any] = {"version": 1}
    for name in ("participant", "mission", "lang", "workshop_code"):
        if values.get(name) is not None:
            document[name] = text(values[name])
    for name in ("marks", "settings"):
        loaded = _json_object(values.get(name), name, dropped)
        if loaded is not None:
            document[name] = loaded
    return document


def read_metadata(data: bytes) -> SavedDetails | None:
    """The saved details of a Réseau export; None for any other file or an unreadable sheet."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if METADATA_SHEET not in book.sheet_names:
            return None
        rows = book.get_sheet_by_name(METADATA_SHEET).to_python()
    except Exception:  # a damaged hidden sheet loses only the extras, never the contacts
        return None
    values = {text(row[0]): row[1] if len(row) > 1 else None for row in rows if row}
    if values.get("format") != FORMAT_NAME:
        return None
    dropped: list[str] = []
    version = number(values.get("format_version") or 1, 1, 1_000)
    if version is None:
        dropped.append("format_version")
    if WORKBOOK_ROW in values:
        document = _json_object(values.get(WORKBOOK_ROW), WORKBOOK_ROW, dropped) or {}
        known = _SHEET_ROWS
    else:
        document = _version_1_document(values, dropped)
        known = _SHEET_ROWS | _VERSION_1_ROWS
    dropped[:0] = [name for name in values if name and name not in known]
    document.pop("contacts", None)
    read = read_workbook(document, contacts=())
    return SavedDetails(
        format_version=int(version or 1),
        details=read.workbook,
        dropped=(*dropped, *read.dropped),
    )

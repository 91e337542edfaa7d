"""What an import understood, before anything is added: the preview the user checks and confirms."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reseau.contact import Contact
from reseau.contact_table import header
from reseau.i18n import Lang, t


@dataclass(frozen=True)
class RowNote:
    """Something said about one row: why it was left out, or which value was dropped."""

    row: int
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    sheet: str | None = None  # named when several sheets are imported at once

    def text(self, lang: Lang) -> str:
        params = dict(self.params)
        if "field" in params:
            params["field"] = _field_name(params["field"], lang)
        return t(self.key, lang, **params)


# Encodings a participant may meet, named for people rather than by Python's codec name.
_ENCODINGS = {
    "cp932": "shift_jis", "shift_jis": "shift_jis", "euc_jp": "euc_jp", "euc_jis_2004": "euc_jp",
    "gb18030": "gb", "gbk": "gb", "gb2312": "gb", "big5": "big5", "cp950": "big5",
    "cp949": "korean", "euc_kr": "korean", "cp1251": "cyrillic", "koi8_r": "koi8_r",
    "cp1253": "greek", "cp1256": "arabic", "cp1252": "western", "utf-8": "utf8",
    "utf-8-sig": "utf8", "utf-16": "utf16", "utf-16-le": "utf16", "utf-16-be": "utf16",
}  # fmt: skip


def encoding_label(encoding: str, lang: Lang) -> str:
    """An encoding as the preview names it: « Shift-JIS (japonais) » rather than cp932."""
    known = _ENCODINGS.get(encoding.lower())
    return t(f"import.encoding.{known}", lang) if known else encoding


def _field_name(name: str, lang: Lang) -> str:
    from reseau.importing.mapping import FULL_NAME, TABLE_FIELDS

    if name == FULL_NAME:
        return t("field.name", lang)
    return header(name, lang) if name in TABLE_FIELDS else name


@dataclass(frozen=True)
class DuplicateRow:
    """A row found to be the same person as an earlier row of the file, and merged into it."""

    row: int
    into_row: int
    name: str
    sheet: str | None = None  # named when several sheets are imported at once
    into_sheet: str | None = None


@dataclass(frozen=True)
class ImportPreview:
    """Everything read from one file: source, sheet, header, mapping, contacts and what was left."""

    format: str
    kind: str
    sheet: str | None
    sheets: tuple[str, ...]
    header_row: int | None
    columns: tuple[str, ...]
    mapping: Mapping[str, str | None]
    contacts: tuple[Contact, ...]
    rows: tuple[int, ...]
    skipped: tuple[RowNote, ...] = ()
    duplicates: tuple[DuplicateRow, ...] = ()
    # (id of a row merged into another, id of the contact kept): a save file's links follow.
    renamed: tuple[tuple[str, str], ...] = ()
    warnings: tuple[RowNote, ...] = ()
    encoding: str | None = None
    separator: str | None = None
    # A few values of each source column, to help the user fix the mapping.
    samples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # What the values of whole columns said: a column taken, or offered rather than taken.
    column_notes: tuple[RowNote, ...] = ()
    # The sheet's first rows, shortened, to choose which one holds the titles (or none).
    top_rows: tuple[str, ...] = ()
    # The sheets read when the participant took several at once (empty: only `sheet`).
    chosen_sheets: tuple[str, ...] = ()
    # When each contact's connection was made (LinkedIn's "Connected On"), as ISO dates,
    # aligned with `contacts` (empty when the file has no such column).
    connected: tuple[str | None, ...] = ()
    # The sheet each contact comes from, when several sheets were read (else empty).
    sources: tuple[str, ...] = ()

    @property
    def is_vcard(self) -> bool:
        return self.format == "vcard"

    def _at(self, row: int, message: str, lang: Lang, sheet: str | None = None) -> str:
        if sheet is not None:
            return t("import.at_sheet_row", lang, sheet=sheet, row=row, message=message)
        key = "import.at_card" if self.is_vcard else "import.warning.at_row"
        return t(key, lang, row=row, message=message)

    def format_label(self, lang: Lang) -> str:
        return t(f"import.format.{self.format}", lang)

    def skipped_messages(self, lang: Lang) -> list[str]:
        return [self._at(note.row, note.text(lang), lang, note.sheet) for note in self.skipped]

    def warning_messages(self, lang: Lang) -> list[str]:
        return [self._at(note.row, note.text(lang), lang, note.sheet) for note in self.warnings]

    def column_messages(self, lang: Lang) -> list[str]:
        return [note.text(lang) for note in self.column_notes]

    def duplicate_messages(self, lang: Lang) -> list[str]:
        return [self._duplicate(dup, lang) for dup in self.duplicates]

    def _duplicate(self, dup: DuplicateRow, lang: Lang) -> str:
        if dup.into_sheet is not None:
            message = t(
                "import.duplicate.within_sheets",
                lang,
                name=dup.name,
                sheet=dup.into_sheet,
                row=dup.into_row,
            )
        else:
            message = t("import.duplicate.within", lang, name=dup.name, row=dup.into_row)
        return self._at(dup.row, message, lang, dup.sheet)

    def summary(self, lang: Lang) -> str:
        """One sentence: how many contacts, from which source, what was left out or merged."""
        return t(
            "import.summary.cards" if self.is_vcard else "import.summary",
            lang,
            contacts=len(self.contacts),
            source=self.format_label(lang),
            skipped=len(self.skipped),
            duplicates=len(self.duplicates),
        )

    def where(self, lang: Lang, escape: Callable[[str], str] | None = None) -> str:
        """Where the contacts were found: sheet and header row, or encoding and separator.

        `escape`, when given, is applied to the sheet's name (text people typed).
        """
        parts = []
        if len(self.chosen_sheets) > 1:
            names = ", ".join(
                name if escape is None else escape(name) for name in self.chosen_sheets
            )
            parts.append(t("import.where.sheets", lang, sheets=names))
        elif self.sheet:
            sheet = self.sheet if escape is None else escape(self.sheet)
            parts.append(t("import.where.sheet", lang, sheet=sheet))
        if self.header_row == 0 and not self.is_vcard:
            parts.append(t("import.where.no_header", lang))
        if self.header_row and not self.is_vcard:
            parts.append(t("import.where.header_row", lang, row=self.header_row))
        if self.encoding:
            parts.append(
                t("import.where.encoding", lang, encoding=encoding_label(self.encoding, lang))
            )
        if self.separator:
            sep_key = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}[self.separator]
            parts.append(t(f"import.where.separator.{sep_key}", lang))
        return " · ".join(parts)

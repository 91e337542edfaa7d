"""Reading a file's cells: spreadsheets through pandas' calamine engine, CSV, vCards.

Every reader returns sheets of raw cells (no header chosen yet, "" for an empty cell), so header
detection, mapping and cleaning are the same whatever the source.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from reseau.importing import limits
from reseau.importing.errors import (
    CellTooBig,
    FileDamaged,
    NotASpreadsheet,
    PasswordProtected,
)
from reseau.importing.sniff import FileKind, decode_text, looks_like_text, separator

# The app may store its own metadata in this sheet of its exports: never contacts.
METADATA_SHEET = "_reseau"


@dataclass
class Sheet:
    """The cells of one sheet (or of a CSV/vCard file), as read, before any interpretation."""

    name: str | None
    cells: pd.DataFrame
    # Number shown to the user for each row of `cells` (a card's number in a vCard file).
    row_numbers: list[int] | None = None
    # Rows the reader itself left out, as (row number, message key, params).
    skipped: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)

    def row_number(self, index: int) -> int:
        return self.row_numbers[index] if self.row_numbers else index + 1


@dataclass
class Source:
    kind: FileKind
    sheets: list[Sheet]
    encoding: str | None = None
    separator: str | None = None


def read_source(data: bytes, kind: FileKind) -> Source:
    if kind in (FileKind.XLSX, FileKind.ODS, FileKind.XLS):
        return Source(kind, read_workbook(data, kind))
    decoded = decode_text(data)
    if not looks_like_text(decoded.text):
        raise NotASpreadsheet()
    if kind is FileKind.VCARD:
        return Source(kind, [read_vcards(decoded.text)], decoded.encoding)
    sep = separator(decoded.text)
    return Source(kind, [read_csv(decoded.text, sep)], decoded.encoding, sep)


# --- spreadsheets ---


def read_workbook(data: bytes, kind: FileKind) -> list[Sheet]:
    """Every worksheet of an .xlsx/.xlsm/.xls/.ods, cell values only (macros are never read)."""
    if kind in (FileKind.XLSX, FileKind.ODS):
        limits.check_zip(data)
    try:
        book = pd.ExcelFile(io.BytesIO(data), engine="calamine")
    except Exception as problem:  # calamine's errors are plain exceptions with a message
        raise _workbook_problem(problem) from None
    sheets = []
    with book:
        for name in book.sheet_names:
            if name == METADATA_SHEET:
                continue
            try:
                sheets.append(_read_sheet(book.book, name))
            except (limits.TooManyRows, limits.TooManyCells, CellTooBig):
                raise
            except Exception as problem:
                raise _workbook_problem(problem) from None
    if not sheets:
        raise FileDamaged()
    return sheets


def _workbook_problem(problem: Exception) -> Exception:
    text = str(problem).lower()
    if "password" in text or "encrypt" in text:
        return PasswordProtected()
    return FileDamaged()


def _read_sheet(book: Any, name: str) -> Sheet:
    sheet = book.get_sheet_by_name(name)
    limits.check_grid(sheet.total_height, sheet.total_width)
    # Calamine gives Python values directly; the DataFrame is built once, without per-cell work.
    rows = sheet.to_python(skip_empty_area=False)
    cells = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame(dtype=object)
    _fill_merged(cells, sheet.merged_cell_ranges or [])
    return Sheet(name, cells)


def _fill_merged(
    cells: pd.DataFrame, ranges: list[tuple[tuple[int, int], tuple[int, int]]]
) -> None:
    # A company merged down over three rows belongs to the three people; a title merged across
    # the top is left as it is (header detection skips it).
    for (top, left), (bottom, right) in ranges:
        if bottom <= top or bottom >= len(cells) or right >= len(cells.columns):
            continue
        cells.iloc[top : bottom + 1, left : right + 1] = cells.iat[top, left]


# --- CSV ---


def read_csv(text: str, sep: str) -> Sheet:
    """Rows of a CSV text; quoted fields may hold separators and line breaks."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[list[str]] = []
    width = 0
    try:
        for fields in reader:
            rows.append(fields)
            width = max(width, len(fields))
            if len(rows) > limits.MAX_ROWS:
                limits.check_grid(len(rows), width)
    except csv.Error:
        # Only a field over csv's own limit (128 KiB) stops the reader.
        raise CellTooBig(
            row=len(rows) + 1, column="?", size=csv.field_size_limit(), limit=limits.MAX_CELL_CHARS
        ) from None
    limits.check_grid(len(rows), width)
    cells = pd.DataFrame(rows, dtype=object).fillna("") if rows else pd.DataFrame(dtype=object)
    return Sheet(None, cells)


# --- vCard ---

VCARD_COLUMNS = ("N;given", "N;family", "FN", "ORG", "TITLE", "EMAIL", "TEL", "NOTE")


def read_vcards(text: str) -> Sheet:
    """One row per card (2.1 quoted-printable, 3.0 folded and grouped, 4.0 with FN only)."""
    import vobject

    logging.getLogger("vobject").setLevel(logging.CRITICAL)
    rows: list[list[str]] = [list(VCARD_COLUMNS)]
    numbers = [0]
    skipped: list[tuple[int, str, dict[str, Any]]] = []
    try:
        cards = vobject.readComponents(text, ignoreUnreadable=True, allowQP=True)
        for number, card in enumerate(cards, start=1):
            if number > limits.MAX_ROWS:
                limits.check_grid(number, len(VCARD_COLUMNS))
            row = _card_row(card)
            if row is None:
                skipped.append((number, "import.skipped.company_card", {}))
                continue
            rows.append(row)
            numbers.append(number)
    except (limits.TooManyRows, limits.TooManyCells):
        raise
    except Exception:  # vobject raises several unrelated types on malformed input
        raise FileDamaged() from None
    return Sheet(None, pd.DataFrame(rows, dtype=object), numbers, skipped)


def _first(card: Any, name: str, pick: Callable[[Any], str] = str) -> str:
    lines = card.contents.get(name) or []
    preferred = [line for line in lines if "PREF" in _types(line)] or lines
    for line in preferred:
        value = pick(line.value)
        if value.strip():
            return value.strip()
    return ""


def _types(line: Any) -> set[str]:
    types = {t.upper() for t in line.params.get("TYPE", [])}
    types |= (
        {p.upper() for p in line.singletonparams} if hasattr(line, "singletonparams") else set()
    )
    if "PREF" in line.params:
        types.add("PREF")
    return types


def _org(value: Any) -> str:
    return value[0] if isinstance(value, list) and value else str(value or "")


def _card_row(card: Any) -> list[str] | None:
    given = _first(card, "n", lambda n: _joined(getattr(n, "given", "")))
    family = _first(card, "n", lambda n: _joined(getattr(n, "family", "")))
    full = _first(card, "fn")
    company = _first(card, "org", _org)
    show_as = _first(card, "x-abshowas").upper()
    kind = _first(card, "kind").lower()
    if not given and not family and (show_as == "COMPANY" or kind == "org" or full == company):
        return None  # a company's card, not a person
    return [
        given,
        family,
        full,
        company,
        _first(card, "title"),
        _first(card, "email"),
        _first(card, "tel"),
        _first(card, "note"),
    ]


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value if v)
    return str(value or "")

"""Reading a file's cells: spreadsheets through pandas' calamine engine, CSV, vCards.

Every reader returns sheets of raw cells (no header chosen yet, "" for an empty cell), so header
detection, mapping and cleaning are the same whatever the source.
"""

from __future__ import annotations

import csv
import io
import logging
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from reseau.i18n import Number
from reseau.importing import declared, limits
from reseau.importing.errors import (
    CellTooBig,
    FileDamaged,
    NotASpreadsheet,
    NulCharacter,
    PasswordProtected,
    SheetTooLarge,
    TooManyCells,
    TooManyRows,
    VCardCardTooLong,
    VCardLineTooLong,
    VCardTooManyParameters,
)
from reseau.importing.sniff import (
    FileKind,
    decode_text,
    decode_vcard,
    looks_like_text,
    nul_line,
    separator,
)

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
    # What the reader itself says about rows it kept (a damaged line, a card cut short).
    warnings: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)

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
    decoded = decode_vcard(data) if kind is FileKind.VCARD else decode_text(data)
    line = nul_line(decoded.text)
    if line is not None:
        raise NulCharacter(line=Number(line))
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
    # The reader builds each sheet's whole rectangle: its declared extent is checked first.
    if kind is FileKind.XLSX:
        declared.check_xlsx_extent(data)
    elif kind is FileKind.ODS:
        declared.check_ods_extent(data)
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
                sheets.append(_read_sheet(book.book, str(name)))
            except (TooManyRows, TooManyCells, CellTooBig, SheetTooLarge):
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
        # pandas-stubs type iloc assignment too narrowly: a 2-D slice takes a scalar at run time.
        cells.iloc[top : bottom + 1, left : right + 1] = cells.iat[top, left]  # type: ignore[index, assignment]


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
    padded = [
        fields if len(fields) == width else fields + [""] * (width - len(fields)) for fields in rows
    ]
    cells = pd.DataFrame(padded, dtype=object) if rows else pd.DataFrame(dtype=object)
    return Sheet(None, cells)


# --- vCard ---

VCARD_COLUMNS = ("N;given", "N;family", "FN", "ORG", "TITLE", "EMAIL", "TEL", "NOTE")


def read_vcards(text: str) -> Sheet:
    """One row per card (2.1 quoted-printable, 3.0 folded and grouped, 4.0 with FN only).

    Lines are unfolded here, in linear time (vobject's own unfolding is quadratic: a 20 MB photo
    folded at 74 characters took 426 CPU-seconds), and only the properties read below are
    handed to vobject, which reads their parameters and decodes quoted-printable text; photos,
    logos, sounds and keys are skipped unread. The values are read here, because vobject's
    vCard 3.0 text type cuts a 2.1 note at its first bare comma.

    A damaged line costs only that line, with a note on its card; a card nested in another
    (2.1 `AGENT`, or a BEGIN before the previous END) is read as a card of its own; a card the
    file stops in the middle of keeps what was read. Cards are numbered in the order they begin.
    """
    logging.getLogger("vobject").setLevel(logging.CRITICAL)
    reading = _VCardReading()
    try:
        for line in vcard_lines(text):
            reading.line(line)
        reading.finish()
    except (TooManyRows, TooManyCells, VCardCardTooLong, VCardLineTooLong, VCardTooManyParameters):
        raise
    except Exception:  # vobject raises several unrelated types on malformed input
        raise FileDamaged() from None
    kept = sorted(reading.rows)
    rows = [list(VCARD_COLUMNS)] + [row for _, row in kept]
    numbers = [0] + [number for number, _ in kept]
    return Sheet(None, pd.DataFrame(rows, dtype=object), numbers, reading.skipped, reading.warnings)


@dataclass
class _Card:
    number: int
    properties: dict[str, list[Any]] = field(default_factory=dict)
    lines: int = 0


class _VCardReading:
    """The cards being read: a stack, since a card may begin inside another one."""

    def __init__(self) -> None:
        self.open: list[_Card] = []
        self.begun = 0
        self.rows: list[tuple[int, list[str]]] = []
        self.skipped: list[tuple[int, str, dict[str, Any]]] = []
        self.warnings: list[tuple[int, str, dict[str, Any]]] = []

    def line(self, line: str) -> None:
        from vobject.base import parseLine

        name = _property_name(line)
        if name not in _VCARD_READ:
            return
        card = self.open[-1] if self.open else None
        if card is not None:
            card.lines += 1
            if card.lines > limits.MAX_VCARD_CARD_LINES:
                raise VCardCardTooLong(card=card.number, limit=limits.MAX_VCARD_CARD_LINES)
        _check_vcard_line(line, name, card.number if card else self.begun + 1)
        try:
            name, params, value, _group = parseLine(line)
        except Exception:  # vobject raises several unrelated types on a malformed line
            if card is not None and name in _VCARD_PROPERTIES:
                self.warnings.append(
                    (card.number, "import.warning.vcard_line_unreadable", {"property": name})
                )
            return
        name = name.upper()
        value = value or ""
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            self.begin(card)
        elif name == "END" and value.strip().upper() == "VCARD" and card is not None:
            self.end()
        elif (
            card is not None and name == "AGENT" and value.strip().upper().startswith("BEGIN:VCARD")
        ):
            # vCard 3.0 writes the agent's card inline, escaped, as the property's value.
            for inner in vcard_lines(_unescape(value)):
                self.line(inner)
        elif card is not None and name in _VCARD_PROPERTIES:
            self.add(card, name, params, value)

    def begin(self, outer: _Card | None) -> None:
        self.begun += 1
        if self.begun > limits.MAX_ROWS:
            limits.check_grid(self.begun, len(VCARD_COLUMNS))
        if outer is not None:
            self.warnings.append(
                (self.begun, "import.warning.vcard_nested", {"outer": outer.number})
            )
        self.open.append(_Card(self.begun))

    def end(self) -> None:
        card = self.open.pop()
        self.keep(card)

    def finish(self) -> None:
        """The file ended: the cards still open were cut short; what was read is kept."""
        while self.open:
            card = self.open.pop()
            self.warnings.append((card.number, "import.warning.vcard_cut_short", {}))
            self.keep(card)

    def keep(self, card: _Card) -> None:
        row = _card_row(card.properties)
        if row is None:
            self.skipped.append((card.number, "import.skipped.company_card", {}))
        else:
            self.rows.append((card.number, row))

    def add(self, card: _Card, name: str, params: Any, value: str) -> None:
        from vobject.base import ContentLine

        try:
            line = ContentLine(name, params, value)
        except (UnicodeDecodeError, LookupError):
            # Quoted-printable bytes that are not valid in the charset the line names: read
            # them as Windows-1252, the charset such phones and Outlook actually used.
            plain = [p for p in params if p and p[0].upper() not in ("CHARSET", "ENCODING")]
            plain = [p for p in plain if str(p[0]).upper() != "QUOTED-PRINTABLE"]
            try:
                decoded = quopri.decodestring(value.encode("utf-8"))
                text = decoded.decode("cp1252", errors="replace")
            except Exception:  # the quoted-printable itself cannot be read
                self.warnings.append(
                    (card.number, "import.warning.vcard_line_unreadable", {"property": name})
                )
                return
            # vobject takes params as a list of [name, *values] lists; its stubs say a dict.
            line = ContentLine(name, plain, text)  # type: ignore[arg-type]
            self.warnings.append((card.number, "import.warning.vcard_charset", {"property": name}))
        if "\ufffd" in str(line.value):
            # Bytes that were not text in the file's encoding: the line is left out.
            self.warnings.append(
                (card.number, "import.warning.vcard_line_unreadable", {"property": name})
            )
            return
        card.properties.setdefault(name, []).append(line)


_PHYSICAL_LINES = re.compile(r"\r\n|\n|\r")
_NAME = re.compile(r"\s*(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")


def vcard_lines(text: str) -> Iterator[str]:
    """The logical lines of a vCard text, unfolded in linear time, exactly as vobject reads them.

    A line starting with a space or a tab continues the previous one (vCard 3.0 and 4.0); a
    quoted-printable line ending with '=' continues on the next line (vCard 2.1), kept with a
    line break between, which vobject's quoted-printable decoding removes. vobject rebuilds
    the whole logical line after each physical line, which is quadratic in its length.
    """
    parts: list[str] = []
    tail = ""  # the end of the logical line so far, to find "quoted-printable" across pieces
    declared_qp = continues_qp = False
    for raw in text.split("\n"):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if parts:
                yield "".join(parts)
            parts, tail, declared_qp, continues_qp = [], "", False, False
            continue
        if continues_qp:
            piece = "\n" + line
            continues_qp = False
        elif line[0] in " \t":
            piece = line[1:]
        else:
            if parts:
                yield "".join(parts)
            parts, tail, declared_qp = [], "", False
            piece = line
        parts.append(piece)
        seen = (tail + piece).lower()
        declared_qp = declared_qp or "quoted-printable" in seen
        tail = seen[-16:]
        if declared_qp and piece.endswith("="):
            continues_qp = True
    if parts:
        yield "".join(parts)


def _property_name(line: str) -> str:
    found = _NAME.match(line)
    return found.group(1).upper() if found else ""


def _check_vcard_line(line: str, name: str, card: int) -> None:
    head = line.split(":", 1)[0]
    parameters = head.count(";")
    if parameters > limits.MAX_VCARD_PARAMETERS:
        raise VCardTooManyParameters(
            card=card,
            property=name,
            count=Number(parameters),
            limit=Number(limits.MAX_VCARD_PARAMETERS),
        )
    if len(line) > limits.MAX_VCARD_LINE_CHARS:
        raise VCardLineTooLong(
            card=card,
            property=name,
            size=Number(len(line)),
            limit=Number(limits.MAX_VCARD_LINE_CHARS),
        )


_VCARD_PROPERTIES = frozenset(
    {"N", "FN", "ORG", "TITLE", "EMAIL", "TEL", "NOTE", "KIND", "X-ABSHOWAS"}
)
_VCARD_READ = _VCARD_PROPERTIES | {"BEGIN", "END", "AGENT"}


_SPLIT = re.compile(r"(?<!\\);")
_ESCAPE = re.compile(r"\\(.)")


def _unescape(text: str) -> str:
    # Read by hand rather than by vobject's text type, which cuts 2.1 notes at a bare comma.
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _parts(value: Any) -> list[str]:
    return [_unescape(part).strip() for part in _SPLIT.split(str(value or ""))]


def _first(card: dict[str, list[Any]], name: str, part: int | None = None) -> str:
    lines = card.get(name.upper()) or []
    preferred = [line for line in lines if "PREF" in _types(line)] or lines
    for line in preferred:
        if part is None:
            value = _unescape(str(line.value or ""))
        else:
            parts = _parts(line.value)
            value = parts[part] if len(parts) > part else ""
        if value.strip():
            return value.strip()
    return ""


def _types(line: Any) -> set[str]:
    types = {str(t).upper() for t in line.params.get("TYPE", [])}
    types |= {str(p).upper() for p in getattr(line, "singletonparams", [])}
    if "PREF" in line.params:
        types.add("PREF")
    return types


_TEL_URI = re.compile(r"^tel:", re.IGNORECASE)
_EXTENSION = re.compile(r";ext=", re.IGNORECASE)


def _tel(value: str) -> str:
    """A vCard 4.0 phone written as a URI (`tel:+1-418-656-9254;ext=102`) as people write it."""
    if not _TEL_URI.match(value):
        return value
    return _EXTENSION.sub(" ext. ", _TEL_URI.sub("", value)).strip()


def _card_row(card: dict[str, list[Any]]) -> list[str] | None:
    family, given = _first(card, "n", 0), _first(card, "n", 1)
    full = _first(card, "fn")
    company = _first(card, "org", 0)
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
        _tel(_first(card, "tel")),
        _first(card, "note"),
    ]

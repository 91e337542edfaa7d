"""How big a file says it is, read before reading it: the sheet's extent, the vCard's lines.

A spreadsheet reader builds the whole rectangle from the first to the last filled cell, so a
1.9 KB .xlsx with one cell at XFD1048576 asks for 1,048,576 × 16,384 cells, and an 834-byte .ods
repeating one filled row 40,000 times by 1,000 columns asks for 40 million. These functions
stream the sheets' XML once, in bounded chunks, without building any cell, and refuse a sheet
whose extent is beyond the import's bounds before the reader is called.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import IO
from xml.parsers import expat

from reseau.i18n import Number
from reseau.importing import limits
from reseau.importing.errors import FileDamaged, SheetTooLarge

_CHUNK = 1024 * 1024
# Beyond this a repeat count is nonsense; clamping keeps the arithmetic on small integers.
_MAX_COUNT = 1 << 40

# A cell or row start tag (any namespace prefix), or an `r="…"` attribute (a cell or a row's
# position). Chunks are cut just after a '>', which never falls inside either.
_TOKENS = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])"
    rb"|\sr\s*=\s*[\"']([^\"']*)[\"']"
    rb"|<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\sref\s*=\s*[\"']([^\"']*)[\"']"
)
_REFERENCE = re.compile(rb"([A-Za-z]{0,3})(\d{1,9})")
_WORKSHEET_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?worksheet[\s>]")


def column_letters(number: int) -> str:
    """The spreadsheet name of a 1-based column number: 1 → A, 28 → AB, 16384 → XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - ord("A") + 1
    return number


def check_extent(sheet: str, rows: int, columns: int) -> None:
    """Refuses a sheet whose rectangle of cells is beyond the import's row and cell bounds."""
    # The header row comes on top of the contacts, as the reader's own check counts it.
    fits = rows <= limits.MAX_ROWS + 1 and columns <= limits.MAX_COLUMNS
    if fits and (rows - 1) * columns <= limits.MAX_CELLS:
        return
    raise SheetTooLarge(
        sheet=sheet,
        cell=f"{column_letters(columns)}{rows}",
        rows=Number(rows),
        columns=Number(columns),
        limit_rows=Number(limits.MAX_ROWS),
        limit_cells=Number(limits.MAX_CELLS),
    )


# --- .xlsx ---


def check_xlsx_extent(data: bytes) -> None:
    """Refuses an .xlsx one of whose worksheets declares or fills cells beyond the bounds.

    Both the `<dimension ref>` a sheet declares and the positions of its cells count: a sheet
    may lie about its dimension, and a reader places cells by their own references.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FileDamaged() from None
    with archive:
        names = _sheet_names(archive)
        for entry in archive.infolist():
            if not entry.filename.lower().endswith(".xml") or entry.is_dir():
                continue
            sheet = names.get(entry.filename, entry.filename)
            try:
                with archive.open(entry) as stream:
                    extent = _every_cell_placed_extent(stream, sheet)
                if extent is _NOT_A_SHEET:
                    continue
                if extent is None:  # some cells are placed by counting: follow them one by one
                    with archive.open(entry) as stream:
                        extent = _counted_extent(stream, sheet)
                check_extent(sheet, *extent)
            except (zipfile.BadZipFile, OSError, EOFError):
                raise FileDamaged() from None
            except RuntimeError:
                continue  # an encrypted entry: the reader says so


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Entry name → sheet name as the user sees it, best effort (only for the message)."""
    try:
        book = archive.read("xl/workbook.xml")[:1_000_000]
        links = archive.read("xl/_rels/workbook.xml.rels")[:1_000_000]
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, EOFError):
        return {}
    targets = {}
    for tag in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", links):
        ident, target = _attribute(tag, rb"Id"), _attribute(tag, rb"Target")
        if ident and target:
            targets[ident] = target.lstrip(b"/")
    found: dict[str, str] = {}
    for tag in re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", book):
        name, ident = _attribute(tag, rb"name"), _attribute(tag, rb"(?:\w+:)?id")
        target = targets.get(ident or b"")
        if name is None or target is None:
            continue
        path = target.decode("utf-8", "replace")
        path = path if path.startswith("xl/") else f"xl/{path}"
        found[path] = _xml_text(name.decode("utf-8", "replace"))
    return found


def _attribute(tag: bytes, name: bytes) -> bytes | None:
    found = re.search(rb"\s" + name + rb"\s*=\s*[\"']([^\"']*)[\"']", tag)
    return found.group(1) if found else None


def _xml_text(text: str) -> str:
    entities = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}
    return re.sub(r"&(?:amp|lt|gt|quot|apos);", lambda m: entities[m.group()], text)


def _chunks_cut_after_tags(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream in pieces that each end just after a '>' (the last one ends where it ends)."""
    pending: list[bytes] = []
    while chunk := stream.read(_CHUNK):
        cut = chunk.rfind(b">")
        if cut < 0:
            pending.append(chunk)
            continue
        pending.append(chunk[: cut + 1])
        yield b"".join(pending)
        pending = [chunk[cut + 1 :]]
    if pending:
        yield b"".join(pending)


_NOT_A_SHEET = (0, 0)
# What Excel, LibreOffice and openpyxl write: `<c r="B2"` and `<row r="2"`. Each pattern starts
# with a literal, which the regular expression engine searches for quickly.
_CELL_TAG = re.compile(rb"<c[\s/>]")
_ROW_TAG = re.compile(rb"<row[\s/>]")
_POSITION = b' r="'
_CELL_LETTERS = re.compile(rb' r="([A-Z]{1,3})\d')
_CELL_DIGITS = re.compile(rb' r="[A-Z]{1,3}(\d{1,9})"')
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\sref\s*=\s*["\']([^"\']*)["\']')


def _every_cell_placed_extent(stream: IO[bytes], sheet: str) -> tuple[int, int] | None:
    """The extent of a sheet written the usual way, every row and cell carrying its position.

    None when a chunk holds anything else (a prefixed tag, a cell without `r`, another
    spelling of the attribute): the caller then follows each cell. `_NOT_A_SHEET` for an
    entry that is not a worksheet.
    """
    chunks = _chunks_cut_after_tags(stream)
    first = next(chunks, b"")
    if not _WORKSHEET_ROOT.search(first[:4096]):
        return _NOT_A_SHEET
    letters: set[bytes] = set()
    digits: set[bytes] = set()
    for chunk in _prepend(first, chunks):
        for dimension in _DIMENSION.findall(chunk):
            _check_dimension(sheet, dimension)
        cells = len(_CELL_TAG.findall(chunk))
        rows = len(_ROW_TAG.findall(chunk))
        found_letters = _CELL_LETTERS.findall(chunk)
        found_digits = _CELL_DIGITS.findall(chunk)
        placed = chunk.count(_POSITION) == cells + rows
        if not placed or len(found_letters) != cells or len(found_digits) != cells:
            return None
        letters.update(found_letters)
        digits.update(found_digits)
    rows = max((int(d) for d in digits), default=0)
    columns = max((_column_number(word) for word in letters), default=0)
    return rows, columns


def _counted_extent(stream: IO[bytes], sheet: str) -> tuple[int, int]:
    """The extent of a sheet, following each row and cell (those without `r` come next)."""
    row = 0  # 1-based position of the current row; cells without `r` follow the previous one
    column = 0
    last_tag = b""
    pending = False  # a cell whose position is known once its attributes are read
    most_rows = most_columns = 0
    for chunk in _chunks_cut_after_tags(stream):
        for match in _TOKENS.finditer(chunk):
            tag, position, dimension = match.groups()
            if tag is not None:
                if pending:
                    most_rows, most_columns = max(most_rows, row), max(most_columns, column)
                last_tag = tag
                if tag == b"row":
                    row, column, pending = row + 1, 0, False
                else:
                    row, column, pending = max(row, 1), column + 1, True
            elif position is not None:
                found = _REFERENCE.fullmatch(position.strip())
                if found is None:
                    raise FileDamaged()
                letters, digits = found.groups()
                if last_tag == b"row":
                    row = int(digits)
                elif last_tag == b"c" and letters:
                    row, column = int(digits), _column_number(letters)
            else:
                _check_dimension(sheet, dimension)
        if most_rows > limits.MAX_ROWS + 1 or most_columns > limits.MAX_COLUMNS:
            break
    if pending:
        most_rows, most_columns = max(most_rows, row), max(most_columns, column)
    return most_rows, most_columns


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _check_dimension(sheet: str, declared: bytes) -> None:
    last = declared.split(b":")[-1].strip()
    found = _REFERENCE.fullmatch(last)
    if found is None:
        return  # an unreadable dimension is only a hint: the cells decide
    letters, digits = found.groups()
    check_extent(sheet, int(digits), _column_number(letters) if letters else 1)


# --- .ods ---


def check_ods_extent(data: bytes) -> None:
    """Refuses an .ods whose repeated rows and columns of filled cells go beyond the bounds.

    LibreOffice writes every sheet's empty tail as one row repeated a million times; only the
    repeats that hold a value (or come before one) extend the sheet, so only those count.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        stream = archive.open("content.xml")
    except KeyError:
        return  # the reader says the file is damaged
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise FileDamaged() from None
    scanner = _OdsExtent()
    parser = expat.ParserCreate()
    parser.StartElementHandler = scanner.start
    parser.EndElementHandler = scanner.end
    parser.StartDoctypeDeclHandler = _no_doctype
    try:
        with archive, stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError:
        raise FileDamaged() from None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise FileDamaged() from None


def _no_doctype(*_: object) -> None:
    # A spreadsheet never declares a DTD; one that does may define entities that expand.
    raise FileDamaged()


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _count(attributes: dict[str, str], local_name: str) -> int:
    for name, value in attributes.items():
        if _local(name) == local_name:
            try:
                return min(max(int(value), 1), _MAX_COUNT)
            except ValueError:
                raise FileDamaged() from None
    return 1


class _OdsExtent:
    """Follows one sheet's rows and cells, repeats included, without expanding anything."""

    def __init__(self) -> None:
        self.sheet = ""
        self.tables = 0
        self.row = 0  # rows before the current one
        self.row_repeat = 1
        self.column = 0  # columns before the current cell
        self.cell_repeat = 1
        self.cell_depth = 0  # > 0 inside a cell: anything there is the cell's content
        self.cell_filled = False
        self.row_filled_to = 0  # columns up to the last filled cell of the current row
        self.most_rows = 0
        self.most_columns = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        if self.cell_depth:
            self.cell_depth += 1
            self.cell_filled = True
            return
        if local == "table":
            self.tables += 1
            self.sheet = next((v for k, v in attributes.items() if _local(k) == "name"), "")
            self.row = self.most_rows = self.most_columns = 0
        elif local == "table-row":
            self.row_repeat = _count(attributes, "number-rows-repeated")
            self.column = 0
            self.row_filled_to = 0
        elif local in ("table-cell", "covered-table-cell"):
            self.cell_repeat = _count(attributes, "number-columns-repeated")
            self.cell_depth = 1
            self.cell_filled = any(_local(k) == "value-type" for k in attributes)

    def end(self, name: str) -> None:
        if self.cell_depth > 1:
            self.cell_depth -= 1
            return
        local = _local(name)
        if self.cell_depth == 1:
            self.cell_depth = 0
            self.column += self.cell_repeat
            if self.cell_filled:
                self.row_filled_to = self.column
        elif local == "table-row":
            if self.row_filled_to:
                self.most_rows = self.row + self.row_repeat
                self.most_columns = max(self.most_columns, self.row_filled_to)
                check_extent(self.sheet, self.most_rows, self.most_columns)
            self.row += self.row_repeat

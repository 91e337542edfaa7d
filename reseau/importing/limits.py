"""Bounds on what an import may cost: file size, zip archives checked before inflating, rows, cells.

A spreadsheet (.xlsx, .xlsm, .ods) is a zip archive, so a small upload can declare gigabytes of
XML. The archive's directory is read first and refused when the declared sizes, the compression
ratio or the number of entries are out of bounds; only then is each entry inflated once, in
chunks, to check that it holds no more than it declared (a lying directory makes it "damaged").
"""

from __future__ import annotations

import io
import zipfile
import zlib

from reseau.i18n import Number
from reseau.importing.errors import (
    FileDamaged,
    FileIsEmpty,
    FileTooBig,
    PasswordProtected,
    TooManyCells,
    TooManyRows,
    ZipBomb,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 1_000
MAX_CELLS = 2_000_000
# Excel's own limit for one cell: a longer one in a CSV is almost always a missing quote.
MAX_CELL_CHARS = 32_767
# A vCard property read as a contact field (a photo or a key is skipped, whatever its size).
MAX_VCARD_LINE_CHARS = 100_000
MAX_VCARD_PARAMETERS = 100
MAX_VCARD_CARD_LINES = 2_000
# Each upload is read in a child process (reseau/importing/bounded.py) with these bounds: memory
# it may add to what it maps at start, CPU and wall-clock seconds, and how many run at once.
MAX_IMPORT_MEMORY_MB = 1024
MAX_IMPORT_SECONDS = 10
MAX_PARALLEL_IMPORTS = 2
MAX_IMPORT_QUEUE_SECONDS = 60
MAX_ZIP_ENTRIES = 2_000
MAX_ZIP_TOTAL_BYTES = 300 * 1024 * 1024
MAX_ZIP_ENTRY_BYTES = 200 * 1024 * 1024
# Real sheets compress 5-30 times; a bomb compresses hundreds or thousands of times.
MAX_ZIP_RATIO = 150
_RATIO_FROM_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024


def _megabytes(size: int) -> Number:
    return Number(size / (1024 * 1024), digits=1)


def check_file_size(data: bytes) -> None:
    """Refuses an empty file or one over the size limit."""
    if not data or not data.strip(b"\x00 \t\r\n\xef\xbb\xbf\xff\xfe"):
        raise FileIsEmpty()
    if len(data) > MAX_FILE_BYTES:
        raise FileTooBig(size=_megabytes(len(data)), limit=_megabytes(MAX_FILE_BYTES))


def check_zip(data: bytes) -> None:
    """Refuses an archive that would inflate beyond the bounds, then checks what it declared."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise FileDamaged() from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ZipBomb()
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > MAX_ZIP_ENTRY_BYTES or total > MAX_ZIP_TOTAL_BYTES:
            raise ZipBomb()
        if entry.file_size > _RATIO_FROM_BYTES and (
            entry.compress_size == 0 or entry.file_size / entry.compress_size > MAX_ZIP_RATIO
        ):
            raise ZipBomb()
    with archive:
        for entry in entries:
            _verify_entry(archive, entry)


def _verify_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    # zipfile stops at the declared size and checks the CRC: a lie shows up as damage.
    read = 0
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > entry.file_size:
                    raise ZipBomb()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        raise FileDamaged() from None
    except RuntimeError:
        # zipfile raises RuntimeError for an encrypted entry
        raise PasswordProtected() from None


def check_grid(rows: int, columns: int) -> None:
    """Refuses a sheet with more rows or cells than an import can handle in reasonable time."""
    if rows > MAX_ROWS:
        raise TooManyRows(rows=rows, limit=MAX_ROWS)
    if columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise TooManyCells(cells=rows * columns, limit=MAX_CELLS)

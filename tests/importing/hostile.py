"""Small files that ask a reader for far more than their size: each one was found by trying.

Never hand one of the grid files to an unbounded reader in the test process: before the
bounds, a 1.9 KB .xlsx with a cell at XFD1048576 made the reader ask for 549 GB and abort the
process. Read them in a child process with a memory limit (see `tests/importing/test_hostile.py`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import escape

HEADER = ["Nom", "Prénom", "Entreprise", "Email"]
PERSON = ["Dupré", "Éloïse", "Lumières & Cie", "eloise@example.com"]

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def _columns(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _inline(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def xlsx_with_far_cell(
    far: str, dimension: str | None = None, *, with_r: bool = True, prefix: str = ""
) -> bytes:
    """A header row and one person, plus one cell at `far` (e.g. "XFD1048576").

    `dimension` is what the sheet declares (by default, honestly, "A1:{far}"); `with_r=False`
    writes the far cell's row without `r` attributes, placed by counting instead; `prefix`
    names the spreadsheet namespace with a prefix (`x:c`, as the .NET Open XML SDK writes).
    """
    rows = [
        '<row r="1">'
        + "".join(_inline(f"{_columns(i + 1)}1", v) for i, v in enumerate(HEADER))
        + "</row>"
    ]
    rows.append(
        '<row r="2">'
        + "".join(_inline(f"{_columns(i + 1)}2", v) for i, v in enumerate(PERSON))
        + "</row>"
    )
    if with_r:
        digits = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        rows.append(f'<row r="{digits}">{_inline(far, "x")}</row>')
    else:
        rows.append("<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 1200 + "</row>")
    declared = dimension if dimension is not None else f"A1:{far}"
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{declared}"/><sheetData>{"".join(rows)}</sheetData></worksheet>'
    )
    if prefix:
        sheet = re.sub(
            r"<(/?)(worksheet|dimension|sheetData|row|c|is|t)\b", rf"<\1{prefix}:\2", sheet
        )
        sheet = sheet.replace(
            "<" + prefix + ":worksheet xmlns=", f"<{prefix}:worksheet xmlns:{prefix}="
        )
    return _zip(
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _ROOT_RELS,
            "xl/workbook.xml": _WORKBOOK,
            "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
            "xl/worksheets/sheet1.xml": sheet,
        }
    )


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
_ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)


def _ods_cell(text: str, repeat: int = 1) -> str:
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (
        f'<table:table-cell office:value-type="string"{repeated}>'
        f"<text:p>{escape(text)}</text:p></table:table-cell>"
    )


def ods_with_repeats(rows: int, columns: int, *, filled: bool = True, tail: bool = True) -> bytes:
    """A header row, then one row repeated `rows` times holding one cell repeated `columns` times.

    `filled=False` repeats empty cells (as LibreOffice writes a sheet's empty tail) followed by
    one filled cell; `tail` adds LibreOffice's usual million empty rows at the end.
    """
    header = "<table:table-row>" + "".join(_ods_cell(v) for v in HEADER) + "</table:table-row>"
    if filled:
        body = (
            f'<table:table-row table:number-rows-repeated="{rows}">'
            f"{_ods_cell('x', columns)}</table:table-row>"
        )
    else:
        body = (
            f'<table:table-row table:number-rows-repeated="{rows}">'
            f'<table:table-cell table:number-columns-repeated="{columns}"/></table:table-row>'
            f'<table:table-row><table:table-cell table:number-columns-repeated="{columns}"/>'
            f"{_ods_cell('x')}</table:table-row>"
        )
    empty_tail = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        if tail
        else ""
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {_ODS_NAMESPACES}><office:body><office:spreadsheet>"
        f'<table:table table:name="Contacts">{header}{body}{empty_tail}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "META-INF/manifest.xml": _ODS_MANIFEST,
            "content.xml": content,
        },
        stored_first=True,
    )


def ods_small() -> bytes:
    """A well-formed .ods with two people and LibreOffice's empty tail: it must import."""
    rows = "".join(
        "<table:table-row>" + "".join(_ods_cell(v) for v in values) + "</table:table-row>"
        for values in (HEADER, PERSON, ["Martin", "Anne", "Zéphyr", "anne@example.com"])
    )
    tail = (
        '<table:table-row table:number-rows-repeated="1048573">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {_ODS_NAMESPACES}><office:body><office:spreadsheet>"
        f'<table:table table:name="Contacts">{rows}{tail}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "META-INF/manifest.xml": _ODS_MANIFEST,
            "content.xml": content,
        },
        stored_first=True,
    )


def _zip(entries: dict[str, str], *, stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for position, (name, text) in enumerate(entries.items()):
            method = zipfile.ZIP_STORED if stored_first and position == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, text.encode("utf-8"), compress_type=method)
    return out.getvalue()


_CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dupré;Éloïse;;;\r\nFN:Éloïse Dupré\r\n"


def vcard_with_photo(megabytes: float = 20, width: int = 74) -> bytes:
    """One card whose base64 photo of `megabytes` is folded every `width` characters."""
    size = int(megabytes * 1_000_000)
    payload = ("QUJD" * (size // 4 + 1))[:size]
    first, rest = payload[: width - 22], payload[width - 22 :]
    folded = "\r\n ".join(
        [first] + [rest[i : i + width - 1] for i in range(0, len(rest), width - 1)]
    )
    photo = f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\n"
    return (_CARD + "ORG:Lumières & Cie\r\n" + photo + "END:VCARD\r\n").encode("utf-8")


def vcard_with_parameters(count: int = 500_000, prop: str = "TEL") -> bytes:
    """One card with a property carrying `count` parameters (about 2 MB for 500,000)."""
    params = ";X=1" * count
    return (_CARD + f"{prop}{params}:+33 6 00 00 00 01\r\nEND:VCARD\r\n").encode("utf-8")


def vcard_with_long_note(characters: int = 2_000_000) -> bytes:
    """One card whose NOTE, folded at 74 characters, is `characters` long."""
    text = "a" * characters
    folded = "\r\n ".join(text[i : i + 73] for i in range(0, len(text), 73))
    return (_CARD + f"NOTE:{folded}\r\nEND:VCARD\r\n").encode("utf-8")


def vcard_with_many_lines(lines: int = 200_000) -> bytes:
    """One card holding `lines` phone numbers."""
    phones = "".join(f"TEL:+33 6 00 {n:06d}\r\n" for n in range(lines))
    return (_CARD + phones + "END:VCARD\r\n").encode("utf-8")


def csv_with_nul() -> bytes:
    """A CSV whose second line starts with a NUL byte (as a damaged copy or a bad export writes)."""
    lines = [",".join(HEADER), "\x00" + ",".join(PERSON), "Martin,Anne,Zéphyr,anne@example.com"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


HOSTILE: dict[str, Callable[[], bytes]] = {
    "far-cell-XFD1048576.xlsx": lambda: xlsx_with_far_cell("XFD1048576"),
    "far-cell-ALL49000.xlsx": lambda: xlsx_with_far_cell("ALL49000"),
    "lying-dimension.xlsx": lambda: xlsx_with_far_cell("XFD1048576", dimension="A1:D2"),
    "repeat-40000x1000.ods": lambda: ods_with_repeats(40_000, 1_000),
    "repeat-rows-1000000.ods": lambda: ods_with_repeats(1_000_000, 1),
    "empty-repeats-then-cell.ods": lambda: ods_with_repeats(30_000, 1_000, filled=False),
    "photo-20MB.vcf": lambda: vcard_with_photo(20),
    "parameters-500000.vcf": lambda: vcard_with_parameters(500_000),
    "nul-early.csv": csv_with_nul,
}
"""Every hostile file by a name with the extension a participant would upload."""


def csv_text_ok() -> bytes:
    """A plain CSV of two people, the control case."""
    lines = [",".join(HEADER), ",".join(PERSON), "Martin,Anne,Zéphyr,anne@example.com"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")

"""Writing people's text into a spreadsheet so that it is only ever text.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return can be taken for a
formula by a spreadsheet (at opening, when the cell is edited, or once saved as CSV): an imported
`=HYPERLINK(...)` or `+cmd|' /C calc'!A0` must stay the words it is. Such a cell is written with
the string data type (never openpyxl's formula type) and Excel's "quote prefix" flag, which is
what typing `'` before a value does: the text shows exactly as typed (`+33 6 12 34 56 78` stays
readable, with no apostrophe in it) and editing the cell never turns it into a formula.

The text itself is also escaped the way Excel stores it: a carriage return becomes `_x000D_`
(XML would turn it into a line feed) and a literal `_xHHHH_` gets Excel's `_x005F_` escape, so
reading the file back gives the exact characters that were written.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook as ExcelWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from reseau.text import clean_text, has_control_characters

FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

_ESCAPE_LOOKALIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def is_formula_like(text: object) -> bool:
    """True when a spreadsheet could read this text as the start of a formula."""
    return isinstance(text, str) and text.startswith(FORMULA_TRIGGERS)


def excel_text(text: str) -> str:
    """The text as Excel stores it in the file, so that reading it back gives the same text.

    Control characters an .xlsx file cannot hold are dropped here too: text stored before the
    domain cleaned it (a workshop's name, a first name) must not stop an export.
    """
    if has_control_characters(text):
        text = clean_text(text)
    if "_x" in text:
        text = _ESCAPE_LOOKALIKE.sub(r"_x005F_\1", text)
    if "\r" in text:
        text = text.replace("\r", "_x000D_")
    return text


def writable(cell: Cell | MergedCell) -> Cell:
    """The cell itself, refused when it lies inside a merged range (openpyxl cannot write it)."""
    if not isinstance(cell, Cell):
        raise ValueError(f"{cell.coordinate} lies inside a merged range")
    return cell


def first_sheet(book: ExcelWorkbook) -> Worksheet:
    """The sheet a new openpyxl workbook starts with."""
    sheet = book.active
    if not isinstance(sheet, Worksheet):
        raise ValueError("the workbook has no worksheet to write into")
    return sheet


def set_text(given: Cell | MergedCell, text: str) -> Cell:
    """Writes `text` into a cell as a string that can never become a live formula."""
    cell = writable(given)
    cell.value = excel_text(text)
    if is_formula_like(text):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_value(given: Cell | MergedCell, value: Any) -> Cell:
    """Writes any value; text goes through `set_text`, other values (numbers, dates) as they are."""
    if isinstance(value, str):
        return set_text(given, value)
    cell = writable(given)
    cell.value = value
    return cell


def append_row(sheet: Worksheet, values: list[Any]) -> int:
    """Appends a row of values to a sheet, text written safely; returns the row's number.

    `Worksheet.append` is the fast path; the few formula-like texts are then fixed in place.
    """
    risky: list[tuple[int, str]] = []
    row: list[Any] = []
    for column, value in enumerate(values, start=1):
        if isinstance(value, str) and value:
            if is_formula_like(value):
                risky.append((column, value))
            value = excel_text(value)
        row.append(value)
    sheet.append(row)
    # openpyxl keeps the row `append` just wrote only in a private attribute.
    number: int = sheet._current_row  # type: ignore[attr-defined]
    for column, text in risky:
        set_text(sheet.cell(row=number, column=column), text)
    return number

"""The room's « forme des réseaux » sheet: per participant numbers only, and the room's medians."""

from __future__ import annotations

from openpyxl import Workbook as ExcelWorkbook
from openpyxl.styles import Font

from reseau.export.safety import append_row
from reseau.i18n import Lang, t
from reseau.network_shape import MIN_ROOM, RoomShape

_FORMATS = ("0.0", "0%", "0%")


def add_room_shape_sheet(book: ExcelWorkbook, shape: RoomShape, lang: Lang) -> None:
    """A sheet of the room's shape figures; one line a participant, no name, in no telling order."""
    sheet = book.create_sheet(t("shape.room.sheet", lang)[:31])
    append_row(sheet, [t("shape.room.title", lang)])
    sheet["A1"].font = Font(bold=True, size=14)
    if not shape.shown:
        append_row(sheet, [t("shape.room.too_few", lang, answered=shape.answered, least=MIN_ROOM)])
        return
    append_row(sheet, [t("shape.room.reading", lang, answered=shape.answered)])
    append_row(sheet, [])
    append_row(
        sheet,
        [
            t("shape.room.col.line", lang),
            t("shape.room.col.effective_size", lang),
            t("shape.room.col.density", lang),
            t("shape.room.col.self_introduced", lang),
        ],
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    first = sheet.max_row + 1
    for number, line in enumerate(shape.participants, start=1):
        append_row(sheet, [number, line.effective_size, line.density, line.self_introduced])
    append_row(
        sheet,
        [
            t("shape.room.median", lang),
            shape.median_effective_size,
            shape.median_density,
            shape.median_self_introduced,
        ],
    )
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    for row in sheet.iter_rows(min_row=first, min_col=2, max_col=4):
        for cell, number_format in zip(row, _FORMATS, strict=True):
            cell.number_format = number_format
    for column in "ABCD":
        sheet.column_dimensions[column].width = 24

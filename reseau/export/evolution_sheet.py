"""The « Évolution » sheet: what changed since the last assessment, for a manager to read.

Written only when the workbook holds at least one assessment. It compares the last assessment
with the network on the day of the export: the same sentences as the Bilans screen, then one
row per contact with strength, potential and quadrant before and after, then every assessment.
"""

from __future__ import annotations

from openpyxl import Workbook as ExcelWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from reseau.assessments import compare, sentences, snapshot
from reseau.export.layout import (
    BOLD,
    TITLE,
    ExportContext,
    header_cells,
    section,
    wrapped_text,
)
from reseau.export.safety import set_text, write_value
from reseau.i18n import day, label

_TEXT_WIDTH = 110
_WIDTHS = {"A": 30, "B": 14, "C": 14, "D": 14, "E": 14, "F": 18, "G": 18}


def evolution_sheet(ctx: ExportContext, book: ExcelWorkbook) -> Worksheet | None:
    """Adds the sheet to `book` when there is an assessment to compare with; else nothing."""
    workbook = ctx.workbook
    if not workbook.assessments:
        return None
    sheet = book.create_sheet(ctx.t("export.sheet.evolution"))
    for column, width in _WIDTHS.items():
        sheet.column_dimensions[column].width = width
    last = workbook.assessments[-1]
    now = snapshot(workbook.network, workbook.settings, ctx.today, workbook.links)
    comparison = compare(last, now)
    title = ctx.t(
        "export.evolution.title",
        before=day(last.day, ctx.lang),
        after=day(ctx.today, ctx.lang),
    )
    sheet.cell(row=1, column=1, value=title).font = TITLE
    row = 3
    section(sheet, row, ctx.t("export.evolution.sentences"), last_column=7)
    for sentence in sentences(comparison, ctx.lang):
        row += 1
        wrapped_text(sheet, row, 1, sentence, _TEXT_WIDTH)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    row += 2
    section(sheet, row, ctx.t("export.evolution.contacts"), last_column=7)
    row += 1
    header_cells(
        sheet,
        row,
        [
            ctx.t("export.evolution.contact"),
            ctx.t("export.evolution.strength_before"),
            ctx.t("export.evolution.strength_after"),
            ctx.t("export.evolution.potential_before"),
            ctx.t("export.evolution.potential_after"),
            ctx.t("export.evolution.quadrant_before"),
            ctx.t("export.evolution.quadrant_after"),
        ],
    )
    for move in comparison.moves:
        row += 1
        set_text(sheet.cell(row=row, column=1), move.name)
        values = (
            move.strength_before,
            move.strength_after,
            move.potential_before,
            move.potential_after,
        )
        for number, value in enumerate(values, start=2):
            cell = write_value(sheet.cell(row=row, column=number), _rounded(value))
            cell.number_format = "0"
        sheet.cell(row=row, column=6, value=_quadrant(ctx, move.quadrant_before))
        after = sheet.cell(row=row, column=7, value=_quadrant(ctx, move.quadrant_after))
        if move.changed_quadrant:
            after.font = BOLD
    row += 2
    section(sheet, row, ctx.t("export.evolution.history"), last_column=7)
    for assessment in workbook.assessments:
        row += 1
        sheet.cell(row=row, column=1, value=assessment.title(ctx.lang))
        sheet.cell(
            row=row,
            column=2,
            value=ctx.t("export.evolution.count", count=len(assessment.contacts)),
        )
    sheet.freeze_panes = "A2"
    return sheet


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value)


def _quadrant(ctx: ExportContext, quadrant) -> str:
    return label(quadrant, ctx.lang) if quadrant is not None else ""

"""The « Synthèse » sheet: who and when, key figures, the diagnosis, and native charts.

It reads from top to bottom on A4 portrait pages: each table is followed by its chart, and a block
that would not fit on the rest of a page starts a new one, so no chart is cut in two.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from reseau.diagnosis import diagnose
from reseau.export.charts import coloured_bar_chart, radar_chart
from reseau.export.figures import RADAR_CRITERIA
from reseau.export.layout import (
    BOLD,
    LATE_FONT,
    ROW_POINTS,
    TITLE,
    WIDE_FONT_SHARE,
    WRAP,
    ExportContext,
    coloured,
    header_cells,
    lines_needed,
    print_setup,
    section,
    wrapped_text,
)
from reseau.export.safety import excel_text
from reseau.i18n import label
from reseau.palette import CIRCLE_COLOURS, circle_colour, quadrant_colour
from reseau.vocabulary import Circle

WIDTHS = (34, 16, 16, 16)
TEXT_WIDTH = sum(WIDTHS)
# The cell's own font, named: without it LibreOffice draws rich text in a wider serif face.
FONT_NAME, FONT_SIZE = "Calibri", 11
BAR_HEIGHT_CM = 7.0
RADAR_HEIGHT_CM = 9.5
# A4 portrait between the margins, at 100 % (the sheet is narrower than the page).
PAGE_POINTS = 720.0


def _points(cm: float) -> float:
    return cm / 2.54 * 72


class _Pages:
    """Keeps count of the height used on the current printed page, to break before a block."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.used = 0.0

    def height(self, first: int, last: int) -> float:
        dims = self.sheet.row_dimensions
        return sum(dims[row].height or ROW_POINTS for row in range(first, last + 1))

    def flow(self, first: int, last: int) -> None:
        """Rows that may break anywhere (a list of findings)."""
        for row in range(first, last + 1):
            height = self.height(row, row)
            self.used = height if self.used + height > PAGE_POINTS else self.used + height

    def keep_together(self, first: int, last: int) -> None:
        """Rows that must print on one page: a new page starts before them if needed."""
        height = self.height(first, last)
        if self.used and self.used + height > PAGE_POINTS:
            self.sheet.row_breaks.append(Break(id=first - 1))
            self.used = 0.0
        self.used += height


def _rows_for(points: float) -> int:
    return int(points // ROW_POINTS) + 1


def summary_sheet(ctx: ExportContext, sheet: Worksheet) -> None:
    sheet.title = ctx.t("export.sheet.summary")
    for letter, width in zip("ABCD", WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    pages = _Pages(sheet)
    row = _heading(ctx, sheet)
    pages.keep_together(1, row)
    start = row + 2
    row = _key_figures(ctx, sheet, start)
    pages.keep_together(start, row)
    start = row + 2
    row = _diagnosis(ctx, sheet, start)
    pages.keep_together(start, min(start + 1, row))
    pages.flow(start + 2, row)
    for block in (_by_circle, _by_quadrant, _criteria):
        start = row + 2
        row = block(ctx, sheet, start)
        pages.keep_together(start, row)
    print_setup(sheet, ctx, landscape=False, fit_width=True)


def _heading(ctx: ExportContext, sheet: Worksheet) -> int:
    network = ctx.workbook.network
    sheet.cell(row=1, column=1, value=ctx.t("export.summary.title")).font = TITLE
    sheet.row_dimensions[1].height = 24
    row = 1
    for key, value in (
        ("export.summary.participant", network.participant),
        ("export.summary.mission", network.mission),
    ):
        row += 1
        name = sheet.cell(row=row, column=1, value=ctx.t(key))
        name.font, name.alignment = BOLD, WRAP
        if value:
            wrapped_text(sheet, row, 2, value, sum(WIDTHS[1:]))
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    row += 1
    name = sheet.cell(row=row, column=1, value=ctx.t("export.summary.date"))
    name.font = BOLD
    when = sheet.cell(row=row, column=2, value=ctx.today)
    when.number_format = ctx.date_format
    when.alignment = Alignment(horizontal="left")
    return row


def _key_figures(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    figures, plan = ctx.figures, ctx.figures.plan
    section(sheet, row, ctx.t("export.summary.key_figures"))
    lines: list[tuple[str, Any, str | None]] = [
        ("export.summary.contacts", figures.contacts, None),
        ("export.summary.qualified", figures.qualified, None),
        ("export.summary.qualified_share", figures.qualified_share, "0%"),
        ("export.summary.actions", plan.actions, None),
        ("export.summary.actions_this_week", plan.due_this_week, None),
        ("export.summary.actions_late", plan.late, None),
        ("export.summary.actions_done", plan.done, None),
        ("export.summary.without_action", plan.without_action, None),
    ]
    for key, value, number_format in lines:
        row += 1
        sheet.cell(row=row, column=1, value=ctx.t(key))
        cell = sheet.cell(row=row, column=2, value=value)
        cell.font = BOLD
        if number_format:
            cell.number_format = number_format
        if key == "export.summary.actions_late" and value:
            cell.font = Font(bold=True, color=LATE_FONT.color)
    return row


def _diagnosis(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.diagnosis"))
    network, settings = ctx.workbook.network, ctx.workbook.settings
    findings = diagnose(network, ctx.scores, settings, ctx.today)
    if not findings:
        row += 1
        sheet.cell(row=row, column=1, value=ctx.t("export.summary.no_findings"))
        return row
    for finding in findings:
        row += 1
        severity = ctx.t(finding.severity.label_key)
        text = ctx.t(
            "export.summary.finding",
            message=finding.message(ctx.lang),
            advice=finding.advice(ctx.lang),
        )
        # The severity in bold, then the sentence: a rich text cell, never a formula.
        cell = sheet.cell(row=row, column=1)
        cell.value = CellRichText(
            TextBlock(
                InlineFont(rFont=FONT_NAME, sz=FONT_SIZE, b=True), excel_text(f"{severity} · ")
            ),
            TextBlock(InlineFont(rFont=FONT_NAME, sz=FONT_SIZE), excel_text(text)),
        )
        cell.alignment = WRAP
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        lines = lines_needed(f"{severity} · {text}", TEXT_WIDTH * WIDE_FONT_SHARE)
        sheet.row_dimensions[row].height = ROW_POINTS * lines + 3
    return row


def _by_circle(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.by_circle"))
    row += 1
    header_cells(
        sheet,
        row,
        [
            ctx.t("field.circle"),
            ctx.t("export.column.contacts"),
            ctx.t("export.column.qualified"),
            ctx.t("export.column.actions"),
        ],
    )
    first = row + 1
    items = ctx.figures.by_circle
    for item in items:
        row += 1
        text = ctx.t("circle.none") if item.circle is None else label(item.circle, ctx.lang)
        coloured(sheet.cell(row=row, column=1, value=text), circle_colour(item.circle))
        for column, value in enumerate((item.contacts, item.qualified, item.actions), start=2):
            sheet.cell(row=row, column=column, value=value)
    chart = coloured_bar_chart(
        sheet,
        title=ctx.t("export.chart.by_circle"),
        label_column=1,
        value_column=2,
        first_row=first,
        last_row=row,
        colours=[circle_colour(item.circle) for item in items],
        height_cm=BAR_HEIGHT_CM,
    )
    sheet.add_chart(chart, f"A{row + 2}")
    return row + 1 + _rows_for(_points(BAR_HEIGHT_CM))


def _by_quadrant(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.by_quadrant"))
    row += 1
    header_cells(sheet, row, [ctx.t("field.quadrant"), ctx.t("export.column.contacts")])
    first = row + 1
    items = ctx.figures.by_quadrant
    for quadrant, count in items:
        row += 1
        text = ctx.t("quadrant.none") if quadrant is None else label(quadrant, ctx.lang)
        coloured(sheet.cell(row=row, column=1, value=text), quadrant_colour(quadrant))
        sheet.cell(row=row, column=2, value=count)
    chart = coloured_bar_chart(
        sheet,
        title=ctx.t("export.chart.by_quadrant"),
        label_column=1,
        value_column=2,
        first_row=first,
        last_row=row,
        colours=[quadrant_colour(quadrant) for quadrant, _ in items],
        height_cm=BAR_HEIGHT_CM,
    )
    sheet.add_chart(chart, f"A{row + 2}")
    return row + 1 + _rows_for(_points(BAR_HEIGHT_CM))


def _criteria(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.criteria"))
    row += 1
    header_cells(
        sheet, row, [ctx.t("export.column.criterion"), *(label(c, ctx.lang) for c in Circle)]
    )
    for column, circle in enumerate(Circle, start=2):
        coloured(sheet.cell(row=row, column=column), CIRCLE_COLOURS[circle]).alignment = WRAP
    sheet.row_dimensions[row].height = ROW_POINTS * 2
    first = row + 1
    for name in RADAR_CRITERIA:
        row += 1
        sheet.cell(row=row, column=1, value=ctx.t(f"criterion.{name}"))
        for column, circle in enumerate(Circle, start=2):
            average = ctx.figures.criteria[circle][name]
            if average is not None:
                cell = sheet.cell(row=row, column=column, value=round(average, 2))
                cell.number_format = "0.0"
    chart = radar_chart(
        sheet,
        title=ctx.t("export.chart.criteria"),
        label_column=1,
        first_row=first,
        last_row=row,
        series_columns=[2, 3, 4],
        colours=[CIRCLE_COLOURS[c] for c in Circle],
        height_cm=RADAR_HEIGHT_CM,
    )
    sheet.add_chart(chart, f"A{row + 2}")
    return row + 1 + _rows_for(_points(RADAR_HEIGHT_CM))

"""The « Synthèse » sheet: page 1 is the brief a manager reads in thirty seconds, then details.

Page 1 (one A4 portrait page, its print scale chosen so it fits): who and when, a headline sentence,
the key figures, the first actions in priority order, the priority matrix (a native scatter chart
with the names of the first contacts) and the five marks per circle when assessed. Page 2 onwards:
the diagnosis, then each table followed by its chart; a block that would not fit on the rest of a
page starts a new one, so no chart is cut in two. An unqualified network says so in a sentence
instead of drawing empty charts.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reseau.diagnosis import Finding, diagnose
from reseau.export.charts import (
    Column,
    MatrixColumns,
    PointGroup,
    bar_chart,
    matrix_chart,
    radar_chart,
)
from reseau.export.figures import RADAR_CRITERIA
from reseau.export.layout import (
    BOLD,
    CENTER,
    FONT_NAME,
    FONT_SIZE,
    HEADLINE,
    LATE_FONT,
    MUTED,
    PAGE_HEIGHT_POINTS,
    PAGE_WIDTH_POINTS,
    ROW_POINTS,
    TITLE,
    WIDE_FONT_SHARE,
    WRAP,
    ExportContext,
    Pages,
    coloured,
    column_points,
    header_cells,
    lines_needed,
    print_setup,
    section,
    wrapped_text,
)
from reseau.export.safety import excel_text, write_value
from reseau.i18n import has_text, label, number
from reseau.network_shape import SELF_INTRODUCED_WARNING, NetworkShape, network_shape
from reseau.palette import CENTRE_COLOUR, CIRCLE_COLOURS, circle_colour, quadrant_colour
from reseau.plan import PlanRow
from reseau.vocabulary import FIVE_MARKS, QUADRANT_PRIORITY, Circle, Quadrant

# Name, circle, quadrant, action, due date, status: the columns of the first actions.
WIDTHS = (20, 15, 12, 23, 11, 9)
COLUMNS = len(WIDTHS)
TEXT_WIDTH = sum(WIDTHS)
DIAGNOSIS_SHARE = 0.85
BAR_HEIGHT_CM = 7.0
RADAR_HEIGHT_CM = 9.5
MATRIX_WIDTH_CM = 17.0
MATRIX_HEIGHT_CM = 9.5
# How many first actions page 1 lists (fewer when the five marks take their place below).
TOP_ACTIONS, TOP_ACTIONS_WITH_MARKS = 8, 6
# How many names the matrix writes: beyond that they would only cover each other.
NAMED_POINTS = 20
# Hidden columns holding the matrix's points (name, strength, potential), outside the print area.
DATA_NAME, DATA_X, DATA_Y = 10, 11, 12
CENTERED_WRAP = Alignment(horizontal="center", vertical="top", wrap_text=True)
_SERIES_COLOURS = (CENTRE_COLOUR, "#5B9BD5", "#A9CCE3")


def _points(cm: float) -> float:
    return cm / 2.54 * 72


def _rows_for(points: float) -> int:
    return int(points // ROW_POINTS) + 1


def summary_sheet(ctx: ExportContext, sheet: Worksheet) -> None:
    sheet.title = ctx.t("export.sheet.summary")
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    row = _heading(ctx, sheet)
    row = _headline(ctx, sheet, row + 2)
    row = _key_figures(ctx, sheet, row + 2)
    row = _top_actions(ctx, sheet, row + 2)
    row = _matrix(ctx, sheet, row + 2)
    if _marks_assessed(ctx):
        row = _marks(ctx, sheet, row + 2)
    page_one = sum(sheet.row_dimensions[r].height or ROW_POINTS for r in range(1, row + 1))
    scale = _scale(page_one)
    pages = Pages(sheet, PAGE_HEIGHT_POINTS * 100 / scale)
    start = row + 1
    if _scored(ctx):
        pages.new_page(start)
    else:
        # An early network's page 1 is short: its diagnosis (what to do next) follows on it.
        start += 1
        pages.used = page_one
    row = _diagnosis(ctx, sheet, start)
    pages.keep_together(start, min(start + 1, row))
    pages.flow(start + 2, row)
    blocks = [_by_circle]
    if not shape_of(ctx).is_empty:
        blocks.insert(0, _shape)
    if ctx.figures.qualified or any(q is not None for q, n in ctx.figures.by_quadrant if n):
        blocks.append(_by_quadrant)
    if any(v is not None for marks in ctx.figures.criteria.values() for v in marks.values()):
        blocks.append(_criteria)
    for block in blocks:
        start = row + 2
        row = block(ctx, sheet, start)
        pages.keep_together(start, row)
    print_setup(sheet, ctx, landscape=False, fit_width=False)
    sheet.page_setup.scale = scale
    sheet.print_area = f"A1:{get_column_letter(COLUMNS)}{row}"
    for column in (DATA_NAME, DATA_X, DATA_Y):
        sheet.column_dimensions[get_column_letter(column)].hidden = True


def _scale(page_one: float) -> int:
    """The print scale that fits page 1 on one A4 page, in width and in height."""
    width = sum(column_points(w) for w in WIDTHS)
    return int(min(100, 100 * PAGE_WIDTH_POINTS / width, 100 * PAGE_HEIGHT_POINTS / page_one))


def _merged_text(sheet: Worksheet, row: int, text: str, font: Font, width: float) -> None:
    cell = write_value(sheet.cell(row=row, column=1), text)
    cell.font, cell.alignment = font, WRAP
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMNS)
    size = font.sz or FONT_SIZE
    lines = lines_needed(text, width * WIDE_FONT_SHARE * FONT_SIZE / size)
    sheet.row_dimensions[row].height = ROW_POINTS * size / FONT_SIZE * lines + 3


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
            wrapped_text(sheet, row, 2, value, sum(WIDTHS[1:]) * WIDE_FONT_SHARE)
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=COLUMNS)
    row += 1
    sheet.cell(row=row, column=1, value=ctx.t("export.summary.date")).font = BOLD
    when = sheet.cell(row=row, column=2, value=ctx.today)
    when.number_format = ctx.date_format
    when.alignment = Alignment(horizontal="left")
    return row


def headline(ctx: ExportContext) -> str:
    """Where this network stands, in one sentence: « 29 contacts qualifiés sur 31 ; … »."""
    figures = ctx.figures
    if not figures.contacts:
        return ctx.t("export.headline.empty")
    parts = [
        ctx.t("export.headline.qualified", qualified=figures.qualified, contacts=figures.contacts)
    ]
    develop = dict(figures.by_quadrant).get(Quadrant.DEVELOP, 0)
    if develop:
        parts.append(ctx.t("export.headline.develop", count=develop))
    if figures.plan.late:
        parts.append(ctx.t("export.headline.late", count=figures.plan.late))
    if not figures.plan.actions:
        parts.append(ctx.t("export.headline.no_action"))
    return ctx.t("export.headline.join").join(parts) + "."


def _headline(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    _merged_text(sheet, row, headline(ctx), HEADLINE, TEXT_WIDTH)
    if ctx.figures.contacts and not _scored(ctx):
        row += 1
        _merged_text(sheet, row, ctx.t("export.headline.not_qualified"), MUTED, TEXT_WIDTH)
    return row


def _scored(ctx: ExportContext) -> bool:
    return any(score.quadrant is not None for score in ctx.scores.values())


def _key_figures(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    figures, plan = ctx.figures, ctx.figures.plan
    section(sheet, row, ctx.t("export.summary.key_figures"), last_column=COLUMNS)
    left: list[tuple[str, Any, str | None]] = [
        ("export.summary.contacts", figures.contacts, "# ##0"),
        ("export.summary.qualified", figures.qualified, "# ##0"),
        ("export.summary.qualified_share", figures.qualified_share, "0 %"),
        ("export.summary.without_action", plan.without_action, "# ##0"),
    ]
    right: list[tuple[str, Any, str | None]] = [
        ("export.summary.actions", plan.actions, "# ##0"),
        ("export.summary.actions_this_week", plan.due_this_week, "# ##0"),
        ("export.summary.actions_late", plan.late, "# ##0"),
        ("export.summary.actions_done", plan.done, "# ##0"),
    ]
    for offset, pair in enumerate(zip(left, right, strict=True), start=1):
        for (key, value, number_format), (label_column, value_column) in zip(
            pair, ((1, 3), (4, 6)), strict=True
        ):
            sheet.cell(row=row + offset, column=label_column, value=ctx.t(key))
            cell = sheet.cell(row=row + offset, column=value_column, value=value)
            cell.font = BOLD
            cell.number_format = _number_format(ctx, number_format)
            cell.alignment = Alignment(horizontal="right", indent=1)
            if key == "export.summary.actions_late" and value:
                cell.font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color=LATE_FONT.color)
        sheet.merge_cells(
            start_row=row + offset, start_column=1, end_row=row + offset, end_column=2
        )
    return row + len(left)


def _number_format(ctx: ExportContext, number_format: str | None) -> str:
    """French writes « 5 000 » and « 45 % »; English « 5,000 » and « 45% »."""
    if ctx.lang.value == "fr":
        return {"# ##0": "#,##0", "0 %": '0" "%'}.get(number_format or "", "General")
    return {"# ##0": "#,##0", "0 %": "0%"}.get(number_format or "", "General")


def top_action_rows(ctx: ExportContext) -> list[PlanRow]:
    """The first actions page 1 lists: not done yet, in priority order."""
    limit = TOP_ACTIONS_WITH_MARKS if _marks_assessed(ctx) else TOP_ACTIONS
    return [row for row in ctx.plan.rows if not row.done][:limit]


def _top_actions(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.top_actions"), last_column=COLUMNS)
    rows = top_action_rows(ctx)
    if not rows:
        row += 1
        sheet.cell(row=row, column=1, value=ctx.t("export.plan.empty")).font = MUTED
        return row
    row += 1
    header_cells(
        sheet,
        row,
        [
            ctx.t(f"field.{name}")
            for name in ("name", "circle", "quadrant", "action_text", "action_due", "action_status")
        ],
    )
    for item in rows:
        row += 1
        contact = item.contact
        values: list[Any] = [
            contact.display_name,
            label(contact.circle, ctx.lang) if contact.circle else "",
            label(item.quadrant, ctx.lang) if item.quadrant else "",
            contact.action_text,
            contact.action_due,
            label(contact.action_status, ctx.lang),
        ]
        lines = 1
        for column, value in enumerate(values, start=1):
            cell = write_value(sheet.cell(row=row, column=column), value)
            cell.alignment = WRAP
            if isinstance(value, str):
                lines = max(lines, lines_needed(value, WIDTHS[column - 1] * WIDE_FONT_SHARE))
        due = sheet.cell(row=row, column=5)
        # Centred: a right-aligned date would touch the status beside it.
        due.number_format, due.alignment = ctx.date_format, CENTER
        if item.quadrant is not None:
            coloured(sheet.cell(row=row, column=3), quadrant_colour(item.quadrant)).alignment = WRAP
        if item.late:
            sheet.cell(row=row, column=5).font = Font(
                name=FONT_NAME, size=FONT_SIZE, bold=True, color=LATE_FONT.color
            )
        sheet.row_dimensions[row].height = ROW_POINTS * min(lines, 3)
    return row


def _matrix(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    """The priority matrix: its points in hidden columns, the chart under its title."""
    scored = [
        (contact, score)
        for contact in ctx.workbook.network
        if (score := ctx.scores.get(contact.id)) is not None and score.quadrant is not None
    ]
    if not scored:
        return row - 2
    section(sheet, row, ctx.t("export.summary.matrix"), last_column=COLUMNS)
    named = min(NAMED_POINTS, len(scored))
    row += 1
    sheet.cell(
        row=row, column=1, value=ctx.t("export.summary.matrix_note", count=named)
    ).font = MUTED
    data_row = 1
    for column, text in zip(
        (DATA_NAME, DATA_X, DATA_Y),
        (ctx.t("field.name"), ctx.t("field.strength"), ctx.t("field.potential")),
        strict=True,
    ):
        sheet.cell(row=data_row, column=column, value=text)
    groups = []
    for quadrant in QUADRANT_PRIORITY:
        members = sorted(
            ((c, s) for c, s in scored if s.quadrant is quadrant),
            key=lambda pair: pair[1].rank or 0,
        )
        first = data_row + 1
        for contact, score in members:
            data_row += 1
            write_value(sheet.cell(row=data_row, column=DATA_NAME), contact.display_name)
            sheet.cell(row=data_row, column=DATA_X, value=round(score.strength or 0, 1))
            sheet.cell(row=data_row, column=DATA_Y, value=round(score.potential or 0, 1))
        groups.append(
            PointGroup(
                title=label(quadrant, ctx.lang),
                colour=quadrant_colour(quadrant),
                first_row=first,
                names=[c.display_name for c, _ in members],
                xs=[round(s.strength or 0, 1) for _, s in members],
                ys=[round(s.potential or 0, 1) for _, s in members],
                labelled=sum(1 for _, s in members if (s.rank or 0) <= NAMED_POINTS),
            )
        )
    settings = ctx.workbook.settings
    thresholds = (settings.strength_threshold, settings.potential_threshold)
    lines = (data_row + 2, data_row + 4)
    for first, xs, ys in (
        (lines[0], (thresholds[0], thresholds[0]), (0, 100)),
        (lines[1], (0, 100), (thresholds[1], thresholds[1])),
    ):
        for offset in range(2):
            sheet.cell(row=first + offset, column=DATA_X, value=xs[offset])
            sheet.cell(row=first + offset, column=DATA_Y, value=ys[offset])
    chart = matrix_chart(
        sheet,
        title=ctx.t("export.chart.matrix"),
        x_title=ctx.t("field.strength"),
        y_title=ctx.t("field.potential"),
        columns=MatrixColumns(name=DATA_NAME, x=DATA_X, y=DATA_Y, title_row=1),
        groups=groups,
        threshold_rows=lines,
        thresholds=thresholds,
        width_cm=MATRIX_WIDTH_CM,
        height_cm=MATRIX_HEIGHT_CM,
    )
    sheet.add_chart(chart, f"A{row + 1}")
    return row + _rows_for(_points(MATRIX_HEIGHT_CM))


def _marks_assessed(ctx: ExportContext) -> bool:
    return any(marks for marks in ctx.workbook.network.marks.values())


def _marks(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.marks"), last_column=COLUMNS)
    row += 1
    header_cells(sheet, row, [ctx.t("export.column.mark")])
    # The marks' names wrap in column A, the circles take the next three columns: each name
    # of a circle then fits its column on two lines, even in LibreOffice's wider fallback font.
    for column, circle in enumerate(Circle, start=2):
        cell = coloured(
            sheet.cell(row=row, column=column, value=label(circle, ctx.lang)),
            CIRCLE_COLOURS[circle],
        )
        cell.alignment = CENTERED_WRAP
    sheet.row_dimensions[row].height = ROW_POINTS * 2
    marks = ctx.workbook.network.marks
    for mark in FIVE_MARKS:
        row += 1
        name = ctx.t(f"mark.{mark}")
        sheet.cell(row=row, column=1, value=name).alignment = WRAP
        sheet.row_dimensions[row].height = ROW_POINTS * lines_needed(
            name, WIDTHS[0] * WIDE_FONT_SHARE
        )
        for column, circle in enumerate(Circle, start=2):
            value = marks.get(circle, {}).get(mark)
            cell = sheet.cell(row=row, column=column, value=value if value else "–")
            cell.alignment = CENTER
    return row


def _advice(ctx: ExportContext, finding: Finding) -> str:
    """Advice for the reader of the file: the app's own wording names its buttons."""
    key = f"export.advice.{finding.code}"
    return ctx.t(key) if has_text(key, ctx.lang) else finding.advice(ctx.lang)


def _diagnosis(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.diagnosis"), last_column=COLUMNS)
    network, settings = ctx.workbook.network, ctx.workbook.settings
    findings = diagnose(network, ctx.scores, settings, ctx.today, ctx.workbook.links)
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
            advice=_advice(ctx, finding),
        )
        if formula := finding.formula(ctx.lang):
            text = ctx.t("shape.excel.with_formula", text=text, formula=formula)
        # The severity in bold, then the sentence: a rich text cell, never a formula.
        cell = sheet.cell(row=row, column=1)
        cell.value = CellRichText(
            TextBlock(
                InlineFont(rFont=FONT_NAME, sz=FONT_SIZE, b=True), excel_text(f"{severity} · ")
            ),
            TextBlock(InlineFont(rFont=FONT_NAME, sz=FONT_SIZE), excel_text(text)),
        )
        cell.alignment = WRAP
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMNS)
        # The six merged columns hold about 96 characters a line in LibreOffice's wide fallback
        # font: a row sized for 92 is never cut and never a line taller than its text.
        lines = lines_needed(f"{severity} · {text}", TEXT_WIDTH * DIAGNOSIS_SHARE)
        sheet.row_dimensions[row].height = ROW_POINTS * lines + 2
    return row


def shape_of(ctx: ExportContext) -> NetworkShape:
    """The network's shape as the Synthèse shows it (empty when no link is recorded)."""
    return network_shape(ctx.workbook.network, ctx.workbook.links, ctx.scores)


def _percent_text(ctx: ExportContext, value: float | None) -> str:
    return "–" if value is None else ctx.t("explain.percent", value=number(100 * value, ctx.lang))


def shape_rows(ctx: ExportContext, shape: NetworkShape) -> list[tuple[str, str]]:
    """The shape's figures as (what, value) lines, each saying what it rests on."""
    lang, network = ctx.lang, ctx.workbook.network
    rows: list[tuple[str, str]] = []
    if shape.has_pairs:
        rows += [
            (
                ctx.t("shape.excel.answered"),
                ctx.t(
                    "shape.excel.answered_value",
                    answered=shape.answered_pairs,
                    possible=shape.possible_pairs,
                    alters=len(shape.alters),
                ),
            ),
            (
                ctx.t("shape.excel.density"),
                ctx.t(
                    "shape.excel.density_value",
                    density=_percent_text(ctx, shape.density.value),
                    known=shape.density.known,
                    answered=shape.density.answered,
                ),
            ),
        ]
        for circle, density in shape.density_by_circle.items():
            rows.append(
                (
                    ctx.t("shape.excel.density_circle", circle=label(circle, lang)),
                    ctx.t(
                        "shape.excel.density_value",
                        density=_percent_text(ctx, density.value),
                        known=density.known,
                        answered=density.answered,
                    ),
                )
            )
        rows += [
            (
                ctx.t("shape.excel.effective_size"),
                ctx.t(
                    "shape.excel.effective_size_value",
                    effective=number(shape.effective_size or 0, lang, 1),
                    alters=len(shape.alters),
                    efficiency=_percent_text(ctx, shape.efficiency),
                ),
            ),
            (ctx.t("shape.excel.constraint"), number(shape.constraint or 0, lang, 2)),
            (ctx.t("shape.excel.groups"), number(len(shape.groups), lang)),
            (
                ctx.t("shape.excel.bridges"),
                ", ".join(network.get(b.contact_id).display_name for b in shape.bridges)
                or ctx.t("shape.excel.none"),
            ),
            (
                ctx.t("shape.excel.to_introduce"),
                ctx.t("shape.pairs_sep").join(
                    ctx.t(
                        "shape.pair",
                        first=network.get(p.first).display_name,
                        second=network.get(p.second).display_name,
                    )
                    for p in shape.to_introduce
                )
                or ctx.t("shape.excel.none"),
            ),
        ]
    introduced = shape.self_introduced
    if introduced.whole:
        rows.append(
            (
                ctx.t("shape.excel.self_introduced"),
                ctx.t(
                    "shape.excel.share_value",
                    share=_percent_text(ctx, introduced.value),
                    part=introduced.part,
                    whole=introduced.whole,
                    warning=_percent_text(ctx, SELF_INTRODUCED_WARNING),
                ),
            )
        )
    for trait, spread in shape.diversity.items():
        if spread.counted < 2 or spread.iqv is None:
            continue
        largest = label(Circle(spread.largest), lang) if trait == "circle" else spread.largest
        rows.append(
            (
                ctx.t(f"shape.excel.diversity.{trait}"),
                ctx.t(
                    "shape.excel.diversity_value",
                    iqv=number(spread.iqv, lang, 2),
                    largest=largest,
                    share=_percent_text(ctx, spread.largest_share),
                    counted=spread.counted,
                ),
            )
        )
    return rows


def _shape(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    """The network's shape (who knows whom): its figures, each with what it rests on."""
    section(sheet, row, ctx.t("shape.excel.title"), last_column=COLUMNS)
    row += 1
    _merged_text(sheet, row, ctx.t("shape.excel.reading"), MUTED, TEXT_WIDTH)
    value_width = sum(WIDTHS[2:]) * WIDE_FONT_SHARE
    for what, value in shape_rows(ctx, shape_of(ctx)):
        row += 1
        name = write_value(sheet.cell(row=row, column=1), what)
        name.alignment = WRAP
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell = write_value(sheet.cell(row=row, column=3), value)
        cell.alignment = WRAP
        sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=COLUMNS)
        lines = max(
            lines_needed(value, value_width), lines_needed(what, sum(WIDTHS[:2]) * WIDE_FONT_SHARE)
        )
        sheet.row_dimensions[row].height = ROW_POINTS * lines + 2
    return row


def _by_circle(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.by_circle"), last_column=COLUMNS)
    row += 1
    header_row = row
    titles = [
        ctx.t("export.chart.by_circle_series.contacts"),
        ctx.t("export.chart.by_circle_series.qualified"),
        ctx.t("export.chart.by_circle_series.actions"),
    ]
    header_cells(sheet, row, [ctx.t("field.circle"), *titles])
    items = ctx.figures.by_circle
    labels = []
    for item in items:
        row += 1
        text = ctx.t("circle.none") if item.circle is None else label(item.circle, ctx.lang)
        labels.append(text)
        coloured(sheet.cell(row=row, column=1, value=text), circle_colour(item.circle))
        for column, value in enumerate((item.contacts, item.qualified, item.actions), start=2):
            sheet.cell(row=row, column=column, value=value).number_format = "#,##0"
    series = [
        Column(column, title, values, colour)
        for column, title, values, colour in zip(
            (2, 3, 4),
            titles,
            (
                [i.contacts for i in items],
                [i.qualified for i in items],
                [i.actions for i in items],
            ),
            _SERIES_COLOURS,
            strict=True,
        )
    ]
    if not any(item.circle is not None and item.contacts for item in items):
        return row  # nobody in a circle yet: the table says it, an empty chart would not
    chart = bar_chart(
        sheet,
        title=ctx.t("export.chart.by_circle"),
        header_row=header_row,
        label_column=1,
        labels=labels,
        series=series,
        height_cm=BAR_HEIGHT_CM,
    )
    sheet.add_chart(chart, f"A{row + 2}")
    return row + 1 + _rows_for(_points(BAR_HEIGHT_CM))


def _by_quadrant(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.by_quadrant"), last_column=COLUMNS)
    row += 1
    header_row = row
    header_cells(sheet, row, [ctx.t("field.quadrant"), ctx.t("export.column.contacts")])
    items = ctx.figures.by_quadrant
    labels = []
    for quadrant, count in items:
        row += 1
        text = ctx.t("quadrant.none") if quadrant is None else label(quadrant, ctx.lang)
        labels.append(text)
        coloured(sheet.cell(row=row, column=1, value=text), quadrant_colour(quadrant))
        sheet.cell(row=row, column=2, value=count).number_format = "#,##0"
    chart = bar_chart(
        sheet,
        title=ctx.t("export.chart.by_quadrant"),
        header_row=header_row,
        label_column=1,
        labels=labels,
        series=[Column(2, ctx.t("export.column.contacts"), [n for _, n in items], CENTRE_COLOUR)],
        point_colours=[quadrant_colour(quadrant) for quadrant, _ in items],
        height_cm=BAR_HEIGHT_CM,
    )
    sheet.add_chart(chart, f"A{row + 2}")
    return row + 1 + _rows_for(_points(BAR_HEIGHT_CM))


def _criteria(ctx: ExportContext, sheet: Worksheet, row: int) -> int:
    section(sheet, row, ctx.t("export.summary.criteria"), last_column=COLUMNS)
    row += 1
    header_row = row
    header_cells(
        sheet, row, [ctx.t("export.column.criterion"), *(label(c, ctx.lang) for c in Circle)]
    )
    for column, circle in enumerate(Circle, start=2):
        coloured(sheet.cell(row=row, column=column), CIRCLE_COLOURS[circle]).alignment = WRAP
    sheet.row_dimensions[row].height = ROW_POINTS * 2
    labels = []
    for name in RADAR_CRITERIA:
        row += 1
        labels.append(ctx.t(f"criterion.{name}"))
        sheet.cell(row=row, column=1, value=labels[-1])
        for column, circle in enumerate(Circle, start=2):
            average = ctx.figures.criteria[circle][name]
            if average is not None:
                cell = sheet.cell(row=row, column=column, value=round(average, 2))
                cell.number_format = "0.0"
    series = [
        Column(
            column,
            label(circle, ctx.lang),
            [ctx.figures.criteria[circle][name] for name in RADAR_CRITERIA],
            CIRCLE_COLOURS[circle],
        )
        for column, circle in enumerate(Circle, start=2)
    ]
    chart = radar_chart(
        sheet,
        title=ctx.t("export.chart.criteria"),
        header_row=header_row,
        label_column=1,
        labels=labels,
        series=series,
        height_cm=RADAR_HEIGHT_CM,
    )
    sheet.add_chart(chart, f"A{row + 2}")
    return row + 1 + _rows_for(_points(RADAR_HEIGHT_CM))

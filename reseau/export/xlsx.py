"""The Excel workbook a manager can read without the app, which is also a save file.

Four sheets in the participant's language — Synthèse (key figures, diagnosis, native charts),
Plan d'action (an Excel table to filter, with a status dropdown and colours for late and done
items, set up for A4 landscape), Contacts (every field and score, the table the importer reads
back by its headers) and Méthode (scales, formulas, thresholds, colours) — plus a hidden sheet
`_reseau` holding the workbook's metadata (participant, mission, marks, settings) as JSON.

Every text typed or imported by a person goes through `reseau.export.safety`, so none can
become a live formula.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook as ExcelWorkbook
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from reseau.contact import SCALE_FIELDS
from reseau.contact_fields import FIELDS, FieldKind, names
from reseau.contact_table import TABLE_FIELDS, contact_to_record, headers
from reseau.export.evolution_sheet import evolution_sheet
from reseau.export.figures import key_figures
from reseau.export.layout import (
    BOLD,
    DONE_FILL,
    DONE_FONT,
    LANDSCAPE_HEIGHT_POINTS,
    LATE_FILL,
    LATE_FONT,
    MUTED,
    ROW_POINTS,
    TITLE,
    TOP,
    WIDE_FONT_SHARE,
    WRAP,
    ExportContext,
    Pages,
    coloured,
    column_points,
    fit_widths,
    font,
    header_cells,
    lines_needed,
    print_setup,
    section,
    table_header,
    text_colour_on,
    wrapped_text,
)
from reseau.export.metadata import METADATA_SHEET, SHEET_VERSION, WORKBOOK_ROW
from reseau.export.safety import append_row, first_sheet, set_text, write_value
from reseau.export.summary_sheet import summary_sheet
from reseau.i18n import Lang, label, t
from reseau.method_values import without_accents
from reseau.palette import CIRCLE_COLOURS, hex_argb, quadrant_colour
from reseau.plan import PlanRow, build_plan, role_text
from reseau.scoring import score_network
from reseau.serialization import FORMAT_NAME, workbook_to_dict
from reseau.vocabulary import (
    QUADRANT_PRIORITY,
    SCALES,
    ActionStatus,
    Circle,
)
from reseau.workbook import Workbook

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SCORE_FIELDS: tuple[str, ...] = ("strength", "potential", "quadrant", "rank")
# The Plan sheet's columns: its own row number (1…n, priority order), the network's rank, the
# contact, the scores, the action; then, hidden, the contact's id and the action as exported, which
# `reseau.export.plan_edits` compares with what the reader changed.
PLAN_FIELDS: tuple[str, ...] = (
    "number",
    "rank",
    "name",
    "company",
    "circle",
    "role",
    "quadrant",
    "potential",
    "strength",
    "action_text",
    "action_due",
    "action_status",
    "id",
    "exported_text",
    "exported_due",
    "exported_status",
)
PLAN_HIDDEN: tuple[str, ...] = ("id", "exported_text", "exported_due", "exported_status")
PLAN_HEADER_ROW = 3
_PLAN_WIDTHS = {
    "number": 5,
    "rank": 10,
    "name": 18,
    "company": 14,
    "circle": 12,
    "role": 14,
    "quadrant": 11,
    "potential": 9,
    "strength": 9,
    "action_text": 34,
    "action_due": 11,
    "action_status": 9,
}
_PLAN_WRAPPED = ("name", "company", "circle", "role", "action_text")
_PLAN_NUMBERS = ("number", "rank", "potential", "strength", "action_due")
_PLAN_HEADER_KEYS = {
    "number": "export.plan.number",
    "rank": "export.plan.rank",
    "potential": "export.column.potential_100",
    "strength": "export.column.strength_100",
    "exported_text": "export.plan.exported_text",
    "exported_due": "export.plan.exported_due",
    "exported_status": "export.plan.exported_status",
}
PLAN_TABLE = "PlanAction"
CONTACTS_TABLE = "Contacts"
NUMBERS_CENTRED = Alignment(horizontal="center", vertical="top")


def plan_header(name: str, lang: Lang) -> str:
    """The Plan sheet's header of a column."""
    return t(_PLAN_HEADER_KEYS.get(name, f"field.{name}"), lang)


def _whole(value: float | None) -> int | None:
    return None if value is None else round(value)


# --- Plan d'action ------------------------------------------------------------------------


def _plan_values(ctx: ExportContext, number: int, row: PlanRow) -> list[Any]:
    contact = row.contact
    status = label(contact.action_status, ctx.lang)
    return [
        number,
        row.rank,
        contact.display_name,
        contact.company,
        label(contact.circle, ctx.lang) if contact.circle else "",
        role_text(contact, ctx.lang),
        label(row.quadrant, ctx.lang) if row.quadrant else "",
        _whole(row.score.potential) if row.score else None,
        _whole(row.score.strength) if row.score else None,
        contact.action_text,
        contact.action_due,
        status,
        contact.id,
        contact.action_text,
        contact.action_due,
        status,
    ]


def _plan_sheet(ctx: ExportContext, sheet: Worksheet) -> None:
    sheet.title = ctx.t("export.sheet.plan")
    participant = ctx.workbook.network.participant
    title = (
        ctx.t("export.plan.title_for", name=participant)
        if participant
        else ctx.t("export.plan.title")
    )
    write_value(sheet.cell(row=1, column=1), title).font = TITLE
    sheet.row_dimensions[1].height = 24
    rows = ctx.plan.rows
    legend = ctx.t("export.plan.legend") if rows else ctx.t("export.plan.empty")
    sheet.cell(row=2, column=1, value=legend).font = MUTED
    column_headers = [plan_header(name, ctx.lang) for name in PLAN_FIELDS]
    sheet.append(column_headers)
    table_header(sheet, PLAN_HEADER_ROW, len(PLAN_FIELDS))
    sheet.row_dimensions[PLAN_HEADER_ROW].height = ROW_POINTS * 2
    values = [_plan_values(ctx, n, row) for n, row in enumerate(rows, start=1)] or [
        [None] * len(PLAN_FIELDS)
    ]
    widths = [float(_PLAN_WIDTHS.get(name, 12)) for name in PLAN_FIELDS]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for name in PLAN_HIDDEN:
        sheet.column_dimensions[get_column_letter(PLAN_FIELDS.index(name) + 1)].hidden = True
    dates = [PLAN_FIELDS.index(name) + 1 for name in ("action_due", "exported_due")]
    wrapped = [PLAN_FIELDS.index(name) for name in _PLAN_WRAPPED]
    numbers = [PLAN_FIELDS.index(name) for name in _PLAN_NUMBERS]
    aligned = [*numbers, *wrapped, *(PLAN_FIELDS.index(n) for n in ("quadrant", "action_status"))]
    for record in values:
        number = append_row(sheet, record)
        for column in dates:
            sheet.cell(row=number, column=column).number_format = ctx.date_format
        # Spreadsheets do not grow a row for wrapped text on opening: say how tall it is.
        lines = max(
            lines_needed(str(record[i] or ""), widths[i] * WIDE_FONT_SHARE) for i in wrapped
        )
        for index in aligned:
            cell = sheet.cell(row=number, column=index + 1)
            # Numbers centred: a right-aligned number would touch the next column's text.
            cell.alignment = NUMBERS_CENTRED if index in numbers else WRAP
        if lines > 1:
            sheet.row_dimensions[number].height = ROW_POINTS * lines
    first, last = PLAN_HEADER_ROW + 1, PLAN_HEADER_ROW + len(values)
    last_letter = get_column_letter(len(PLAN_FIELDS))
    table = Table(displayName=PLAN_TABLE, ref=f"A{PLAN_HEADER_ROW}:{last_letter}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = f"A{first}"
    _plan_rules(ctx, sheet, first, last)
    print_setup(sheet, ctx, title_rows=f"{PLAN_HEADER_ROW}:{PLAN_HEADER_ROW}")
    visible = get_column_letter(len(PLAN_FIELDS) - len(PLAN_HIDDEN))
    sheet.print_area = f"A1:{visible}{last}"


def _status_validation(ctx: ExportContext) -> DataValidation:
    statuses = [label(status, ctx.lang) for status in ActionStatus]
    listed = ", ".join(statuses)
    return DataValidation(
        type="list",
        formula1='"' + ",".join(statuses) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle=ctx.t("export.plan.status_error_title"),
        error=ctx.t("export.plan.status_error", statuses=listed),
        promptTitle=ctx.t("field.action_status"),
        prompt=ctx.t("export.plan.status_prompt", statuses=listed),
    )


def _quadrant_rules(ctx: ExportContext, sheet: Worksheet, cells: str) -> None:
    """Each quadrant's cells in its colour, as on the app's matrix."""
    for quadrant in QUADRANT_PRIORITY:
        background = quadrant_colour(quadrant)
        colour = hex_argb(background)
        sheet.conditional_formatting.add(
            cells,
            CellIsRule(
                operator="equal",
                formula=['"' + label(quadrant, ctx.lang) + '"'],
                fill=PatternFill(start_color=colour, end_color=colour, fill_type="solid"),
                font=Font(bold=True, color=text_colour_on(background)),
            ),
        )


def _plan_rules(ctx: ExportContext, sheet: Worksheet, first: int, last: int) -> None:
    """Status dropdown, red for late, green for done, quadrant colours on the quadrant column."""
    letter = {name: get_column_letter(i) for i, name in enumerate(PLAN_FIELDS, start=1)}
    validation = _status_validation(ctx)
    validation.add(f"{letter['action_status']}{first}:{letter['action_status']}{last}")
    sheet.add_data_validation(validation)

    due, status = letter["action_due"], letter["action_status"]
    done = label(ActionStatus.DONE, ctx.lang)
    quadrant_letter = letter["quadrant"]
    before = get_column_letter(PLAN_FIELDS.index("quadrant"))
    after = get_column_letter(PLAN_FIELDS.index("quadrant") + 2)
    rows_range = f"A{first}:{before}{last} {after}{first}:{status}{last}"
    late_rule = FormulaRule(
        formula=[f'AND(${due}{first}<>"",${due}{first}<TODAY(),${status}{first}<>"{done}")'],
        fill=LATE_FILL,
        font=LATE_FONT,
        stopIfTrue=True,
    )
    done_rule = FormulaRule(
        formula=[f'${status}{first}="{done}"'], fill=DONE_FILL, font=DONE_FONT, stopIfTrue=True
    )
    sheet.conditional_formatting.add(rows_range, late_rule)
    sheet.conditional_formatting.add(rows_range, done_rule)
    _quadrant_rules(ctx, sheet, f"{quadrant_letter}{first}:{quadrant_letter}{last}")


# --- Contacts -----------------------------------------------------------------------------


_SCORE_HEADER_KEYS = {
    "strength": "export.column.strength_100",
    "potential": "export.column.potential_100",
}


def contact_sheet_headers(lang: Lang) -> list[str]:
    """The header row of the Contacts sheet: every contact field, then the scores."""
    return [
        *headers(lang),
        *(t(_SCORE_HEADER_KEYS.get(name, f"field.{name}"), lang) for name in SCORE_FIELDS),
    ]


def _contacts_sheet(ctx: ExportContext, sheet: Worksheet) -> None:
    sheet.title = ctx.t("export.sheet.contacts")
    column_headers = contact_sheet_headers(ctx.lang)
    sheet.append(column_headers)
    table_header(sheet, 1, len(column_headers))
    date_columns = [TABLE_FIELDS.index(name) + 1 for name in names(kind=FieldKind.DATE)]
    status_index = TABLE_FIELDS.index("action_status")
    sample: list[list[Any]] = []
    for contact in ctx.workbook.network:
        record = contact_to_record(contact, ctx.lang)
        score = ctx.scores.get(contact.id)
        values = [record[name] for name in TABLE_FIELDS]
        if not contact.has_action and contact.action_status is ActionStatus.TODO:
            values[status_index] = None  # no action, nothing to do: the status stays empty
        if score is not None:
            values += [
                _whole(score.strength),
                _whole(score.potential),
                label(score.quadrant, ctx.lang) if score.quadrant else "",
                score.rank,
            ]
        number = append_row(sheet, values)
        for column in date_columns:
            if values[column - 1] is not None:
                sheet.cell(row=number, column=column).number_format = ctx.date_format
        if len(sample) < 300:
            sample.append(values)
    last = max(2, len(ctx.workbook.network) + 1)
    ref = f"A1:{get_column_letter(len(column_headers))}{last}"
    table = Table(displayName=CONTACTS_TABLE, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = "C2"
    widths = _contacts_layout(sheet, column_headers, sample, len(ctx.workbook.network))
    _contacts_rules(ctx, sheet, last)
    _contacts_print(ctx, sheet, widths)


# The columns printed on the first landscape page: who the person is and where they stand.
_KEY_CONTACT_COLUMNS = 8  # first name … role
# The Contacts sheet prints at this scale: Calibri 11 at 80 % is 8.8 pt.
CONTACTS_PRINT_SCALE = 80
_LANDSCAPE_POINTS = 842 - 2 * 0.4 * 72


def _contacts_print(ctx: ExportContext, sheet: Worksheet, widths: list[float]) -> None:
    """Legible on paper: the key columns on a first landscape page, the others on the
    following pages (names repeated on the left), the header on every page."""
    print_setup(sheet, ctx, title_rows="1:1", fit_width=False)
    sheet.page_setup.scale = CONTACTS_PRINT_SCALE
    sheet.print_title_cols = "A:B"
    room = _LANDSCAPE_POINTS * 100 / CONTACTS_PRINT_SCALE
    names = column_points(widths[0]) + column_points(widths[1])
    breaks = [_KEY_CONTACT_COLUMNS]
    used = names
    for index in range(_KEY_CONTACT_COLUMNS, len(widths)):
        width = column_points(widths[index])
        if used + width > room:
            breaks.append(index)
            used = names
        used += width
    for column in breaks:
        sheet.col_breaks.append(Break(id=column))


def _contacts_rules(ctx: ExportContext, sheet: Worksheet, last: int) -> None:
    """Drop-downs for the method's lists, 1–5 for the scales, quadrant colours."""
    lists = _method_lists(ctx)
    for name, source in lists.items():
        letter = get_column_letter(TABLE_FIELDS.index(name) + 1)
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=ctx.t("export.contacts.list_error_title"),
            error=ctx.t("export.contacts.list_error"),
        )
        validation.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(validation)
    scales = DataValidation(
        type="whole",
        operator="between",
        formula1="1",
        formula2="5",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=ctx.t("export.contacts.scale_error_title"),
        error=ctx.t("export.contacts.scale_error"),
    )
    for name in SCALE_FIELDS:
        letter = get_column_letter(TABLE_FIELDS.index(name) + 1)
        scales.add(f"{letter}2:{letter}{last}")
    sheet.add_data_validation(scales)
    quadrant = get_column_letter(len(TABLE_FIELDS) + SCORE_FIELDS.index("quadrant") + 1)
    _quadrant_rules(ctx, sheet, f"{quadrant}2:{quadrant}{last}")


# The fields of the Contacts sheet chosen from a list, and the method's values of each.
LISTED_FIELDS: dict[str, tuple[Any, ...]] = {
    spec.name: tuple(spec.choices)
    for spec in FIELDS
    if spec.kind is FieldKind.CHOICE and spec.choices is not None
}
# The hidden columns of the Méthode sheet holding those lists (Z onwards).
_LIST_COLUMN = 26


def _method_lists(ctx: ExportContext) -> dict[str, str]:
    """Where each drop-down takes its values: a hidden column of the Méthode sheet (a list
    written in the rule itself is limited to 255 characters, too few for the roles)."""
    sheet = quote_sheetname(ctx.t("export.sheet.method"))
    sources = {}
    for offset, (name, items) in enumerate(LISTED_FIELDS.items()):
        letter = get_column_letter(_LIST_COLUMN + offset)
        sources[name] = f"{sheet}!${letter}$1:${letter}${len(items)}"
    return sources


def _write_method_lists(ctx: ExportContext, sheet: Worksheet) -> None:
    for offset, items in enumerate(LISTED_FIELDS.values()):
        column = _LIST_COLUMN + offset
        for row, item in enumerate(items, start=1):
            sheet.cell(row=row, column=column, value=label(item, ctx.lang))
        sheet.column_dimensions[get_column_letter(column)].hidden = True


# Narrow wrapped columns, so the 29 columns print on one A4 landscape width at a readable size.
_CONTACT_MAX_WIDTH = 18
_CONTACT_WIDER = {"email": 26}


def _contacts_layout(
    sheet: Worksheet, column_headers: list[str], sample: list[list[Any]], count: int
) -> list[float]:
    """Column widths from the values (headers wrap), rows as tall as their wrapped text;
    returns the widths."""
    values = [
        [row[i] if i < len(row) else None for row in sample] for i in range(len(column_headers))
    ]
    widths = fit_widths(sheet, values, minimum=6, maximum=_CONTACT_MAX_WIDTH)
    for index, text in enumerate(column_headers):
        name = TABLE_FIELDS[index] if index < len(TABLE_FIELDS) else ""
        longest_word = max(len(word) for word in text.split())
        widths[index] = max(widths[index], longest_word + 2, _CONTACT_WIDER.get(name, 0))
        sheet.column_dimensions[get_column_letter(index + 1)].width = widths[index]
    # Bold headers run wider still than the values.
    heading = max(
        lines_needed(text, widths[i] * WIDE_FONT_SHARE * 0.85)
        for i, text in enumerate(column_headers)
    )
    sheet.row_dimensions[1].height = ROW_POINTS * heading
    # iter_rows with explicit bounds: `sheet[row]` rescans the whole sheet for its width on every
    # call, which made this loop quadratic in the number of contacts.
    rows = sheet.iter_rows(min_row=2, max_row=count + 1, max_col=len(column_headers))
    for number, cells in enumerate(rows, start=2):
        lines = max(
            lines_needed(_cell_text(cell.value), widths[i] * WIDE_FONT_SHARE)
            for i, cell in enumerate(cells)
        )
        if lines > 1:
            for cell in cells:
                if isinstance(cell.value, str):  # only text wraps; fewer styles, faster
                    cell.alignment = WRAP
            sheet.row_dimensions[number].height = ROW_POINTS * lines
    return widths


def _cell_text(value: Any) -> str:
    return "" if value is None or isinstance(value, (date, int, float)) else str(value)


# --- Méthode ------------------------------------------------------------------------------


_METHOD_TEXT_WIDTH = 100


def _method_lines(ctx: ExportContext) -> list[tuple[str, Sequence[str]]]:
    settings = ctx.workbook.settings
    try:
        from reseau.explain import method_description
    except ImportError:
        pass
    else:
        return [(s.title, s.lines) for s in method_description(settings, ctx.lang)]

    def weights(values: Mapping[str, float]) -> str:
        total = sum(values.values())
        return ", ".join(
            f"{_criterion_name(ctx, name)} {round(100 * w / total)} %" for name, w in values.items()
        )

    return [
        (
            ctx.t("export.method.formulas"),
            (
                ctx.t(
                    "export.method.fallback.strength", weights=weights(settings.strength_weights)
                ),
                ctx.t(
                    "export.method.fallback.potential",
                    weights=weights(settings.potential_weights),
                ),
                ctx.t(
                    "export.method.fallback.thresholds",
                    potential=settings.potential_threshold,
                    strength=settings.strength_threshold,
                ),
                ctx.t("export.method.fallback.missing"),
            ),
        )
    ]


# Recency and result are weighed in the strength but named after the last contact's fields.
_WEIGHT_KEYS = {"recency": "field.last_contact_date", "result": "field.last_contact_result"}


def _criterion_name(ctx: ExportContext, name: str) -> str:
    return ctx.t(_WEIGHT_KEYS.get(name, f"criterion.{name}"))


def _method_sheet(ctx: ExportContext, sheet: Worksheet) -> None:
    sheet.title = ctx.t("export.sheet.method")
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = _METHOD_TEXT_WIDTH
    sheet.cell(row=1, column=1, value=ctx.t("export.method.title")).font = TITLE
    sheet.row_dimensions[1].height = 24
    row = 3
    section(sheet, row, ctx.t("export.method.scales"), last_column=2)
    # A scale's block (name, header, five points) never splits across two pages.
    pages = Pages(sheet, LANDSCAPE_HEIGHT_POINTS)
    pages.keep_together(1, row)
    for scale in SCALES:
        row += 2
        start = row - 1
        sheet.cell(row=row, column=1, value=ctx.t(scale.label_key)).font = BOLD
        sheet.cell(row=row, column=2, value=ctx.t(scale.help_key)).font = MUTED
        row += 1
        header_cells(sheet, row, [ctx.t("export.method.point"), ctx.t("export.method.meaning")])
        for point in scale.points:
            row += 1
            cell = sheet.cell(row=row, column=1, value=point)
            cell.alignment = Alignment(horizontal="center")
            sheet.cell(row=row, column=2, value=ctx.t(scale.anchor_key(point)))
        pages.keep_together(start, row)

    row += 2
    section(sheet, row, ctx.t("export.method.formulas"), last_column=2)
    for title, lines in _method_lines(ctx):
        row += 2
        heading = sheet.cell(row=row, column=1, value=title)
        heading.font, heading.alignment = BOLD, TOP
        for line in lines:
            wrapped_text(sheet, row, 2, line, _METHOD_TEXT_WIDTH)
            row += 1
        row -= 1

    row += 2
    section(sheet, row, ctx.t("export.method.legend"), last_column=2)
    row += 2
    sheet.cell(row=row, column=1, value=ctx.t("export.method.legend.circles")).font = BOLD
    for circle in Circle:
        row += 1
        coloured(
            sheet.cell(row=row, column=1, value=label(circle, ctx.lang)), CIRCLE_COLOURS[circle]
        )
        sheet.cell(row=row, column=2, value=ctx.t(f"circle.{circle.value}.help"))
    row += 2
    sheet.cell(row=row, column=1, value=ctx.t("export.method.legend.quadrants")).font = BOLD
    for quadrant in QUADRANT_PRIORITY:
        row += 1
        coloured(
            sheet.cell(row=row, column=1, value=label(quadrant, ctx.lang)),
            quadrant_colour(quadrant),
        )
        sheet.cell(row=row, column=2, value=ctx.t(quadrant.help_key))
    row += 2
    sheet.cell(row=row, column=1, value=ctx.t("export.method.legend.plan")).font = BOLD
    for sample_fill, sample_font, key in (
        (LATE_FILL, LATE_FONT, "export.method.legend.late"),
        (DONE_FILL, DONE_FONT, "export.method.legend.done"),
    ):
        row += 1
        sample = sheet.cell(row=row, column=1, value=ctx.t(key))
        sample.fill, sample.font = sample_fill, font(color=sample_font.color)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    _write_method_lists(ctx, sheet)
    print_setup(sheet, ctx)
    sheet.print_area = f"A1:B{row}"


# --- Metadata -----------------------------------------------------------------------------


def _metadata_sheet(ctx: ExportContext, sheet: Worksheet) -> None:
    """The hidden sheet: the workbook's own document (contacts aside), so the file is a save."""
    sheet.title = METADATA_SHEET
    sheet.sheet_state = "hidden"
    document = workbook_to_dict(ctx.workbook, contacts=False)
    document.pop("cursor", None)
    document["lang"] = ctx.lang.value  # the file's language is the one to come back to
    rows: list[tuple[str, Any]] = [
        ("format", FORMAT_NAME),
        ("format_version", SHEET_VERSION),
        ("exported_on", ctx.today.isoformat()),
        ("contacts_sheet", ctx.t("export.sheet.contacts")),
        ("contact_count", len(ctx.workbook.network)),
        (WORKBOOK_ROW, json.dumps(document, ensure_ascii=False)),
    ]
    for key, value in rows:
        append_row(sheet, [key, value])


# --- The whole file -----------------------------------------------------------------------


def _context(workbook: Workbook, lang: Lang | str | None, today: date | None) -> ExportContext:
    chosen = Lang.parse(lang, workbook.lang) if lang else workbook.lang
    day = today or date.today()
    scores = score_network(workbook.network, workbook.settings, day)
    plan = build_plan(workbook.network, scores, chosen, day)
    return ExportContext(
        workbook, chosen, day, scores, plan, key_figures(workbook.network, scores, plan)
    )


def write_xlsx(
    workbook: Workbook,
    target: str | Path | BinaryIO,
    *,
    lang: Lang | str | None = None,
    today: date | None = None,
) -> None:
    """Writes the Excel workbook of this Réseau workbook to a path or a binary file."""
    ctx = _context(workbook, lang, today)
    book = ExcelWorkbook()
    book.properties.creator = "Réseau"
    book.properties.title = ctx.t("export.summary.title")
    summary_sheet(ctx, first_sheet(book))
    _plan_sheet(ctx, book.create_sheet())
    _contacts_sheet(ctx, book.create_sheet())
    evolution_sheet(ctx, book)
    _method_sheet(ctx, book.create_sheet())
    _metadata_sheet(ctx, book.create_sheet())
    book.active = 0
    book.save(target)


def build_xlsx(
    workbook: Workbook, *, lang: Lang | str | None = None, today: date | None = None
) -> bytes:
    """The Excel workbook as bytes, ready for a download."""
    buffer = io.BytesIO()
    write_xlsx(workbook, buffer, lang=lang, today=today)
    return buffer.getvalue()


def download_name(participant: str, today: date, lang: Lang | str) -> str:
    """The file's name: `reseau-marie-curie-2026-11-27.xlsx`, plain letters only."""
    plain = without_accents(participant).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-")
    if slug:
        return t("export.file_name_for", lang, name=slug, date=today.isoformat())
    return t("export.file_name", lang, date=today.isoformat())


def notice_xlsx(text: str) -> bytes:
    """A one-sheet workbook holding a sentence: what a download gives when its file failed."""
    book = ExcelWorkbook()
    sheet = first_sheet(book)
    sheet.title = "Réseau"
    set_text(sheet["A1"], text)
    sheet.column_dimensions["A"].width = 100
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

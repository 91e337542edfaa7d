"""The room of a workshop as an Excel file for the trainer: counts only, no contact's details."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from io import BytesIO
from typing import Any

from openpyxl import Workbook as ExcelWorkbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reseau.export.safety import append_row, first_sheet
from reseau.export.shape_sheet import add_room_shape_sheet
from reseau.follow_up import FollowUp, is_share
from reseau.follow_up import rows as follow_up_rows
from reseau.i18n import Lang, label, t
from reseau.palette import circle_colour, hex_argb, quadrant_colour
from reseau.room import MIN_ROOM, RoomSummary, circle_medians
from reseau.vocabulary import SCALES, circle_of

_HEADER_FONT = Font(bold=True, color="FFFFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="FF1F4E79")
_TITLE_FONT = Font(bold=True, size=14)


def _table(sheet: Worksheet, headers: Iterable[str], rows: Iterable[Sequence[Any]]) -> None:
    append_row(sheet, list(headers))
    for cell in sheet[sheet.max_row]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = f"A{sheet.max_row + 1}"
    for row in rows:
        append_row(sheet, list(row))


def _fit_columns(sheet: Worksheet) -> None:
    for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        longest = max((len(str(v)) for v in column if v is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 10), 50)


def _swatch(sheet: Worksheet, row: int, colour: str) -> None:
    sheet.cell(row=row, column=1).fill = PatternFill("solid", fgColor=hex_argb(colour))
    sheet.cell(row=row, column=1).font = Font(bold=True, color="FFFFFFFF")


def room_excel(
    summary: RoomSummary, lang: Lang, exported: datetime, follow_up: FollowUp | None = None
) -> bytes:
    """The room's aggregate as an .xlsx file: progress, circles, empty roles, quadrants.

    A follow-up workshop's file adds the room before and after (`reseau.follow_up`).
    """
    book = ExcelWorkbook()
    about = first_sheet(book)
    about.title = t("workshop.sheet.about", lang)[:31]
    workshop = summary.workshop
    append_row(about, [t("workshop.export.title", lang)])
    about["A1"].font = _TITLE_FONT
    facts: list[tuple[str, Any]] = [
        (t("workshop.field.name", lang), workshop.name),
        (t("workshop.field.code", lang), workshop.display_code),
        (t("workshop.field.created", lang), workshop.created_at.replace(tzinfo=None)),
        (
            t("workshop.field.status", lang),
            t("workshop.status.open" if workshop.is_open else "workshop.status.closed", lang),
        ),
        (t("workshop.field.participants", lang), len(summary.participants)),
        (t("workshop.field.contacts", lang), summary.total_contacts),
        (t("workshop.field.exported", lang), exported.replace(tzinfo=None)),
    ]
    for name, value in facts:
        append_row(about, [name, value])
    for cells in about.iter_rows(min_row=2):
        cells[0].font = Font(bold=True)
        if isinstance(cells[1].value, datetime):
            cells[1].number_format = "yyyy-mm-dd hh:mm"
    append_row(about, [])
    append_row(about, [t("workshop.export.privacy", lang)])

    progress = book.create_sheet(t("workshop.sheet.participants", lang)[:31])
    _table(
        progress,
        [
            t("workshop.col.participant", lang),
            t("workshop.col.contacts", lang),
            t("workshop.col.sorted", lang),
            t("workshop.col.qualified", lang),
            t("workshop.col.actions", lang),
            t("workshop.col.last_activity", lang),
        ],
        [
            (
                p.label(lang),
                p.contacts,
                p.sorted,
                p.qualified,
                p.actions,
                p.last_activity.replace(tzinfo=None, microsecond=0),
            )
            for p in summary.participants
        ],
    )
    for row in progress.iter_rows(min_row=2, min_col=6, max_col=6):
        row[0].number_format = "yyyy-mm-dd hh:mm"

    circles = book.create_sheet(t("workshop.sheet.circles", lang)[:31])
    medians = circle_medians(summary.profiles)
    _table(
        circles,
        [t("workshop.col.circle", lang), t("workshop.col.contacts", lang)]
        + [t("workshop.col.average", lang, criterion=label(s, lang)) for s in SCALES]
        + [t("workshop.col.median", lang, count=MIN_ROOM)],
        [
            (
                label(f.circle, lang),
                f.contacts,
                *(f.averages[s.code] for s in SCALES),
                medians[f.circle],
            )
            for f in summary.circles
        ]
        + [
            (t("circle.none", lang), count)
            for circle, count in summary.contacts_per_circle
            if circle is None
        ],
    )
    for row, figures in enumerate(summary.circles, start=2):
        _swatch(circles, row, circle_colour(figures.circle))

    roles = book.create_sheet(t("workshop.sheet.empty_roles", lang)[:31])
    _table(
        roles,
        [
            t("workshop.col.role", lang),
            t("workshop.col.circle", lang),
            t("workshop.col.empty_for", lang, total=summary.sorting_participants),
        ],
        [
            (label(role, lang), label(circle_of(role), lang), count)
            for role, count in summary.empty_roles
        ],
    )

    quadrants = book.create_sheet(t("workshop.sheet.quadrants", lang)[:31])
    scored = sum(count for _, count in summary.quadrants)
    _table(
        quadrants,
        [
            t("workshop.col.quadrant", lang),
            t("workshop.col.contacts", lang),
            t("workshop.col.share", lang),
        ],
        [
            (label(q, lang), count, round(count / scored, 3) if scored else None)
            for q, count in summary.quadrants
        ],
    )
    for row, (quadrant, _) in enumerate(summary.quadrants, start=2):
        _swatch(quadrants, row, quadrant_colour(quadrant))
        quadrants.cell(row=row, column=3).number_format = "0%"

    for sheet in book.worksheets:
        _fit_columns(sheet)
    if follow_up is not None:
        _add_follow_up_sheet(book, follow_up, lang)
    if not summary.shape.is_empty:
        add_room_shape_sheet(book, summary.shape, lang)
    about.column_dimensions["B"].width = 40
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _add_follow_up_sheet(book: ExcelWorkbook, follow_up: FollowUp, lang: Lang | str) -> None:
    """The « Suivi » sheet of the room's Excel file: every figure before and after."""
    sheet = book.create_sheet(t("follow_up.sheet", lang)[:31])
    if not follow_up.shown:
        append_row(sheet, [t("follow_up.too_few", lang, count=MIN_ROOM)])
        return
    _table(
        sheet,
        [
            t("follow_up.col.figure", lang),
            t("follow_up.col.before", lang),
            t("follow_up.col.after", lang),
        ],
        follow_up_rows(follow_up, lang),
    )
    for index, row in enumerate(sheet.iter_rows(min_row=2, min_col=2, max_col=3)):
        if is_share(index):
            for cell in row:
                cell.number_format = "0%"
    _fit_columns(sheet)

"""What every sheet of the export shares: the facts being written, styles and layout helpers."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from reseau.export.figures import KeyFigures
from reseau.export.safety import writable, write_value
from reseau.i18n import Lang, t
from reseau.palette import CENTRE_COLOUR, INK, hex_argb
from reseau.plan import Plan
from reseau.scoring import Score
from reseau.workbook import Workbook

DATE_FORMATS = {Lang.FR: "DD/MM/YYYY", Lang.EN: "YYYY-MM-DD"}

WHITE = "FFFFFFFF"
# Every font is named and sized: without a name LibreOffice draws bold text in a serif face.
FONT_NAME, FONT_SIZE = "Calibri", 11


def font(size: float = FONT_SIZE, **style: Any) -> Font:
    """The export's font (Calibri), at a size, with a style (bold, italic, colour)."""
    return Font(name=FONT_NAME, size=size, **style)


PLAIN = font()
TITLE = font(16, bold=True, color=hex_argb(CENTRE_COLOUR))
HEADLINE = font(13, bold=True, color=hex_argb(CENTRE_COLOUR))
SECTION = font(12, bold=True, color=WHITE)
SECTION_FILL = PatternFill("solid", fgColor=hex_argb(CENTRE_COLOUR))
HEADER_FILL = PatternFill("solid", fgColor="FFDDEBF7")
BOLD = font(bold=True)
MUTED = font(italic=True, color="FF595959")
ON_COLOUR = font(bold=True, color=WHITE)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTER = Alignment(horizontal="center", vertical="top")
# Excel's own "bad" and "good" colours: what a manager already reads as late and done.
LATE_FILL = PatternFill(start_color="FFFFC7CE", end_color="FFFFC7CE", fill_type="solid")
LATE_FONT = Font(color="FF9C0006")
DONE_FILL = PatternFill(start_color="FFC6EFCE", end_color="FFC6EFCE", fill_type="solid")
DONE_FONT = Font(color="FF006100")
# A4 between the margins of `print_setup`, in points (portrait; swap them for landscape).
PAGE_WIDTH_POINTS = 595 - 2 * 0.4 * 72
PAGE_HEIGHT_POINTS = 842 - 2 * 0.75 * 72 - 8
LANDSCAPE_HEIGHT_POINTS = 595 - 2 * 0.75 * 72 - 8
ROW_POINTS = 15.0
# Wide fallback fonts (DejaVu Sans where Calibri is missing, as in many LibreOffice installs) fit
# fewer characters per line than Excel: rows sized with this share of the width never overlap.
WIDE_FONT_SHARE = 0.8


@dataclass(frozen=True)
class ExportContext:
    """The facts one export writes, computed once for every sheet."""

    workbook: Workbook
    lang: Lang
    today: date
    scores: Mapping[str, Score]
    plan: Plan
    figures: KeyFigures

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    @property
    def date_format(self) -> str:
        return DATE_FORMATS[self.lang]


def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=hex_argb(colour))


def _luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def text_colour_on(colour: str) -> str:
    """White or the palette's ink, whichever contrasts more with a fill (WCAG contrast)."""
    background = _luminance(colour)
    on_white = 1.05 / (background + 0.05)
    on_ink = (background + 0.05) / (_luminance(INK) + 0.05)
    return WHITE if on_white >= on_ink else hex_argb(INK)


def coloured(given: Cell | MergedCell, colour: str) -> Cell:
    """A cell filled with a palette colour, its text in bold white or ink, whichever reads."""
    cell = writable(given)
    cell.fill = fill(colour)
    cell.font = font(bold=True, color=text_colour_on(colour))
    return cell


def section(sheet: Worksheet, row: int, text: str, last_column: int = 4) -> None:
    """A band across the sheet naming what follows."""
    for column in range(1, last_column + 1):
        sheet.cell(row=row, column=column).fill = SECTION_FILL
    sheet.cell(row=row, column=1, value=text).font = SECTION
    sheet.row_dimensions[row].height = 18


def header_cells(sheet: Worksheet, row: int, texts: Sequence[str], start: int = 1) -> None:
    for column, text in enumerate(texts, start=start):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font = BOLD
        cell.fill = HEADER_FILL


def table_header(sheet: Worksheet, row: int, columns: int) -> None:
    """Styles an Excel table's header row by hand too: not every spreadsheet draws table styles."""
    for column in range(1, columns + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = ON_COLOUR
        cell.fill = SECTION_FILL
        cell.alignment = WRAP


def lines_needed(text: str, width_chars: float) -> int:
    # A little slack per line: proportional fonts fit more than one character per width unit.
    per_line = max(width_chars * 1.2, 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def wrapped_text(sheet: Worksheet, row: int, column: int, text: str, width_chars: float) -> None:
    """Text that wraps in its cell, on a row tall enough to show all of it."""
    cell = write_value(sheet.cell(row=row, column=column), text)
    cell.alignment = WRAP
    height = ROW_POINTS * lines_needed(text, width_chars)
    current = sheet.row_dimensions[row].height or ROW_POINTS
    sheet.row_dimensions[row].height = max(height, current)


def print_setup(
    sheet: Worksheet,
    ctx: ExportContext,
    *,
    landscape: bool = True,
    fit_width: bool = True,
    title_rows: str | None = None,
) -> None:
    """A4, fitted to the page's width when asked, with the sheet's name and page numbers."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if fit_width:
        if sheet.sheet_properties.pageSetUpPr is None:
            sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    # The footer sits in the bottom margin: leave it room, or it is clipped.
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    footer = sheet.oddFooter
    # openpyxl always gives a sheet its footers; its stubs leave them optional.
    assert footer is not None
    footer.left.text = "&A"
    footer.right.text = ctx.t("export.footer.page")


def column_points(width: float) -> float:
    """A column's printed width in points, from its width in characters.

    LibreOffice without Calibri draws columns about a third wider than Excel (9.4 pixels a
    character instead of 7): a page fitted for it fits Excel too."""
    return (width * 9.4 + 5) * 0.75


def fit_widths(
    sheet: Worksheet,
    columns: Sequence[Sequence[object]],
    *,
    minimum: float = 8,
    maximum: float = 48,
) -> list[float]:
    """Column widths from the longest value shown (a sample of rows is enough); returns them."""
    widths = []
    for index, values in enumerate(columns, start=1):
        longest = max((len(_shown(v)) for v in values), default=0)
        width = min(max(longest + 2, minimum), maximum)
        sheet.column_dimensions[get_column_letter(index)].width = width
        widths.append(width)
    return widths


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return "00/00/0000"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class Pages:
    """Keeps count of the height used on the current printed page, to break before a block."""

    def __init__(self, sheet: Worksheet, page: float) -> None:
        self.sheet = sheet
        self.page = page
        self.used = 0.0

    def height(self, first: int, last: int) -> float:
        dims = self.sheet.row_dimensions
        return sum(dims[row].height or ROW_POINTS for row in range(first, last + 1))

    def new_page(self, before: int) -> None:
        self.sheet.row_breaks.append(Break(id=before - 1))
        self.used = 0.0

    def flow(self, first: int, last: int) -> None:
        """Rows that may break anywhere (a list of findings)."""
        for row in range(first, last + 1):
            height = self.height(row, row)
            self.used = height if self.used + height > self.page else self.used + height

    def keep_together(self, first: int, last: int) -> None:
        """Rows that must print on one page: a new page starts before them if needed."""
        height = self.height(first, last)
        if self.used and self.used + height > self.page:
            self.new_page(first)
        self.used += height

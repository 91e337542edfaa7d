"""Native Excel charts (chart parts of the file, not pictures) in the app's colours.

Every series carries a cache of its values and text categories, so a previewer that does not
recalculate (mail, Teams, QuickLook, phones) still draws the chart; titles never overlay the plot
and corners are square.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.chart import BarChart, RadarChart, Reference, ScatterChart
from openpyxl.chart.axis import NumericAxis
from openpyxl.chart.data_source import (
    AxDataSource,
    NumData,
    NumDataSource,
    NumRef,
    NumVal,
    StrData,
    StrRef,
    StrVal,
)
from openpyxl.chart.label import DataLabel, DataLabelList
from openpyxl.chart.legend import Legend, LegendEntry
from openpyxl.chart.marker import DataPoint, Marker
from openpyxl.chart.series import SeriesLabel, XYSeries
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title, title_maker
from openpyxl.descriptors import Typed
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import (
    CharacterProperties,
    Font,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.utils import quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

_WIDTH_CM = 15.0
_HEIGHT_CM = 7.5
FONT_NAME = "Calibri"


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _text_properties(size: float, bold: bool = False) -> RichText:
    """A named font and size for a chart's texts: previewers otherwise pick their own."""
    font = CharacterProperties(latin=Font(typeface=FONT_NAME), sz=int(size * 100), b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=font), endParaRPr=font)])


def _title(text: str) -> Title:
    made = title_maker(text)
    made.overlay = False
    # title_maker always writes its text as rich text; the stubs leave both levels optional.
    assert made.tx is not None and made.tx.rich is not None
    for paragraph in made.tx.rich.p:
        font = CharacterProperties(latin=Font(typeface=FONT_NAME), sz=1100, b=True)
        paragraph.pPr = ParagraphProperties(defRPr=font)
    return made


def _size(chart: BarChart | RadarChart | ScatterChart, width_cm: float, height_cm: float) -> None:
    # openpyxl takes any number of centimetres; its stubs type the width as an int.
    chart.width = width_cm  # type: ignore[assignment]
    chart.height = height_cm


def _legend_below(chart: BarChart | RadarChart | ScatterChart) -> Legend:
    if chart.legend is None:
        chart.legend = Legend()
    chart.legend.position = "b"
    return chart.legend


def _finish(chart: BarChart | RadarChart | ScatterChart, title: str) -> None:
    chart.title = _title(title)
    chart.roundedCorners = False
    # openpyxl marks axes as deleted unless told otherwise; Excel then draws none.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _ref(sheet: Worksheet, column: int, first: int, last: int) -> str:
    return str(Reference(sheet, min_col=column, min_row=first, max_row=last))


def num_source(ref: str, values: Sequence[float | None], number_format: str = "General"):
    """A numeric data source with its cached values."""
    points = [NumVal(idx=i, v=v) for i, v in enumerate(values) if v is not None]
    cache = NumData(formatCode=number_format, ptCount=len(values), pt=points)
    return NumRef(f=ref, numCache=cache)


def str_ref(ref: str, texts: Sequence[str]) -> StrRef:
    """A text data source with its cached texts."""
    points = [StrVal(idx=i, v=text) for i, text in enumerate(texts)]
    return StrRef(f=ref, strCache=StrData(ptCount=len(texts), pt=points))


def _series_title(sheet: Worksheet, row: int, column: int, text: str) -> SeriesLabel:
    ref = f"{quote_sheetname(sheet.title)}!${_letter(column)}${row}"
    return SeriesLabel(strRef=str_ref(ref, [text]))


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


@dataclass(frozen=True)
class Column:
    """A column of cells feeding a series: where it is, its header and its values."""

    column: int
    title: str
    values: Sequence[float | None]
    colour: str


def bar_chart(
    sheet: Worksheet,
    *,
    title: str,
    header_row: int,
    label_column: int,
    labels: Sequence[str],
    series: Sequence[Column],
    point_colours: Sequence[str] | None = None,
    height_cm: float = _HEIGHT_CM,
) -> BarChart:
    """A column chart: one series per `series` column side by side (clustered), or one series
    whose bars each take their category's colour (`point_colours`)."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.style = 10
    _size(chart, _WIDTH_CM, height_cm)
    first, last = header_row + 1, header_row + len(labels)
    categories = str_ref(_ref(sheet, label_column, first, last), list(labels))
    for column in series:
        values = num_source(_ref(sheet, column.column, first, last), column.values, "0")
        chart.series.append(
            _bar_series(
                len(chart.series), sheet, header_row, column, values, categories, point_colours
            )
        )
    chart.legend = None if len(series) == 1 else chart.legend
    if chart.legend is not None:
        chart.legend.position = "b"
    chart.y_axis.majorGridlines = None
    chart.y_axis.numFmt = "0"
    chart.y_axis.scaling.min = 0
    chart.gapWidth = 60
    chart.overlap = 0 if len(series) > 1 else None
    _finish(chart, title)
    return chart


def _bar_series(index, sheet, header_row, column, values, categories, point_colours):
    from openpyxl.chart.series import Series

    series = Series(
        idx=index,
        order=index,
        tx=_series_title(sheet, header_row, column.column, column.title),
        val=NumDataSource(numRef=values),
        cat=AxDataSource(strRef=categories),
    )
    series.graphicalProperties = GraphicalProperties(solidFill=_hex(column.colour))
    series.graphicalProperties.line.solidFill = _hex(column.colour)
    for point_index, colour in enumerate(point_colours or ()):
        point = DataPoint(idx=point_index)
        point.graphicalProperties = GraphicalProperties(solidFill=_hex(colour))
        point.graphicalProperties.line.solidFill = _hex(colour)
        series.dPt.append(point)
    series.dLbls = DataLabelList(
        showVal=True, showSerName=False, showCatName=False, showLegendKey=False, showPercent=False
    )
    return series


def radar_chart(
    sheet: Worksheet,
    *,
    title: str,
    header_row: int,
    label_column: int,
    labels: Sequence[str],
    series: Sequence[Column],
    height_cm: float = _HEIGHT_CM,
) -> RadarChart:
    """A radar with one line per series column, 1 to 5."""
    chart = RadarChart()
    chart.type = "marker"
    chart.radarStyle = "marker"
    _size(chart, _WIDTH_CM, height_cm)
    first, last = header_row + 1, header_row + len(labels)
    categories = str_ref(_ref(sheet, label_column, first, last), list(labels))
    from openpyxl.chart.series import Series

    for index, column in enumerate(series):
        values = num_source(_ref(sheet, column.column, first, last), column.values, "0.0")
        line = Series(
            idx=index,
            order=index,
            tx=_series_title(sheet, header_row, column.column, column.title),
            val=NumDataSource(numRef=values),
            cat=AxDataSource(strRef=categories),
        )
        colour = _hex(column.colour)
        line.graphicalProperties = GraphicalProperties(ln=LineProperties(solidFill=colour))
        line.graphicalProperties.line.width = 28575  # 2.25 pt
        line.marker = Marker(symbol="circle", size=6)
        line.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
        line.marker.graphicalProperties.line.solidFill = colour
        line.smooth = False
        chart.series.append(line)
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 5
    chart.y_axis.majorUnit = 1
    chart.y_axis.numFmt = "0"
    _legend_below(chart)
    _finish(chart, title)
    return chart


class _NamedLabel(DataLabel):
    """A point's data label whose text is a cell (the contact's name), with its cached text."""

    tagname = "dLbl"
    tx = Typed(expected_type=Text, allow_none=True)
    __elements__ = ("idx", "tx", *DataLabel.__elements__[1:])
    # openpyxl's metaclass lists only this class's own nested fields: keep the parent's.
    __nested__ = DataLabel.__nested__
    __attrs__ = DataLabel.__attrs__

    def __init__(self, idx: int = 0, tx: Text | None = None, **kw) -> None:
        super().__init__(idx=idx, **kw)
        self.tx = tx


def _label_text(name: str) -> Text:
    """A data label's own text: a cell reference (Excel's « value from cell ») is not drawn by
    LibreOffice or by previewers, a written text is drawn everywhere."""
    run = RegularTextRun(t=name, rPr=CharacterProperties(latin=Font(typeface=FONT_NAME), sz=700))
    return Text(rich=RichText(p=[Paragraph(r=[run])]))


@dataclass(frozen=True)
class PointGroup:
    """One series of the matrix: a quadrant's contacts, written in consecutive rows."""

    title: str
    colour: str
    first_row: int
    names: Sequence[str]
    xs: Sequence[float]
    ys: Sequence[float]
    labelled: int  # how many of the first points carry their name


@dataclass(frozen=True)
class MatrixColumns:
    """Where the matrix's cells are: names, strength (x), potential (y), series titles."""

    name: int
    x: int
    y: int
    title_row: int


def matrix_chart(
    sheet: Worksheet,
    *,
    title: str,
    x_title: str,
    y_title: str,
    columns: MatrixColumns,
    groups: Sequence[PointGroup],
    threshold_rows: tuple[int, int] | None,
    thresholds: tuple[float, float],
    width_cm: float,
    height_cm: float,
) -> ScatterChart:
    """Potential against strength, 0 to 100, one series per quadrant, names as data labels.

    `threshold_rows` are two pairs of rows (x, y columns) drawing the two threshold lines.
    """
    chart = ScatterChart()
    chart.scatterStyle = "lineMarker"
    chart.style = 2
    _size(chart, width_cm, height_cm)
    for group in groups:
        if not group.names:
            continue
        first, last = group.first_row, group.first_row + len(group.names) - 1
        series = XYSeries(
            idx=len(chart.series),
            order=len(chart.series),
            tx=SeriesLabel(v=group.title),
            xVal=AxDataSource(numRef=num_source(_ref(sheet, columns.x, first, last), group.xs)),
            yVal=NumDataSource(numRef=num_source(_ref(sheet, columns.y, first, last), group.ys)),
        )
        colour = _hex(group.colour)
        series.marker = Marker(symbol="circle", size=7)
        series.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
        series.marker.graphicalProperties.line.solidFill = colour
        series.graphicalProperties = GraphicalProperties()
        series.graphicalProperties.line.noFill = True
        series.smooth = False
        labels = DataLabelList(showVal=False, showSerName=False, showCatName=False)
        labels.showLegendKey = False
        labels.showPercent = False
        labels.dLblPos = "r"
        labels.txPr = _text_properties(7)
        for index in range(min(group.labelled, len(group.names))):
            label = _NamedLabel(
                idx=index,
                tx=_label_text(group.names[index]),
                dLblPos="r",
                showVal=True,
                showSerName=False,
                showCatName=False,
                showLegendKey=False,
                showPercent=False,
            )
            label.txPr = _text_properties(7)
            labels.dLbl.append(label)
        series.dLbls = labels
        chart.series.append(series)
    if threshold_rows is not None:
        _threshold_lines(chart, sheet, columns, threshold_rows, thresholds)
    x_axis = chart.x_axis
    # A scatter chart's x axis is numeric; openpyxl's stubs also allow a text axis there.
    assert isinstance(x_axis, NumericAxis)
    for axis, text in ((x_axis, x_title), (chart.y_axis, y_title)):
        axis.scaling.min = 0
        axis.scaling.max = 100
        axis.majorUnit = 25
        axis.numFmt = "0"
        axis.majorGridlines = None
        axis.title = _title(text)
    legend = _legend_below(chart)
    # The threshold lines are not named in the legend.
    first_line = sum(1 for group in groups if group.names)
    legend.legendEntry = [
        LegendEntry(idx=index, delete=True) for index in range(first_line, len(chart.series))
    ]
    _finish(chart, title)
    return chart


def _threshold_lines(chart, sheet, columns, rows, thresholds) -> None:
    x_threshold, y_threshold = thresholds
    for index, first in enumerate(rows):
        xs = [x_threshold, x_threshold] if index == 0 else [0.0, 100.0]
        ys = [0.0, 100.0] if index == 0 else [y_threshold, y_threshold]
        series = XYSeries(
            idx=len(chart.series),
            order=len(chart.series),
            xVal=AxDataSource(numRef=num_source(_ref(sheet, columns.x, first, first + 1), xs)),
            yVal=NumDataSource(numRef=num_source(_ref(sheet, columns.y, first, first + 1), ys)),
        )
        series.marker = Marker(symbol="none")
        series.graphicalProperties = GraphicalProperties(
            ln=LineProperties(solidFill="7F7F7F", prstDash="dash", w=9525)
        )
        series.smooth = False
        chart.series.append(series)

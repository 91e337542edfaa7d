"""Native Excel charts (chart parts of the file, not pictures) in the app's colours."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint, Marker
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.line import LineProperties
from openpyxl.worksheet.worksheet import Worksheet

_WIDTH_CM = 15.0
_HEIGHT_CM = 7.5


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _show_axes(chart: BarChart | RadarChart) -> None:
    # openpyxl marks axes as deleted unless told otherwise; Excel then draws none.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def coloured_bar_chart(
    sheet: Worksheet,
    *,
    title: str,
    label_column: int,
    value_column: int,
    first_row: int,
    last_row: int,
    colours: Sequence[str],
    height_cm: float = _HEIGHT_CM,
) -> BarChart:
    """A column chart of one series whose bars each take their category's colour.

    The header cell just above `first_row` in `value_column` names the series.
    """
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.style = 10
    chart.legend = None
    chart.width, chart.height = _WIDTH_CM, height_cm
    values = Reference(sheet, min_col=value_column, min_row=first_row - 1, max_row=last_row)
    labels = Reference(sheet, min_col=label_column, min_row=first_row, max_row=last_row)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(labels)
    series = chart.series[0]
    for index, colour in enumerate(colours):
        point = DataPoint(idx=index)
        point.graphicalProperties = GraphicalProperties(solidFill=_hex(colour))
        point.graphicalProperties.line.solidFill = _hex(colour)
        series.dPt.append(point)
    series.dLbls = DataLabelList(
        showVal=True, showSerName=False, showCatName=False, showLegendKey=False, showPercent=False
    )
    chart.y_axis.majorGridlines = None
    chart.y_axis.numFmt = "0"
    chart.gapWidth = 60
    _show_axes(chart)
    return chart


def radar_chart(
    sheet: Worksheet,
    *,
    title: str,
    label_column: int,
    first_row: int,
    last_row: int,
    series_columns: Sequence[int],
    colours: Sequence[str],
    height_cm: float = _HEIGHT_CM,
) -> RadarChart:
    """A radar with one line per series column (header cells above `first_row` name them)."""
    chart = RadarChart()
    chart.type = "marker"
    chart.radarStyle = "marker"
    chart.title = title
    chart.width, chart.height = _WIDTH_CM, height_cm
    for column, colour in zip(series_columns, colours, strict=True):
        values = Reference(sheet, min_col=column, min_row=first_row - 1, max_row=last_row)
        chart.add_data(values, titles_from_data=True)
        series = chart.series[-1]
        series.graphicalProperties = GraphicalProperties(ln=LineProperties(solidFill=_hex(colour)))
        series.graphicalProperties.line.width = 28575  # 2.25 pt
        series.marker = Marker(symbol="circle", size=6)
        series.marker.graphicalProperties = GraphicalProperties(solidFill=_hex(colour))
        series.marker.graphicalProperties.line.solidFill = _hex(colour)
        series.smooth = False
    chart.set_categories(
        Reference(sheet, min_col=label_column, min_row=first_row, max_row=last_row)
    )
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 5
    chart.y_axis.majorUnit = 1
    chart.y_axis.numFmt = "0"
    chart.legend.position = "b"
    _show_axes(chart)
    return chart

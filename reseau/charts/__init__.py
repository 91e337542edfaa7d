"""The network's charts as plotly figures: sunburst, radars, concentric map (with the
contacts' links: `links_figure`), priority matrix.

Each function takes the network, its scores and the participant's language (plus a
`ChartFilter`) and returns a figure, or a `ChartUnavailable` saying why nothing can be drawn.
Nothing here imports streamlit: the page `pages/carte.py` shows what these return.
"""

from reseau.charts.common import (
    DETAIL_LIMIT,
    LABEL_LIMIT,
    ChartData,
    ChartNotice,
    ChartUnavailable,
    notices,
)
from reseau.charts.concentric import concentric
from reseau.charts.filters import NO_FILTER, ChartFilter
from reseau.charts.links import links_figure
from reseau.charts.matrix import matrix
from reseau.charts.radar import contact_radar, marks_radar, radar
from reseau.charts.sunburst import ColourBy, sunburst

__all__ = [
    "DETAIL_LIMIT",
    "LABEL_LIMIT",
    "NO_FILTER",
    "ChartData",
    "ChartFilter",
    "ChartNotice",
    "ChartUnavailable",
    "ColourBy",
    "concentric",
    "contact_radar",
    "links_figure",
    "marks_radar",
    "matrix",
    "notices",
    "radar",
    "sunburst",
]

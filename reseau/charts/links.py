"""Who knows whom on the « three circles » map: the contacts' links drawn as lines, bridges marked.

The contacts sit where the concentric map puts them (`reseau.charts.concentric`, names placed
without overlap by its label placer); a line joins two contacts said to know each other (an
unknown pair or « ne se connaissent pas » draws nothing), a ring marks each contact who alone
links groups of contacts (`reseau.network_shape` bridges), and a dotted line joins the best
pairs worth introducing. The lines are drawn under the points so that no name is covered.
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

from reseau.acquaintances import Acquaintance, WhoKnowsWhom
from reseau.charts.common import ChartData, ChartUnavailable
from reseau.charts.concentric import COMPACT_MARKERS, _detailed_points, concentric
from reseau.charts.filters import NO_FILTER, ChartFilter
from reseau.charts.style import bold, escape, hover_lines
from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.network_shape import NetworkShape
from reseau.palette import INK, quadrant_colour
from reseau.scoring import DEFAULT_SETTINGS, Score, ScoringSettings
from reseau.vocabulary import Quadrant

LINK_COLOUR = "#7A8594"  # MUTED lightened: lines stay behind the names
LINK_WIDTH = 1.6
INTRODUCE_SHOWN = 3  # the best pairs to introduce drawn on the map; the diagnosis lists more
RING_MARGIN = 14  # pixels between a bridge's point and its ring


def _segments(
    pairs: list[tuple[str, str]], where: Mapping[str, tuple[float, float]]
) -> tuple[list[float | None], list[float | None]]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for a, b in pairs:
        (xa, ya), (xb, yb) = where[a], where[b]
        xs += [xa, xb, None]
        ys += [ya, yb, None]
    return xs, ys


def links_figure(
    network: Network,
    links: WhoKnowsWhom,
    shape: NetworkShape,
    lang: Lang,
    *,
    scores: Mapping[str, Score] | None = None,
    chart_filter: ChartFilter = NO_FILTER,
    settings: ScoringSettings = DEFAULT_SETTINGS,
    compact: bool = False,
) -> go.Figure | ChartUnavailable:
    """The concentric map with the known links drawn and the bridging contacts ringed.

    Nothing is drawn (a `ChartUnavailable` says why) until a pair has been answered, so a
    participant who skipped « qui connaît qui » never sees an empty graph.
    """
    if not shape.has_pairs:
        return ChartUnavailable("links_chart.unavailable.no_pairs")
    scores = scores or {}
    figure = concentric(
        network, scores, lang, chart_filter=chart_filter, settings=settings, compact=compact
    )
    if isinstance(figure, ChartUnavailable):
        return figure
    data = ChartData.of(network, scores, lang, chart_filter)
    if not data.detailed:
        return ChartUnavailable("links_chart.unavailable.too_many")
    points = {p.contact_id: p for p in _detailed_points(data)}
    where = {cid: (p.x, p.y) for cid, p in points.items()}
    known = sorted(
        (a, b)
        for (a, b), state in links.pairs.items()
        if state is Acquaintance.KNOW and a in where and b in where
    )
    scale = COMPACT_MARKERS if compact else 1
    # The links' entries under their own title, after the quadrants' colours.
    group = {
        "legendgroup": "links",
        "legendgrouptitle": {"text": bold(t("links_chart.legend.title", lang))},
    }
    xs, ys = _segments(known, where)
    lines = go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": LINK_COLOUR, "width": LINK_WIDTH * (0.75 if compact else 1)},
        opacity=0.7,
        hoverinfo="skip",
        name=t("links_chart.legend.know", lang),
        meta={"pairs": [list(pair) for pair in known]},
        legendrank=1001,
        **group,
    )
    introduce = [
        (p.first, p.second)
        for p in shape.to_introduce[:INTRODUCE_SHOWN]
        if p.first in where and p.second in where
    ]
    xs, ys = _segments(introduce, where)
    to_introduce = go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": quadrant_colour(Quadrant.DEVELOP), "width": 2.2 * scale, "dash": "dot"},
        hoverinfo="skip",
        name=t("links_chart.legend.introduce", lang),
        meta={"pairs": [list(pair) for pair in introduce]},
        visible=bool(introduce),
        showlegend=bool(introduce),
        legendrank=1003,
        **group,
    )
    bridges = [b for b in shape.bridges if b.contact_id in points]
    rings = go.Scatter(
        x=[points[b.contact_id].x for b in bridges],
        y=[points[b.contact_id].y for b in bridges],
        mode="markers",
        marker={
            "symbol": "circle-open",
            "size": [(points[b.contact_id].size + RING_MARGIN) * scale for b in bridges],
            "color": INK,
            "line": {"width": 3 * scale, "color": INK},
        },
        hovertext=[
            hover_lines(
                bold(escape(network.get(b.contact_id).display_name)),
                t("links_chart.hover.bridge", lang, groups=len(b.groups)),
            )
            for b in bridges
        ],
        hovertemplate="%{hovertext}<extra></extra>",
        name=t("links_chart.legend.bridge", lang),
        meta={"contacts": [b.contact_id for b in bridges]},
        showlegend=bool(bridges),
        legendrank=1002,
        **group,
        cliponaxis=False,
    )
    # Lines first, so points and names are drawn over them; rings last, around their points.
    figure.add_traces([lines, to_introduce, rings])
    *drawn, lines, to_introduce, rings = figure.data
    figure.data = (lines, to_introduce, *drawn, rings)
    if not compact:
        # The links' entries make the legend long enough to reach the circles: the drawing
        # moves right of it, so the legend never covers a name.
        figure.update_layout(xaxis={"domain": [0.24, 1.0]})
    return figure

"""The priority matrix: mission potential against relationship strength, in four quadrants.

The quadrant lines sit at the trainer's thresholds (`ScoringSettings`), so the picture always
matches the action plan. Points are coloured and shaped by circle; contacts with the same
scores are spread a little around their true place so none hides another (the hover gives the
exact values).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import plotly.graph_objects as go

from reseau.charts.common import (
    DETAIL_LIMIT,
    LABEL_LIMIT,
    ChartData,
    ChartUnavailable,
    contact_hover,
    short_name,
    unavailable,
)
from reseau.charts.filters import NO_FILTER, ChartFilter
from reseau.charts.labels import Box, place_labels
from reseau.charts.style import (
    COMPACT_FONT,
    GRID,
    LABEL_FONT,
    MUTED,
    TITLE_FONT,
    base_layout,
    bold,
    escape,
    rgba,
)
from reseau.contact import Contact
from reseau.i18n import Lang, label, number, t
from reseau.network import Network
from reseau.palette import INK, circle_colour, quadrant_colour
from reseau.scoring import DEFAULT_SETTINGS, Score, ScoringSettings
from reseau.vocabulary import Circle, Quadrant

CIRCLE_SYMBOLS = {
    Circle.INFORMATION: "circle",
    Circle.SUPPORT: "square",
    Circle.OPERATIONAL: "diamond",
}
UNSORTED_SYMBOL = "x"
X_RANGE = (-4.0, 104.0)
# A band above 100 and below 0 holds the quadrant titles, so they never cover a contact.
Y_RANGE = (-17.0, 117.0)
HEIGHT = 620
COMPACT_HEIGHT = 480
MARGIN = {"l": 70, "r": 20, "t": 20, "b": 120}
# The plot area in pixels assumed when placing names: the narrowest projector screen, 1280 px
# wide with the sidebar open (wider screens only leave more room between names).
PLOT_WIDTH, PLOT_HEIGHT = 680.0, float(HEIGHT - MARGIN["t"] - MARGIN["b"])
SPREAD = 1.6  # how far (axis units) contacts with identical scores are spread apart
MARKER = 15


def _spread(positions: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Identical positions fanned out on a small circle, in a stable order."""
    seen: dict[tuple[float, float], list[int]] = {}
    for index, (x, y) in enumerate(positions):
        seen.setdefault((round(x, 1), round(y, 1)), []).append(index)
    spread = list(positions)
    for indexes in seen.values():
        if len(indexes) < 2:
            continue
        for turn, index in enumerate(indexes):
            angle = 2 * math.pi * turn / len(indexes) + math.pi / 4
            x, y = positions[index]
            spread[index] = (x + SPREAD * math.cos(angle), y + SPREAD * math.sin(angle))
    return spread


def _quadrant_zones(
    settings: ScoringSettings, lang: Lang, compact: bool = False
) -> tuple[list[dict], list[dict]]:
    """Tinted backgrounds and titles of the four quadrants, at the trainer's thresholds.

    Each title holds the quadrant's name over its rule, on two lines, so the two titles of a
    band fit side by side; on a phone (`compact`) the name alone.
    """
    sx, py = settings.strength_threshold, settings.potential_threshold
    left, right = X_RANGE
    low, high = Y_RANGE
    zones = {
        Quadrant.DEVELOP: (left, sx, py, high, "left", "top"),
        Quadrant.MOBILISE: (sx, right, py, high, "right", "top"),
        Quadrant.MAINTAIN: (sx, right, low, py, "right", "bottom"),
        Quadrant.WATCH: (left, sx, low, py, "left", "bottom"),
    }
    shapes, notes = [], []
    strong = number(sx, lang)
    potent = number(py, lang)
    rules = {
        Quadrant.DEVELOP: t("map.matrix.rule.develop", lang, potential=potent, strength=strong),
        Quadrant.MOBILISE: t("map.matrix.rule.mobilise", lang, potential=potent, strength=strong),
        Quadrant.MAINTAIN: t("map.matrix.rule.maintain", lang, potential=potent, strength=strong),
        Quadrant.WATCH: t("map.matrix.rule.watch", lang, potential=potent, strength=strong),
    }
    for quadrant, (x0, x1, y0, y1, side, edge) in zones.items():
        colour = quadrant_colour(quadrant)
        shapes.append(
            {
                "type": "rect",
                "x0": x0,
                "x1": x1,
                "y0": y0,
                "y1": y1,
                "fillcolor": rgba(colour, 0.13),
                "line": {"width": 0},
                "layer": "below",
            }
        )
        notes.append(
            {
                "x": x0 + 1 if side == "left" else x1 - 1,
                "y": y1 - 0.5 if edge == "top" else y0 + 0.5,
                "text": bold(label(quadrant, lang))
                if compact
                else f"{bold(label(quadrant, lang))}<br>{rules[quadrant]}",
                "showarrow": False,
                "xanchor": side,
                "yanchor": edge,
                "align": side,
                "font": {"size": COMPACT_FONT if compact else LABEL_FONT, "color": INK},
                "bgcolor": rgba("#FFFFFF", 0.75),
                "bordercolor": colour,
                "borderwidth": 2,
                "borderpad": 2 if compact else 3,
            }
        )
    for line in (
        {"x0": sx, "x1": sx, "y0": low, "y1": high},
        {"x0": left, "x1": right, "y0": py, "y1": py},
    ):
        shapes.append(
            {"type": "line", **line, "line": {"color": MUTED, "width": 2, "dash": "dash"}}
        )
    return shapes, notes


def _axis(title: str, span: tuple[float, float], compact: bool = False) -> dict:
    return {
        "title": {
            "text": bold(title),
            "font": {"size": COMPACT_FONT + 2 if compact else TITLE_FONT},
            "standoff": 6,
        },
        "range": list(span),
        "tickvals": [0, 50, 100] if compact else [0, 25, 50, 75, 100],
        "tickfont": {"size": COMPACT_FONT if compact else LABEL_FONT, "color": MUTED},
        "gridcolor": GRID,
        "zeroline": False,
        "showline": False,
        "fixedrange": True,
    }


def matrix(
    network: Network,
    scores: Mapping[str, Score],
    lang: Lang,
    *,
    chart_filter: ChartFilter = NO_FILTER,
    settings: ScoringSettings = DEFAULT_SETTINGS,
    compact: bool = False,
) -> go.Figure | ChartUnavailable:
    """Each scored contact a point (strength across, potential up), one trace per circle.

    Names are written beside their points where they fit without touching another text,
    otherwise as initials, otherwise left to the hover. On a phone (`compact`) no name is
    written: a tap on a point shows it.
    """
    data = ChartData.of(network, scores, lang, chart_filter)
    problem = unavailable(data, needs_scores=True)
    if problem:
        return problem
    contacts = sorted(data.scored, key=lambda c: (data.scores[c.id].rank or math.inf, c.id))
    raw = [data.position(c) for c in contacts]
    positions = _spread(raw)
    labels = (
        _names(contacts, positions, data) if len(contacts) <= LABEL_LIMIT and not compact else {}
    )
    many = len(contacts) > DETAIL_LIMIT or compact
    figure = go.Figure()
    for circle in (*Circle, None):
        chosen = [i for i, c in enumerate(contacts) if c.circle is circle]
        if not chosen:
            continue
        trace = go.Scattergl if len(contacts) > DETAIL_LIMIT else go.Scatter
        figure.add_trace(
            trace(
                x=[positions[i][0] for i in chosen],
                y=[positions[i][1] for i in chosen],
                name=label(circle, lang) if circle else t("circle.none", lang),
                mode="markers" if many else "markers+text",
                marker={
                    "color": circle_colour(circle),
                    "symbol": CIRCLE_SYMBOLS.get(circle, UNSORTED_SYMBOL),
                    "size": 9 if len(contacts) > DETAIL_LIMIT else MARKER,
                    "line": {"color": "#FFFFFF", "width": 1.5},
                },
                hovertext=[
                    contact_hover(contacts[i], data.score(contacts[i]), lang) for i in chosen
                ],
                hovertemplate="%{hovertext}<extra></extra>",
                **(
                    {}
                    if many
                    else {
                        "text": [labels.get(i, ("", ""))[0] for i in chosen],
                        "textposition": [labels.get(i, ("", "top center"))[1] for i in chosen],
                        "textfont": {"size": LABEL_FONT, "color": INK},
                        "cliponaxis": False,
                    }
                ),
            )
        )
    shapes, notes = _quadrant_zones(settings, lang, compact)
    figure.update_layout(
        base_layout(
            lang,
            height=COMPACT_HEIGHT if compact else HEIGHT,
            shapes=shapes,
            annotations=notes,
            xaxis=_axis(t("field.strength", lang), X_RANGE, compact),
            yaxis=_axis(t("field.potential", lang), Y_RANGE, compact),
            # Under the chart, clear of the points and of the quadrant titles.
            legend={
                "orientation": "h",
                "yanchor": "top",
                "y": -0.2 if compact else -0.17,
                "xanchor": "center",
                "x": 0.5,
                "font": {"size": COMPACT_FONT if compact else LABEL_FONT},
                "bgcolor": "rgba(0,0,0,0)",
            },
            margin={"l": 48, "r": 8, "t": 10, "b": 100} if compact else MARGIN,
            hovermode="closest",
        )
    )
    return figure


def _names(
    contacts: list[Contact], positions: list[tuple[float, float]], data: ChartData
) -> dict[int, tuple[str, str]]:
    """Names beside the points where they fit, most urgent contacts first."""
    x_span, y_span = X_RANGE[1] - X_RANGE[0], Y_RANGE[1] - Y_RANGE[0]
    to_px = [
        ((x - X_RANGE[0]) * PLOT_WIDTH / x_span, (y - Y_RANGE[0]) * PLOT_HEIGHT / y_span)
        for x, y in positions
    ]
    # The bands holding the quadrant titles are kept free of names.
    band = (-Y_RANGE[0] - 2) * PLOT_HEIGHT / y_span
    corners = [Box(0, PLOT_HEIGHT - band, PLOT_WIDTH, PLOT_HEIGHT), Box(0, 0, PLOT_WIDTH, band)]
    placements = place_labels(
        to_px,
        [short_name(c) for c in contacts],
        [MARKER / 2] * len(contacts),
        font_size=LABEL_FONT,
        centre=(PLOT_WIDTH / 2, PLOT_HEIGHT / 2),
        obstacles=corners,
        bounds=Box(0, 0, PLOT_WIDTH, PLOT_HEIGHT),
        fallbacks=[initials(c) for c in contacts],
        leaders=False,
    )
    return {i: (escape(p.text), p.position) for i, p in enumerate(placements) if p.text}


def initials(contact: Contact) -> str:
    """« HP » for Hugo Perrin: what a point keeps when its name does not fit."""
    words = [w for w in (contact.first_name, contact.last_name) if w] or [contact.display_name]
    return "".join(w.strip()[0].upper() for w in words if w.strip())

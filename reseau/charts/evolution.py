"""The priority matrix between two assessments: one arrow per contact, from before to after.

Strength across, potential up, as on the network map; the quadrant lines sit at the trainer's
thresholds. Only the contacts scored in both assessments can be drawn; a contact whose scores
did not move is a dot without an arrow.
"""

from __future__ import annotations

import plotly.graph_objects as go

from reseau.assessments import Comparison
from reseau.charts.style import GRID, MUTED, base_layout, escape, hover_lines
from reseau.i18n import Lang, label, number, t
from reseau.palette import INK, quadrant_colour
from reseau.scoring import DEFAULT_SETTINGS, ScoringSettings

HEIGHT = 560
_RANGE = (-4.0, 104.0)


def evolution_matrix(
    comparison: Comparison, lang: Lang, settings: ScoringSettings = DEFAULT_SETTINGS
) -> go.Figure:
    """Each contact scored before and after: a point where it is now, an arrow from before."""
    moves = [
        m
        for m in comparison.moves
        if None not in (m.strength_before, m.strength_after, m.potential_before, m.potential_after)
    ]
    figure = go.Figure()
    arrows = []
    for move in moves:
        if (move.strength_before, move.potential_before) != (
            move.strength_after,
            move.potential_after,
        ):
            arrows.append(
                {
                    "x": move.strength_after,
                    "y": move.potential_after,
                    "ax": move.strength_before,
                    "ay": move.potential_before,
                    "xref": "x",
                    "yref": "y",
                    "axref": "x",
                    "ayref": "y",
                    "showarrow": True,
                    "arrowhead": 2,
                    "arrowsize": 1.2,
                    "arrowwidth": 1.6,
                    "arrowcolor": quadrant_colour(move.quadrant_after),
                    "text": "",
                }
            )
    figure.add_trace(
        go.Scatter(
            x=[m.strength_after for m in moves],
            y=[m.potential_after for m in moves],
            mode="markers+text",
            text=[escape(m.name) for m in moves],
            textposition="top center",
            marker={
                "size": 11,
                "color": [
                    quadrant_colour(m.quadrant_after) if m.quadrant_after else MUTED for m in moves
                ],
                "line": {"color": "#FFFFFF", "width": 1.2},
            },
            hovertext=[
                hover_lines(
                    escape(m.name),
                    t(
                        "evolution.hover",
                        lang,
                        s_before=number(m.strength_before or 0, lang),
                        s_after=number(m.strength_after or 0, lang),
                        p_before=number(m.potential_before or 0, lang),
                        p_after=number(m.potential_after or 0, lang),
                    ),
                    f"{label(m.quadrant_before, lang)} → {label(m.quadrant_after, lang)}",
                )
                for m in moves
            ],
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
            cliponaxis=False,
        )
    )
    lines = [
        {
            "type": "line",
            "x0": settings.strength_threshold,
            "x1": settings.strength_threshold,
            "y0": 0,
            "y1": 100,
            "line": {"color": GRID, "dash": "dot"},
        },
        {
            "type": "line",
            "x0": 0,
            "x1": 100,
            "y0": settings.potential_threshold,
            "y1": settings.potential_threshold,
            "line": {"color": GRID, "dash": "dot"},
        },
    ]
    axis = {"range": list(_RANGE), "zeroline": False, "gridcolor": GRID, "color": INK}
    figure.update_layout(
        base_layout(
            lang,
            height=HEIGHT,
            shapes=lines,
            annotations=arrows,
            xaxis={**axis, "title": {"text": t("field.strength", lang)}},
            yaxis={**axis, "title": {"text": t("field.potential", lang)}},
            margin={"l": 70, "r": 20, "t": 30, "b": 60},
            hovermode="closest",
        )
    )
    return figure

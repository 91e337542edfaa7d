"""The room of a workshop as charts for the trainer's projected screen: counts only, no names."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import plotly.graph_objects as go

from reseau.charts.style import BASE_FONT, GRID, LABEL_FONT, MUTED, base_layout, escape, wrap
from reseau.i18n import Lang, label, t
from reseau.palette import INK, circle_colour, quadrant_colour
from reseau.room import RoomSummary

# Two charts side by side on the trainer's screen: shorter than a full-width chart.
ROOM_CHART_HEIGHT = 380


def count_axis(counts: Sequence[int], ticks: int = 5) -> dict[str, Any]:
    """An axis for counts: whole numbers only, from zero, a little headroom for the labels.

    About `ticks` steps: five on a projector, fewer on a phone, where « 12 18 24 » would touch.
    """
    top = max(counts, default=0)
    step = max(1, math.ceil(top / ticks))
    return {
        "range": [0, max(top, 1) * 1.18],
        "tick0": 0,
        "dtick": step,
        "tickformat": "d",
    }


def has_counts(counts: Iterable[int]) -> bool:
    """Whether a count chart has anything to show (an all-zero chart is replaced by a sentence)."""
    return any(counts)


# On a phone the bars' column is about 200 px wide: three steps leave room between the numbers.
PHONE_TICKS = 3


def _bar(
    names: list[str],
    counts: list[int],
    colours: list[str],
    axis: str,
    lang: Lang,
    compact: bool = False,
) -> go.Figure:
    """Counts as horizontal bars in the palette's colours, with the shared projector layout.

    Horizontal, so the names sit one per line on the left and never interleave, however
    narrow the column (two charts side by side on a projector, one under the other on a phone).
    """
    figure = go.Figure(
        go.Bar(
            y=[wrap(escape(name), 16) for name in names],
            x=counts,
            orientation="h",
            marker={"color": colours, "line": {"color": INK, "width": 1}},
            text=counts,
            textposition="outside",
            textfont={"size": BASE_FONT, "color": INK},
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.update_layout(
        base_layout(
            lang,
            height=ROOM_CHART_HEIGHT,
            margin={"l": 20, "r": 40, "t": 20, "b": 20},
            showlegend=False,
            yaxis={
                "tickfont": {"size": LABEL_FONT},
                "autorange": "reversed",
                "automargin": True,
            },
            xaxis={
                "title": {"text": axis, "font": {"size": LABEL_FONT, "color": MUTED}},
                **count_axis(counts, PHONE_TICKS if compact else 5),
                "gridcolor": GRID,
                "tickfont": {"size": LABEL_FONT, "color": MUTED},
            },
        )
    )
    return figure


def circle_figure(summary: RoomSummary, lang: Lang, compact: bool = False) -> go.Figure:
    """Contacts per circle across the room (and those not sorted yet), in the circles' colours."""
    rows = [(c, n) for c, n in summary.contacts_per_circle if c is not None or n]
    return _bar(
        [label(c, lang) if c else t("circle.none", lang) for c, _ in rows],
        [n for _, n in rows],
        [circle_colour(c) for c, _ in rows],
        t("workshop.col.contacts", lang),
        lang,
        compact,
    )


def quadrant_figure(summary: RoomSummary, lang: Lang, compact: bool = False) -> go.Figure:
    """How the room's contacts spread over the four quadrants (and those not qualified yet)."""
    rows = [(q, n) for q, n in summary.quadrants if q is not None or n]
    return _bar(
        [label(q, lang) if q else t("quadrant.none", lang) for q, _ in rows],
        [n for _, n in rows],
        [quadrant_colour(q) for q, _ in rows],
        t("workshop.col.contacts", lang),
        lang,
        compact,
    )

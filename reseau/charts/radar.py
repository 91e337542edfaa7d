"""Radars: the qualification criteria per circle, one contact against its circle, the five marks.

Every axis reads on the method's 1-5 scale. Reciprocity and the last contact are not rated
1-5 by the participant; their 0-1 level from `reseau.scoring` is brought onto the same scale
(1 + 4 x level), so « balanced » reads 5 and « no exchange yet » reads 1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import plotly.graph_objects as go

from reseau.charts.common import ChartData, ChartUnavailable, count_text, unavailable
from reseau.charts.filters import NO_FILTER, ChartFilter
from reseau.charts.style import (
    BASE_FONT,
    COMPACT_FONT,
    GRID,
    LABEL_FONT,
    MUTED,
    base_layout,
    bold,
    escape,
    hover_lines,
    rgba,
    wrap,
)
from reseau.contact import Contact
from reseau.i18n import Lang, label, number, t
from reseau.network import Network
from reseau.palette import INK, circle_colour, quadrant_colour
from reseau.scoring import Score, potential_levels, strength_levels
from reseau.vocabulary import FIVE_MARKS, Circle

# Strength criteria first, then potential: the left and right halves of the radar.
AXES: tuple[str, ...] = (
    "frequency",
    "trust",
    "reciprocity",
    "last_contact",
    "added_value",
    "interest",
    "power",
)
_AXIS_KEYS = {
    "frequency": "field.frequency",
    "trust": "field.trust",
    "reciprocity": "field.reciprocity",
    "last_contact": "criterion.last_contact",
    "added_value": "field.added_value",
    "interest": "field.interest",
    "power": "field.power",
}


def axis_values(contact: Contact, today: date) -> dict[str, float | None]:
    """A contact's criteria on the 1-5 scale, None where not filled in."""
    levels = {**strength_levels(contact, today), **potential_levels(contact)}
    contact_levels = [v for v in (levels["recency"], levels["result"]) if v is not None]
    levels["last_contact"] = sum(contact_levels) / len(contact_levels) if contact_levels else None
    return {axis: None if (level := levels[axis]) is None else 1 + 4 * level for axis in AXES}


def circle_averages(
    contacts: Sequence[Contact], today: date
) -> tuple[dict[str, float | None], int]:
    """Each axis averaged over the contacts that have it, and how many contacts had any."""
    values = [axis_values(c, today) for c in contacts]
    values = [v for v in values if any(x is not None for x in v.values())]
    averages: dict[str, float | None] = {}
    for axis in AXES:
        present = [x for v in values if (x := v[axis]) is not None]
        averages[axis] = sum(present) / len(present) if present else None
    return averages, len(values)


def _closed(values: Sequence) -> list:
    return [*values, values[0]]


def _polar_layout(lang: Lang, axes: int, *, height: int = 560, compact: bool = False) -> dict:
    """The shared polar layout; margins wide enough for the longest axis title on two lines
    (« Dernier contact », « Intérêt pour la mission ») at projector sizes, narrower on a phone."""
    font = COMPACT_FONT if compact else BASE_FONT
    return base_layout(
        lang,
        height=min(height, 470) if compact else height,
        polar={
            "bgcolor": "#FFFFFF",
            "radialaxis": {
                "range": [0, 5],
                "tickvals": [1, 3, 5] if compact else [1, 2, 3, 4, 5],
                "tickfont": {"size": COMPACT_FONT if compact else LABEL_FONT, "color": MUTED},
                "gridcolor": GRID,
                "linecolor": GRID,
                # The 1-5 ticks run between the first two axes, not over an axis title.
                "angle": 90 - 180 / axes,
                "tickangle": 90 - 180 / axes,
            },
            "angularaxis": {
                "tickfont": {"size": font, "color": INK},
                "gridcolor": GRID,
                "linecolor": GRID,
                "direction": "clockwise",
                "rotation": 90,
            },
        },
        legend={
            "orientation": "h",
            "yanchor": "top",
            # Below the lowest axis titles (« Dernier contact » on two lines).
            "y": -0.24 if compact else -0.2,
            "xanchor": "center",
            "x": 0.5,
            "font": {"size": font},
        },
        margin={"l": 100, "r": 100, "t": 40, "b": 110}
        if compact
        else {"l": 150, "r": 150, "t": 70, "b": 150},
    )


def _trace(
    name: str,
    colour: str,
    axes: list[str],
    values: list[float | None],
    hovers: list[str],
    *,
    dash: str = "solid",
    fill_alpha: float = 0.12,
) -> go.Scatterpolar:
    return go.Scatterpolar(
        r=_closed(values),
        theta=_closed([wrap(axis, 14) for axis in axes]),
        name=name,
        mode="lines+markers",
        line={"color": colour, "width": 3, "dash": dash},
        marker={"color": colour, "size": 9},
        fill="toself",
        fillcolor=rgba(colour, fill_alpha),
        hovertext=_closed(hovers),
        hovertemplate="%{hovertext}<extra></extra>",
        connectgaps=True,
    )


def _axis_labels(lang: Lang) -> list[str]:
    return [t(_AXIS_KEYS[axis], lang) for axis in AXES]


def _value_text(value: float | None, lang: Lang) -> str:
    return (
        t("map.hover.missing", lang)
        if value is None
        else f"{number(value, lang, 1, keep_zeros=True)} / 5"
    )


def radar(
    network: Network,
    scores: Mapping[str, Score],
    lang: Lang,
    *,
    chart_filter: ChartFilter = NO_FILTER,
    today: date | None = None,
    compact: bool = False,
) -> go.Figure | ChartUnavailable:
    """One trace per circle: the average of each criterion among its contacts."""
    today = today or date.today()
    data = ChartData.of(network, scores, lang, chart_filter)
    problem = unavailable(data, needs_scores=True)
    if problem:
        return problem
    axes = _axis_labels(lang)
    figure = go.Figure()
    for circle in data.circles:
        members = [c for c in data.placed if c.circle is circle]
        averages, counted = circle_averages(members, today)
        if not counted:
            continue
        name = label(circle, lang)
        hovers = [
            hover_lines(
                bold(name),
                t("map.hover.pair", lang, label=axes[i], value=_value_text(averages[axis], lang)),
                t("map.radar.average_of", lang, count=count_text(counted, lang)),
            )
            for i, axis in enumerate(AXES)
        ]
        values = [averages[axis] for axis in AXES]
        figure.add_trace(_trace(name, circle_colour(circle), axes, values, hovers))
    if not figure.data:
        return ChartUnavailable("map.unavailable.no_qualified")
    figure.update_layout(**_polar_layout(lang, len(AXES), compact=compact))
    return figure


def contact_radar(
    contact: Contact,
    network: Network,
    scores: Mapping[str, Score],
    lang: Lang,
    *,
    today: date | None = None,
) -> go.Figure | ChartUnavailable:
    """One contact's criteria against the average of their circle (for the contact's card)."""
    today = today or date.today()
    own = axis_values(contact, today)
    if all(value is None for value in own.values()):
        return ChartUnavailable("map.unavailable.contact_not_qualified")
    axes = _axis_labels(lang)
    figure = go.Figure()
    if contact.circle is not None:
        averages, counted = circle_averages(network.in_circle(contact.circle), today)
        if counted > 1:
            name = t("map.radar.circle_average", lang, circle=label(contact.circle, lang))
            hovers = [
                hover_lines(
                    bold(name),
                    t("map.hover.pair", lang, label=axes[i], value=_value_text(averages[a], lang)),
                )
                for i, a in enumerate(AXES)
            ]
            values = [averages[axis] for axis in AXES]
            figure.add_trace(
                _trace(
                    name,
                    circle_colour(contact.circle),
                    axes,
                    values,
                    hovers,
                    dash="dot",
                    fill_alpha=0.08,
                )
            )
    score = scores.get(contact.id)
    colour = quadrant_colour(None if score is None else score.quadrant)
    name = escape(contact.display_name)
    hovers = [
        hover_lines(
            bold(name), t("map.hover.pair", lang, label=axes[i], value=_value_text(own[a], lang))
        )
        for i, a in enumerate(AXES)
    ]
    figure.add_trace(_trace(name, colour, axes, [own[a] for a in AXES], hovers, fill_alpha=0.25))
    figure.update_layout(**_polar_layout(lang, len(AXES), height=460))
    return figure


def marks_radar(
    network: Network,
    lang: Lang,
    *,
    chart_filter: ChartFilter = NO_FILTER,
    compact: bool = False,
) -> go.Figure | ChartUnavailable:
    """The five marks of a network, one trace per circle the participant assessed."""
    axes = [t(f"mark.{mark}", lang) for mark in FIVE_MARKS]
    figure = go.Figure()
    for circle in Circle:
        marks = network.marks.get(circle)
        if not marks or not chart_filter.shows_circle(circle):
            continue
        values: list[float | None] = [marks.get(mark) for mark in FIVE_MARKS]
        name = label(circle, lang)
        hovers = [
            hover_lines(
                bold(name),
                t("map.hover.pair", lang, label=axes[i], value=_value_text(values[i], lang)),
            )
            for i in range(len(FIVE_MARKS))
        ]
        figure.add_trace(_trace(name, circle_colour(circle), axes, values, hovers))
    if not figure.data:
        return ChartUnavailable("map.unavailable.no_marks")
    figure.update_layout(**_polar_layout(lang, len(FIVE_MARKS), compact=compact))
    return figure

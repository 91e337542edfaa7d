"""The three circles as a sunburst: the circles at the centre, then roles, then people.

A role nobody holds yet stays visible as a thin grey « (personne) » sector: a gap in the
network is exactly what the participant should see. Above `DETAIL_LIMIT` contacts the outer
ring shows, per role, how many people fall in each quadrant instead of 500 names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import plotly.graph_objects as go

from reseau.charts.common import (
    ChartData,
    ChartUnavailable,
    contact_hover,
    count_text,
    quadrant_breakdown,
    short_name,
    unavailable,
)
from reseau.charts.filters import NO_FILTER, ChartFilter
from reseau.charts.style import (
    LABEL_FONT,
    MUTED,
    STRENGTH_SCALE,
    base_layout,
    bold,
    escape,
    hover_lines,
    strength_colour,
    text_on,
    tint,
    wrap,
)
from reseau.contact import Contact
from reseau.i18n import Lang, label, number, t
from reseau.network import Network
from reseau.palette import circle_colour, quadrant_colour
from reseau.scoring import Score
from reseau.vocabulary import QUADRANT_PRIORITY, Circle, Role, roles_of

# Tall enough that each of the four rings is about 90 px deep at 1280×720: a name written
# along the radius fits at projector size.
SUNBURST_HEIGHT = 780
# On a phone the disc is as wide as the screen: a projector's height would leave a blank band.
COMPACT_SUNBURST_HEIGHT = 560
GAP_COLOUR = "#FFFFFF"  # a gap is drawn as a hole, with its "(nobody)" label in grey
GAP_TEXT = MUTED
ROLE_TINT = 0.45


class ColourBy(StrEnum):
    """What the colour of a person's sector says."""

    QUADRANT = "quadrant"
    STRENGTH = "strength"

    @property
    def label_key(self) -> str:
        return f"map.colour_by.{self.value}"


@dataclass
class _Sectors:
    ids: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    hovers: list[str] = field(default_factory=list)

    def add(self, id_: str, parent: str, text: str, value: float, colour: str, hover: str):
        self.ids.append(id_)
        self.parents.append(parent)
        self.labels.append(text)
        self.values.append(value)
        self.colours.append(colour)
        self.hovers.append(hover)
        return len(self.ids) - 1


def _role_label(role: Role | None, lang: Lang) -> str:
    text = t("role.none", lang) if role is None else t(f"map.role_short.{role.value}", lang)
    return wrap(text)


def _roles_drawn(data: ChartData, circle: Circle) -> list[tuple[Role | None, tuple[Contact, ...]]]:
    """Each role of the circle with its kept contacts; a method role nobody holds has none."""
    in_network = {c.role for c in data.network.in_circle(circle)}
    kept = [c for c in data.placed if c.circle is circle]
    drawn: list[tuple[Role | None, tuple[Contact, ...]]] = []
    for role in (*roles_of(circle), None):
        members = tuple(c for c in kept if c.role is role)
        is_gap = role is not None and role is not Role.OTHER and role not in in_network
        if members or (role is not None and is_gap and data.chart_filter.shows_role(role)):
            drawn.append((role, members))
    return drawn


def _person_colour(data: ChartData, contact: Contact, colour_by: ColourBy) -> str:
    score = data.score(contact)
    if colour_by is ColourBy.STRENGTH:
        return strength_colour(None if score is None else score.strength)
    return quadrant_colour(None if score is None else score.quadrant)


def _add_people(
    sectors: _Sectors, data: ChartData, role_id: str, members: tuple[Contact, ...], by: ColourBy
) -> None:
    for contact in members:
        sectors.add(
            f"contact/{contact.id}",
            role_id,
            escape(short_name(contact)),
            1,
            _person_colour(data, contact, by),
            contact_hover(contact, data.score(contact), data.lang),
        )


def _add_groups(
    sectors: _Sectors, data: ChartData, role_id: str, members: tuple[Contact, ...], by: ColourBy
) -> None:
    """Beyond the detail limit: one sector per quadrant of the role, sized by its headcount."""
    lang = data.lang
    for quadrant in (*QUADRANT_PRIORITY, None):
        group = [c for c in members if data.quadrant(c) is quadrant]
        if not group:
            continue
        name = label(quadrant, lang) if quadrant else t("quadrant.none", lang)
        strengths = [s.strength for c in group if (s := data.score(c)) and s.strength is not None]
        mean = sum(strengths) / len(strengths) if strengths else None
        colour = strength_colour(mean) if by is ColourBy.STRENGTH else quadrant_colour(quadrant)
        mean_line = (
            t("map.hover.mean_strength", lang, value=number(mean, lang)) if mean is not None else ""
        )
        sectors.add(
            f"{role_id}/{quadrant or 'none'}",
            role_id,
            f"{name} ({len(group)})",
            len(group),
            colour,
            hover_lines(bold(name), count_text(len(group), lang), mean_line),
        )


def sunburst(
    network: Network,
    scores: Mapping[str, Score],
    lang: Lang,
    *,
    chart_filter: ChartFilter = NO_FILTER,
    colour_by: ColourBy = ColourBy.QUADRANT,
    compact: bool = False,
) -> go.Figure | ChartUnavailable:
    """Circles at the centre → roles → people (or quadrant groups beyond the detail limit)."""
    data = ChartData.of(network, scores, lang, chart_filter)
    problem = unavailable(data, needs_scores=False)
    if problem:
        return problem
    # A gap is drawn thin but visible; a circle with nobody at all gets wider gaps, so that the
    # empty circle is seen (and named) rather than lost as a sliver.
    thin_gap = max(0.6, len(data.placed) * 0.012)
    wide_gap = max(thin_gap, len(data.placed) / 12)
    # The three circles form the centre: no ring spent on a « Mon réseau » disc, so each of
    # the three rings is a third of the radius, deep enough for a name at projector size.
    sectors = _Sectors()
    for circle in data.circles:
        roles = _roles_drawn(data, circle)
        if not roles:
            continue
        circle_id = f"circle/{circle.value}"
        members_of_circle = tuple(c for _, members in roles for c in members)
        gap = thin_gap if members_of_circle else wide_gap
        circle_at = sectors.add(
            circle_id,
            "",
            wrap(label(circle, lang)),
            0,
            circle_colour(circle),
            hover_lines(
                bold(label(circle, lang)),
                t(f"circle.{circle.value}.help", lang),
                count_text(len(members_of_circle), lang),
                quadrant_breakdown(data, members_of_circle),
            ),
        )
        for role, members in roles:
            role_id = f"{circle_id}/{role.value if role else 'none'}"
            full = label(role, lang) if role else t("role.none", lang)
            if not members:
                # Only a gap (a method role nobody holds) is drawn without members.
                assert role is not None
                sectors.add(
                    f"gap/{circle.value}/{role.value}",
                    circle_id,
                    t("map.sunburst.nobody", lang),
                    gap,
                    GAP_COLOUR,
                    hover_lines(
                        bold(full), t("map.sunburst.nobody_hover", lang), t(role.prompt_key, lang)
                    ),
                )
                sectors.values[circle_at] += gap
                continue
            role_at = sectors.add(
                role_id,
                circle_id,
                _role_label(role, lang),
                len(members),
                tint(circle_colour(circle), ROLE_TINT),
                hover_lines(
                    bold(full),
                    label(circle, lang),
                    count_text(len(members), lang),
                    quadrant_breakdown(data, members),
                ),
            )
            sectors.values[circle_at] += sectors.values[role_at]
            add = _add_people if data.detailed else _add_groups
            add(sectors, data, role_id, members, colour_by)
    text_colours = [GAP_TEXT if c == GAP_COLOUR else text_on(c) for c in sectors.colours]
    figure = go.Figure(
        go.Sunburst(
            ids=sectors.ids,
            parents=sectors.parents,
            labels=sectors.labels,
            values=sectors.values,
            branchvalues="total",
            sort=False,
            marker={"colors": sectors.colours, "line": {"color": "#FFFFFF", "width": 1.5}},
            hovertext=sectors.hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            textinfo="label",
            # Along the radius: a thin outer sector holds a name at projector size, where
            # « auto » turned names every way and shrank them. A name that does not fit at
            # 18 px is left out (uniformtext below) and read in the list beside the chart.
            insidetextorientation="radial",
            textfont={"color": text_colours, "size": LABEL_FONT},
            leaf={"opacity": 1.0},
            name="",
        )
    )
    has_gaps = GAP_COLOUR in sectors.colours
    _add_legend(
        figure,
        lang,
        colour_by,
        has_gaps=has_gaps,
        has_unscored=len(data.scored) < len(data.placed),
        circles=tuple(circle for circle in data.circles if _roles_drawn(data, circle)),
    )
    figure.update_layout(
        base_layout(
            lang,
            height=COMPACT_SUNBURST_HEIGHT if compact else SUNBURST_HEIGHT,
            uniformtext={"minsize": LABEL_FONT, "mode": "hide"},
            xaxis={"visible": False},
            yaxis={"visible": False},
        )
    )
    figure.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.01, "xanchor": "center", "x": 0.5}
    )
    return figure


def _add_legend(
    figure: go.Figure,
    lang: Lang,
    colour_by: ColourBy,
    *,
    has_gaps: bool,
    has_unscored: bool,
    circles: tuple[Circle, ...] = (),
) -> None:
    """A sunburst has no legend of its own: invisible points carry the colour key.

    The circles are named there too: their long names rarely fit their ring at projector size.
    """
    if colour_by is ColourBy.STRENGTH:
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                showlegend=False,
                hoverinfo="skip",
                marker={
                    "colorscale": STRENGTH_SCALE,
                    "cmin": 0,
                    "cmax": 100,
                    "color": [0],
                    "showscale": True,
                    "colorbar": {
                        "title": {"text": t("field.strength", lang), "side": "right"},
                        "tickvals": [0, 50, 100],
                        "thickness": 18,
                        "len": 0.6,
                        "x": 0.9,
                    },
                },
            )
        )
        keys: list[tuple[str, str]] = []
    else:
        keys = [(label(q, lang), quadrant_colour(q)) for q in QUADRANT_PRIORITY]
    if has_unscored:
        keys.append((t("quadrant.none", lang), quadrant_colour(None)))
    if has_gaps:
        keys.append((t("map.sunburst.nobody", lang), GAP_COLOUR))
    keys = [(label(circle, lang), circle_colour(circle)) for circle in circles] + keys
    for name, colour in keys:
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=name,
                hoverinfo="skip",
                marker={
                    "color": colour,
                    "size": 16,
                    "symbol": "square",
                    "line": {"color": MUTED, "width": 1 if colour == GAP_COLOUR else 0},
                },
            )
        )

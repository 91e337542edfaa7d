"""The « three circles » picture the method draws on paper, as a chart.

The participant sits at the centre; each circle of the method has a third of the disc; a
contact sits closer to the centre the stronger the relationship, the marker is larger the more
power to act the person has, and its colour is the quadrant. Contacts not yet qualified wait on
an outer ring. Above `DETAIL_LIMIT` contacts, each role shows one bubble per quadrant instead.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from reseau.charts.common import (
    LABEL_LIMIT,
    ChartData,
    ChartUnavailable,
    contact_hover,
    count_text,
    short_name,
    unavailable,
)
from reseau.charts.filters import NO_FILTER, ChartFilter
from reseau.charts.labels import CHAR_WIDTH, Box, Placement, place_labels
from reseau.charts.style import (
    COMPACT_FONT,
    GRID,
    LABEL_FONT,
    MUTED,
    TITLE_FONT,
    base_layout,
    bold,
    escape,
    hover_lines,
    text_on,
    tint,
    wrap,
)
from reseau.i18n import Lang, label, number, t
from reseau.network import Network
from reseau.palette import CENTRE_COLOUR, INK, circle_colour, quadrant_colour
from reseau.scoring import DEFAULT_SETTINGS, Score, ScoringSettings
from reseau.vocabulary import QUADRANT_PRIORITY, Circle, Quadrant, Role, roles_of

# The middle angle of each circle's third of the disc (degrees, counter-clockwise from east).
SECTOR_MIDDLE = {Circle.INFORMATION: 90.0, Circle.SUPPORT: 210.0, Circle.OPERATIONAL: 330.0}
SECTOR_SPAN = 120.0
EDGE_MARGIN = 6.0
INNER_RADIUS = 0.17  # the participant's own space at the centre
WAITING_RADIUS = 1.1  # contacts not yet qualified wait just outside the disc
HEIGHT = 700
COMPACT_HEIGHT = 460
# Above the disc, a band for the circle's title and, at the top right, how to read the picture.
Y_RANGE = (-1.27, 1.62)
X_RANGE = (-1.75, 1.75)
# The chart's width on the narrowest projector screen (1280 px, sidebar open): names are placed
# for it, so they stay apart there and on anything wider.
ASSUMED_WIDTH = 760
COMPACT_MARKERS = 0.6  # a phone's disc is half as wide: points shrink with it


@dataclass(frozen=True)
class _Point:
    x: float
    y: float
    size: float
    quadrant: Quadrant | None
    text: str
    hover: str
    priority: float
    contact_id: str = ""  # empty for a bubble standing for several contacts


def radius_for(strength: float | None) -> float:
    """Distance from the centre: strong ties close to the participant, weak ones far out."""
    if strength is None:
        return WAITING_RADIUS
    return INNER_RADIUS + (1 - INNER_RADIUS) * (1 - min(max(strength, 0.0), 100.0) / 100)


def marker_size(power: int | None) -> float:
    """Marker diameter in pixels by power to act (1-5)."""
    return 11.0 if power is None else 12.0 + 5.0 * (power - 1)


def _xy(angle: float, radius: float) -> tuple[float, float]:
    return radius * math.cos(math.radians(angle)), radius * math.sin(math.radians(angle))


def _role_order(role: Role | None) -> int:
    return len(Role) if role is None else list(Role).index(role)


def _slots(circle: Circle, count: int, gaps: int = 0) -> tuple[list[float], float]:
    """Evenly spread angles inside the circle's sector (gaps: extra half slots between roles)."""
    start = SECTOR_MIDDLE[circle] + SECTOR_SPAN / 2 - EDGE_MARGIN
    usable = SECTOR_SPAN - 2 * EDGE_MARGIN
    step = usable / max(count + gaps * 0.5, 1)
    return [start - step * (i + 0.5) for i in range(count)], step


def _detailed_points(data: ChartData) -> list[_Point]:
    points: list[_Point] = []
    for circle in data.circles:
        members = sorted(
            (c for c in data.placed if c.circle is circle),
            key=lambda c: (_role_order(c.role), c.display_name.casefold()),
        )
        if not members:
            continue
        role_changes = sum(1 for a, b in itertools.pairwise(members) if a.role is not b.role)
        angles, step = _slots(circle, len(members), role_changes)
        shift = 0.0
        for index, contact in enumerate(members):
            if index and contact.role is not members[index - 1].role:
                shift += step * 0.5
            score = data.score(contact)
            strength = None if score is None or score.quadrant is None else score.strength
            x, y = _xy(angles[index] - shift, radius_for(strength))
            points.append(
                _Point(
                    x,
                    y,
                    marker_size(contact.power),
                    None if score is None else score.quadrant,
                    short_name(contact),
                    contact_hover(contact, score, data.lang),
                    float(score.rank) if score and score.rank else math.inf,
                    contact.id,
                )
            )
    return points


def _grouped_points(data: ChartData) -> tuple[list[_Point], list[dict]]:
    """One bubble per role and quadrant; returns the bubbles and the role names to write."""
    lang = data.lang
    points: list[_Point] = []
    role_notes: list[dict] = []
    for circle in data.circles:
        members = [c for c in data.placed if c.circle is circle]
        roles = [r for r in (*roles_of(circle), None) if any(c.role is r for c in members)]
        if not roles:
            continue
        angles, _ = _slots(circle, len(roles))
        biggest = max(sum(1 for c in members if c.role is r) for r in roles)
        for role, angle in zip(roles, angles, strict=True):
            in_role = [c for c in members if c.role is role]
            groups = [
                (q, [c for c in in_role if data.quadrant(c) is q])
                for q in (*QUADRANT_PRIORITY, None)
            ]
            groups = [(q, g) for q, g in groups if g]
            width = (SECTOR_SPAN - 2 * EDGE_MARGIN) / len(roles) * 0.8
            role_name = label(role, lang) if role else t("role.none", lang)
            for i, (quadrant, group) in enumerate(groups):
                offset = (i - (len(groups) - 1) / 2) * width / len(groups)
                strengths = [
                    s.strength
                    for c in group
                    if (s := data.score(c)) and s.quadrant and s.strength is not None
                ]
                mean = sum(strengths) / len(strengths) if strengths else None
                x, y = _xy(angle + offset, radius_for(mean))
                name = label(quadrant, lang) if quadrant else t("quadrant.none", lang)
                mean_line = (
                    t("map.hover.mean_strength", lang, value=number(mean, lang))
                    if mean is not None
                    else ""
                )
                points.append(
                    _Point(
                        x,
                        y,
                        16 + 34 * math.sqrt(len(group) / biggest),
                        quadrant,
                        str(len(group)),
                        hover_lines(
                            bold(f"{role_name} · {name}"),
                            label(circle, lang),
                            count_text(len(group), lang),
                            mean_line,
                        ),
                        -len(group),
                    )
                )
            short = t(f"map.role_short.{role.value}", lang) if role else t("role.none", lang)
            nx, ny = _xy(angle, 1.05)
            role_notes.append(
                {
                    "x": nx,
                    "y": ny,
                    "text": short,
                    "showarrow": False,
                    "font": {"size": LABEL_FONT, "color": MUTED},
                    "xanchor": "left" if nx > 0.15 else "right" if nx < -0.15 else "center",
                    "yanchor": "bottom" if ny >= 0 else "top",
                }
            )
    return points, role_notes


def _wedge_path(circle: Circle, radius: float) -> str:
    middle = SECTOR_MIDDLE[circle]
    angles = [middle - SECTOR_SPAN / 2 + SECTOR_SPAN * i / 40 for i in range(41)]
    edge = " ".join(f"L {x:.4f} {y:.4f}" for x, y in (_xy(a, radius) for a in angles))
    return f"M 0 0 {edge} Z"


def _ring(radius: float, **line: object) -> dict:
    return {
        "type": "circle",
        "xref": "x",
        "yref": "y",
        "x0": -radius,
        "y0": -radius,
        "x1": radius,
        "y1": radius,
        "line": line,
        "layer": "below",
    }


def concentric(
    network: Network,
    scores: Mapping[str, Score],
    lang: Lang,
    *,
    chart_filter: ChartFilter = NO_FILTER,
    settings: ScoringSettings = DEFAULT_SETTINGS,
    compact: bool = False,
) -> go.Figure | ChartUnavailable:
    """Participant at the centre, a sector per circle, distance by strength, size by power.

    On a phone (`compact`) names are left to a tap and the reading notes to the caption above.
    """
    data = ChartData.of(network, scores, lang, chart_filter)
    problem = unavailable(data, needs_scores=False)
    if problem:
        return problem
    role_notes: list[dict]
    if data.detailed:
        points, role_notes = _detailed_points(data), []
    else:
        points, role_notes = _grouped_points(data)

    placements = _labels(points, _obstacles(data, settings), detailed=data.detailed)
    if compact and data.detailed:
        placements = [Placement() for _ in points]
    figure = go.Figure()
    for quadrant in (*QUADRANT_PRIORITY, None):
        chosen = [i for i, p in enumerate(points) if p.quadrant is quadrant]
        if not chosen and quadrant is None:
            continue
        colour = quadrant_colour(quadrant)
        figure.add_trace(
            go.Scatter(
                x=[points[i].x for i in chosen],
                y=[points[i].y for i in chosen],
                mode="markers+text",
                name=label(quadrant, lang) if quadrant else t("quadrant.none", lang),
                text=[placements[i].text if placements[i].offset is None else "" for i in chosen],
                textposition=[placements[i].position for i in chosen],
                textfont={
                    "size": LABEL_FONT if data.detailed else LABEL_FONT + 1,
                    "color": INK if data.detailed else text_on(colour),
                },
                marker={
                    "size": [points[i].size * (COMPACT_MARKERS if compact else 1) for i in chosen],
                    "color": colour,
                    "line": {"color": "#FFFFFF", "width": 1.5},
                    "opacity": 1.0,
                },
                hovertext=[points[i].hover for i in chosen],
                hovertemplate="%{hovertext}<extra></extra>",
                cliponaxis=False,
            )
        )
    figure.add_trace(_participant(data, COMPACT_MARKERS if compact else 1))
    figure.update_layout(
        base_layout(
            lang,
            height=COMPACT_HEIGHT if compact else HEIGHT,
            shapes=_background(data, settings),
            annotations=[
                *_circle_titles(data, compact),
                *role_notes,
                *_leader_labels(points, placements),
                *([] if compact else _reading_notes(lang, settings)),
            ],
            # "domain" keeps these ranges when the chart is first drawn in a hidden tab.
            xaxis={
                "visible": False,
                "range": list(X_RANGE),
                "fixedrange": True,
                "constrain": "domain",
            },
            yaxis={
                "visible": False,
                "range": list(Y_RANGE),
                "scaleanchor": "x",
                "scaleratio": 1,
                "fixedrange": True,
                "constrain": "domain",
            },
            hovermode="closest",
        )
    )
    figure.update_layout(
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": 0.0,
            "xanchor": "center",
            "x": 0.5,
            "font": {"size": COMPACT_FONT},
            "title": {"text": ""},
        }
        if compact
        else {
            "orientation": "v",
            "yanchor": "top",
            "y": 0.98,
            "xanchor": "left",
            "x": 0.0,
            "title": {"text": bold(t("field.quadrant", lang))},
        },
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    return figure


# Pixels per data unit, assuming the chart is at least as wide as it is tall (the y range
# then fills the height); used only to estimate where names would overlap.
SCALE = min((HEIGHT - 20) / (Y_RANGE[1] - Y_RANGE[0]), ASSUMED_WIDTH / (X_RANGE[1] - X_RANGE[0]))
PARTICIPANT_SIZE = 62


# Where each circle's title sits: above the disc for the top sector, beside it (reading
# outwards, on two lines) for the two lower ones, so a title never covers a contact.
_TITLES: dict[Circle, tuple[float, float, str]] = {
    Circle.INFORMATION: (0.0, 1.2, "center"),
    Circle.SUPPORT: (-1.08, -1.13, "right"),
    Circle.OPERATIONAL: (1.08, -1.13, "left"),
}


def _title_text(circle: Circle, lang: Lang) -> str:
    text = label(circle, lang)
    return text if circle is Circle.INFORMATION else wrap(text, 10)


def _obstacles(data: ChartData, settings: ScoringSettings) -> list[Box]:
    """What names must not cover: the participant, the circles' titles, the threshold note."""
    half = PARTICIPANT_SIZE / 2
    boxes = [Box(-half, -half, half, half)]
    note = _reading_notes(data.lang, settings)[0]
    x, y = note["x"] * SCALE, note["y"] * SCALE
    width = len(note["text"]) * LABEL_FONT * CHAR_WIDTH
    boxes.append(Box(x, y, x + width, y + LABEL_FONT * 1.3))
    for circle in data.circles:
        x, y, anchor = _TITLES[circle]
        x, y = x * SCALE, y * SCALE
        lines = _title_text(circle, data.lang).split("<br>")
        width = max(len(line) for line in lines) * TITLE_FONT * CHAR_WIDTH * 1.1
        height = TITLE_FONT * 1.3 * len(lines)
        left = {"center": x - width / 2, "right": x - width, "left": x}[anchor]
        boxes.append(Box(left, y - height / 2, left + width, y + height / 2))
    return boxes


def _labels(points: list[_Point], obstacles: list[Box], *, detailed: bool) -> list[Placement]:
    """Names beside the points (escaped), placed so that they do not overlap."""
    if not detailed:
        return [Placement(p.text, "middle center") for p in points]
    pixels = [(p.x * SCALE, p.y * SCALE) for p in points]
    order = sorted(range(len(points)), key=lambda i: (points[i].priority, i))
    placements = place_labels(
        pixels,
        [p.text for p in points],
        [p.size / 2 for p in points],
        font_size=LABEL_FONT,
        order=order,
        obstacles=obstacles,
        limit=LABEL_LIMIT,
    )
    return [dataclasses.replace(p, text=escape(p.text)) for p in placements]


def _leader_labels(points: list[_Point], placements: list[Placement]) -> list[dict]:
    """Names that did not fit beside their point, written a little away with a thin line."""
    notes = []
    for point, placement in zip(points, placements, strict=True):
        if placement.offset is None or not placement.text:
            continue
        dx, dy = placement.offset
        notes.append(
            {
                "x": point.x,
                "y": point.y,
                "ax": dx,
                "ay": -dy,  # annotation offsets count pixels downwards
                "text": placement.text,
                "showarrow": True,
                "arrowhead": 0,
                "arrowwidth": 1,
                "arrowcolor": MUTED,
                "standoff": point.size / 2,
                "font": {"size": LABEL_FONT, "color": INK},
            }
        )
    return notes


def _participant(data: ChartData, scale: float = 1) -> go.Scatter:
    name = data.network.participant or t("map.concentric.me", data.lang)
    first = name.split()[0][:12]
    return go.Scatter(
        x=[0],
        y=[0],
        mode="markers+text",
        text=[escape(first)],
        textposition="middle center",
        textfont={"color": "#FFFFFF", "size": LABEL_FONT + 1 if scale == 1 else COMPACT_FONT},
        marker={
            "size": PARTICIPANT_SIZE * scale,
            "color": CENTRE_COLOUR,
            "line": {"color": "#FFFFFF", "width": 2},
        },
        hovertext=[bold(escape(name))],
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
        name="",
    )


def _background(data: ChartData, settings: ScoringSettings) -> list[dict]:
    shapes: list[dict] = []
    for circle in Circle:
        shown = circle in data.circles
        shapes.append(
            {
                "type": "path",
                "path": _wedge_path(circle, 1.0),
                "fillcolor": tint(circle_colour(circle), 0.86 if shown else 0.96),
                "line": {"color": "#FFFFFF", "width": 3},
                "layer": "below",
            }
        )
    shapes.append(_ring(1.0, color=GRID, width=1.5))
    threshold = radius_for(settings.strength_threshold)
    shapes.append(_ring(threshold, color=MUTED, width=1.5, dash="dash"))
    shapes.append(_ring(WAITING_RADIUS, color=GRID, width=1, dash="dot"))
    return shapes


# On a phone the sides are too narrow for the lower titles: they go under the disc.
_COMPACT_TITLES: dict[Circle, tuple[float, float, str]] = {
    **_TITLES,
    Circle.SUPPORT: (-0.9, -1.18, "center"),
    Circle.OPERATIONAL: (0.9, -1.18, "center"),
}


def _circle_titles(data: ChartData, compact: bool = False) -> list[dict]:
    titles = []
    for circle in data.circles:
        x, y, anchor = (_COMPACT_TITLES if compact else _TITLES)[circle]
        titles.append(
            {
                "x": x,
                "y": y,
                "text": bold(_title_text(circle, data.lang)),
                "showarrow": False,
                "font": {
                    "size": COMPACT_FONT if compact else TITLE_FONT,
                    "color": circle_colour(circle),
                },
                "xanchor": anchor,
                "yanchor": "middle",
                "align": anchor if anchor != "center" else "center",
            }
        )
    return titles


def _reading_notes(lang: Lang, settings: ScoringSettings) -> list[dict]:
    """How to read the picture, written on it so a screenshot explains itself."""
    threshold = radius_for(settings.strength_threshold)
    x, y = _xy(52, threshold)
    return [
        {
            "x": x,
            "y": y,
            "text": t(
                "map.concentric.threshold", lang, value=number(settings.strength_threshold, lang)
            ),
            "showarrow": False,
            "font": {"size": LABEL_FONT, "color": MUTED},
            "xanchor": "left",
            "yanchor": "bottom",
        },
        {
            "xref": "paper",
            "yref": "paper",
            "x": 1.0,
            "y": 1.0,
            "text": t("map.concentric.reading", lang),
            "showarrow": False,
            "align": "right",
            "font": {"size": LABEL_FONT, "color": MUTED},
            "xanchor": "right",
            "yanchor": "top",
        },
    ]

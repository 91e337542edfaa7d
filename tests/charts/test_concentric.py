import math

import pytest

from reseau.charts import ChartFilter, ChartUnavailable, concentric
from reseau.charts.concentric import (
    SECTOR_MIDDLE,
    SECTOR_SPAN,
    WAITING_RADIUS,
    marker_size,
    radius_for,
)
from reseau.i18n import Lang
from reseau.network import Network
from reseau.palette import CENTRE_COLOUR, quadrant_colour
from reseau.scoring import ScoringSettings
from reseau.vocabulary import QUADRANT_PRIORITY, Circle, Quadrant, Role
from tests.charts.helpers import hostile_network, many_contacts, scores


def points(figure):
    """Every contact marker: (trace name, x, y, size, text, hover, colour)."""
    found = []
    for trace in figure.data:
        if trace.marker.color == CENTRE_COLOUR:
            continue
        for x, y, size, text, hover in zip(
            trace.x, trace.y, trace.marker.size, trace.text, trace.hovertext, strict=True
        ):
            found.append((trace.name, x, y, size, text, hover, trace.marker.color))
    return found


def point_of(figure, name):
    return next(p for p in points(figure) if f"<b>{name}</b>" in p[5])


def test_there_is_one_trace_per_quadrant_in_its_colour_plus_the_participant(demo):
    figure = concentric(demo, scores(demo), Lang.FR)

    names = [trace.name for trace in figure.data]
    assert names == ["Développer", "Mobiliser", "Entretenir", "Veiller", "Non qualifié", ""]
    for trace, quadrant in zip(figure.data, QUADRANT_PRIORITY, strict=False):
        assert trace.marker.color == quadrant_colour(quadrant)
    participant = figure.data[-1]
    assert participant.marker.color == CENTRE_COLOUR
    assert (participant.x, participant.y, participant.text) == ((0,), (0,), ("Alex",))


def test_every_placed_contact_is_drawn_once(demo):
    drawn = points(concentric(demo, scores(demo), Lang.FR))

    assert len(drawn) == len([c for c in demo if c.circle is not None]) == 30


def test_a_stronger_relationship_sits_closer_to_the_centre(demo):
    figure = concentric(demo, scores(demo), Lang.FR)

    _, cx, cy, *_ = point_of(figure, "Claire Fontaine")  # strength 92
    _, mx, my, *_ = point_of(figure, "Marc Delaunay")  # strength 24
    assert math.hypot(cx, cy) < math.hypot(mx, my)
    assert math.hypot(cx, cy) == pytest.approx(radius_for(scores(demo)[demo.ids[0]].strength))


def test_each_contact_sits_in_the_sector_of_their_circle(demo):
    figure = concentric(demo, scores(demo), Lang.FR)

    for contact in demo:
        if contact.circle is None:
            continue
        _, x, y, *_ = point_of(figure, contact.display_name)
        angle = math.degrees(math.atan2(y, x))
        offset = (angle - SECTOR_MIDDLE[contact.circle] + 180) % 360 - 180
        assert abs(offset) < SECTOR_SPAN / 2, contact.display_name


def test_the_marker_grows_with_the_power_to_act(demo):
    figure = concentric(demo, scores(demo), Lang.FR)

    assert point_of(figure, "Marc Delaunay")[3] == marker_size(5)
    assert point_of(figure, "Antoine Garnier")[3] == marker_size(1)
    assert marker_size(5) > marker_size(3) > marker_size(1)


def test_a_contact_not_yet_qualified_waits_on_the_outer_ring_in_grey(demo):
    figure = concentric(demo, scores(demo), Lang.FR)

    trace, x, y, _, _, _, colour = point_of(figure, "Victor Lemaire")
    assert trace == "Non qualifié"
    assert colour == quadrant_colour(None)
    assert math.hypot(x, y) == pytest.approx(WAITING_RADIUS)


def test_every_name_of_the_demo_is_written_on_the_map(demo):
    figure = concentric(demo, scores(demo), Lang.FR)

    beside = [p[4] for p in points(figure) if p[4]]
    leaders = [a.text for a in figure.layout.annotations if a.showarrow]
    assert len(beside) + len(leaders) == 30
    assert "Claire F." in beside + leaders


def test_the_circles_are_titled_and_the_strength_threshold_is_drawn(demo):
    settings = ScoringSettings(strength_threshold=60)

    figure = concentric(demo, scores(demo), Lang.EN, settings=settings)

    titles = [a.text.replace("<br>", " ") for a in figure.layout.annotations]
    assert "<b>Information network</b>" in titles
    assert "<b>Support network</b>" in titles
    rings = [s for s in figure.layout.shapes if s.type == "circle"]
    assert any(s.x1 == pytest.approx(radius_for(60)) and s.line.dash == "dash" for s in rings)


def test_the_filter_applies_to_the_map(demo):
    chosen = ChartFilter.of(quadrants=[Quadrant.DEVELOP])

    figure = concentric(demo, scores(demo), Lang.FR, chart_filter=chosen)

    assert {p[0] for p in points(figure)} == {"Développer"}
    assert len(points(figure)) == sum(
        1 for s in scores(demo).values() if s.quadrant is Quadrant.DEVELOP
    )


def test_names_written_as_html_are_shown_as_text(demo):
    network = hostile_network(demo)

    figure = concentric(network, scores(network), Lang.FR)

    written = " ".join(f"{p[4]} {p[5]}" for p in points(figure))
    written += " ".join(str(a.text) for a in figure.layout.annotations)
    assert "<script>" not in written and "<b>Bold" not in written
    assert "&lt;b&gt;Bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;" in written


def test_a_large_network_shows_one_bubble_per_role_and_quadrant_with_its_count(demo):
    network = many_contacts(demo, 600)

    figure = concentric(network, scores(network), Lang.FR)

    drawn = points(figure)
    assert len(drawn) < 60
    assert sum(int(p[4]) for p in drawn) == 600
    assert all(p[4].isdigit() for p in drawn)


def test_an_empty_network_gives_a_reason_not_an_empty_picture():
    result = concentric(Network(), {}, Lang.FR)

    assert isinstance(result, ChartUnavailable)
    assert result.key == "map.unavailable.no_contacts"


def test_a_filter_that_keeps_nobody_gives_a_reason(demo):
    chosen = ChartFilter.of(circles=[Circle.SUPPORT], roles=[Role.PEER])

    result = concentric(demo, scores(demo), Lang.FR, chart_filter=chosen)

    assert isinstance(result, ChartUnavailable)
    assert result.key == "map.unavailable.filtered_out"

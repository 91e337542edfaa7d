"""The room's charts look like every other chart: projector-sized text, the palette's colours."""

from __future__ import annotations

from datetime import UTC, datetime

from reseau.charts.room import PHONE_TICKS, circle_figure, count_axis, quadrant_figure
from reseau.charts.style import BASE_FONT, FONT_FAMILY
from reseau.i18n import Lang
from reseau.palette import circle_colour, quadrant_colour
from reseau.room import summarise_room
from reseau.workbook import Workbook
from reseau.workshop import Member, Workshop
from tests.conftest import TODAY

NOW = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)


def _room(network):  # type: ignore[no-untyped-def]
    member = Member(1, "Camille", Workbook(network=network), NOW, NOW)
    return summarise_room(Workshop("K7M2QX", "Atelier", NOW), [member], TODAY)


def test_the_room_charts_use_the_shared_projector_layout(demo):
    room = _room(demo)

    for figure in (circle_figure(room, Lang.FR), quadrant_figure(room, Lang.FR)):
        layout = figure.layout
        assert layout.font.size == BASE_FONT
        assert layout.font.family == FONT_FAMILY
        assert layout.separators == ", "
        assert figure.data[0].textfont.size == BASE_FONT


def test_each_bar_has_the_palette_colour_of_its_circle_or_quadrant(demo):
    room = _room(demo)

    circles = circle_figure(room, Lang.EN).data[0]
    quadrants = quadrant_figure(room, Lang.EN).data[0]

    shown_circles = [c for c, n in room.contacts_per_circle if c is not None or n]
    shown_quadrants = [q for q, n in room.quadrants if q is not None or n]
    assert list(circles.marker.color) == [circle_colour(c) for c in shown_circles]
    assert list(quadrants.marker.color) == [quadrant_colour(q) for q in shown_quadrants]
    assert list(circles.x) == [n for c, n in room.contacts_per_circle if c is not None or n]


def test_a_count_axis_shows_whole_numbers_only_even_for_one_contact(demo):
    one = demo.__class__(contacts=(next(iter(demo)),))
    room = _room(one)

    axis = circle_figure(room, Lang.FR).layout.xaxis

    assert axis.tickformat == "d"
    assert axis.tick0 == 0 and axis.dtick >= 1 and float(axis.dtick).is_integer()
    assert axis.range[0] == 0 and axis.range[1] > 1


def test_on_a_phone_the_count_axis_takes_fewer_steps_so_its_numbers_stay_apart():
    wide = count_axis([30])
    narrow = count_axis([30], PHONE_TICKS)

    assert (wide["dtick"], narrow["dtick"]) == (6, 10)
    assert narrow["tickformat"] == "d" and narrow["tick0"] == 0

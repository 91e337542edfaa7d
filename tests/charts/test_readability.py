"""Charts read from the back of a room and in the palm of a hand, checked on the figure data."""

from __future__ import annotations

from itertools import combinations

import pytest

from reseau.charts import concentric, marks_radar, matrix, radar
from reseau.charts.concentric import SCALE
from reseau.charts.labels import CHAR_WIDTH, LINE_HEIGHT, Box, _box_for
from reseau.charts.matrix import MARKER, PLOT_HEIGHT, PLOT_WIDTH, X_RANGE, Y_RANGE, initials
from reseau.charts.style import LABEL_FONT
from reseau.contact import Contact
from reseau.i18n import Lang
from reseau.network import Network
from reseau.vocabulary import FIVE_MARKS, Circle
from tests.charts.helpers import scores
from tests.conftest import TODAY

PROJECTOR_MINIMUM = 18


def _name_boxes(figure) -> list[tuple[str, Box]]:  # type: ignore[no-untyped-def]
    """Each written name's box in the pixels the placer assumes (a 1280 px screen)."""
    boxes = []
    x_span, y_span = X_RANGE[1] - X_RANGE[0], Y_RANGE[1] - Y_RANGE[0]
    for trace in figure.data:
        size = trace.textfont.size
        for x, y, text, where in zip(trace.x, trace.y, trace.text, trace.textposition, strict=True):
            if not text:
                continue
            px = (x - X_RANGE[0]) * PLOT_WIDTH / x_span
            py = (y - Y_RANGE[0]) * PLOT_HEIGHT / y_span
            width = len(text) * size * CHAR_WIDTH
            boxes.append((text, _box_for(px, py, MARKER / 2, width, size * LINE_HEIGHT, where)))
    return boxes


def _crowded(demo: Network) -> Network:
    """The demo plus eight people with nearly the same scores as Hugo Perrin."""
    hugo = next(c for c in demo if c.display_name == "Hugo Perrin")
    for i in range(8):
        demo = demo.add(Contact(**{**hugo.__dict__, "id": f"near{i}", "first_name": f"Karim{i}"}))
    return demo


@pytest.mark.parametrize("lang", [Lang.FR, Lang.EN])
def test_no_two_names_of_the_matrix_overlap_even_in_a_crowd(demo, lang):
    network = _crowded(demo)

    figure = matrix(network, scores(network), lang)

    boxes = _name_boxes(figure)
    assert len(boxes) >= 15, "most names are still written"
    for (first, a), (second, b) in combinations(boxes, 2):
        assert not a.overlaps(b), f"{first!r} overlaps {second!r}"


def test_a_name_that_does_not_fit_drops_to_initials_then_to_the_hover(demo):
    network = _crowded(demo)

    figure = matrix(network, scores(network), Lang.FR)

    written = {text for trace in figure.data for text in trace.text if text}
    crowd = [c for c in network if c.id.startswith("near")]
    assert any(initials(c) in written for c in crowd), "a crowded point keeps its initials"
    hovers = [h for trace in figure.data for h in trace.hovertext]
    for contact in crowd:
        assert any(f"<b>{contact.display_name}</b>" in h for h in hovers)


def test_initials_come_from_the_first_and_last_names():
    assert initials(Contact(first_name="Hugo", last_name="Perrin")) == "HP"
    assert initials(Contact(first_name="Élodie")) == "É"


def test_the_matrix_legend_sits_under_the_chart_clear_of_points_and_quadrant_titles(demo):
    figure = matrix(demo, scores(demo), Lang.FR)

    legend = figure.layout.legend
    assert legend.orientation == "h"
    assert legend.yanchor == "top" and legend.y < -0.1
    for note in figure.layout.annotations:
        assert note.yref in (None, "y") and Y_RANGE[0] <= note.y <= Y_RANGE[1]


def test_every_text_of_the_matrix_is_at_least_18_px_on_a_projector(demo):
    figure = matrix(demo, scores(demo), Lang.FR)
    layout = figure.layout

    sizes = [trace.textfont.size for trace in figure.data]
    sizes += [note.font.size for note in layout.annotations]
    sizes += [layout.xaxis.tickfont.size, layout.yaxis.tickfont.size, layout.legend.font.size]
    sizes += [layout.xaxis.title.font.size, layout.yaxis.title.font.size]
    assert min(sizes) >= PROJECTOR_MINIMUM


def test_the_two_quadrant_titles_of_a_band_fit_side_by_side(demo):
    figure = matrix(demo, scores(demo), Lang.FR)

    for note in figure.layout.annotations:
        longest = max(len(line) for line in note.text.replace("<b>", "").split("<br>"))
        assert longest * note.font.size * CHAR_WIDTH < PLOT_WIDTH / 2


def test_on_a_phone_the_matrix_writes_no_name_and_keeps_them_for_a_tap(demo):
    figure = matrix(demo, scores(demo), Lang.FR, compact=True)

    assert all(trace.mode == "markers" for trace in figure.data)
    assert all("<br>" not in note.text for note in figure.layout.annotations)
    assert all(trace.hovertext for trace in figure.data)


def test_the_radar_leaves_room_for_dernier_contact_in_both_languages(demo):
    for lang in (Lang.FR, Lang.EN):
        figure = radar(demo, scores(demo), lang, today=TODAY)
        layout = figure.layout
        font = layout.polar.angularaxis.tickfont.size
        longest_line = max(
            len(line) for theta in figure.data[0].theta for line in theta.split("<br>")
        )
        assert font >= PROJECTOR_MINIMUM
        assert layout.margin.l >= longest_line * font * CHAR_WIDTH
        assert layout.margin.r >= longest_line * font * CHAR_WIDTH
        assert layout.legend.y < 0 and layout.margin.b >= 2 * font * LINE_HEIGHT


def test_the_marks_radar_shares_the_projector_sizes(demo):
    network = demo.with_marks(Circle.SUPPORT, dict.fromkeys(FIVE_MARKS, 3))

    figure = marks_radar(network, Lang.FR)

    assert figure.layout.polar.angularaxis.tickfont.size >= PROJECTOR_MINIMUM


def test_on_a_phone_the_concentric_map_leaves_names_to_a_tap(demo):
    figure = concentric(demo, scores(demo), Lang.FR, compact=True)

    written = [text for trace in figure.data[:-1] for text in trace.text if text]
    assert written == []
    notes = [note.text for note in figure.layout.annotations]
    assert not any("≥" in note for note in notes), "the reading notes go to the caption"


def test_no_name_of_the_concentric_map_covers_the_threshold_note(demo):
    figure = concentric(demo, scores(demo), Lang.FR)

    threshold = next(note for note in figure.layout.annotations if "≥" in note.text)
    note_box = Box(
        threshold.x * SCALE,
        threshold.y * SCALE,
        threshold.x * SCALE + len(threshold.text) * LABEL_FONT * CHAR_WIDTH,
        threshold.y * SCALE + LABEL_FONT * LINE_HEIGHT,
    )
    for trace in figure.data[:-1]:
        for x, y, text, where, size in zip(
            trace.x, trace.y, trace.text, trace.textposition, trace.marker.size, strict=True
        ):
            if not text:
                continue
            box = _box_for(
                x * SCALE,
                y * SCALE,
                size / 2,
                len(text) * LABEL_FONT * CHAR_WIDTH,
                LABEL_FONT * LINE_HEIGHT,
                where,
            )
            assert not box.overlaps(note_box), text

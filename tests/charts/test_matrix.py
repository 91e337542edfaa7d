import pytest

from reseau.charts import ChartFilter, ChartUnavailable, matrix
from reseau.charts.matrix import CIRCLE_SYMBOLS, SPREAD
from reseau.contact import Contact
from reseau.i18n import Lang
from reseau.network import Network
from reseau.palette import circle_colour, quadrant_colour
from reseau.scoring import ScoringSettings
from reseau.vocabulary import Circle, Quadrant
from tests.charts.helpers import hostile_network, many_contacts, scores


def all_points(figure):
    """(trace name, x, y, hover) of every point."""
    return [
        (trace.name, x, y, hover)
        for trace in figure.data
        for x, y, hover in zip(trace.x, trace.y, trace.hovertext, strict=True)
    ]


def test_there_is_one_trace_per_circle_in_its_colour_and_shape(demo):
    figure = matrix(demo, scores(demo), Lang.FR)

    assert [trace.name for trace in figure.data] == [
        "Réseau d'information",
        "Réseau de soutien",
        "Réseau opérationnel",
    ]
    for trace, circle in zip(figure.data, Circle, strict=True):
        assert trace.marker.color == circle_colour(circle)
        assert trace.marker.symbol == CIRCLE_SYMBOLS[circle]


def test_every_scored_contact_is_a_point_near_its_true_scores(demo):
    given = scores(demo)

    figure = matrix(demo, given, Lang.FR)

    drawn = all_points(figure)
    assert len(drawn) == 29
    for contact in demo:
        score = given[contact.id]
        if score.quadrant is None:
            assert not [p for p in drawn if f"<b>{contact.display_name}</b>" in p[3]]
            continue
        ((_, x, y, _),) = [p for p in drawn if f"<b>{contact.display_name}</b>" in p[3]]
        assert x == pytest.approx(score.strength, abs=SPREAD + 1e-9)
        assert y == pytest.approx(score.potential, abs=SPREAD + 1e-9)


def test_contacts_with_the_same_scores_do_not_hide_each_other(demo):
    hugo = next(c for c in demo if c.display_name == "Hugo Perrin")
    twin = Contact(**{**hugo.__dict__, "first_name": "Jumeau", "id": "twin"})
    network = demo.add(twin)

    drawn = all_points(matrix(network, scores(network), Lang.FR))

    hugo = next(p for p in drawn if "<b>Hugo Perrin</b>" in p[3])
    jumeau = next(p for p in drawn if "<b>Jumeau Perrin</b>" in p[3])
    assert (hugo[1], hugo[2]) != (jumeau[1], jumeau[2])


def test_the_four_quadrants_are_drawn_at_the_trainers_thresholds_and_labelled(demo):
    settings = ScoringSettings(strength_threshold=60, potential_threshold=40)

    figure = matrix(demo, scores(demo), Lang.FR, settings=settings)

    rects = [s for s in figure.layout.shapes if s.type == "rect"]
    assert [r.fillcolor for r in rects] == [
        f"rgba({int(c[1:3], 16)},{int(c[3:5], 16)},{int(c[5:7], 16)},0.13)"
        for c in (quadrant_colour(q) for q in Quadrant)
    ]
    develop = rects[0]
    assert (develop.x1, develop.y0) == (60, 40)
    lines = [s for s in figure.layout.shapes if s.type == "line"]
    assert {lines[0].x0, lines[1].y0} == {60, 40}
    notes = [a.text for a in figure.layout.annotations]
    assert notes[0] == "<b>Développer</b><br>potentiel ≥ 40, force < 60"
    assert notes[3] == "<b>Veiller</b><br>potentiel < 40, force < 60"


def test_the_axes_are_named_in_the_participants_language(demo):
    figure = matrix(demo, scores(demo), Lang.EN)

    assert figure.layout.xaxis.title.text == "<b>Relationship strength</b>"
    assert figure.layout.yaxis.title.text == "<b>Mission potential</b>"


def test_names_are_written_beside_points_and_hovers_hold_the_full_name(demo):
    figure = matrix(demo, scores(demo), Lang.FR)

    written = [text for trace in figure.data for text in trace.text if text]
    assert len(written) >= 25
    assert "Claire F." in written
    assert any("<b>Claire Fontaine</b>" in p[3] for p in all_points(figure))


def test_names_written_as_html_are_shown_as_text(demo):
    network = hostile_network(demo)

    figure = matrix(network, scores(network), Lang.FR)

    texts = " ".join(
        f"{t} {h}" for tr in figure.data for t, h in zip(tr.text, tr.hovertext, strict=True)
    )
    assert "<script>" not in texts and "<b>Bold" not in texts
    assert "&lt;b&gt;Bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;" in texts


def test_a_large_network_uses_fast_points_without_names(demo):
    network = many_contacts(demo, 600)

    figure = matrix(network, scores(network), Lang.FR)

    assert {trace.type for trace in figure.data} == {"scattergl"}
    assert sum(len(trace.x) for trace in figure.data) == 600
    assert all(trace.text is None for trace in figure.data)


def test_the_quadrant_filter_keeps_only_its_points(demo):
    chosen = ChartFilter.of(quadrants=[Quadrant.MOBILISE])

    figure = matrix(demo, scores(demo), Lang.FR, chart_filter=chosen)

    drawn = all_points(figure)
    assert len(drawn) == sum(1 for s in scores(demo).values() if s.quadrant is Quadrant.MOBILISE)
    assert all(x >= 50 - SPREAD and y >= 50 - SPREAD for _, x, y, _ in drawn)


def test_without_qualified_contacts_the_matrix_says_what_to_do():
    network = Network(contacts=(Contact(first_name="Ana", circle=Circle.SUPPORT),))

    result = matrix(network, scores(network), Lang.FR)

    assert isinstance(result, ChartUnavailable)
    assert result.key == "map.unavailable.no_qualified"
    assert "Qualifier" in result.text(Lang.FR)

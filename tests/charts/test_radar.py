import pytest

from reseau.charts import ChartFilter, ChartUnavailable, contact_radar, marks_radar, radar
from reseau.charts.radar import AXES, axis_values
from reseau.contact import Contact
from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.palette import circle_colour, quadrant_colour
from reseau.vocabulary import FIVE_MARKS, Circle, Quadrant, Reciprocity
from tests.charts.helpers import scores, without
from tests.conftest import TODAY

AXES_FR = [
    "Fréquence",
    "Intensité / confiance",
    "Réciprocité",
    "Dernier contact",
    "Valeur ajoutée",
    "Intérêt",
    "Pouvoir d'agir",
]


def test_the_radar_has_one_closed_line_per_circle_in_its_colour(demo):
    figure = radar(demo, scores(demo), Lang.FR, today=TODAY)

    assert [trace.name for trace in figure.data] == [
        "Réseau d'information",
        "Réseau de soutien",
        "Réseau opérationnel",
    ]
    for trace, circle in zip(figure.data, Circle, strict=True):
        assert trace.type == "scatterpolar"
        assert trace.line.color == circle_colour(circle)
        assert [a.replace("<br>", " ") for a in trace.theta] == [*AXES_FR, AXES_FR[0]]
        assert trace.r[0] == trace.r[-1]


def test_each_point_is_the_circles_average_on_the_one_to_five_scale(demo):
    figure = radar(demo, scores(demo), Lang.FR, today=TODAY)

    support = [c for c in demo.in_circle(Circle.SUPPORT) if c.trust is not None]
    trust = figure.data[1].r[AXES.index("trust")]
    assert trust == pytest.approx(sum(c.trust for c in support) / len(support))
    assert all(1 <= value <= 5 for trace in figure.data for value in trace.r)


def test_reciprocity_reads_five_when_balanced_and_one_without_exchange():
    balanced = Contact(first_name="A", reciprocity=Reciprocity.BALANCED)
    none_yet = Contact(first_name="B", reciprocity=Reciprocity.NO_EXCHANGE)

    assert axis_values(balanced, TODAY)["reciprocity"] == 5
    assert axis_values(none_yet, TODAY)["reciprocity"] == 1
    assert axis_values(none_yet, TODAY)["trust"] is None


def test_the_hover_gives_the_average_and_how_many_contacts_it_covers(demo):
    figure = radar(demo, scores(demo), Lang.FR, today=TODAY)

    hover = figure.data[0].hovertext[1]
    assert hover.startswith("<b>Réseau d'information</b><br>Intensité / confiance : ")
    assert "/ 5" in hover and "moyenne sur 10 contacts" in hover


def test_a_circle_filter_leaves_one_line(demo):
    chosen = ChartFilter.of(circles=[Circle.OPERATIONAL])

    figure = radar(demo, scores(demo), Lang.FR, chart_filter=chosen, today=TODAY)

    assert [trace.line.color for trace in figure.data] == [circle_colour(Circle.OPERATIONAL)]


def test_an_empty_circle_is_left_out_of_the_radar(demo):
    network = without(demo, circle=Circle.SUPPORT)

    figure = radar(network, scores(network), Lang.FR, today=TODAY)

    assert len(figure.data) == 2
    assert "Réseau de soutien" not in [trace.name for trace in figure.data]


def test_without_any_qualified_contact_the_radar_says_so():
    network = Network(contacts=(Contact(first_name="Ana", circle=Circle.SUPPORT),))

    result = radar(network, scores(network), Lang.FR, today=TODAY)

    assert isinstance(result, ChartUnavailable)
    assert result.key == "map.unavailable.no_qualified"


def test_a_contact_is_drawn_against_the_average_of_their_circle(demo):
    given = scores(demo)
    marc = next(c for c in demo if c.display_name == "Marc Delaunay")

    figure = contact_radar(marc, demo, given, Lang.FR, today=TODAY)

    average, own = figure.data
    assert average.name == "Moyenne du cercle « Réseau de soutien »"
    assert average.line.color == circle_colour(Circle.SUPPORT)
    assert average.line.dash == "dot"
    assert own.name == "Marc Delaunay"
    assert own.line.color == quadrant_colour(Quadrant.DEVELOP)
    assert list(own.r[:-1]) == [axis_values(marc, TODAY)[a] for a in AXES]
    assert own.r[AXES.index("power")] == 5


def test_a_contact_with_no_criterion_yet_gets_a_reason_instead_of_a_radar(demo):
    newcomer = Contact(first_name="Zoé", last_name="Neuve", circle=Circle.SUPPORT)

    result = contact_radar(newcomer, demo.add(newcomer), scores(demo), Lang.FR, today=TODAY)

    assert isinstance(result, ChartUnavailable)
    assert result.text(Lang.FR) == t("map.unavailable.contact_not_qualified", Lang.FR)


def test_a_contacts_name_is_escaped_on_their_radar(demo):
    template = next(c for c in demo if c.is_qualified)
    odd = template.with_changes(first_name="<img src=x>", last_name="& co")

    figure = contact_radar(odd, demo.replace(odd), scores(demo), Lang.FR, today=TODAY)

    assert figure.data[-1].name == "&lt;img src=x&gt; &amp; co"


def test_the_five_marks_radar_waits_until_the_marks_are_assessed(demo):
    result = marks_radar(demo, Lang.FR)

    assert isinstance(result, ChartUnavailable)
    assert result.key == "map.unavailable.no_marks"


def test_the_five_marks_radar_has_a_line_per_assessed_circle(demo):
    network = demo.with_marks(Circle.SUPPORT, dict.fromkeys(FIVE_MARKS, 4)).with_marks(
        Circle.INFORMATION, {"purpose": 2, "membership": 1, "trust": 3, "reach": 5, "occasions": 2}
    )

    figure = marks_radar(network, Lang.EN)

    assert [trace.name for trace in figure.data] == ["Information network", "Support network"]
    assert list(figure.data[0].r) == [2, 1, 3, 5, 2, 2]
    shown = [a.replace("<br>", " ") for a in figure.data[1].theta[:-1]]
    assert shown == [t(f"mark.{m}", Lang.EN) for m in FIVE_MARKS]
    assert figure.data[1].line.color == circle_colour(Circle.SUPPORT)

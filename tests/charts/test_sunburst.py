import pytest

from reseau.charts import DETAIL_LIMIT, ChartFilter, ChartUnavailable, ColourBy, sunburst
from reseau.charts.style import strength_colour
from reseau.charts.sunburst import GAP_COLOUR
from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.palette import circle_colour, quadrant_colour
from reseau.vocabulary import Circle, Quadrant, Role
from tests.charts.helpers import hostile_network, many_contacts, scores, without


def sectors(figure):
    """The sunburst's sectors by id: (parent, label, value, colour, hover)."""
    trace = figure.data[0]
    assert trace.type == "sunburst"
    return {
        id_: (parent, label, value, colour, hover)
        for id_, parent, label, value, colour, hover in zip(
            trace.ids,
            trace.parents,
            trace.labels,
            trace.values,
            trace.marker.colors,
            trace.hovertext,
            strict=True,
        )
    }


def test_the_sunburst_goes_from_the_circles_at_its_centre_to_roles_and_people(demo):
    figure = sunburst(demo, scores(demo), Lang.FR)

    drawn = sectors(figure)
    assert "root" not in drawn, "no ring spent on a « Mon réseau » disc"
    circles = [i for i, s in drawn.items() if s[0] == ""]
    assert circles == ["circle/information", "circle/support", "circle/operational"]
    people = [i for i in drawn if i.startswith("contact/")]
    placed = [c for c in demo if c.circle is not None]
    assert len(people) == len(placed) == 30
    claire = next(c for c in demo if c.display_name == "Claire Fontaine")
    assert drawn[f"contact/{claire.id}"][0] == "circle/support/sponsor"


def test_each_circle_has_its_own_colour_from_the_palette(demo):
    drawn = sectors(sunburst(demo, scores(demo), Lang.FR))

    for circle in Circle:
        assert drawn[f"circle/{circle.value}"][3] == circle_colour(circle)


def test_people_are_coloured_by_their_quadrant(demo):
    given = scores(demo)

    drawn = sectors(sunburst(demo, given, Lang.FR))

    for contact in demo:
        if contact.circle is not None:
            expected = quadrant_colour(given[contact.id].quadrant)
            assert drawn[f"contact/{contact.id}"][3] == expected
    legend = [trace.name for trace in sunburst(demo, given, Lang.FR).data[1:]]
    circles = ["Réseau d'information", "Réseau de soutien", "Réseau opérationnel"]
    assert legend[:7] == [*circles, "Développer", "Mobiliser", "Entretenir", "Veiller"]


def test_people_can_be_coloured_by_relationship_strength_with_a_colour_bar(demo):
    given = scores(demo)

    figure = sunburst(demo, given, Lang.FR, colour_by=ColourBy.STRENGTH)

    drawn = sectors(figure)
    marc = next(c for c in demo if c.display_name == "Marc Delaunay")
    assert drawn[f"contact/{marc.id}"][3] == strength_colour(given[marc.id].strength)
    bars = [trace for trace in figure.data[1:] if trace.marker.showscale]
    assert len(bars) == 1
    assert bars[0].marker.colorbar.title.text == t("field.strength", Lang.FR)


def test_each_parent_sector_is_exactly_the_sum_of_its_children(demo):
    drawn = sectors(sunburst(demo, scores(demo), Lang.FR))

    for id_, (_, _, value, _, _) in drawn.items():
        children = [s[2] for s in drawn.values() if s[0] == id_]
        if children:
            assert value == pytest.approx(sum(children))


def test_a_role_nobody_holds_stays_visible_as_a_nobody_gap(demo):
    network = without(demo, role=Role.ONLINE_EXPERT)

    drawn = sectors(sunburst(network, scores(network), Lang.FR))

    parent, label, value, colour, hover = drawn["gap/information/online_expert"]
    assert parent == "circle/information"
    assert label == "(personne)"
    assert colour == GAP_COLOUR
    assert value > 0
    assert t(Role.ONLINE_EXPERT.prompt_key, Lang.FR) in hover


def test_an_empty_circle_still_shows_its_roles_as_gaps(demo):
    network = without(demo, circle=Circle.OPERATIONAL)

    drawn = sectors(sunburst(network, scores(network), Lang.FR))

    children = [i for i, s in drawn.items() if s[0] == "circle/operational"]
    assert children == [
        "gap/operational/lending_manager",
        "gap/operational/satisfied_client",
        "gap/operational/beneficiary",
    ]


def test_a_contact_without_a_role_sits_in_a_no_role_sector(demo):
    drawn = sectors(sunburst(demo, scores(demo), Lang.FR))

    victor = next(c for c in demo if c.display_name == "Victor Lemaire")
    assert drawn[f"contact/{victor.id}"][0] == "circle/operational/none"
    assert drawn["circle/operational/none"][1] == "Sans rôle"


def test_hovering_a_person_shows_their_key_criteria(demo):
    marc = next(c for c in demo if c.display_name == "Marc Delaunay")

    hover = sectors(sunburst(demo, scores(demo), Lang.FR))[f"contact/{marc.id}"][4]

    assert "<b>Marc Delaunay</b>" in hover
    assert "Sponsor de la mission · Réseau de soutien" in hover
    assert "Quadrant : Développer · priorité n° 1" in hover
    assert "Intensité / confiance : 2/5" in hover
    assert "Pouvoir d'agir : 5/5" in hover


def test_a_name_written_as_html_is_shown_as_text(demo):
    network = hostile_network(demo)

    drawn = sectors(sunburst(network, scores(network), Lang.FR))

    texts = " ".join(f"{s[1]} {s[4]}" for s in drawn.values())
    assert "<script>" not in texts and "<b>Bold" not in texts and "<i>" not in texts
    assert "&lt;b&gt;Bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;" in texts
    assert "Dupont &amp; &lt;i&gt;Fils&lt;/i&gt;" in texts


def test_the_filter_keeps_only_the_chosen_circle(demo):
    chosen = ChartFilter.of(circles=[Circle.SUPPORT])

    drawn = sectors(sunburst(demo, scores(demo), Lang.FR, chart_filter=chosen))

    assert [i for i, s in drawn.items() if s[0] == ""] == ["circle/support"]
    assert len([i for i in drawn if i.startswith("contact/")]) == len(
        demo.in_circle(Circle.SUPPORT)
    )


def test_beyond_the_detail_limit_people_are_grouped_by_role_and_quadrant(demo):
    network = many_contacts(demo, 600)

    drawn = sectors(sunburst(network, scores(network), Lang.FR))

    assert not [i for i in drawn if i.startswith("contact/")]
    groups = {i: s for i, s in drawn.items() if i.count("/") == 3}
    assert sum(s[2] for s in groups.values()) == 600
    assert len(drawn) < 80
    assert drawn["circle/support/sponsor/develop"][1].startswith("Développer (")
    assert drawn["circle/support/sponsor/develop"][3] == quadrant_colour(Quadrant.DEVELOP)


def test_the_detail_limit_is_where_grouping_starts(demo):
    at_limit = many_contacts(demo, DETAIL_LIMIT)

    drawn = sectors(sunburst(at_limit, scores(at_limit), Lang.FR))

    assert len([i for i in drawn if i.startswith("contact/")]) == DETAIL_LIMIT


def test_labels_follow_the_participants_language(demo):
    drawn = sectors(sunburst(demo, scores(demo), Lang.EN))

    assert drawn["circle/support"][1].replace("<br>", " ") == "Support network"
    assert drawn["circle/support/sponsor"][1] == "Sponsors"


@pytest.mark.parametrize(
    ("network", "chosen", "key"),
    [
        (Network(), ChartFilter(), "map.unavailable.no_contacts"),
        (
            None,
            ChartFilter.of(roles=[Role.SPONSOR], circles=[Circle.INFORMATION]),
            "map.unavailable.filtered_out",
        ),
        ("unsorted", ChartFilter(), "map.unavailable.none_placed"),
    ],
)
def test_when_nothing_can_be_drawn_the_reason_is_given(demo, network, chosen, key):
    if network is None:
        network = demo
    elif network == "unsorted":
        network = Network(contacts=tuple(c.with_changes(circle=None, role=None) for c in demo))

    result = sunburst(network, scores(network), Lang.FR, chart_filter=chosen)

    assert isinstance(result, ChartUnavailable)
    assert result.key == key
    assert result.text(Lang.EN) == t(key, Lang.EN)


def test_an_empty_circle_gets_gaps_wide_enough_to_be_seen(demo):
    network = without(without(demo, circle=Circle.OPERATIONAL), role=Role.ONLINE_EXPERT)

    drawn = sectors(sunburst(network, scores(network), Lang.FR))

    whole = sum(s[2] for s in drawn.values() if s[0] == "")
    assert drawn["circle/operational"][2] >= whole / 6
    thin = drawn["gap/information/online_expert"][2]
    assert thin < drawn["gap/operational/beneficiary"][2]


def test_on_a_phone_the_sunburst_is_shorter_than_on_a_projector(demo):
    wide = sunburst(demo, scores(demo), Lang.FR)
    narrow = sunburst(demo, scores(demo), Lang.FR, compact=True)

    assert narrow.layout.height < wide.layout.height

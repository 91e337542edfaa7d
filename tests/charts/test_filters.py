from reseau.charts import ChartFilter
from reseau.vocabulary import Circle, Quadrant, Role
from tests.charts.helpers import scores


def test_an_empty_filter_keeps_every_contact(demo):
    kept = ChartFilter().apply(demo, scores(demo))

    assert len(kept) == len(demo) == 31
    assert not ChartFilter().is_active


def test_a_circle_filter_keeps_only_the_contacts_of_that_circle(demo):
    kept = ChartFilter.of(circles=[Circle.SUPPORT]).apply(demo, scores(demo))

    assert kept and {c.circle for c in kept} == {Circle.SUPPORT}
    assert len(kept) == len(demo.in_circle(Circle.SUPPORT))


def test_a_role_filter_keeps_only_that_role(demo):
    kept = ChartFilter.of(roles=[Role.SPONSOR]).apply(demo, scores(demo))

    assert [c.display_name for c in kept] == ["Claire Fontaine", "Marc Delaunay", "Bruno Chevalier"]


def test_a_quadrant_filter_leaves_out_contacts_not_yet_qualified(demo):
    given = scores(demo)

    kept = ChartFilter.of(quadrants=[Quadrant.DEVELOP]).apply(demo, given)

    assert kept and all(given[c.id].quadrant is Quadrant.DEVELOP for c in kept)
    assert "Victor Lemaire" not in {c.display_name for c in kept}


def test_qualified_only_leaves_out_the_contacts_still_to_qualify(demo):
    kept = ChartFilter.of(qualified_only=True).apply(demo, scores(demo))

    assert len(kept) == 29
    assert all(c.is_qualified for c in kept)


def test_filters_combine_every_part(demo):
    given = scores(demo)

    kept = ChartFilter.of(circles=[Circle.OPERATIONAL], quadrants=[Quadrant.MOBILISE]).apply(
        demo, given
    )

    assert {c.display_name for c in kept} == {
        "Sandrine Morel",
        "Aurélie Guerin",
        "Laura Petit",
        "Hélène Dupont",
    }


def test_a_filter_built_from_codes_holds_vocabulary_items():
    chosen = ChartFilter(circles=frozenset({"support"}), quadrants=frozenset({"watch"}))

    assert chosen.circles == {Circle.SUPPORT}
    assert chosen.quadrants == {Quadrant.WATCH}
    assert chosen.is_active

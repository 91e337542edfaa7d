"""The priority matrix between two assessments: arrows from before to after."""

from __future__ import annotations

from datetime import date

from reseau.assessments import compare, snapshot
from reseau.charts.evolution import evolution_matrix
from reseau.contact import Contact
from reseau.network import Network
from reseau.scoring import DEFAULT_SETTINGS
from reseau.vocabulary import Circle, Role


def _contact(name: str, level: int) -> Contact:
    return Contact(
        first_name=name,
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        frequency=level,
        trust=level,
        added_value=5,
        interest=5,
        power=5,
        id=name,
    )


def test_only_the_contacts_that_moved_get_an_arrow_pointing_to_where_they_are_now():
    network = Network((_contact("Ana", 1), _contact("Ben", 3)))
    before = snapshot(network, DEFAULT_SETTINGS, date(2026, 11, 29))
    after = snapshot(
        network.update("Ana", frequency=5, trust=5), DEFAULT_SETTINGS, date(2027, 3, 1)
    )
    comparison = compare(before, after)

    figure = evolution_matrix(comparison, "fr")

    (arrow,) = figure.layout.annotations
    ana = next(m for m in comparison.moves if m.name == "Ana")
    assert (arrow.ax, arrow.ay) == (ana.strength_before, ana.potential_before)
    assert (arrow.x, arrow.y) == (ana.strength_after, ana.potential_after)
    assert list(figure.data[0].text) == ["Ana", "Ben"]

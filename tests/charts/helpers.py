"""Networks and small readers shared by the chart tests."""

from __future__ import annotations

import math

from reseau.contact import Contact
from reseau.network import Network
from reseau.scoring import Score, score_network
from tests.conftest import TODAY


def scores(network: Network) -> dict[str, Score]:
    return score_network(network, today=TODAY)


def without(network: Network, **criteria: object) -> Network:
    """The network without the contacts matching every given field value."""
    for contact in list(network):
        if all(getattr(contact, name) == value for name, value in criteria.items()):
            network = network.remove(contact.id)
    return network


def many_contacts(network: Network, count: int) -> Network:
    """A large network made of copies of the qualified demo contacts (new names and ids)."""
    qualified = [c for c in network if c.is_qualified]
    copies = [
        qualified[i % len(qualified)].with_changes(first_name=f"Personne{i}") for i in range(count)
    ]
    # with_changes keeps the id: give each copy its own.
    copies = [Contact(**{**c.__dict__, "id": f"copy{i}"}) for i, c in enumerate(copies)]
    return Network(contacts=tuple(copies))


HOSTILE = Contact(
    first_name="<b>Bold</b>",
    last_name="<script>alert(1)</script>",
    company="Dupont & <i>Fils</i>",
)


def hostile_network(network: Network) -> Network:
    """The demo plus a qualified contact whose name and company are written as HTML."""
    template = next(c for c in network if c.is_qualified)
    fields = {
        name: getattr(template, name)
        for name in (
            "circle",
            "role",
            "frequency",
            "trust",
            "added_value",
            "interest",
            "power",
            "reciprocity",
            "last_contact_date",
            "last_contact_result",
        )
    }
    return network.add(HOSTILE.with_changes(**fields))


def distance(x: float, y: float) -> float:
    return math.hypot(x, y)

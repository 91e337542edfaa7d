"""The network's shape against small networks whose values the literature gives, plus invariants."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction, WhoKnowsWhom
from reseau.contact import Contact
from reseau.network import Network
from reseau.network_shape import (
    SELF_INTRODUCED_WARNING,
    borgatti_effective_size,
    diversity,
    network_shape,
    room_shape,
)
from reseau.scoring import Score
from reseau.vocabulary import Circle, Quadrant, Role

KNOW = Acquaintance.KNOW
STRANGERS = Acquaintance.STRANGERS


def _people(count: int, circle: Circle = Circle.SUPPORT, role: Role = Role.FORMER_COLLEAGUE):
    return tuple(
        Contact(first_name=f"P{i}", circle=circle, role=role, id=f"p{i:02d}") for i in range(count)
    )


def _links(pairs: dict[tuple[str, str], Acquaintance]) -> WhoKnowsWhom:
    links = WhoKnowsWhom()
    for (a, b), state in pairs.items():
        links = links.with_pair(a, b, state)
    return links


def _clique(ids, state=KNOW) -> dict[tuple[str, str], Acquaintance]:
    return {(a, b): state for a, b in combinations(ids, 2)}


@pytest.mark.parametrize("n", [2, 3, 5, 8])
def test_a_star_of_strangers_has_effective_size_n_and_constraint_one_over_n(n):
    contacts = _people(n)
    shape = network_shape(Network(contacts), _links(_clique([c.id for c in contacts], STRANGERS)))

    assert shape.effective_size == pytest.approx(n)
    assert shape.efficiency == pytest.approx(1.0)
    # Burt: each alter weighs p = 1/n with no indirect path, so c = n × (1/n)² = 1/n.
    assert shape.constraint == pytest.approx(1 / n)
    assert shape.density.value == 0
    assert shape.bridges == ()


@pytest.mark.parametrize("n", [2, 3, 4, 6])
def test_a_clique_has_effective_size_one_and_burts_clique_constraint(n):
    contacts = _people(n)
    shape = network_shape(Network(contacts), _links(_clique([c.id for c in contacts])))

    assert shape.effective_size == pytest.approx(1.0)
    assert shape.efficiency == pytest.approx(1 / n)
    # p = 1/n direct, plus (n − 1) indirect paths of 1/n × 1/n: c = n × ((2n − 1)/n²)².
    assert shape.constraint == pytest.approx((2 * n - 1) ** 2 / n**3)
    assert shape.density.value == 1
    assert shape.closed_groups.get(Circle.SUPPORT, ()) == (
        tuple(c.id for c in contacts) if n >= 3 else ()
    )


@pytest.mark.parametrize("k", [2, 3, 4])
def test_two_cliques_joined_by_one_person_make_that_person_the_bridge(k):
    contacts = _people(2 * k + 1)
    ids = [c.id for c in contacts]
    left, right, joiner = ids[:k], ids[k : 2 * k], ids[-1]
    pairs = {**_clique(left + right, STRANGERS), **_clique(left), **_clique(right)}
    pairs.update(_clique([*left, joiner]))
    pairs.update(_clique([*right, joiner]))

    shape = network_shape(Network(contacts), _links(pairs))

    n, ties = 2 * k + 1, k * (k - 1) + 2 * k
    assert shape.ties == ties
    assert shape.effective_size == pytest.approx(n - 2 * ties / n)
    assert [b.contact_id for b in shape.bridges] == [joiner]
    assert set(shape.bridges[0].groups) == {tuple(left), tuple(right)}
    assert shape.groups == (tuple(ids),)


def test_borgattis_formula_gives_the_published_example_values():
    # Borgatti (1997): 5 alters and 3 ties among them: 5 − 2 × 3 / 5 = 3.8.
    assert borgatti_effective_size(5, 3) == pytest.approx(3.8)
    assert borgatti_effective_size(4, 0) == 4
    assert borgatti_effective_size(4, 6) == 1


def test_contacts_without_any_answered_pair_are_not_in_the_measured_graph():
    contacts = _people(4)
    shape = network_shape(Network(contacts), _links({("p00", "p01"): KNOW}))

    assert shape.alters == ("p00", "p01")
    assert shape.possible_pairs == 1
    assert shape.coverage == 1


def test_nothing_answered_gives_an_empty_shape():
    shape = network_shape(Network(_people(3)), WhoKnowsWhom())

    assert shape.is_empty
    assert shape.effective_size is None
    assert shape.density.value is None


def test_density_per_circle_counts_only_the_answered_pairs_within_the_circle():
    support = _people(3)
    info = tuple(
        Contact(first_name=f"I{i}", circle=Circle.INFORMATION, role=Role.PEER, id=f"i{i}")
        for i in range(2)
    )
    links = _links(
        {
            ("p00", "p01"): KNOW,
            ("p00", "p02"): STRANGERS,
            ("i0", "i1"): KNOW,
            ("i0", "p00"): KNOW,
        }
    )

    shape = network_shape(Network(support + info), links)

    assert shape.density_by_circle[Circle.SUPPORT].known == 1
    assert shape.density_by_circle[Circle.SUPPORT].answered == 2
    assert shape.density_by_circle[Circle.INFORMATION].value == 1
    assert Circle.OPERATIONAL not in shape.density_by_circle
    assert (shape.density.known, shape.density.answered) == (3, 4)


def _scores(potentials: dict[str, float]) -> dict[str, Score]:
    return {
        cid: Score(cid, 30.0, p, Quadrant.DEVELOP if p >= 50 else Quadrant.WATCH, None)
        for cid, p in potentials.items()
    }


def test_pairs_worth_introducing_are_high_potential_contacts_with_no_known_link():
    contacts = _people(6)
    links = _links(
        {
            ("p00", "p01"): KNOW,  # know each other: nothing to introduce
            ("p00", "p02"): STRANGERS,  # said strangers: surest
            ("p03", "p04"): KNOW,  # another group, linked through p04
            ("p04", "p05"): KNOW,
        }
    )
    scores = _scores({"p00": 90, "p01": 80, "p02": 60, "p03": 70, "p04": 20, "p05": 55})

    shape = network_shape(Network(contacts), links, scores)

    found = [(p.first, p.second, p.said_strangers) for p in shape.to_introduce]
    assert found[0] == ("p00", "p02", True)
    assert ("p01", "p02", False) in found  # p02 is in no group with p01
    assert ("p00", "p03", False) in found
    assert all(pair[:2] != ("p00", "p01") for pair in found)
    # Two in the same group whose pair is unknown may well know each other: not proposed.
    assert all(pair[:2] != ("p03", "p05") for pair in found)
    assert [p.potential for p in shape.to_introduce[1:]] == sorted(
        (p.potential for p in shape.to_introduce[1:]), reverse=True
    )


def test_the_self_introduced_share_counts_answered_introductions_only():
    contacts = _people(4)
    links = (
        WhoKnowsWhom()
        .with_introduction("p00", Introduction(IntroducedBy.SELF))
        .with_introduction("p01", Introduction(IntroducedBy.SELF))
        .with_introduction("p02", Introduction(IntroducedBy.CONTACT, "p00"))
    )

    shape = network_shape(Network(contacts), links)

    assert (shape.self_introduced.part, shape.self_introduced.whole) == (2, 3)
    assert shape.self_introduced.value > SELF_INTRODUCED_WARNING
    assert not shape.has_pairs
    assert not shape.is_empty


def test_diversity_gives_the_largest_group_and_the_index_of_qualitative_variation():
    contacts = (
        Contact(first_name="A", company="Acme"),
        Contact(first_name="B", company=" acme "),
        Contact(first_name="C", company="Globex"),
        Contact(first_name="D", company="Initech"),
        Contact(first_name="E"),
    )

    spread = diversity(contacts, "company")

    assert (spread.counted, spread.groups, spread.largest, spread.largest_count) == (
        4,
        3,
        "Acme",
        2,
    )
    # 1 − (½² + ¼² + ¼²) = 0.625, over 1 − 1/4 = 0.75.
    assert spread.iqv == pytest.approx(0.625 / 0.75)
    assert diversity(contacts[:2], "company").iqv == 0


def test_circles_spread_evenly_have_full_qualitative_variation():
    contacts = (
        _people(2, Circle.SUPPORT)
        + tuple(
            Contact(first_name=f"I{i}", circle=Circle.INFORMATION, role=Role.PEER) for i in range(2)
        )
        + tuple(
            Contact(first_name=f"O{i}", circle=Circle.OPERATIONAL, role=Role.BENEFICIARY)
            for i in range(2)
        )
    )

    assert diversity(contacts, "circle").iqv == pytest.approx(1.0)


_IDS = [f"p{i:02d}" for i in range(7)]
_answers = st.dictionaries(
    st.tuples(st.sampled_from(_IDS), st.sampled_from(_IDS))
    .filter(lambda p: p[0] != p[1])
    .map(lambda p: tuple(sorted(p))),
    st.sampled_from([KNOW, STRANGERS]),
    min_size=1,
)


@given(_answers, st.data())
def test_adding_a_tie_between_measured_contacts_never_raises_effective_size(answers, data):
    network = Network(_people(len(_IDS)))
    before = network_shape(network, _links(answers))
    a, b = data.draw(st.sampled_from(list(combinations(before.alters, 2)) or [None]))
    if a is None:
        return

    after = network_shape(network, _links(answers).with_pair(a, b, KNOW))

    assert after.effective_size <= before.effective_size + 1e-9


@given(_answers, st.integers(min_value=1, max_value=5))
def test_contacts_with_only_unknown_pairs_change_no_figure(answers, extra):
    measured = _people(len(_IDS))
    unknown = tuple(Contact(first_name=f"U{i}", id=f"u{i}") for i in range(extra))
    links = _links(answers)

    without = network_shape(Network(measured), links)
    with_unknown = network_shape(Network(measured + unknown), links)

    for name in ("alters", "answered_pairs", "ties", "effective_size", "constraint", "density"):
        assert getattr(with_unknown, name) == getattr(without, name)
    assert with_unknown.bridges == without.bridges
    assert with_unknown.groups == without.groups


@given(_answers)
def test_density_rests_on_the_answered_pairs_and_effective_size_stays_within_its_bounds(answers):
    shape = network_shape(Network(_people(len(_IDS))), _links(answers))

    assert shape.density.answered == len(answers)
    assert 0 <= shape.density.value <= 1
    assert 1 - 1e-9 <= shape.effective_size <= len(shape.alters) + 1e-9


def test_the_room_keeps_numbers_only_and_leaves_out_who_skipped():
    network = Network(_people(3))
    star = _links(_clique(["p00", "p01", "p02"], STRANGERS))
    clique = _links(_clique(["p00", "p01", "p02"]))

    room = room_shape(
        [(network, star), (network, clique), (network, star), (network, WhoKnowsWhom())]
    )

    assert room.answered == 3
    assert [p.effective_size for p in room.participants] == pytest.approx([1.0, 3.0, 3.0])
    assert room.median_effective_size == pytest.approx(3.0)
    assert room.median_density == pytest.approx(0.0)
    assert room.median_self_introduced is None


def test_a_room_with_fewer_than_three_who_answered_shows_no_line_and_no_median():
    network = Network(_people(3))
    star = _links(_clique(["p00", "p01", "p02"], STRANGERS))

    room = room_shape([(network, star), (network, star), (network, WhoKnowsWhom())])

    assert room.answered == 2
    assert not room.shown
    assert room.participants == ()
    assert room.median_density is None


def test_two_triangles_joined_by_one_person_give_borgattis_value_twenty_five_sevenths():
    contacts = _people(7)
    ids = [c.id for c in contacts]
    pairs = {**_clique([*ids[:3], ids[6]]), **_clique(ids[3:])}

    shape = network_shape(Network(contacts), _links(pairs))

    # 7 alters, 3 + 3 ties in the triangles and 6 to the joiner: 7 − 2 × 12 / 7 = 25/7.
    assert shape.effective_size == pytest.approx(25 / 7)
    assert shape.efficiency == pytest.approx(25 / 49)


_EGO = ("ego",)


@given(_answers)
def test_the_written_out_measures_equal_networkxs_on_the_ego_graph(answers):
    import networkx as nx

    from reseau.network_shape import alters_graph, ego_measures

    graph = alters_graph(Network(_people(len(_IDS))), _links(answers))
    with_ego = nx.Graph(graph)
    with_ego.add_edges_from((_EGO, node) for node in graph.nodes)

    effective, constraint = ego_measures(graph)

    assert effective == pytest.approx(nx.effective_size(with_ego, nodes=[_EGO])[_EGO])
    assert constraint == pytest.approx(nx.constraint(with_ego, nodes=[_EGO])[_EGO])


@given(_answers, st.data())
def test_a_no_turned_back_to_unknown_leaves_the_known_ties_and_only_shrinks_the_base(answers, data):
    strangers = [pair for pair, state in answers.items() if state is STRANGERS]
    if not strangers:
        return
    a, b = data.draw(st.sampled_from(strangers))
    network = Network(_people(len(_IDS)))

    before = network_shape(network, _links(answers))
    after = network_shape(network, _links(answers).with_pair(a, b, None))

    assert after.density.known == before.density.known
    assert after.density.answered == before.density.answered - 1
    assert after.ties == before.ties

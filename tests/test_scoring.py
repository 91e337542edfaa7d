from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from reseau.contact import Contact
from reseau.network import Network
from reseau.scoring import (
    DEFAULT_SETTINGS,
    potential,
    quadrant_for,
    score_network,
    strength,
)
from reseau.vocabulary import Circle, ContactResult, Quadrant, Reciprocity, Role
from tests.conftest import TODAY

scores = st.integers(min_value=1, max_value=5)
maybe = lambda strategy: st.none() | strategy  # noqa: E731


@st.composite
def qualified_contacts(draw):
    return Contact(
        first_name=draw(st.sampled_from(["Ana", "Ben", "Chloé", "Dan"])),
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        frequency=draw(scores),
        trust=draw(scores),
        added_value=draw(scores),
        interest=draw(scores),
        power=draw(scores),
        reciprocity=draw(maybe(st.sampled_from(list(Reciprocity)))),
        last_contact_result=draw(maybe(st.sampled_from(list(ContactResult)))),
        last_contact_date=draw(
            maybe(st.integers(0, 900).map(lambda days: TODAY - timedelta(days=days)))
        ),
    )


@given(qualified_contacts(), st.sampled_from(["added_value", "interest", "power"]))
def test_raising_power_interest_or_added_value_never_lowers_potential(contact, field):
    value = getattr(contact, field)
    raised = contact.with_changes(**{field: min(5, value + 1)})
    assert potential(raised, DEFAULT_SETTINGS) >= potential(contact, DEFAULT_SETTINGS)


@given(qualified_contacts(), st.sampled_from(["frequency", "trust"]))
def test_raising_frequency_or_trust_never_lowers_strength(contact, field):
    value = getattr(contact, field)
    raised = contact.with_changes(**{field: min(5, value + 1)})
    assert strength(raised, DEFAULT_SETTINGS, TODAY) >= strength(contact, DEFAULT_SETTINGS, TODAY)


@given(st.lists(qualified_contacts(), min_size=1, max_size=12), st.randoms())
def test_the_rank_is_a_total_order_that_does_not_depend_on_entry_order(contacts, rnd):
    network = Network(contacts=tuple(contacts))
    shuffled = list(contacts)
    rnd.shuffle(shuffled)

    ranks = {cid: s.rank for cid, s in score_network(network, today=TODAY).items()}
    shuffled_ranks = {
        cid: s.rank
        for cid, s in score_network(Network(contacts=tuple(shuffled)), today=TODAY).items()
    }

    assert sorted(ranks.values()) == list(range(1, len(contacts) + 1))
    assert ranks == shuffled_ranks


def test_an_unqualified_criterion_never_counts_as_zero():
    known = Contact(first_name="Ana", frequency=5, trust=5)
    assert strength(known, DEFAULT_SETTINGS, TODAY) == 100
    with_bad_result = known.with_changes(last_contact_result=ContactResult.NEGATIVE)
    assert strength(with_bad_result, DEFAULT_SETTINGS, TODAY) < 100


def test_without_trust_there_is_no_strength_rather_than_a_low_one():
    assert strength(Contact(first_name="Ana", frequency=5), DEFAULT_SETTINGS, TODAY) is None
    assert potential(Contact(first_name="Ana", power=5, interest=5), DEFAULT_SETTINGS) is None


def test_the_four_quadrants_follow_the_method():
    assert quadrant_for(20, 80, DEFAULT_SETTINGS) is Quadrant.DEVELOP
    assert quadrant_for(80, 80, DEFAULT_SETTINGS) is Quadrant.MOBILISE
    assert quadrant_for(80, 20, DEFAULT_SETTINGS) is Quadrant.MAINTAIN
    assert quadrant_for(20, 20, DEFAULT_SETTINGS) is Quadrant.WATCH


def test_develop_comes_before_mobilise_in_the_priorities():
    develop = Contact(
        first_name="Dev",
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        frequency=1,
        trust=1,
        added_value=5,
        interest=5,
        power=5,
    )
    mobilise = develop.with_changes(first_name="Mob", frequency=5, trust=5)
    mobilise = Contact(**{**mobilise.__dict__, "id": "m"})
    ranks = score_network(Network(contacts=(mobilise, develop)), today=TODAY)
    assert ranks[develop.id].rank == 1
    assert ranks["m"].rank == 2


def test_a_recent_contact_makes_a_stronger_relationship_than_an_old_one():
    base = Contact(first_name="Ana", frequency=3, trust=3)
    recent = base.with_changes(last_contact_date=TODAY - timedelta(days=10))
    cold = base.with_changes(last_contact_date=date(2020, 1, 1))
    assert strength(recent, DEFAULT_SETTINGS, TODAY) > strength(cold, DEFAULT_SETTINGS, TODAY)

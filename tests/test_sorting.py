import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau.contact import Contact
from reseau.errors import RoleNotInCircle
from reseau.network import Network
from reseau.sorting import add_named, assign, clear, clearable, gap_prompts, parse_names
from reseau.vocabulary import Circle, Role, roles_of


def _network():
    return Network(
        (
            Contact(first_name="Ana"),
            Contact(first_name="Ben", circle=Circle.SUPPORT, role=Role.SPONSOR),
            Contact(first_name="Chloé", circle=Circle.SUPPORT, role=Role.OTHER, role_other="Coach"),
        )
    )


def test_many_contacts_go_to_a_circle_and_role_at_once():
    network = _network()

    outcome = assign(network, network.ids, Circle.OPERATIONAL, Role.BENEFICIARY)

    assert outcome.changed == 3
    assert {(c.circle, c.role, c.role_other) for c in outcome.network} == {
        (Circle.OPERATIONAL, Role.BENEFICIARY, "")
    }


def test_a_circle_alone_keeps_roles_that_fit_and_drops_those_that_do_not():
    network = _network()

    moved = assign(network, network.ids, Circle.INFORMATION).network

    ana, ben, chloe = moved.contacts
    assert (ana.circle, ana.role) == (Circle.INFORMATION, None)
    assert (ben.circle, ben.role) == (Circle.INFORMATION, None)
    assert (chloe.role, chloe.role_other) == (Role.OTHER, "Coach")


def test_assigning_what_is_already_there_changes_nothing():
    network = _network()
    ben = network.contacts[1].id

    assert assign(network, [ben, ben], Circle.SUPPORT, Role.SPONSOR).changed == 0


def test_a_role_of_another_circle_is_refused():
    with pytest.raises(RoleNotInCircle):
        assign(_network(), [], Circle.INFORMATION, Role.SPONSOR)


def test_other_role_keeps_its_description():
    network = _network()

    moved = assign(network, [network.ids[0]], Circle.SUPPORT, Role.OTHER, "  Mentor ").network

    assert moved.contacts[0].role_other == "Mentor"


def test_clearing_puts_contacts_back_to_not_sorted():
    network = _network()

    outcome = clear(network, network.ids)

    assert outcome.changed == 2
    assert not any(c.is_sorted for c in outcome.network)


def test_there_is_one_gap_prompt_per_role_with_who_already_holds_it():
    prompts = gap_prompts(_network())

    assert len(prompts) == sum(len(roles_of(c)) for c in Circle)
    sponsor = next(p for p in prompts if p.role is Role.SPONSOR)
    assert sponsor.holders == ("Ben",)
    assert sponsor.prompt_key == "role.sponsor.prompt"
    assert next(p for p in prompts if p.role is Role.PEER).empty


def test_names_are_read_one_a_line_with_optional_company_and_job():
    people = parse_names("Marie Dupont, Acme, DAF\n\n  Jean-Pierre de la Tour ; Zoé")

    assert [(p.first_name, p.last_name, p.company, p.job_title) for p in people] == [
        ("Marie", "Dupont", "Acme", "DAF"),
        ("Jean-Pierre", "de la Tour", "", ""),
        ("Zoé", "", "", ""),
    ]


def test_a_line_without_a_name_is_ignored():
    assert parse_names(", Acme\n   \n") == []


def test_named_people_are_added_in_the_role_of_the_prompt():
    network, added = add_named(
        _network(), parse_names("Marie Dupont"), Circle.SUPPORT, Role.SPONSOR
    )

    assert len(network) == 4
    assert (added[0].display_name, added[0].circle, added[0].role) == (
        "Marie Dupont",
        Circle.SUPPORT,
        Role.SPONSOR,
    )


@given(st.text(max_size=400))
def test_whatever_is_typed_gives_valid_contacts_or_nothing(text):
    people = parse_names(text)

    network, added = add_named(Network(), people, Circle.OPERATIONAL, Role.BENEFICIARY)

    assert len(added) == len(people) == len(network)
    assert all(c.display_name for c in added)


def test_only_contacts_with_a_circle_or_a_role_can_be_taken_out_of_their_circle():
    network = Network(
        (
            Contact(first_name="Loose"),
            Contact(first_name="Half", circle=Circle.SUPPORT),
            Contact(first_name="Placed", circle=Circle.SUPPORT, role=Role.SPONSOR),
        )
    )

    assert clearable(network, network.ids) == network.ids[1:]
    assert clear(network, network.ids).changed == len(clearable(network, network.ids))

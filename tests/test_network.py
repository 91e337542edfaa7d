import pytest

from reseau.contact import Contact
from reseau.errors import ContactNotFound
from reseau.network import Network
from reseau.vocabulary import Circle, Role


def test_adding_updating_and_removing_go_by_stable_id():
    ana, ben = Contact(first_name="Ana"), Contact(first_name="Ben")
    network = Network().add(ana, ben)

    network = network.update(ana.id, circle=Circle.SUPPORT, role=Role.SPONSOR)
    network = network.remove(ben.id)

    assert network.ids == (ana.id,)
    assert network.get(ana.id).role is Role.SPONSOR


def test_a_change_returns_a_new_network_and_leaves_the_old_one_intact():
    ana = Contact(first_name="Ana")
    before = Network().add(ana)
    after = before.update(ana.id, trust=5)
    assert before.get(ana.id).trust is None
    assert after.get(ana.id).trust == 5


def test_an_unknown_id_is_a_named_problem():
    with pytest.raises(ContactNotFound):
        Network().remove("nobody")


def test_the_demo_network_covers_every_role_of_every_circle(demo):
    from reseau.vocabulary import ROLES_BY_CIRCLE

    covered = {(c.circle, c.role) for c in demo}
    for circle, roles in ROLES_BY_CIRCLE.items():
        for role in roles:
            assert (circle, role) in covered, (circle, role)
    assert 25 <= len(demo) <= 40

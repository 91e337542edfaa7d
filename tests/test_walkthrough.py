from hypothesis import given
from hypothesis import strategies as st

from reseau.contact import Contact
from reseau.network import Network
from reseau.sorting import unsorted_ids
from reseau.vocabulary import Circle, Role
from reseau.walkthrough import (
    ALL,
    UNSORTED,
    current,
    next_unqualified,
    position,
    progress,
    skip,
    step,
    walk_order,
)

QUALIFIED = dict(frequency=3, trust=3, added_value=3, interest=3, power=3)


def _contact(name, circle=None, role=None, qualified=False):
    return Contact(first_name=name, circle=circle, role=role, **(QUALIFIED if qualified else {}))


def _network():
    return Network(
        (
            _contact("loose"),
            _contact("ops", Circle.OPERATIONAL, Role.BENEFICIARY, qualified=True),
            _contact("info", Circle.INFORMATION, Role.PEER),
            _contact("support", Circle.SUPPORT, Role.SPONSOR, qualified=True),
            _contact("info2", Circle.INFORMATION, Role.CONSULTANT, qualified=True),
        )
    )


def _names(network, ids):
    return [network.get(cid).first_name for cid in ids]


def test_the_walk_goes_circle_by_circle_then_the_unsorted():
    network = _network()

    order = walk_order(network)

    assert _names(network, order) == ["info", "info2", "support", "ops", "loose"]


def test_a_filter_keeps_one_circle_or_the_unsorted():
    network = _network()

    assert _names(network, walk_order(network, Circle.INFORMATION.value)) == ["info", "info2"]
    assert _names(network, walk_order(network, UNSORTED)) == ["loose"]


def test_the_contact_on_screen_stays_in_a_filtered_walk_after_its_circle_changed():
    network = _network()
    moved = network.contacts[2].with_changes(circle=Circle.SUPPORT, role=None)
    network = network.replace(moved)

    order = walk_order(network, Circle.INFORMATION.value, keep=moved.id)

    assert _names(network, order) == ["info2", "info"]


def test_an_unknown_filter_walks_everything():
    network = _network()

    assert walk_order(network, "nonsense") == walk_order(network, ALL)


def test_next_and_previous_stop_at_the_ends():
    order = ("a", "b", "c")

    assert step(order, "a", -1) == "a"
    assert step(order, "a", +1) == "b"
    assert step(order, "c", +1) == "c"
    assert step(order, None, +1) == "b"
    assert step((), None, +1) is None


def test_a_cursor_outside_the_walk_shows_the_first_contact():
    assert current(("a", "b"), "zz") == "a"
    assert position(("a", "b"), "b") == (2, 2)
    assert position((), "b") == (0, 0)


def test_next_unqualified_goes_round_to_the_first_open_contact():
    network = _network()
    order = walk_order(network)
    support = order[2]

    following = next_unqualified(network, order, support)
    after_that = next_unqualified(network, order, following)

    assert _names(network, [following, after_that]) == ["loose", "info"]


def test_next_unqualified_is_none_when_all_are_qualified():
    network = Network((_contact("a", Circle.SUPPORT, Role.SPONSOR, qualified=True),))

    assert next_unqualified(network, walk_order(network), None) is None


def test_a_skipped_contact_comes_back_only_when_the_others_are_done():
    network = _network()
    order = walk_order(network)
    info, loose = order[0], order[4]

    following, skipped = skip(network, order, info, frozenset())

    assert following == loose
    assert skipped == {info}
    assert next_unqualified(network, order, loose, skipped) == info


def test_progress_counts_qualified_contacts_overall_and_per_circle():
    report = progress(_network())

    assert (report.overall.qualified, report.overall.total) == (3, 5)
    assert report.by_circle[Circle.INFORMATION].qualified == 1
    assert report.by_circle[Circle.INFORMATION].total == 2
    assert report.by_circle[Circle.SUPPORT].done
    assert report.unsorted == 1


_circles = st.none() | st.sampled_from(list(Circle))


@given(
    st.lists(_circles, max_size=20), st.sampled_from([ALL, UNSORTED, *[c.value for c in Circle]])
)
def test_walking_next_from_the_first_visits_every_contact_of_the_walk_once(circles, wanted):
    network = Network(tuple(_contact(f"p{i}", circle) for i, circle in enumerate(circles)))
    order = walk_order(network, wanted)

    seen, here = [], current(order, None)
    for _ in order:
        seen.append(here)
        here = step(order, here, +1)

    assert sorted(seen) == sorted(order)
    assert len(set(order)) == len(order)
    assert set(order) <= set(network.ids)


def test_a_contact_with_a_circle_but_no_role_counts_as_not_sorted_like_the_sorting_list():
    network = _network().add(_contact("half", Circle.SUPPORT))

    assert progress(network).unsorted == 2 == len(unsorted_ids(network))


def test_the_unsorted_filter_also_offers_a_contact_with_a_circle_but_no_role():
    network = _network().add(_contact("half", Circle.SUPPORT))

    assert _names(network, walk_order(network, UNSORTED)) == ["half", "loose"]

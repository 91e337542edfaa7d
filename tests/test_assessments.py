"""Assessments: snapshots, carry-forward, comparisons, read back from the document."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau.assessments import (
    add_months,
    assessment_from_dict,
    assessment_to_dict,
    close_assessment,
    compare,
    confirm_unchanged,
    forget_removed,
    not_looked_at,
    planned_reassessment,
    sentences,
    snapshot,
)
from reseau.contact import Contact
from reseau.demo import load_demo_network
from reseau.network import Network
from reseau.vocabulary import ActionStatus, Circle, Quadrant, Role
from reseau.workbook import Workbook
from tests.test_scoring import qualified_contacts

CLOSED = date(2026, 11, 29)
LATER = CLOSED + timedelta(days=91)


def _demo() -> Workbook:
    return Workbook(network=load_demo_network())


def test_closing_an_assessment_freezes_every_contact_and_the_five_marks():
    workbook = _demo()
    network = workbook.network.with_marks(Circle.SUPPORT, {"trust": 2})
    workbook = workbook.with_changes(network=network)

    closed = close_assessment(workbook, CLOSED)

    (assessment,) = closed.assessments
    assert assessment.day == CLOSED
    assert len(assessment.contacts) == len(workbook.network)
    assert dict(assessment.marks["support"]) == {"trust": 2}
    thomas = assessment.by_id()["demo04"]
    assert (thomas.circle, thomas.role) == (Circle.SUPPORT, Role.FORMER_MANAGER)
    assert thomas.criteria["trust"] == 3
    assert thomas.action_text == "Reprendre contact autour d'un café"
    assert closed.network is workbook.network  # the answers are carried forward


def test_closing_twice_the_same_day_keeps_one_assessment_of_that_day():
    workbook = close_assessment(_demo(), CLOSED)
    changed = workbook.with_changes(network=workbook.network.update("demo04", trust=5))

    again = close_assessment(changed, CLOSED)

    assert [a.day for a in again.assessments] == [CLOSED]
    assert again.assessments[0].by_id()["demo04"].criteria["trust"] == 5


def test_every_contact_is_waiting_to_be_looked_at_again_after_closing():
    closed = close_assessment(_demo(), CLOSED)

    assert set(not_looked_at(closed)) == set(closed.network.ids)


def test_a_contact_edited_or_confirmed_unchanged_is_no_longer_waiting():
    closed = close_assessment(_demo(), CLOSED)

    edited = closed.with_changes(network=closed.network.update("demo04", trust=5))
    confirmed = confirm_unchanged(edited, "demo01")

    waiting = set(not_looked_at(confirmed))
    assert "demo04" not in waiting
    assert "demo01" not in waiting
    assert len(waiting) == len(closed.network) - 2


def test_a_new_assessment_forgets_the_previous_confirmations():
    closed = confirm_unchanged(close_assessment(_demo(), CLOSED), "demo01")

    reclosed = close_assessment(closed, LATER)

    assert reclosed.unchanged == frozenset()
    assert "demo01" in not_looked_at(reclosed)


@given(st.lists(qualified_contacts(), max_size=6))
def test_comparing_an_assessment_with_itself_shows_no_change(contacts):
    workbook = Workbook(network=Network(tuple(contacts)))
    assessment = snapshot(workbook.network, workbook.settings, CLOSED)

    comparison = compare(assessment, assessment)

    assert not comparison.has_changes
    assert sentences(comparison, "fr") == ["Rien n'a changé entre ces deux bilans."]


@given(st.lists(qualified_contacts(), min_size=1, max_size=6))
def test_a_comparison_has_one_move_per_contact_present_in_both(contacts):
    network = Network(tuple(contacts))
    before = snapshot(network, Workbook().settings, CLOSED)
    after = snapshot(network.remove(contacts[0].id), Workbook().settings, LATER)

    comparison = compare(before, after)

    assert len(comparison.moves) == len(contacts) - 1
    assert comparison.removed == (contacts[0].display_name,)


def test_a_contact_brought_closer_is_told_moving_from_develop_to_mobilise():
    thomas = Contact(
        first_name="Thomas",
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        frequency=1,
        trust=1,
        added_value=5,
        interest=5,
        power=5,
        id="t",
    )
    network = Network((thomas,))
    before = snapshot(network, Workbook().settings, CLOSED)
    after = snapshot(network.update("t", frequency=5, trust=5), Workbook().settings, LATER)

    comparison = compare(before, after)

    (move,) = comparison.moves
    assert (move.quadrant_before, move.quadrant_after) == (Quadrant.DEVELOP, Quadrant.MOBILISE)
    assert move.strength_after > move.strength_before
    text = sentences(comparison, "fr")
    assert "Thomas passe de « Développer » à « Mobiliser »." in text
    assert "Thomas moves from “Develop” to “Mobilise”." in sentences(comparison, "en")


def test_roles_filled_circle_counts_criteria_and_actions_done_are_counted():
    sponsor = Contact(first_name="Claire", circle=Circle.SUPPORT, role=Role.SPONSOR, trust=2)
    sponsor = sponsor.with_changes(action_text="Appeler", action_status=ActionStatus.TODO)
    before = snapshot(Network((sponsor,)), Workbook().settings, CLOSED)
    peer = Contact(first_name="Paul", circle=Circle.INFORMATION, role=Role.PEER, trust=4)
    done = sponsor.with_changes(action_status=ActionStatus.DONE)
    after = snapshot(Network((done, peer)), Workbook().settings, LATER)

    comparison = compare(before, after)

    assert comparison.roles_filled == (Role.PEER,)
    assert comparison.circle_counts[Circle.INFORMATION] == (0, 1)
    assert comparison.criteria_averages["trust"] == (2.0, 3.0)
    assert comparison.actions_done == ("Claire",)
    assert comparison.added == ("Paul",)
    text = sentences(comparison, "fr")
    assert "Action faite : Claire." in text
    assert "Rôle pourvu depuis : Pair." in text
    assert "Intensité / confiance en moyenne : 2 → 3." in text


def test_an_assessment_reads_back_from_its_document_unchanged():
    workbook = _demo()
    assessment = close_assessment(workbook, CLOSED).assessments[0]

    assert assessment_from_dict(assessment_to_dict(assessment)) == assessment


def test_a_contact_removed_leaves_no_trace_in_past_assessments_or_rhythms():
    closed = close_assessment(_demo(), CLOSED).with_changes(cadences={"demo04": 10})
    closed = confirm_unchanged(closed, "demo04")

    forgotten = forget_removed(closed.with_changes(network=closed.network.remove("demo04")))

    assert "demo04" not in forgotten.assessments[0].by_id()
    assert len(forgotten.assessments[0].contacts) == len(closed.network) - 1
    assert (forgotten.cadences, forgotten.unchanged) == ({}, frozenset())


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 11, 29), 3, date(2027, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2026, 3, 15), 12, date(2027, 3, 15)),
        (date(2026, 12, 1), 3, date(2027, 3, 1)),
    ],
)
def test_months_later_is_the_same_day_or_the_last_day_of_a_shorter_month(start, months, expected):
    assert add_months(start, months) == expected


def test_the_next_assessment_is_planned_three_months_after_the_last():
    workbook = close_assessment(_demo(), date(2026, 11, 29))

    assert planned_reassessment(workbook, date(2026, 12, 5)) == date(2027, 2, 28)


def test_a_next_assessment_already_overdue_is_planned_for_today():
    workbook = close_assessment(_demo(), date(2026, 1, 10))

    assert planned_reassessment(workbook, date(2026, 11, 29)) == date(2026, 11, 29)


def test_without_any_assessment_the_first_is_planned_three_months_from_today():
    assert planned_reassessment(Workbook(), date(2026, 12, 1)) == date(2027, 3, 1)

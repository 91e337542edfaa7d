"""Keeping in touch: cadences, next due dates and « Qui relancer maintenant ? »."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau.cadence import (
    CadenceOutOfRange,
    ContactInTheFuture,
    days_overdue,
    default_cadence,
    done_days,
    log_contact,
    next_due,
    set_cadence,
    to_reach,
)
from reseau.contact import Contact
from reseau.network import Network
from reseau.scoring import score_network
from reseau.vocabulary import ActionStatus, Circle, ContactNature, ContactResult, Role
from tests.test_scoring import qualified_contacts

TODAY = date(2027, 3, 1)


def test_a_sponsor_is_seen_more_often_than_an_online_expert():
    sponsor = Contact(first_name="S", circle=Circle.SUPPORT, role=Role.SPONSOR)
    expert = Contact(first_name="E", circle=Circle.INFORMATION, role=Role.ONLINE_EXPERT)

    assert default_cadence(sponsor) < default_cadence(expert)


def test_a_cadence_set_for_one_contact_replaces_the_default():
    sponsor = Contact(
        first_name="S", circle=Circle.SUPPORT, role=Role.SPONSOR, last_contact_date=TODAY
    )

    cadences = set_cadence({}, sponsor.id, 7)

    assert next_due(sponsor, cadences, TODAY) == TODAY + timedelta(days=7)
    with pytest.raises(CadenceOutOfRange):
        set_cadence({}, sponsor.id, 0)


def test_the_next_due_date_restarts_from_an_action_done():
    contact = Contact(
        first_name="S",
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        last_contact_date=TODAY - timedelta(days=60),
        action_text="Déjeuner",
        action_due=TODAY - timedelta(days=2),
        action_status=ActionStatus.DONE,
    )

    assert next_due(contact, {}, TODAY) == TODAY + timedelta(days=12)


def test_a_contact_cannot_be_logged_in_the_future():
    contact = Contact(first_name="S")

    with pytest.raises(ContactInTheFuture):
        log_contact(contact, TODAY + timedelta(days=1), None, None, TODAY)


@given(
    qualified_contacts(),
    st.integers(0, 900),
    st.sampled_from(list(ContactNature)),
    st.sampled_from(list(ContactResult)),
    st.integers(1, 400),
)
def test_logging_a_contact_never_makes_a_person_more_overdue(contact, ago, nature, result, days):
    cadences = {contact.id: days}
    before = days_overdue(contact, cadences, TODAY)

    logged = log_contact(contact, TODAY - timedelta(days=ago), nature, result, TODAY)

    after = days_overdue(logged, cadences, TODAY)
    assert before is None or (after is not None and after <= before)


def test_a_person_never_contacted_is_due_now():
    contact = Contact(first_name="S", circle=Circle.SUPPORT, role=Role.SPONSOR)

    assert days_overdue(contact, {}, TODAY) is None
    assert [r.days_late for r in to_reach(Network((contact,)), {}, {}, TODAY)] == [None]


def test_whom_to_get_back_to_lists_the_overdue_most_important_first():
    old = TODAY - timedelta(days=200)
    sponsor = Contact(
        first_name="Claire",
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        frequency=2,
        trust=2,
        added_value=5,
        interest=5,
        power=5,
        last_contact_date=old,
    )
    expert = Contact(
        first_name="Eva",
        circle=Circle.INFORMATION,
        role=Role.ONLINE_EXPERT,
        frequency=1,
        trust=1,
        added_value=1,
        interest=1,
        power=1,
        last_contact_date=old,
    )
    recent = Contact(
        first_name="Rita", circle=Circle.SUPPORT, role=Role.SPONSOR, last_contact_date=TODAY
    )
    network = Network((expert, recent, sponsor))

    reminders = to_reach(network, {}, score_network(network, today=TODAY), TODAY)

    assert [r.name for r in reminders] == ["Claire", "Eva"]
    assert reminders[0].days_late == 200 - 14


def _sponsor_done(due: date) -> Contact:
    return Contact(
        first_name="S",
        circle=Circle.SUPPORT,
        role=Role.SPONSOR,
        last_contact_date=TODAY - timedelta(days=60),
        action_text="Déjeuner",
        action_due=due,
        action_status=ActionStatus.DONE,
        id="s",
    )


def test_an_action_done_early_restarts_the_rhythm_from_the_day_it_was_done_not_its_due_date():
    contact = _sponsor_done(due=TODAY + timedelta(days=20))
    done_on = TODAY - timedelta(days=3)

    due = next_due(contact, {}, TODAY, {"s": done_on})

    assert due == done_on + timedelta(days=14)
    assert next_due(contact, {}, TODAY) == TODAY - timedelta(days=60) + timedelta(days=14)


def test_an_action_done_late_restarts_from_the_day_it_was_done():
    contact = _sponsor_done(due=TODAY - timedelta(days=30))

    assert days_overdue(contact, {}, TODAY, {"s": TODAY}) == 0
    assert next_due(contact, {}, TODAY, {"s": TODAY}) == TODAY + timedelta(days=14)


def test_marking_an_action_done_notes_the_day_and_undoing_it_forgets_it():
    todo = _sponsor_done(due=TODAY).with_changes(action_status=ActionStatus.TODO)
    done = todo.with_changes(action_status=ActionStatus.DONE)
    before, after = Network((todo,)), Network((done,))

    noted = done_days(before, after, {}, TODAY)
    undone = done_days(after, before, noted, TODAY + timedelta(days=1))

    assert noted == {"s": TODAY}
    assert undone == {}


def test_a_day_given_with_the_change_is_kept_and_an_action_arriving_done_brings_none():
    todo = _sponsor_done(due=TODAY).with_changes(action_status=ActionStatus.TODO)
    done = todo.with_changes(action_status=ActionStatus.DONE)
    restored = _sponsor_done(due=TODAY).with_changes(id="r")
    earlier = TODAY - timedelta(days=5)

    noted = done_days(Network((todo,)), Network((done, restored)), {"s": earlier}, TODAY)

    assert noted == {"s": earlier}


@given(
    qualified_contacts(),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=400),
)
def test_marking_an_action_done_never_makes_a_person_more_overdue(contact, due_ago, done_ago):
    contact = contact.with_changes(
        action_text="Appeler", action_due=TODAY - timedelta(days=due_ago)
    )
    before = days_overdue(contact, {}, TODAY)
    done = contact.with_changes(action_status=ActionStatus.DONE)

    after = days_overdue(done, {}, TODAY, {done.id: TODAY - timedelta(days=min(done_ago, due_ago))})

    assert before is None or (after is not None and after <= before)

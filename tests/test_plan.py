"""The action plan: priority order, late flags, filters, summary and the contacts left apart."""

from datetime import date, timedelta

import pytest

from reseau.contact import Contact
from reseau.i18n import Lang
from reseau.network import Network
from reseau.plan import (
    PlanFilter,
    PlanValueNotUnderstood,
    build_plan,
    is_due_this_week,
    is_late,
    plan_changes,
    role_text,
    week_end,
)
from reseau.scoring import score_network
from reseau.vocabulary import ActionStatus, Circle, Quadrant, Role
from tests.conftest import TODAY  # a Friday


def _plan(network: Network):
    return build_plan(network, score_network(network, today=TODAY), Lang.FR, TODAY)


def test_the_demo_plan_lists_its_actions_in_rank_order(demo):
    plan = _plan(demo)

    ranks = [row.rank for row in plan.rows if row.rank is not None]
    assert ranks == sorted(ranks)
    assert plan.rows[0].contact.display_name == "Marc Delaunay"
    assert plan.rows[0].quadrant is Quadrant.DEVELOP
    assert len(plan.rows) == sum(1 for c in demo if c.has_action)


def test_contacts_without_an_action_are_listed_apart_with_a_suggestion(demo):
    plan = _plan(demo)

    apart = {item.contact.display_name: item for item in plan.unplanned}
    assert set(apart) == {c.display_name for c in demo if not c.has_action}
    assert apart["Hugo Perrin"].suggestion.key == "suggestion.watch.helped_team_member"
    assert apart["Amélie Noël"].suggestion.key == "suggestion.none.default"


def test_an_action_due_yesterday_and_not_done_is_late():
    contact = Contact(first_name="A", action_text="x", action_due=TODAY - timedelta(days=1))

    assert is_late(contact, TODAY)
    assert not is_late(contact.with_changes(action_status=ActionStatus.DONE), TODAY)
    assert not is_late(contact.with_changes(action_due=TODAY), TODAY)
    assert not is_late(contact.with_changes(action_due=None), TODAY)


def test_this_week_runs_from_today_to_sunday():
    friday = date(2026, 11, 27)
    contact = Contact(first_name="A", action_text="x")

    assert week_end(friday) == date(2026, 11, 29)
    assert is_due_this_week(contact.with_changes(action_due=date(2026, 11, 29)), friday)
    assert not is_due_this_week(contact.with_changes(action_due=date(2026, 11, 30)), friday)
    assert not is_due_this_week(contact.with_changes(action_due=date(2026, 11, 26)), friday)


def test_the_summary_counts_actions_this_week_late_and_per_circle(demo):
    summary = _plan(demo).summary()

    late = [c for c in demo if c.has_action and is_late(c, TODAY)]
    assert summary.actions == 24
    assert summary.late == len(late) == 3  # Lucas Schmitt, Inès Carpentier, Frédéric Blanc
    assert summary.due_this_week == 1  # Jean Rousseau, due Saturday 28
    assert summary.done == 2
    assert summary.without_action == 7
    support = next(c for c in summary.by_circle if c.circle is Circle.SUPPORT)
    assert support.actions == sum(1 for c in demo.in_circle(Circle.SUPPORT) if c.has_action)
    assert sum(c.actions for c in summary.by_circle) == summary.actions


def test_filters_keep_only_the_rows_asked_for(demo):
    plan = _plan(demo)

    late_rows = plan.filtered(PlanFilter(late_only=True))
    develop_support = plan.filtered(
        PlanFilter(circles=frozenset({Circle.SUPPORT}), quadrants=frozenset({Quadrant.DEVELOP}))
    )
    done = plan.filtered(PlanFilter(statuses=frozenset({ActionStatus.DONE})))

    assert {r.contact.display_name for r in late_rows} == {
        "Lucas Schmitt",
        "Inès Carpentier",
        "Frédéric Blanc",
    }
    assert {r.contact.display_name for r in develop_support} == {
        "Marc Delaunay",
        "Thomas Nguyen",
        "Bruno Chevalier",
    }
    assert {r.contact.display_name for r in done} == {"Karim Benali", "Zoé Martin"}
    assert plan.filtered(PlanFilter()) == plan.rows


def test_a_status_label_and_a_date_in_a_row_become_changes():
    contact = Contact(first_name="A", action_text="Appeler", action_due=TODAY)

    changes = plan_changes(
        contact,
        {"action_text": "Appeler lundi", "action_due": "04/12/2026", "action_status": "En cours"},
    )

    assert changes == {
        "action_text": "Appeler lundi",
        "action_due": date(2026, 12, 4),
        "action_status": ActionStatus.IN_PROGRESS,
    }


def test_an_unchanged_row_asks_for_no_change():
    contact = Contact(first_name="A", action_text="Appeler", action_due=TODAY)

    assert plan_changes(contact, {"action_text": "Appeler", "action_due": TODAY}) == {}


def test_an_unreadable_status_is_reported_in_the_users_language():
    contact = Contact(first_name="A", action_text="Appeler")

    with pytest.raises(PlanValueNotUnderstood) as problem:
        plan_changes(contact, {"action_status": "bientôt"})

    assert "Statut" in problem.value.message(Lang.FR)


def test_a_role_of_ones_own_shows_the_participants_words():
    contact = Contact(first_name="A", circle=Circle.SUPPORT, role=Role.OTHER, role_other="Coach")

    assert role_text(contact, Lang.FR) == "Autre (Coach)"


def test_a_first_action_without_a_date_is_due_two_weeks_later_and_a_chosen_date_is_kept():
    from reseau.plan import first_action_changes

    undated = Contact(first_name="Léa")
    dated = Contact(first_name="Léa", action_due=date(2027, 1, 4))

    assert first_action_changes(undated, "Appeler", date(2026, 11, 27)) == {
        "action_text": "Appeler",
        "action_due": date(2026, 12, 11),
    }
    assert first_action_changes(dated, "Appeler", date(2026, 11, 27)) == {"action_text": "Appeler"}
    assert first_action_changes(undated, "", date(2026, 11, 27)) == {"action_text": ""}

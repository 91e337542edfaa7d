"""The Bilans page driven like a participant: close an assessment, come back three months later,
re-assess, compare, and log a contact with someone overdue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from reseau.cadence import default_cadence, next_due
from reseau.i18n import day, t
from reseau.ui.resources import store
from reseau.vocabulary import ActionStatus
from tests.apptest import assert_no_error, goto, open_app, stored_workbook, texts

CLOSED = date(2026, 11, 29)
LATER = date(2027, 3, 1)


def _button(at: AppTest, key: str, **params):
    return next(b for b in at.button if b.label == t(key, "fr", **params))


def _bilans(monkeypatch: pytest.MonkeyPatch, today: date) -> AppTest:
    monkeypatch.setenv("RESEAU_TODAY", today.isoformat())
    return goto(open_app(demo=True, lang="fr"), "pages/bilans.py")


def _close(at: AppTest, today: date) -> AppTest:
    _button(at, "assess.close.button", day=day(today, "fr")).click()
    at.run()
    assert_no_error(at)
    return at


def test_closing_an_assessment_saves_it_and_lists_every_contact_as_not_looked_at(monkeypatch):
    at = _bilans(monkeypatch, CLOSED)

    _close(at, CLOSED)

    saved = stored_workbook(at)
    assert [a.day for a in saved.assessments] == [CLOSED]
    page = texts(at)
    assert "Bilan du 29 nov. 2026 clos." in page
    assert "31 contacts n'ont pas encore été revus depuis le bilan du 29 nov. 2026." in page
    assert "- Bilan du 29 nov. 2026 : 31 contacts" in page


def test_three_months_later_the_comparison_tells_who_moved(monkeypatch):
    at = _bilans(monkeypatch, CLOSED)
    _close(at, CLOSED)
    # Three months later the participant brings Thomas Nguyen (former manager) much closer.
    link = at.query_params["wb"]
    workbook_id = link[0] if isinstance(link, list) else link
    saved = stored_workbook(at)
    store().save(
        workbook_id,
        saved.with_changes(network=saved.network.update("demo04", frequency=5, trust=5)),
    )
    monkeypatch.setenv("RESEAU_TODAY", LATER.isoformat())
    at = goto(open_app(wb=workbook_id), "pages/bilans.py")

    _close(at, LATER)

    assert [a.day for a in stored_workbook(at).assessments] == [CLOSED, LATER]
    at.selectbox(key="assess.compare.before").select_index(0)
    at.selectbox(key="assess.compare.after").select_index(1)
    at.run()
    page = texts(at)
    assert "Thomas Nguyen passe de « Développer » à « Mobiliser »." in page
    assert len(at.get("plotly_chart")) == 1


def test_logging_a_contact_from_the_list_updates_the_last_contact(monkeypatch):
    at = _bilans(monkeypatch, LATER)
    assert t("reach.heading", "fr") in texts(at)
    who = next(s for s in at.selectbox if s.label == t("reach.log.who", "fr"))
    contact_id = who.value

    _button(at, "reach.log.submit").click()
    at.run()
    assert_no_error(at)

    contact = stored_workbook(at).network.get(contact_id)
    assert contact.last_contact_date == LATER
    assert "noté" in texts(at)


def test_a_file_built_before_closing_an_assessment_is_offered_again_only_after_a_rebuild(
    monkeypatch,
):
    monkeypatch.setenv("RESEAU_TODAY", CLOSED.isoformat())
    at = goto(open_app(demo=True, lang="fr"), "pages/exporter.py")
    _button(at, "export.build").click()
    at.run()
    at = goto(at, "pages/bilans.py")

    _close(at, CLOSED)
    at = goto(at, "pages/exporter.py")

    assert t("export.changed", "fr") in texts(at)


def test_the_page_speaks_english_when_the_workbook_does(monkeypatch):
    monkeypatch.setenv("RESEAU_TODAY", CLOSED.isoformat())
    at = goto(open_app(demo=True, lang="en"), "pages/bilans.py")

    page = texts(at)

    assert t("assess.page.title", "en") in page
    assert t("reach.heading", "en") in page
    labels = [b.label for b in at.button]
    assert t("assess.close.button", "en", day=day(CLOSED, "en")) in labels
    assert "Close the assessment of 29 Nov 2026" in labels


def test_one_click_on_unchanged_takes_a_contact_off_the_list_to_look_at_again(monkeypatch):
    at = _bilans(monkeypatch, CLOSED)
    _close(at, CLOSED)
    chosen = at.selectbox(key="assess.carry.pick").value

    _button(at, "assess.carry.unchanged").click()
    at.run()
    assert_no_error(at)

    assert stored_workbook(at).unchanged == frozenset({chosen})
    assert "30 contacts n'ont pas encore été revus depuis le bilan du 29 nov. 2026." in texts(at)


def test_a_contact_logged_with_its_first_action_done_marks_the_action_done(monkeypatch):
    at = _bilans(monkeypatch, LATER)
    who = next(s for s in at.selectbox if s.label == t("reach.log.who", "fr"))
    network = stored_workbook(at).network
    with_action = next(
        c.id
        for c in network
        if c.has_action
        and c.action_status is not ActionStatus.DONE
        and c.display_name in who.options
    )
    who.set_value(with_action)
    next(c for c in at.checkbox if c.label == t("reach.log.action_done", "fr")).check()

    _button(at, "reach.log.submit").click()
    at.run()
    assert_no_error(at)

    contact = stored_workbook(at).network.get(with_action)
    assert (contact.action_status, contact.last_contact_date) == (ActionStatus.DONE, LATER)


def _card(at: AppTest) -> AppTest:
    at = goto(at, "pages/qualifier.py")
    at.segmented_control[0].set_value("card").run()
    assert_no_error(at)
    return at


def _unchanged_buttons(at: AppTest) -> list:
    return [b for b in at.button if b.label == t("assess.carry.unchanged", "fr")]


def test_the_card_offers_unchanged_for_a_contact_not_looked_at_since_the_last_assessment(
    monkeypatch,
):
    at = _close(_bilans(monkeypatch, CLOSED), CLOSED)
    at = _card(at)
    shown = stored_workbook(at).cursor
    assert shown is not None
    assert len(_unchanged_buttons(at)) == 1

    _unchanged_buttons(at)[0].click()
    at.run()
    assert_no_error(at)

    assert stored_workbook(at).unchanged == frozenset({shown})
    assert _unchanged_buttons(at) == []


def test_the_card_does_not_offer_unchanged_before_any_assessment(monkeypatch):
    at = _card(_bilans(monkeypatch, CLOSED))

    assert _unchanged_buttons(at) == []


def test_the_card_does_not_offer_unchanged_once_the_contact_was_edited(monkeypatch):
    at = _close(_bilans(monkeypatch, CLOSED), CLOSED)
    at = _card(at)
    shown = stored_workbook(at).cursor
    trust = at.segmented_control(key=f"qualify.{shown}.trust")
    before = trust.value

    trust.set_value(1 if before != 1 else 2).run()
    assert_no_error(at)

    assert _unchanged_buttons(at) == []


def test_the_next_assessment_is_offered_three_months_after_the_last_as_a_calendar_event(
    monkeypatch,
):
    at = _bilans(monkeypatch, CLOSED)
    assert t("assess.plan.heading", "fr") not in texts(at)

    _close(at, CLOSED)

    planned = at.date_input(key=f"assess.plan.day.{CLOSED.isoformat()}")
    assert planned.value == date(2027, 2, 28)
    labels = [b.label for b in at.get("download_button")]
    assert t("assess.plan.download", "fr") in labels


def test_a_first_action_marked_done_on_the_card_restarts_the_rhythm_from_that_day(monkeypatch):
    at = _card(_bilans(monkeypatch, LATER))
    shown = stored_workbook(at).cursor
    contact = stored_workbook(at).network.get(shown)
    assert contact.action_status is not ActionStatus.DONE

    at.segmented_control(key=f"qualify.{shown}.action_status").set_value(ActionStatus.DONE).run()
    assert_no_error(at)

    saved = stored_workbook(at)
    assert saved.actions_done == {shown: LATER}
    done = saved.network.get(shown)
    assert next_due(done, {}, LATER, saved.actions_done) == LATER + timedelta(
        days=default_cadence(done)
    )


def test_an_action_done_in_a_contact_logged_days_ago_is_dated_from_that_exchange(monkeypatch):
    at = _bilans(monkeypatch, LATER)
    who = next(s for s in at.selectbox if s.label == t("reach.log.who", "fr"))
    network = stored_workbook(at).network
    with_action = next(
        c.id
        for c in network
        if c.has_action
        and c.action_status is not ActionStatus.DONE
        and c.display_name in who.options
    )
    who.set_value(with_action)
    exchange = LATER - timedelta(days=4)
    next(d for d in at.date_input if d.label == t("reach.log.date", "fr")).set_value(exchange)
    next(c for c in at.checkbox if c.label == t("reach.log.action_done", "fr")).check()

    _button(at, "reach.log.submit").click()
    at.run()
    assert_no_error(at)

    assert stored_workbook(at).actions_done == {with_action: exchange}

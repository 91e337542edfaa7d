"""The Plan page driven like a participant: read the summary, edit an action, keep suggestions."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from reseau.i18n import t
from reseau.ui.resources import store
from reseau.vocabulary import ActionStatus
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, goto, open_app, texts
from tests.conftest import TODAY


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's due dates are fixed: the figures below hold on this date."""
    monkeypatch.setenv("RESEAU_TODAY", TODAY.isoformat())


def _plan_page(lang: str = "fr") -> AppTest:
    return goto(open_app(demo=True, lang=lang), "pages/plan.py")


def _saved(at: AppTest) -> Workbook:
    wb = at.query_params["wb"]
    return store().load(wb[0] if isinstance(wb, list) else wb)


def _button(at: AppTest, key: str, lang: str = "fr"):
    return next(b for b in at.button if b.label == t(key, lang))


def test_the_summary_on_top_counts_actions_this_week_late_done_and_the_rest():
    at = _plan_page()

    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        t("plan.metric.actions", "fr"): "24",
        t("plan.metric.this_week", "fr"): "1",
        t("plan.metric.late", "fr"): "3",
        t("plan.metric.done", "fr"): "2",
        t("plan.metric.without_action", "fr"): "7",
    }
    assert "**Réseau de soutien** : 9 actions" in texts(at)


def test_the_plan_lists_actions_in_priority_order():
    at = _plan_page()

    table = at.data_editor[0].value
    assert list(table["name"][:3]) == ["Marc Delaunay", "Jean Rousseau", "Bruno Chevalier"]
    assert list(table["rank"]) == sorted(table["rank"])
    assert set(table["action_status"]) <= {"À faire", "En cours", "Fait"}


def test_changing_a_status_in_the_table_saves_it_at_once():
    at = _plan_page()

    at.session_state["plan_editor_0"] = {
        "edited_rows": {0: {"action_status": "Fait", "action_text": "Point fait le 3/12"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()

    assert_no_error(at)
    marc = _saved(at).network.get("demo02")
    assert marc.action_status is ActionStatus.DONE
    assert marc.action_text == "Point fait le 3/12"
    assert t("plan.saved", "fr", name="Marc Delaunay") in [toast.value for toast in at.toast]


def test_an_impossible_text_is_refused_with_a_message_and_nothing_is_lost():
    at = _plan_page()

    at.session_state["plan_editor_0"] = {
        "edited_rows": {0: {"action_text": "x" * 5001}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()

    marc = _saved(at).network.get("demo02")
    assert marc.action_text == "Proposer un point de 30 minutes sur les gains attendus"
    assert any("Marc Delaunay" in e.value for e in at.error)


def test_contacts_without_an_action_are_listed_with_a_suggestion():
    at = _plan_page()

    suggestions = at.data_editor[1].value
    assert t("plan.no_action.title", "fr", count=7) in texts(at)
    hugo = suggestions[suggestions["name"] == "Hugo Perrin"].iloc[0]
    assert hugo["suggestion"] == t("suggestion.watch.helped_team_member", "fr")


def test_ticking_every_suggestion_adds_nothing_until_the_list_is_confirmed():
    at = _plan_page()
    before = _saved(at).network

    _button(at, "plan.no_action.tick_all").click().run()
    ticked = at.data_editor[1].value
    _button(at, "plan.no_action.add").click().run()

    assert_no_error(at)
    assert _saved(at).network == before
    assert t("plan.no_action.review.many", "fr", count=5) in texts(at)
    assert any("Hugo Perrin" in m.value for m in at.markdown)
    assert set(ticked[ticked["keep"]]["name"]) == {
        c.display_name for c in before if c.is_sorted and not c.has_action
    }


def test_confirming_the_reviewed_suggestions_adds_them_but_never_an_unsorted_contact():
    at = _plan_page()
    unsorted = [c.id for c in _saved(at).network if not c.is_sorted and not c.has_action]

    _button(at, "plan.no_action.tick_all").click().run()
    _button(at, "plan.no_action.add").click().run()
    _button(at, "plan.no_action.confirm").click().run()

    assert_no_error(at)
    saved = _saved(at).network
    assert saved.get("demo08").action_text == t("suggestion.watch.helped_team_member", "fr")
    assert all(c.has_action for c in saved if c.is_sorted)
    assert unsorted and not any(saved.get(cid).has_action for cid in unsorted)
    assert t("plan.no_action.added.many", "fr", count=5) in texts(at)


def test_cancelling_the_review_adds_nothing():
    at = _plan_page()
    before = _saved(at).network

    _button(at, "plan.no_action.tick_all").click().run()
    _button(at, "plan.no_action.add").click().run()
    _button(at, "plan.no_action.cancel").click().run()

    assert _saved(at).network == before
    assert not any(b.label == t("plan.no_action.confirm", "fr") for b in at.button)


def test_a_reworded_suggestion_keeps_the_participants_words():
    at = _plan_page()

    at.session_state["plan_unplanned_0"] = {
        "edited_rows": {0: {"keep": True, "suggestion": "L'appeler lundi"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    _button(at, "plan.no_action.add").click().run()
    _button(at, "plan.no_action.confirm").click().run()

    first = at.data_editor[1].value if len(at.data_editor) > 1 else None
    saved = _saved(at).network
    kept = [c for c in saved if c.action_text == "L'appeler lundi"]
    assert len(kept) == 1 and kept[0].action_status is ActionStatus.TODO
    assert kept[0].action_due is not None
    assert first is not None and len(first) == 6


def test_a_change_in_the_grid_after_adding_closes_the_review_so_nothing_stale_is_confirmed():
    at = _plan_page()
    _button(at, "plan.no_action.tick_all").click().run()
    _button(at, "plan.no_action.add").click().run()
    assert any(b.label == t("plan.no_action.confirm", "fr") for b in at.button)

    at.session_state["plan_unplanned_1"] = {
        "edited_rows": {0: {"keep": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()

    assert not any(b.label == t("plan.no_action.confirm", "fr") for b in at.button)


def test_adding_without_ticking_anything_says_what_to_do():
    at = _plan_page()

    _button(at, "plan.no_action.add").click().run()

    assert t("plan.no_action.none_ticked", "fr") in [w.value for w in at.warning]
    assert sum(1 for c in _saved(at).network if c.has_action) == 24


def test_the_late_filter_keeps_only_late_actions():
    at = _plan_page()

    at.toggle(key="plan.filter.late").set_value(True).run()

    assert len(at.data_editor[0].value) == 3
    assert t("plan.shown", "fr", shown=3, total=24) in texts(at)


def test_the_calendar_can_be_downloaded_and_the_page_speaks_english():
    at = _plan_page("en")

    assert [b.label for b in at.get("download_button")] == [t("plan.ics.download", "en")]
    assert t("plan.metric.late", "en") in [m.label for m in at.metric]

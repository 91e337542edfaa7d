"""The card never moves under the participant: answers land on the contact shown, in a browser too.

A browser sends back the label a selectbox last showed; these tests drive the app that way
(`like_a_browser`), since that is where a label changing under a widget sent answers elsewhere.
"""

from __future__ import annotations

from datetime import date, timedelta

from streamlit.testing.v1 import AppTest

from reseau.i18n import Lang, t
from reseau.storage import open_store
from reseau.ui.state import Workspace
from reseau.vocabulary import Reciprocity, Role
from tests.apptest import (
    assert_no_error,
    browser_label,
    goto,
    like_a_browser,
    open_app,
    stored_workbook,
)
from tests.conftest import TODAY


def _card(lang: str | None = "en") -> AppTest:
    at = like_a_browser(goto(open_app(demo=True, lang=lang), "pages/qualifier.py"))
    at.segmented_control[0].set_value("card").run()
    assert_no_error(at)
    return at


def _button(at: AppTest, key: str, lang: str = "en"):
    return next(b for b in at.button if b.label == t(key, lang))


def _shown(at: AppTest) -> str:
    return at.subheader[0].value


def _qualify(at: AppTest, contact_id: str) -> None:
    """Gives the shown contact every missing criterion, the way a participant clicks them."""
    contact = stored_workbook(at).network.get(contact_id)
    for field in contact.missing_for_qualification:
        if field == "role":
            at.pills(key=f"qualify.{contact_id}.role.{contact.circle.value}").set_value(
                Role.OTHER if contact.circle is None else next(iter(_roles(contact)))
            ).run()
        elif field == "circle":
            raise AssertionError("the demo's open contacts are sorted")
        else:
            at.segmented_control(key=f"qualify.{contact_id}.{field}").set_value(3).run()
        assert_no_error(at)


def _roles(contact):  # type: ignore[no-untyped-def]
    from reseau.vocabulary import roles_of

    return roles_of(contact.circle)


def test_the_next_field_after_qualifying_a_contact_is_saved_on_that_contact():
    at = _card()
    _button(at, "qualify.next_open").click().run()
    victor = stored_workbook(at).cursor
    name = _shown(at)
    before = stored_workbook(at).network
    _qualify(at, victor)
    assert stored_workbook(at).network.get(victor).is_qualified

    at.pills(key=f"qualify.{victor}.reciprocity").set_value(Reciprocity.I_GIVE).run()
    assert_no_error(at)

    after = stored_workbook(at)
    assert _shown(at) == name
    assert after.cursor == victor
    assert after.network.get(victor).reciprocity is Reciprocity.I_GIVE
    for contact in before:
        if contact.id != victor:
            assert after.network.get(contact.id) == contact


def test_the_jump_list_marks_a_contact_qualified_as_soon_as_it_is():
    at = _card()
    _button(at, "qualify.next_open").click().run()
    victor = stored_workbook(at).cursor
    name = _shown(at)

    _qualify(at, victor)

    jump = next(s for s in at.selectbox if s.label == t("qualify.jump", "en"))
    assert jump.value == victor
    assert browser_label(at, jump) == f"✓ {name}"


def _switch_language(at: AppTest, lang: str) -> None:
    """What the sidebar's language switch does: the workbook changes language, the page reruns."""
    Workspace(at.session_state, open_store()).set_lang(Lang(lang))
    at.run()


def test_switching_the_language_on_the_card_keeps_the_card_and_its_contact():
    at = _card(lang=None)
    _button(at, "qualify.next", "fr").click().run()
    shown = stored_workbook(at).cursor

    for lang in ("en", "fr", "en", "fr"):
        _switch_language(at, lang)
        assert_no_error(at)
        _button(at, "qualify.next", lang).click().run()
        assert_no_error(at)
        _button(at, "qualify.previous", lang).click().run()
        assert_no_error(at)

        assert stored_workbook(at).cursor == shown
        assert stored_workbook(at).lang == lang
        assert _button(at, "qualify.next_open", lang)


def test_switching_the_language_on_the_table_keeps_its_filter_working():
    at = like_a_browser(goto(open_app(demo=True), "pages/qualifier.py"))
    at.segmented_control[0].set_value("table").run()

    for lang in ("en", "fr"):
        _switch_language(at, lang)
        at.toggle[0].set_value(not at.toggle[0].value).run()
        assert_no_error(at)
        assert stored_workbook(at).lang == lang


def test_a_first_action_typed_without_a_date_is_due_in_two_weeks_and_the_card_shows_it(
    monkeypatch,
):
    monkeypatch.setenv("RESEAU_TODAY", TODAY.isoformat())
    at = _card()
    _button(at, "qualify.next_open").click().run()
    victor = stored_workbook(at).cursor
    assert stored_workbook(at).network.get(victor).action_due is None
    assert t("qualify.due.empty", "en", days=14) in [c.value for c in at.caption]

    at.text_area(key=f"qualify.{victor}.action_text").input("Lui proposer un café").run()
    assert_no_error(at)

    due = date(2026, 12, 11)  # TODAY, 27 November 2026, and two weeks
    assert stored_workbook(at).network.get(victor).action_due == due
    assert at.date_input(key=f"qualify.{victor}.action_due").value == due
    # One short line beside the field says the date was chosen for the participant.
    assert t("qualify.due.chosen", "en", days=14) in [c.value for c in at.caption]


def test_a_due_date_the_participant_picks_is_not_called_chosen_for_them():
    at = _card()
    _button(at, "qualify.next_open").click().run()
    victor = stored_workbook(at).cursor
    picked = date.today() + timedelta(days=3)

    at.date_input(key=f"qualify.{victor}.action_due").set_value(picked).run()
    at.text_area(key=f"qualify.{victor}.action_text").input("Lui proposer un café").run()
    assert_no_error(at)

    assert stored_workbook(at).network.get(victor).action_due == picked
    captions = [c.value for c in at.caption]
    assert t("qualify.due.chosen", "en", days=14) not in captions
    assert t("qualify.due.empty", "en", days=14) not in captions


def test_the_way_to_the_next_contact_is_also_right_after_the_last_required_answer():
    at = _card()
    _button(at, "qualify.next_open").click().run()
    victor = stored_workbook(at).cursor
    _qualify(at, victor)

    at.button(key="qualify.bottom.next_open").click().run()
    assert_no_error(at)

    shown = stored_workbook(at).network.get(stored_workbook(at).cursor)
    assert shown.id != victor and not shown.is_qualified
    assert stored_workbook(at).network.get(victor).is_qualified


def test_the_other_criteria_are_one_click_away_in_a_second_tab_of_the_card():
    at = _card()
    cursor = stored_workbook(at).cursor

    more = next(tab for tab in at.tabs if tab.label == t("qualify.tab.more", "en"))

    inside = {w.key for w in more.get("button_group")} | {w.key for w in more.date_input}
    assert {
        f"qualify.{cursor}.reciprocity",
        f"qualify.{cursor}.value_kinds",
        f"qualify.{cursor}.last_contact_nature",
        f"qualify.{cursor}.last_contact_result",
        f"qualify.{cursor}.last_contact_date",
    } <= inside

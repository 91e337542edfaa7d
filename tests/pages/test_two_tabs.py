"""Two tabs on one workbook: neither silently overwrites what the other saved."""

from __future__ import annotations

from reseau.i18n import t
from reseau.storage import open_store
from tests.apptest import assert_no_error, open_app, texts


def _workbook_id(at) -> str:  # type: ignore[no-untyped-def]
    value = at.query_params["wb"]
    return value[0] if isinstance(value, list) else value


def _type(at, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    at.text_input(key=key).input(text).run()
    assert_no_error(at)


def test_edits_of_different_fields_in_two_tabs_are_both_saved_and_both_shown():
    first = open_app()
    _type(first, "home.participant", "Alex")
    workbook_id = _workbook_id(first)
    second = open_app(wb=workbook_id)

    _type(first, "home.mission", "Réussir la fusion des équipes")
    _type(second, "home.participant", "Alexandra")

    stored = open_store().load(workbook_id).network
    assert (stored.participant, stored.mission) == ("Alexandra", "Réussir la fusion des équipes")
    assert second.text_input(key="home.mission").value == "Réussir la fusion des équipes"
    assert t("save.merged", "fr") in texts(second)


def test_the_same_field_changed_in_two_tabs_keeps_the_saved_value_and_says_so():
    first = open_app()
    _type(first, "home.participant", "Alex")
    workbook_id = _workbook_id(first)
    second = open_app(wb=workbook_id)

    _type(second, "home.mission", "La mission du second onglet")
    _type(first, "home.mission", "La mission du premier onglet")

    assert open_store().load(workbook_id).network.mission == "La mission du second onglet"
    assert first.text_input(key="home.mission").value == "La mission du second onglet"
    assert t("save.collided", "fr") in texts(first)
    # Nothing stale is left on the first tab's screen: its next edit keeps the second's mission.
    _type(first, "home.participant", "Sam")
    stored = open_store().load(workbook_id).network
    assert (stored.participant, stored.mission) == ("Sam", "La mission du second onglet")

"""The home page: the three starts, the confirmation before replacing work, the participant."""

from reseau.i18n import t
from tests.apptest import open_app, stored_workbook, texts


def button(at, key):
    return next(b for b in at.button if b.label == t(key, "fr"))


def test_loading_the_demo_over_contacts_asks_first_and_cancel_keeps_them():
    at = open_app(demo=True)

    button(at, "home.start.empty").click().run()
    assert t("home.replace_warning", "fr", count=31) in texts(at)
    button(at, "home.replace_cancel").click().run()

    assert len(stored_workbook(at).network) == 31
    assert t("home.replace_warning", "fr", count=31) not in texts(at)


def test_confirming_replaces_the_contacts_with_an_empty_workbook():
    at = open_app(demo=True)

    button(at, "home.start.empty").click().run()
    button(at, "home.replace_confirm").click().run()

    assert len(stored_workbook(at).network) == 0
    assert t("home.empty_started", "fr") in texts(at)


def test_the_demo_loads_at_once_into_an_empty_workbook():
    at = open_app()

    button(at, "home.start.demo").click().run()

    assert len(stored_workbook(at).network) == 31


def test_the_participant_and_mission_are_saved_as_they_are_typed():
    at = open_app()

    at.text_input(key="home.participant").input("Camille").run()
    at.text_input(key="home.mission").input("Déployer le nouvel outil").run()

    saved = stored_workbook(at).network
    assert (saved.participant, saved.mission) == ("Camille", "Déployer le nouvel outil")


def test_a_contact_added_in_the_grid_is_flagged_unsaved_then_saved_with_its_circle():
    at = open_app()

    at.session_state["contact_editor_0"] = {
        "edited_rows": {},
        "added_rows": [{"first_name": "Inès", "circle": "Réseau de soutien"}],
        "deleted_rows": [],
    }
    at.run()
    assert t("contacts.unsaved", "fr") in texts(at)
    button(at, "contacts.save").click().run()

    [contact] = stored_workbook(at).network
    assert (contact.first_name, contact.circle.value) == ("Inès", "support")

"""The home page: the three starts, the confirmation before replacing work, the participant."""

from reseau.i18n import t
from reseau.vocabulary import Role, circle_of
from tests.apptest import goto, open_app, stored_workbook, texts


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


def _grid_state(at, key="contact_editor_0", **changes):
    state = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    state.update(changes)
    at.session_state[key] = state


def test_a_phone_typed_in_the_grid_is_saved_at_once_and_survives_a_trip_to_importer():
    at = open_app(demo=True)
    first = stored_workbook(at).network.contacts[0]

    _grid_state(at, edited_rows={0: {"phone": "06 12 34 56 78"}})
    at.run()
    goto(at, "pages/importer.py")
    goto(at, "pages/accueil.py")

    assert stored_workbook(at).network.get(first.id).phone == "06 12 34 56 78"
    grid = at.data_editor[0].value
    assert grid[grid["id"] == first.id]["phone"].tolist() == ["06 12 34 56 78"]


def test_a_contact_added_in_the_grid_is_saved_with_its_circle_without_a_button():
    at = open_app()

    _grid_state(at, added_rows=[{"first_name": "Inès", "circle": "Réseau de soutien"}])
    at.run()

    [contact] = stored_workbook(at).network
    assert (contact.first_name, contact.circle.value) == ("Inès", "support")


def test_further_edits_of_an_added_row_update_that_contact_rather_than_adding_another():
    at = open_app()
    _grid_state(at, added_rows=[{"first_name": "Inès"}])
    at.run()

    _grid_state(at, added_rows=[{"first_name": "Inès", "last_name": "Roussel"}])
    at.run()
    at.run()

    [contact] = stored_workbook(at).network
    assert (contact.first_name, contact.last_name) == ("Inès", "Roussel")


def test_an_added_row_without_a_name_waits_quietly_until_it_has_one():
    at = open_app()

    _grid_state(at, added_rows=[{"phone": "06 12 34 56 78"}])
    at.run()

    assert len(stored_workbook(at).network) == 0
    assert not at.error
    assert t("contacts.pending_row", "fr") in texts(at)


def test_a_row_deleted_in_the_grid_is_removed_from_the_store_at_once():
    at = open_app(demo=True)
    first = stored_workbook(at).network.contacts[0]

    _grid_state(at, deleted_rows=[0])
    at.run()

    saved = stored_workbook(at).network
    assert len(saved) == 30
    assert first.id not in saved


def test_a_role_from_another_circle_is_left_out_with_a_message_and_the_grid_redrawn():
    at = open_app(demo=True)
    before = stored_workbook(at).network.contacts[0]
    wrong = next(
        t(role.label_key, "fr")
        for role in Role
        if role is not Role.OTHER and circle_of(role) is not before.circle
    )

    _grid_state(at, edited_rows={0: {"role": wrong}})
    at.run()

    assert stored_workbook(at).network.get(before.id).role is not next(
        role for role in Role if t(role.label_key, "fr") == wrong
    )
    assert at.warning
    assert "contact_editor_1" in at.session_state

"""One first name, in one field on Accueil: the one on the charts, the Excel file and the trainer's
screen, with a sentence beside it saying who sees it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from reseau.i18n import t
from reseau.network import Network
from reseau.storage import open_store
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, texts


def _home_and_sidebar_script() -> None:
    """Accueil's « Vous et votre mission » and the sidebar's « Mes données », as in the app."""
    from reseau.ui.home_view import participant_details
    from reseau.ui.my_data import my_data
    from reseau.ui.session import start_session
    from reseau.ui.state import workspace
    from reseau.ui.widgets import show_flashes

    ws = workspace()
    start_session(ws)
    show_flashes(ws)
    participant_details(ws)
    my_data(ws)


def _open(**params: str) -> AppTest:
    at = AppTest.from_function(_home_and_sidebar_script, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert_no_error(at)
    return at


def _workbook_id(at: AppTest) -> str:
    value = at.query_params["wb"]
    return value[0] if isinstance(value, list) else value


def test_the_name_typed_on_accueil_is_the_one_the_trainer_sees():
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    at = _open(join=workshop.code)
    workbook_id = _workbook_id(at)

    at.text_input(key="home.participant").input("  Camille ").run()

    assert_no_error(at)
    assert store.membership(workbook_id).first_name == "Camille"
    assert store.load(workbook_id).network.participant.strip() == "Camille"
    assert t("home.participant.who_workshop", "fr", workshop=workshop.name) in texts(at)


def test_my_data_holds_no_second_name_field_only_where_to_change_it():
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    at = _open(join=workshop.code)

    labels = [field.label for field in at.sidebar.text_input]

    assert t("home.participant", "fr") not in labels and labels == []
    assert t("mydata.first_name.anonymous", "fr") in texts(at)
    assert t("mydata.first_name.where", "fr") in texts(at)


def test_outside_a_workshop_the_sentence_says_who_would_see_the_name():
    at = _open()

    assert t("home.participant.who", "fr") in texts(at)


def test_a_stored_workbook_keeps_the_name_it_showed_the_trainer():
    # Before the two fields became one, the trainer's name lived apart, under « Mes données ».
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    workbook_id, _ = store.join_workshop(workshop.code, Workbook())
    store.set_first_name(workbook_id, "Camille")

    at = _open(wb=workbook_id)

    assert at.text_input(key="home.participant").value == "Camille"
    assert store.load(workbook_id).network.participant == "Camille"
    assert store.membership(workbook_id).first_name == "Camille"


def test_a_name_typed_before_joining_is_the_one_the_trainer_then_sees():
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    workbook_id = store.create(Workbook(network=Network(participant="Alex")))

    store.attach_to_workshop(workbook_id, workshop.code)

    assert store.membership(workbook_id).first_name == "Alex"


def test_an_earlier_anonymous_participant_is_told_the_trainer_does_not_see_their_name():
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    workbook_id, _ = store.join_workshop(workshop.code, Workbook())
    store.save(
        workbook_id,
        Workbook(network=Network(participant="Camille Martin"), workshop_code=workshop.code),
    )

    at = _open(wb=workbook_id)

    assert store.membership(workbook_id).first_name is None
    assert t("home.participant.who_anonymous", "fr", workshop=workshop.name) in texts(at)


MARKDOWN_NAME = "**Gras** ![i](https://example.com/x.png)"


def test_the_sentence_beside_the_name_shows_the_workshop_and_the_name_as_typed():
    from reseau.ui.markdown import escape_markdown

    store = open_store()
    workshop = store.create_workshop(MARKDOWN_NAME)
    workbook_id, _ = store.join_workshop(workshop.code, Workbook())
    store.set_first_name(workbook_id, "__Camille__")
    store.save(
        workbook_id,
        Workbook(network=Network(participant="Alex"), workshop_code=workshop.code),
    )

    at = _open(wb=workbook_id)

    sentence = t(
        "home.participant.who_other",
        "fr",
        workshop=escape_markdown(MARKDOWN_NAME),
        name=escape_markdown("__Camille__"),
    )
    shown = [c.value for c in at.caption if "formateur de" in c.value]
    assert shown == [sentence]

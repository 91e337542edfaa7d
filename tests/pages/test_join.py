"""Joining a workshop by link or code, and the participant's own data in the sidebar."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from reseau.i18n import t
from reseau.storage import open_store
from tests.apptest import assert_no_error, open_app, texts

WORKBOOK = "reseau.workbook"


def _workbook_id(at) -> str:  # type: ignore[no-untyped-def]
    value = at.query_params["wb"]
    return value[0] if isinstance(value, list) else value


def _my_data_script() -> None:
    """The sidebar block alone: AppTest reruns only the page of a multipage app, not app.py."""
    from reseau.ui.my_data import my_data
    from reseau.ui.session import start_session
    from reseau.ui.state import workspace
    from reseau.ui.widgets import show_flashes

    ws = workspace()
    start_session(ws)
    show_flashes(ws)
    my_data(ws)


def open_my_data(**params: str) -> AppTest:
    at = AppTest.from_function(_my_data_script, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert_no_error(at)
    return at


def _button(at, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def test_the_join_link_gives_each_participant_their_own_workbook_in_the_workshop():
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")

    first = open_app(join=workshop.code)
    second = open_app(join=workshop.code.lower())

    assert t("join.welcome", "fr", name="Atelier de Lyon") in texts(first)
    assert "join" not in first.query_params
    assert _workbook_id(first) != _workbook_id(second)
    for at in (first, second):
        assert at.session_state[WORKBOOK].workshop_code == workshop.code
        assert store.membership(_workbook_id(at)).workshop == workshop
    assert [m.seat for m in store.members(workshop.code)] == [1, 2]


def test_a_wrong_join_code_says_so_and_opens_a_workbook_outside_any_workshop():
    at = open_app(join="ZZZ9ZZ")

    assert t("error.workshop.not_found", "fr") in [e.value for e in at.error]
    assert at.session_state[WORKBOOK].workshop_code is None
    assert open_store().membership(_workbook_id(at)) is None


def test_a_closed_workshop_code_says_the_workshop_is_closed():
    store = open_store()
    workshop = store.create_workshop("Atelier de mars")
    store.close_workshop(workshop.code)

    at = open_app(join=workshop.code, lang="en")

    assert t("error.workshop.closed", "en", name="Atelier de mars") in [e.value for e in at.error]
    assert at.session_state[WORKBOOK].workshop_code is None


def test_typing_the_code_brings_the_current_workbook_into_the_workshop(demo):
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    at = open_my_data(demo="1")
    workbook_id = _workbook_id(at)

    at.sidebar.text_input[0].input(f"{workshop.code[:3]}-{workshop.code[3:]}".lower())
    _button(at, t("mydata.join.button", "fr")).click().run()

    assert_no_error(at)
    assert _workbook_id(at) == workbook_id
    assert store.membership(workbook_id).workshop == workshop
    assert len(store.load(workbook_id).network) == len(demo)
    assert t("join.welcome", "fr", name="Atelier de Lyon") in texts(at)


def test_a_mistyped_code_in_the_sidebar_explains_the_format():
    at = open_my_data()

    at.sidebar.text_input[0].input("K7M-2Q")
    _button(at, t("mydata.join.button", "fr")).click().run()

    assert t("error.workshop.code_malformed", "fr", length=6) in [e.value for e in at.error]


def test_a_refused_code_is_explained_beside_the_field_not_behind_the_sidebar():
    # On a phone the sidebar covers the page: a message at the top of the page is unseen.
    store = open_store()
    workshop = store.create_workshop("Atelier de mars")
    store.close_workshop(workshop.code)
    at = open_my_data()

    at.sidebar.text_input[0].input(workshop.display_code.lower())
    _button(at, t("mydata.join.button", "fr")).click().run()

    closed = t("error.workshop.closed", "fr", name="Atelier de mars")
    assert closed in [e.value for e in at.sidebar.error]
    assert closed not in [e.value for e in at.main.error]
    assert at.sidebar.text_input[0].value == workshop.display_code.lower()


def test_the_sidebar_shows_the_personal_link_with_its_warning():
    at = open_app()

    links = [code.value for code in at.sidebar.code]

    assert links == [f"/?wb={_workbook_id(at)}&new=1"]  # no row yet: the link says so
    assert t("mydata.link.warning", "fr") in texts(at)


def test_the_personal_link_of_a_new_workbook_opens_it_elsewhere_without_a_warning():
    at = open_app()
    link = at.sidebar.code[0].value

    elsewhere = open_app(**dict(pair.split("=") for pair in link.split("?", 1)[1].split("&")))

    assert _workbook_id(elsewhere) == _workbook_id(at)
    assert t("error.workbook.not_found", "fr") not in texts(elsewhere)


def test_deleting_my_data_asks_first_then_removes_the_workbook_for_good(demo):
    store = open_store()
    at = open_my_data(demo="1", lang="en")
    old_id = _workbook_id(at)

    _button(at, t("mydata.delete.button", "en")).click().run()
    assert store.exists(old_id)
    assert t("mydata.delete.confirm_text", "en", count=len(demo)) in texts(at)
    _button(at, t("mydata.delete.confirm", "en")).click().run()

    assert_no_error(at)
    assert not store.exists(old_id)
    assert _workbook_id(at) != old_id
    assert len(at.session_state[WORKBOOK].network) == 0
    assert t("mydata.delete.done", "en") in texts(at)
    reopened = open_app(wb=old_id)
    assert t("error.workbook.not_found", "fr") in [w.value for w in reopened.warning]
    assert len(reopened.session_state[WORKBOOK].network) == 0


def test_cancelling_the_deletion_keeps_everything(demo):
    store = open_store()
    at = open_my_data(demo="1")
    workbook_id = _workbook_id(at)

    _button(at, t("mydata.delete.button", "fr")).click().run()
    _button(at, t("mydata.delete.cancel", "fr")).click().run()

    assert store.load(workbook_id).network == demo
    assert t("mydata.delete.button", "fr") in [b.label for b in at.button]

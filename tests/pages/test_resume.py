"""A refresh, a reopened tab or another device brings the same workbook back, and only that one."""

from __future__ import annotations

from sqlalchemy import func, select

from reseau.i18n import t
from reseau.storage import open_store
from reseau.storage.store import workbooks
from reseau.ui.state import Workspace
from reseau.workbook import Workbook
from tests.apptest import open_app, texts

WORKBOOK = "reseau.workbook"


def _workbook_id(at) -> str:  # type: ignore[no-untyped-def]
    value = at.query_params["wb"]
    return value[0] if isinstance(value, list) else value


def test_a_refresh_in_the_walkthrough_restores_the_workbook_and_the_position(demo):
    first = open_app(demo=True)
    # The walkthrough moves through the session's Workspace, as the qualify page does.
    in_session = Workspace(first.session_state, open_store())
    position = demo.contacts[7].id
    in_session.set_cursor(position)
    in_session.update_contact(position, trust=2)
    first.run()
    workbook_id = _workbook_id(first)

    refreshed = open_app(wb=workbook_id)

    assert _workbook_id(refreshed) == workbook_id
    assert refreshed.session_state[WORKBOOK].cursor == position
    assert refreshed.session_state[WORKBOOK].network.get(position).trust == 2
    assert refreshed.session_state[WORKBOOK] == first.session_state[WORKBOOK]


def test_every_change_through_the_workspace_is_in_the_store_at_once(demo):
    store = open_store()
    workbook_id = store.create(Workbook())
    ws = Workspace({}, store)
    ws.attach(workbook_id, store.load(workbook_id))

    ws.set_network(demo)
    ws.update_contact(demo.contacts[2].id, trust=1)
    ws.set_cursor(demo.contacts[5].id)

    stored = store.load(workbook_id)
    assert stored.cursor == demo.contacts[5].id
    assert stored.network.get(demo.contacts[2].id).trust == 1
    assert stored == ws.workbook


def test_a_participants_link_opens_their_workbook_and_never_anothers(demo):
    alice = open_app(demo=True)
    bob = open_app()
    bob.text_input(key="home.participant").input("Bob").run()
    alice_id, bob_id = _workbook_id(alice), _workbook_id(bob)

    bob_again = open_app(wb=bob_id)

    assert alice_id != bob_id
    assert _workbook_id(bob_again) == bob_id
    assert len(bob_again.session_state[WORKBOOK].network) == 0
    assert len(alice.session_state[WORKBOOK].network) == len(demo)


def test_a_wrong_link_gives_the_message_and_an_empty_workbook_not_someone_elses(demo):
    alice = open_app(demo=True)
    alice_id = _workbook_id(alice)
    wrong_id = alice_id[:-2] + ("xy" if not alice_id.endswith("xy") else "zz")

    visitor = open_app(wb=wrong_id)

    assert t("error.workbook.not_found", "fr") in [w.value for w in visitor.warning]
    assert len(visitor.session_state[WORKBOOK].network) == 0
    assert _workbook_id(visitor) not in (wrong_id, alice_id)
    for contact in demo:
        assert contact.last_name not in texts(visitor)


def test_anonymous_visits_that_change_nothing_store_no_workbook():
    visits = [open_app() for _ in range(5)] + [open_app(lang="en")]

    assert all(_workbook_id(visit) for visit in visits)
    with open_store().engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(workbooks)).scalar_one()
    assert rows == 0


def test_a_refresh_before_any_change_reopens_the_same_new_workbook_without_a_warning():
    first = open_app(lang="en")
    link = dict(first.query_params)

    refreshed = open_app(**{k: v[0] if isinstance(v, list) else v for k, v in link.items()})

    assert _workbook_id(refreshed) == _workbook_id(first)
    assert refreshed.session_state[WORKBOOK] == first.session_state[WORKBOOK]
    assert t("error.workbook.not_found", "fr") not in texts(refreshed)


def test_the_first_change_of_a_new_workbook_stores_it_at_the_id_in_its_link():
    at = open_app()
    workbook_id = _workbook_id(at)

    at.text_input(key="home.mission").input("Ouvrir le site de Lyon").run()

    assert open_store().load(workbook_id).network.mission == "Ouvrir le site de Lyon"
    reopened = open_app(wb=workbook_id, new="1")  # the link as the address bar still shows it
    assert reopened.session_state[WORKBOOK].network.mission == "Ouvrir le site de Lyon"
    assert "new" not in reopened.query_params

"""« Vous et la salle » on the map screen: only in a workshop, only once the trainer reveals it."""

from __future__ import annotations

from reseau.demo import load_demo_network
from reseau.i18n import t
from reseau.storage import open_store
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, goto, open_app, texts

PAGE = "pages/carte.py"


def _room_of_three():  # type: ignore[no-untyped-def]
    """A workshop where two others have started; returns it and the third one's workbook id."""
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    demo = load_demo_network()
    store.join_workshop(workshop.code, Workbook(network=demo))
    store.join_workshop(workshop.code, Workbook(network=demo))
    mine, _ = store.join_workshop(workshop.code, Workbook(network=demo))
    return store, workshop, mine


def test_the_room_stays_hidden_until_the_trainer_reveals_it():
    store, workshop, mine = _room_of_three()
    store.reveal_room(workshop.code, False)

    at = goto(open_app(wb=mine), PAGE)

    assert t("room.compare.title", "fr") not in texts(at)


def test_once_revealed_a_participant_sees_their_network_beside_the_rooms():
    store, workshop, mine = _room_of_three()
    store.reveal_room(workshop.code, True)
    try:
        at = goto(open_app(wb=mine), PAGE)
    finally:
        store.reveal_room(workshop.code, False)

    assert_no_error(at)
    page = texts(at)
    assert t("room.compare.title", "fr") in page
    support = sum(1 for c in load_demo_network() if c.circle and c.circle.value == "support")
    expected = t(
        "room.compare.circle_line",
        "fr",
        circle="réseau de soutien",
        count=support,
        median=str(support),
    )
    assert expected.removeprefix("- ") in page
    assert len(at.dataframe) >= 2
    assert "Fontaine" not in page, "nobody's contacts, not even the participant's own"


def test_a_participant_outside_any_workshop_sees_no_room():
    at = goto(open_app(demo=True), PAGE)

    assert t("room.compare.title", "fr") not in texts(at)

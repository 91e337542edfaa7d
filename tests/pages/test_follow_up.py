"""The trainer opens a follow-up workshop and sees the room before and after, anonymously."""

from __future__ import annotations

from datetime import date

import pytest

from reseau.assessments import close_assessment
from reseau.demo import load_demo_network
from reseau.i18n import t
from reseau.storage import open_store
from reseau.vocabulary import Circle, Role
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, goto, texts
from tests.pages.test_formateur import PAGE, PASSWORD, _everything_shown, _log_in
from tests.pages.test_join import _workbook_id, open_my_data

FIRST = date(2026, 11, 29)
SECOND = date(2027, 3, 1)


@pytest.fixture
def first_session(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A first workshop whose three participants closed an assessment; one sorted more since."""
    monkeypatch.setenv("RESEAU_TRAINER_PASSWORD", PASSWORD)
    monkeypatch.setenv("RESEAU_TODAY", SECOND.isoformat())
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    demo = load_demo_network()
    assessed = close_assessment(Workbook(network=demo), FIRST)
    ids = [store.join_workshop(workshop.code, assessed)[0] for _ in range(3)]
    unsorted = next(c for c in demo if c.circle is None)
    joined = store.load(ids[0])
    moved = joined.network.update(unsorted.id, circle=Circle.SUPPORT, role=Role.SPONSOR)
    store.save(ids[0], joined.with_changes(network=moved))
    return workshop, ids


def _open_follow_up(workshop):  # type: ignore[no-untyped-def]
    from tests.apptest import open_app

    at = _log_in(goto(open_app(), PAGE))
    label = t("follow_up.open.button", "fr")
    at.button(key=f"FormSubmitter:trainer.follow_up.{workshop.code}-{label}").click()
    at.run()
    assert_no_error(at)
    return at


def test_the_trainer_opens_a_follow_up_and_sees_the_room_before_and_after(first_session):
    workshop, _ = first_session

    at = _open_follow_up(workshop)

    store = open_store()
    follow_up = next(w for w in store.workshops() if w.code != workshop.code)
    assert follow_up.name == "Suivi : Atelier de Lyon"
    assert store.follows(follow_up.code) == workshop.code
    page = texts(at)
    assert t("follow_up.heading", "fr") in page
    assert "3 participants comparés" in page
    table = next(
        d.value for d in at.dataframe if t("follow_up.col.before", "fr") in d.value.columns
    )
    support = table[table[t("follow_up.col.figure", "fr")] == "Réseau de soutien : contacts"]
    before, after = support.iloc[0, 1], support.iloc[0, 2]
    assert int(after) == int(before) + 1


def test_the_follow_up_room_names_no_contact(first_session):
    workshop, _ = first_session

    at = _open_follow_up(workshop)

    shown = _everything_shown(at)
    for contact in load_demo_network():
        for detail in (contact.last_name, contact.email, contact.company):
            if detail:
                assert detail not in shown, detail


def test_a_first_workshop_shows_no_before_and_after(first_session):
    from tests.apptest import open_app

    at = _log_in(goto(open_app(), PAGE))

    assert t("follow_up.heading", "fr") not in texts(at)


def test_a_participant_of_the_first_workshop_keeps_their_workbook_with_the_follow_up_code(
    first_session,
):
    workshop, ids = first_session
    follow_up = open_store().create_follow_up(workshop.code, "Suivi")

    at = open_my_data(wb=ids[1], join=follow_up.code)

    assert _workbook_id(at) == ids[1]
    assert t("join.follow_up", "fr", name=workshop.name) in texts(at)
    assert open_store().membership(ids[1]).workshop.code == workshop.code


def test_opening_the_follow_up_again_gives_back_the_one_already_open_not_a_second(first_session):
    workshop, _ = first_session
    at = _open_follow_up(workshop)
    store = open_store()
    [follow_up] = [w for w in store.workshops() if w.code != workshop.code]

    # The form stays on screen with the same name: a second click, as a trainer makes it.
    label = t("follow_up.open.button", "fr")
    at.button(key=f"FormSubmitter:trainer.follow_up.{follow_up.code}-{label}").click()
    at.run()

    assert_no_error(at)
    assert [w.code for w in store.workshops() if w.code != workshop.code] == [follow_up.code]
    assert store.follow_ups(workshop.code) == [follow_up]
    said = " ".join(toast.value for toast in at.toast)
    assert "est déjà ouvert" in said and follow_up.display_code in said

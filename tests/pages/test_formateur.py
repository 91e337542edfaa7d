"""The trainer page: locked without a password, then workshops, projector, live room, closing."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from reseau.demo import load_demo_network
from reseau.i18n import t
from reseau.network import Network
from reseau.storage import open_store
from reseau.ui.workshop_view import REFRESH, trainer_clock
from reseau.workbook import Workbook
from reseau.workshop import WorkshopClosed
from tests.apptest import assert_no_error, goto, open_app, texts

PAGE = "pages/formateur.py"
PASSWORD = "Atelier-2026!"


def _everything_shown(at) -> str:  # type: ignore[no-untyped-def]
    """The page's text, tables and charts as one string, to look for what must not be there."""
    parts = [texts(at)]
    parts += [element.value.to_csv() for element in at.dataframe]
    parts += [str(element.proto) for element in at.get("plotly_chart")]
    parts += [str(element.value) for element in at.code]
    return "\n".join(parts)


def _log_in(at, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    at.text_input[0].input(password)
    at.button[0].click()
    at.run()
    return at


@pytest.fixture
def trainer_password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("RESEAU_TRAINER_PASSWORD", PASSWORD)
    return PASSWORD


def test_without_a_password_configured_the_page_explains_how_to_enable_it(monkeypatch):
    monkeypatch.delenv("RESEAU_TRAINER_PASSWORD", raising=False)

    at = goto(open_app(), PAGE)

    assert t("trainer.disabled", "fr") in texts(at)
    assert "RESEAU_TRAINER_PASSWORD" in at.code[0].value
    assert not at.text_input


def test_a_wrong_password_is_refused(trainer_password):
    at = goto(open_app(), PAGE)

    _log_in(at, "atelier-2026!")

    assert_no_error_but_the_refusal(at)
    assert t("trainer.wrong_password", "fr") in [e.value for e in at.error]
    assert t("trainer.create.button", "fr") not in [b.label for b in at.button]


def assert_no_error_but_the_refusal(at) -> None:  # type: ignore[no-untyped-def]
    assert not at.exception, [e.value for e in at.exception]


def test_the_trainer_creates_a_workshop_and_gets_its_code_link_and_qr(trainer_password):
    at = _log_in(goto(open_app(lang="en"), PAGE))
    assert t("trainer.none_yet", "en") in texts(at)

    at.text_input[0].input("Transversal managers, Lyon")
    at.button(key="FormSubmitter:trainer.create-" + t("trainer.create.button", "en")).click()
    at.run()

    assert_no_error(at)
    workshop = open_store().workshops()[0]
    assert workshop.name == "Transversal managers, Lyon"
    created = t("trainer.created", "en", name=workshop.name, code=workshop.display_code)
    assert created in [toast.value for toast in at.toast]
    assert created not in texts(at), "a banner would stay on the projected screen"
    assert workshop.display_code in [title.value for title in at.title]
    assert f"?join={workshop.code}" in at.code[0].value
    assert len(at.get("image")) == 1


def test_the_live_room_shows_progress_and_no_contact_names(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    demo = load_demo_network()
    camille_id, _ = store.join_workshop(workshop.code, Workbook(network=demo))
    store.set_first_name(camille_id, "Camille")
    store.join_workshop(workshop.code, Workbook())

    at = _log_in(goto(open_app(), PAGE))

    assert_no_error(at)
    shown = _everything_shown(at)
    assert "Camille" in shown and t("workshop.participant", "fr", number=2) in shown
    assert at.metric[0].value == "2"
    assert at.metric[1].value == str(len(demo))
    for contact in demo:
        for detail in (contact.last_name, contact.email, contact.phone, contact.company):
            if detail:
                assert detail not in shown, detail


def test_closing_a_workshop_asks_first_then_stops_its_code(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier à clôturer")
    member_id, _ = store.join_workshop(workshop.code, Workbook())
    at = _log_in(goto(open_app(), PAGE))

    at.button(key="trainer.close").click().run()
    assert store.workshop(workshop.code).is_open
    at.button(key="trainer.close.yes").click().run()

    assert_no_error(at)
    assert t("trainer.closed", "fr", name=workshop.name) in texts(at)
    assert not store.workshop(workshop.code).is_open
    with pytest.raises(WorkshopClosed):
        store.join_workshop(workshop.code, Workbook())
    assert store.exists(member_id)


def test_the_live_room_time_is_the_trainers_local_time(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier de Pondichéry")
    store.join_workshop(workshop.code, Workbook())
    at = open_app()
    at.context = {"timezone": "Asia/Kolkata"}  # UTC+5:30 all year: never mistaken for UTC

    at = _log_in(goto(at, PAGE))

    assert_no_error(at)
    pattern = re.escape(t("trainer.room.updated", "fr", time="TIME", seconds=REFRESH.seconds))
    (shown,) = [
        c.value
        for c in at.caption
        if re.fullmatch(pattern.replace("TIME", r"\d\d:\d\d:\d\d"), c.value)
    ]
    clock = datetime.strptime(re.search(r"\d\d:\d\d:\d\d", shown).group(), "%H:%M:%S")
    kolkata = datetime.now(ZoneInfo("Asia/Kolkata"))
    seconds_apart = (kolkata.hour * 3600 + kolkata.minute * 60 + kolkata.second) - (
        clock.hour * 3600 + clock.minute * 60 + clock.second
    )
    assert abs(seconds_apart) % 86400 < 120 or abs(seconds_apart) % 86400 > 86400 - 120


def test_without_a_browser_time_zone_the_live_room_says_its_time_is_utc(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier sans fuseau")
    store.join_workshop(workshop.code, Workbook())

    at = _log_in(goto(open_app(), PAGE))

    assert_no_error(at)
    pattern = re.escape(t("trainer.room.updated_utc", "fr", time="TIME", seconds=REFRESH.seconds))
    assert any(
        re.fullmatch(pattern.replace("TIME", r"\d\d:\d\d:\d\d"), c.value) for c in at.caption
    )


def test_the_trainer_clock_falls_back_to_utc_for_an_unknown_zone():
    now = datetime(2026, 11, 27, 4, 31, 53, tzinfo=UTC)

    assert trainer_clock(now, "Europe/Paris") == ("05:31:53", True)
    assert trainer_clock(now, "Mars/Olympus_Mons") == ("04:31:53", False)
    assert trainer_clock(now, "../etc/passwd") == ("04:31:53", False)
    assert trainer_clock(now, None) == ("04:31:53", False)


def _presenting(code: str, lang: str = "fr"):  # type: ignore[no-untyped-def]
    at = open_app(lang=lang)
    at.query_params["present"] = code
    return goto(at, PAGE)


def test_the_presenter_link_shows_the_code_and_qr_without_any_admin_control(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    store.create_workshop("Un autre atelier")

    at = _log_in(_presenting(workshop.code))

    assert_no_error(at)
    shown = "\n".join(str(element.proto) for element in at.get("html"))
    assert workshop.display_code in shown and f"join={workshop.code}" in shown
    assert "reseau-join-qr" in shown and "data:image/png;base64," in shown
    assert not at.selectbox, "no workshop picker on the projector"
    assert t("trainer.create.title", "fr") not in [e.label for e in at.expander]
    assert t("trainer.create.button", "fr") not in texts(at)
    assert t("trainer.title", "fr") not in [title.value for title in at.title]


def test_a_trainer_reaches_the_presenter_view_in_one_click(trainer_password):
    workshop = open_store().create_workshop("Atelier de Lyon")
    at = _log_in(goto(open_app(), PAGE))

    at.button(key="trainer.present.start").click().run()

    assert_no_error(at)
    assert at.query_params["present"] in (workshop.code, [workshop.code])
    assert not at.selectbox
    at.button(key="trainer.present.stop").click().run()
    assert "present" not in at.query_params
    assert at.selectbox


def test_the_projector_hides_the_room_until_the_trainer_reveals_it(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    store.join_workshop(workshop.code, Workbook(network=load_demo_network()))
    at = _log_in(_presenting(workshop.code))
    assert t("trainer.reveal.hidden_projector", "fr") in texts(at)
    assert not at.get("plotly_chart")

    at.toggle(key=f"trainer.reveal.{workshop.code}").set_value(True).run()

    assert_no_error(at)
    assert t("trainer.reveal.hidden_projector", "fr") not in texts(at)
    assert len(at.get("plotly_chart")) == 2


def test_the_trainers_reveal_is_kept_in_the_store_for_every_process(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    store.join_workshop(workshop.code, Workbook(network=load_demo_network()))
    at = _log_in(_presenting(workshop.code))

    at.toggle(key=f"trainer.reveal.{workshop.code}").set_value(True).run()

    assert_no_error(at)
    assert open_store().workshop(workshop.code).revealed is True


def test_a_room_hidden_from_another_process_stays_hidden_on_the_trainers_next_click(
    trainer_password,
):
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    store.join_workshop(workshop.code, Workbook(network=load_demo_network()))
    at = _log_in(_presenting(workshop.code))
    at.toggle(key=f"trainer.reveal.{workshop.code}").set_value(True).run()

    open_store().reveal_room(workshop.code, False)
    at.run()

    assert_no_error(at)
    assert at.toggle(key=f"trainer.reveal.{workshop.code}").value is False
    assert t("trainer.reveal.hidden_projector", "fr") in texts(at)
    assert open_store().workshop(workshop.code).revealed is False


def test_an_empty_room_says_so_instead_of_drawing_empty_charts(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    store.join_workshop(workshop.code, Workbook())

    at = _log_in(goto(open_app(), PAGE))

    assert_no_error(at)
    page = texts(at)
    assert t("trainer.room.no_contacts", "fr") in page
    assert t("trainer.room.no_empty_roles", "fr") not in page
    assert not at.get("plotly_chart")


def test_nobody_sorted_is_not_reported_as_no_empty_role(trainer_password):
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    unsorted = [c.with_changes(circle=None, role=None) for c in load_demo_network()]
    store.join_workshop(workshop.code, Workbook(network=Network(contacts=tuple(unsorted))))

    at = _log_in(goto(open_app(), PAGE))

    assert_no_error(at)
    page = texts(at)
    assert t("trainer.room.nobody_sorted", "fr") in page
    assert t("trainer.room.no_empty_roles", "fr") not in page


def test_the_live_room_shows_the_shape_medians_as_numbers_only_from_three_who_answered(
    trainer_password,
):
    from itertools import combinations

    from reseau.acquaintances import Acquaintance, WhoKnowsWhom

    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    demo = load_demo_network()
    for count in (3, 4, 5):
        links = WhoKnowsWhom()
        for a, b in combinations(demo.ids[:count], 2):
            links = links.with_pair(a, b, Acquaintance.STRANGERS)
        store.join_workshop(workshop.code, Workbook(network=demo, links=links))
    store.join_workshop(workshop.code, Workbook())

    at = _log_in(goto(open_app(), PAGE))

    assert_no_error(at)
    assert t("shape.room.title", "fr") in texts(at)
    median = next(m for m in at.metric if m.label.startswith("Médiane : Taille effective"))
    assert median.value == "4,0"  # star networks of 3, 4 and 5 contacts: effective sizes 3, 4, 5
    shown = _everything_shown(at)
    for contact in demo:
        assert contact.display_name not in shown.split(t("shape.room.title", "fr"))[1]

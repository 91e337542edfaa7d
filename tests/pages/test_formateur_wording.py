"""The trainer's screen writes numbers and dates the way the trainer's language does."""

from __future__ import annotations

import pytest

from reseau.demo import load_demo_network
from reseau.i18n import t
from reseau.storage import open_store
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, goto, open_app

PASSWORD = "Atelier-2026!"


@pytest.fixture
def room(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RESEAU_TRAINER_PASSWORD", PASSWORD)
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    store.join_workshop(workshop.code, Workbook(network=load_demo_network()))
    return workshop


def _trainer(lang: str):  # type: ignore[no-untyped-def]
    at = goto(open_app(lang=lang), "pages/formateur.py")
    at.text_input[0].input(PASSWORD)
    at.button[0].click()
    at.run()
    assert_no_error(at)
    return at


def _criteria(at):  # type: ignore[no-untyped-def]
    return next(
        frame.value
        for frame in at.dataframe
        if t("workshop.col.circle", "fr") in frame.value.columns
        or t("workshop.col.circle", "en") in frame.value.columns
    )


FRENCH_MONTHS = [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
]
ENGLISH_MONTHS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]


def test_a_french_trainer_reads_averages_with_a_decimal_comma_and_dates_day_first(room):
    at = _trainer("fr")

    averages = _criteria(at).iloc[:, 2:].to_numpy().ravel().tolist()
    assert averages and all("," in value and "." not in value for value in averages)
    made = room.created_at.date()
    created = f"{made.day} {FRENCH_MONTHS[made.month - 1]} {made.year}"
    assert at.selectbox[0].options == [f"Atelier de Lyon · {room.display_code} · {created}"]


def test_an_english_trainer_reads_averages_with_a_decimal_point_and_dates_day_first(room):
    at = _trainer("en")

    averages = _criteria(at).iloc[:, 2:].to_numpy().ravel().tolist()
    assert averages and all("." in value and "," not in value for value in averages)
    made = room.created_at.date()
    assert (
        at.selectbox[0]
        .options[0]
        .endswith(f"{made.day} {ENGLISH_MONTHS[made.month - 1]} {made.year}")
    )


def test_the_room_export_is_named_in_the_trainers_language():
    assert t("trainer.export.file_name", "fr", code="A7DC5T") == "atelier-A7DC5T.xlsx"
    assert t("trainer.export.file_name", "en", code="A7DC5T") == "workshop-A7DC5T.xlsx"

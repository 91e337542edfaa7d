"""Guessing the trainer password or join codes is slowed across sessions, and said plainly."""

from __future__ import annotations

import logging

import pytest

from reseau.i18n import t
from reseau.storage import open_store
from tests.apptest import goto, open_app

PAGE = "pages/formateur.py"
PASSWORD = "le-bon-mot-de-passe"


def _try_password(password: str):  # type: ignore[no-untyped-def]
    """A new session (a new tab or script) that submits one password."""
    at = goto(open_app(), PAGE)
    at.text_input[0].input(password)
    at.button[0].click()
    at.run()
    return at


@pytest.fixture
def trainer_password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("RESEAU_TRAINER_PASSWORD", PASSWORD)
    monkeypatch.setattr("reseau.ui.workshop_view.WRONG_PASSWORD_DELAY", 0.0)
    return PASSWORD


def test_five_wrong_passwords_from_separate_sessions_lock_the_login_even_for_the_right_one(
    trainer_password, caplog
):
    with caplog.at_level(logging.WARNING):
        for attempt in range(4):
            at = _try_password(f"essai-{attempt}")
            assert t("trainer.wrong_password", "fr") in [e.value for e in at.error]
        at = _try_password("essai-4")

    locked = t("trainer.locked_out", "fr", minutes=15)
    assert locked in [e.value for e in at.error]
    at = _try_password(PASSWORD)
    assert locked in [e.value for e in at.error]
    assert t("trainer.create.button", "fr") not in [b.label for b in at.button]
    assert caplog.text.count("wrong trainer password") == 5
    assert "essai-" not in caplog.text


def test_the_right_password_before_the_limit_opens_the_page(trainer_password):
    _try_password("essai")

    at = _try_password(PASSWORD)

    assert t("trainer.create.button", "fr") in [b.label for b in at.button]


def test_after_ten_unknown_join_codes_even_the_right_code_waits():
    workshop = open_store().create_workshop("Atelier de Lyon")
    for guess in range(10):
        at = open_app(join=f"ABCDE{'23456789'[guess % 8]}")
        assert t("error.workshop.not_found", "fr") in [e.value for e in at.error]

    at = open_app(join=workshop.code)

    assert t("error.workshop.too_many_codes", "fr", seconds=60) in [e.value for e in at.error]
    assert not open_store().members(workshop.code)

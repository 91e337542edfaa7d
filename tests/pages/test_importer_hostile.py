"""The import screen reads uploads in a bounded child: a hostile file is refused in words."""

from __future__ import annotations

from tests.apptest import texts
from tests.importing import hostile
from tests.pages.test_importer import importer, upload


def test_an_xlsx_with_a_cell_at_xfd1048576_is_refused_with_the_cell_and_what_to_do():
    at = upload(importer(demo="1"), "far.xlsx", hostile.xlsx_with_far_cell("XFD1048576"))

    shown = " ".join(e.value for e in at.error)
    assert "XFD1048576" in shown
    assert "supprimez les lignes et les colonnes vides" in shown
    assert "Vos contacts actuels n'ont pas changé." in texts(at)


def test_a_csv_with_a_nul_byte_says_so_rather_than_image_or_pdf():
    at = upload(importer(), "contacts.csv", hostile.csv_with_nul())

    shown = " ".join(e.value for e in at.error)
    assert "caractère nul" in shown
    assert "image" not in shown


def test_after_a_refusal_nothing_is_left_running_and_the_cancel_button_is_gone():
    at = upload(importer(), "contacts.csv", hostile.csv_with_nul())

    assert not [b for b in at.button if b.label == "Annuler l'import"]
    assert not at.get("progress")

"""Statuses, due dates and actions changed in the Plan sheet come back when the file is imported."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl

from reseau.__main__ import main
from reseau.export.plan_edits import apply_plan_edits, read_plan_edits
from reseau.export.xlsx import PLAN_FIELDS, PLAN_HEADER_ROW, build_xlsx
from reseau.importing import read_contacts
from reseau.vocabulary import ActionStatus
from reseau.workbook import Workbook
from tests.conftest import TODAY


def _column(name: str) -> int:
    return PLAN_FIELDS.index(name) + 1


def _edited(data: bytes, edit) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _plan_row(book, name: str) -> int:
    sheet = book["Plan d'action"]
    for row in range(PLAN_HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, _column("name")).value == name:
            return row
    raise AssertionError(name)


def _contacts_row(book, contact_id: str) -> int:
    sheet = book["Contacts"]
    header = [c.value for c in sheet[1]]
    column = header.index("Identifiant") + 1
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column).value == contact_id)


def test_a_status_due_date_and_action_changed_in_the_plan_come_back(demo, tmp_path):
    data = build_xlsx(Workbook(network=demo), lang="fr", today=TODAY)
    marc = next(c for c in demo if c.display_name == "Marc Delaunay")

    def edit(book):
        sheet, row = book["Plan d'action"], _plan_row(book, "Marc Delaunay")
        sheet.cell(row, _column("action_status")).value = "Fait"
        sheet.cell(row, _column("action_due")).value = datetime(2027, 2, 1)
        sheet.cell(row, _column("action_text")).value = "L'appeler lundi"

    source = tmp_path / "edited.xlsx"
    source.write_bytes(_edited(data, edit))
    output = tmp_path / "again.xlsx"

    assert main(["export", str(source), str(output)]) == 0

    contacts = {c.id: c for c in read_contacts(output.read_bytes(), "again.xlsx").contacts}
    back = contacts[marc.id]
    assert back.action_status is ActionStatus.DONE
    assert back.action_due == date(2027, 2, 1)
    assert back.action_text == "L'appeler lundi"
    others = [c for c in demo if c.id != marc.id]
    assert all(contacts[c.id] == c for c in others)  # nobody else changed


def test_an_untouched_export_has_no_plan_edits(demo_file):
    assert not read_plan_edits(demo_file)


def test_a_field_changed_differently_in_both_sheets_is_reported_and_the_plan_wins(demo, capsys):
    data = build_xlsx(Workbook(network=demo), lang="fr", today=TODAY)
    marc = next(c for c in demo if c.display_name == "Marc Delaunay")

    def edit(book):
        book["Plan d'action"].cell(
            _plan_row(book, "Marc Delaunay"), _column("action_status")
        ).value = "Fait"
        contacts = book["Contacts"]
        status = [c.value for c in contacts[1]].index("Statut") + 1
        contacts.cell(_contacts_row(book, marc.id), status).value = "En cours"

    edited = _edited(data, edit)

    edits = read_plan_edits(edited)

    (conflict,) = edits.conflicts
    assert conflict.contact_id == marc.id and conflict.field == "action_status"
    assert edits.messages("fr") == [
        "Marc Delaunay : « Statut » a été changé dans le plan d'action (Fait) et autrement dans "
        "l'onglet Contacts (En cours) ; la valeur du plan d'action est gardée."
    ]
    contacts = apply_plan_edits(read_contacts(edited, "x.xlsx").contacts, edits)
    assert next(c for c in contacts if c.id == marc.id).action_status is ActionStatus.DONE


def test_the_same_change_in_both_sheets_is_no_conflict(demo):
    data = build_xlsx(Workbook(network=demo), lang="fr", today=TODAY)
    marc = next(c for c in demo if c.display_name == "Marc Delaunay")

    def edit(book):
        book["Plan d'action"].cell(
            _plan_row(book, "Marc Delaunay"), _column("action_status")
        ).value = "Fait"
        contacts = book["Contacts"]
        status = [c.value for c in contacts[1]].index("Statut") + 1
        contacts.cell(_contacts_row(book, marc.id), status).value = "Fait"

    edits = read_plan_edits(_edited(data, edit))

    assert not edits.conflicts
    assert edits.edits[marc.id].status is ActionStatus.DONE


def test_a_file_that_is_not_an_export_has_no_plan_edits(corpus):
    assert not read_plan_edits((corpus / "good" / "google_contacts.csv").read_bytes())

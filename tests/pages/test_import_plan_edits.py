"""A save file whose Plan sheet was edited in Excel restores the edits, warning of conflicts."""

from __future__ import annotations

import io

import openpyxl

from reseau.export.xlsx import PLAN_FIELDS, PLAN_HEADER_ROW, build_xlsx
from reseau.vocabulary import ActionStatus
from reseau.workbook import Workbook
from tests.apptest import stored_workbook
from tests.pages.test_importer import confirm_button, importer, upload


def test_a_status_changed_in_the_plan_and_otherwise_in_contacts_comes_back_with_a_warning(demo):
    marc = next(c for c in demo if c.display_name == "Marc Delaunay")
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(Workbook(network=demo), lang="fr")))
    plan = book["Plan d'action"]
    row = next(
        r
        for r in range(PLAN_HEADER_ROW + 1, plan.max_row + 1)
        if plan.cell(r, PLAN_FIELDS.index("id") + 1).value == marc.id
    )
    plan.cell(row, PLAN_FIELDS.index("action_status") + 1).value = "Fait"
    contacts = book["Contacts"]
    header = [c.value for c in contacts[1]]
    contact_row = next(
        r
        for r in range(2, contacts.max_row + 1)
        if contacts.cell(r, header.index("Identifiant") + 1).value == marc.id
    )
    contacts.cell(contact_row, header.index("Statut") + 1).value = "En cours"
    buffer = io.BytesIO()
    book.save(buffer)
    at = upload(importer(), "reseau.xlsx", buffer.getvalue())

    confirm_button(at).click()
    at.run()

    restored = stored_workbook(at)
    assert restored.network.get(marc.id).action_status is ActionStatus.DONE
    warnings = " ".join(w.value for w in at.warning)
    assert "Marc Delaunay : « Statut » a été changé dans le plan d'action (Fait)" in warnings

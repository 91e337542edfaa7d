"""The « Évolution » sheet, read back from the exported file."""

from __future__ import annotations

import io
from datetime import date

import openpyxl

from reseau.assessments import close_assessment
from reseau.demo import load_demo_network
from reseau.export.xlsx import build_xlsx
from reseau.importing import read_contacts
from reseau.workbook import Workbook

CLOSED = date(2026, 11, 29)
LATER = date(2027, 3, 1)


def _reassessed() -> Workbook:
    workbook = close_assessment(Workbook(network=load_demo_network()), CLOSED)
    closer = workbook.network.update("demo04", frequency=5, trust=5)
    return workbook.with_changes(network=closer)


def _rows(sheet) -> list[tuple]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_a_workbook_without_assessment_has_no_evolution_sheet():
    data = build_xlsx(Workbook(network=load_demo_network()), lang="fr", today=CLOSED)

    assert "Évolution" not in openpyxl.load_workbook(io.BytesIO(data)).sheetnames


def test_the_evolution_sheet_compares_the_last_assessment_with_the_day_of_the_export():
    data = build_xlsx(_reassessed(), lang="fr", today=LATER)

    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Évolution"]
    rows = _rows(sheet)
    assert rows[0][0] == "Évolution du réseau : bilan du 29 nov. 2026 → 1 mars 2027"
    first_column = [row[0] for row in rows]
    assert "Thomas Nguyen passe de « Développer » à « Mobiliser »." in first_column
    thomas = next(row for row in rows if row[0] == "Thomas Nguyen")
    assert (thomas[5], thomas[6]) == ("Développer", "Mobiliser")
    assert thomas[2] > thomas[1]
    assert ("Bilan du 29 nov. 2026", "31 contacts") in [row[:2] for row in rows]
    assert book.sheetnames.index("Évolution") < book.sheetnames.index("Méthode")


def test_the_file_with_an_evolution_sheet_still_gives_back_every_contact():
    data = build_xlsx(_reassessed(), lang="fr", today=LATER)

    contacts = read_contacts(data, "reseau_export.xlsx").contacts

    assert len(contacts) == 31
    assert next(c for c in contacts if c.id == "demo04").trust == 5

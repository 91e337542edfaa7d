"""Page 1 of the Synthèse is a brief: a headline, key figures, first actions, the matrix."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl

from reseau.contact import Contact
from reseau.export.xlsx import build_xlsx
from reseau.network import Network
from reseau.palette import QUADRANT_COLOURS
from reseau.vocabulary import Circle, Quadrant
from reseau.workbook import Workbook
from tests.conftest import TODAY


def _texts(sheet) -> list[str]:
    return [str(c.value) for row in sheet.iter_rows(max_col=6) for c in row if c.value]


def _chart_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode()
            for name in archive.namelist()
            if name.startswith("xl/charts/chart")
        }


def test_page_one_opens_with_a_headline_and_lists_the_first_actions(demo_book, demo):
    sheet = demo_book["Synthèse"]

    texts = _texts(sheet)
    qualified = sum(c.is_qualified for c in demo)
    headline = sheet["A6"].value
    assert headline.startswith(f"{qualified} contacts qualifiés sur {len(demo)} ; ")
    assert "à développer en priorité" in headline
    header = texts.index("Nom complet")
    assert texts[header : header + 6] == [
        "Nom complet",
        "Cercle",
        "Quadrant",
        "Première action",
        "Échéance",
        "Statut",
    ]
    assert "Marc Delaunay" in texts  # the first action of the demo's plan
    assert "Matrice de priorité : potentiel et force de la relation" in texts
    assert "Diagnostic" in texts
    # Page 1 ends before the diagnosis, and is printed at a scale that fits it.
    diagnosis_row = next(c.row for c in sheet["A"] if c.value == "Diagnostic")
    assert next(b.id for b in sheet.row_breaks.brk) == diagnosis_row - 1
    assert 60 <= sheet.page_setup.scale <= 100


def test_the_matrix_is_a_scatter_chart_with_one_series_per_quadrant(demo_file):
    (matrix,) = [xml for xml in _chart_parts(demo_file).values() if "<scatterChart>" in xml]

    names = re.findall(r"<tx><v>([^<]+)</v></tx>", matrix)
    assert names == ["Développer", "Mobiliser", "Entretenir", "Veiller"]
    for quadrant in Quadrant:
        assert QUADRANT_COLOURS[quadrant].lstrip("#") in matrix
    assert "Marc Delaunay" in matrix  # names drawn as data labels
    assert '<max val="100"' in matrix and '<min val="0"' in matrix
    assert "<numCache>" in matrix  # previewers draw cached values
    assert '<roundedCorners val="0"' in matrix
    assert '<overlay val="0"' in matrix


def test_the_circles_chart_shows_three_series_side_by_side(demo_file):
    bars = [xml for xml in _chart_parts(demo_file).values() if "<barChart>" in xml]
    by_circle = next(xml for xml in bars if "Avec une action" in xml)

    assert by_circle.count("<ser>") == 3
    assert '<grouping val="clustered"' in by_circle
    assert "<strCache>" in by_circle  # text categories with their cache


def test_an_unqualified_network_says_so_instead_of_drawing_empty_charts():
    contacts = tuple(Contact(first_name=f"Prénom{i}", last_name="Nom") for i in range(30))
    data = build_xlsx(Workbook(network=Network(contacts=contacts)), lang="fr", today=TODAY)
    book = openpyxl.load_workbook(io.BytesIO(data))

    texts = _texts(book["Synthèse"])
    assert "0 contact qualifié sur 30 ; aucune action prévue." in texts
    assert not _chart_parts(data)  # no matrix, no circles, quadrants or radar left empty
    assert not any("Moyenne des critères" in text for text in texts)


def test_diagnosis_advice_is_written_for_the_reader_of_the_file():
    contacts = (Contact(first_name="Alex"), Contact(first_name="Inès", circle=Circle.SUPPORT))
    data = build_xlsx(Workbook(network=Network(contacts=contacts)), lang="fr", today=TODAY)
    book = openpyxl.load_workbook(io.BytesIO(data), rich_text=True)

    texts = " ".join(_texts(book["Synthèse"]))
    assert "placer chacun dans un cercle" in texts
    assert "Utilisez" not in texts and "« Compléter »" not in texts


def test_the_five_marks_are_on_page_one_when_assessed(demo):
    network = demo.with_marks(Circle.SUPPORT, {"purpose": 4, "trust": 2})
    data = build_xlsx(Workbook(network=network), lang="fr", today=TODAY)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Synthèse"]

    texts = _texts(sheet)
    row = next(c.row for c in sheet["A"] if c.value == "Intérêts et but partagés")
    assert [sheet.cell(row, col).value for col in (2, 3, 4)] == ["–", 4, "–"]
    assert texts.index("Intérêts et but partagés") < texts.index("Diagnostic")

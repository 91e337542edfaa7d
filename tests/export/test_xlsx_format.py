"""The Excel file is laid out for a manager: named sheets, tables, dropdowns, colours, print setup,
native charts."""

from __future__ import annotations

import io
import math
import re
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText
from openpyxl.utils import get_column_letter

from reseau.contact_table import headers
from reseau.export.xlsx import PLAN_HEADER_ROW, build_xlsx, download_name
from reseau.i18n import Lang, label, t
from reseau.palette import CIRCLE_COLOURS, QUADRANT_COLOURS
from reseau.vocabulary import ActionStatus, Circle
from reseau.workbook import Workbook
from tests.conftest import TODAY


def test_the_sheets_are_named_in_the_users_language(demo_workbook):
    french = openpyxl.load_workbook(io.BytesIO(build_xlsx(demo_workbook, lang="fr", today=TODAY)))
    english = openpyxl.load_workbook(io.BytesIO(build_xlsx(demo_workbook, lang="en", today=TODAY)))

    assert french.sheetnames == ["Synthèse", "Plan d'action", "Contacts", "Méthode", "_reseau"]
    assert english.sheetnames == ["Summary", "Action plan", "Contacts", "Method", "_reseau"]
    assert english["_reseau"].sheet_state == "hidden"
    assert french.active.title == "Synthèse"


def test_the_plan_is_a_filterable_table_with_a_frozen_header(demo_book, demo):
    sheet = demo_book["Plan d'action"]

    table = sheet.tables["PlanAction"]
    actions = sum(1 for c in demo if c.has_action)
    assert table.ref == f"A{PLAN_HEADER_ROW}:I{PLAN_HEADER_ROW + actions}"
    assert table.autoFilter is not None
    assert sheet.freeze_panes == f"A{PLAN_HEADER_ROW + 1}"
    header = [cell.value for cell in sheet[PLAN_HEADER_ROW]]
    assert header[:3] == ["Priorité", "Nom complet", "Entreprise"]
    assert sheet.cell(PLAN_HEADER_ROW + 1, 2).value == "Marc Delaunay"
    assert sheet.cell(PLAN_HEADER_ROW + 1, 1).value == 1


def test_the_status_is_a_dropdown_of_the_status_labels(demo_book):
    sheet = demo_book["Plan d'action"]

    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"À faire,En cours,Fait"'
    assert str(validation.sqref).startswith(f"I{PLAN_HEADER_ROW + 1}:I")


def test_late_and_done_actions_are_coloured_by_rules_that_stay_live(demo_book):
    sheet = demo_book["Plan d'action"]

    formulas = [
        formula
        for rules in sheet.conditional_formatting
        for r in rules.rules
        for formula in r.formula
    ]
    assert any("TODAY()" in f and '"Fait"' in f for f in formulas)  # late: past due, not done
    assert any(re.fullmatch(r'\$I\d+="Fait"', f) for f in formulas)  # done
    assert '"Développer"' in formulas  # the quadrant column takes its colour


def test_the_plan_prints_on_a4_landscape_fitted_to_the_width(demo_book):
    sheet = demo_book["Plan d'action"]

    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4 in the OOXML paper codes
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.print_title_rows == f"${PLAN_HEADER_ROW}:${PLAN_HEADER_ROW}"


def test_column_widths_follow_the_content(demo_book):
    sheet = demo_book["Plan d'action"]

    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGHI"}
    assert widths["G"] == 45  # the action wraps in a wide column
    assert 10 <= widths["B"] <= 28 and widths["E"] == 28  # long role labels are capped


def test_the_contacts_sheet_has_every_field_then_the_scores_as_a_table(demo_book, demo):
    sheet = demo_book["Contacts"]

    header = [cell.value for cell in sheet[1]]
    assert header == [
        *headers(Lang.FR),
        "Force de la relation",
        "Potentiel pour la mission",
        "Quadrant",
        "Priorité",
    ]
    assert sheet.tables["Contacts"].ref == f"A1:AC{len(demo) + 1}"
    assert sheet.freeze_panes == "C2"


def test_the_charts_are_native_chart_parts(demo_file):
    names = zipfile.ZipFile(io.BytesIO(demo_file)).namelist()

    charts = sorted(n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
    assert len(charts) == 4  # matrix, circles, quadrants, radar
    assert not [n for n in names if n.startswith("xl/media/")]  # no pictures


def test_the_charts_use_the_apps_colours(demo_file):
    archive = zipfile.ZipFile(io.BytesIO(demo_file))
    xml = "".join(
        archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/chart")
    )

    for colour in (*CIRCLE_COLOURS.values(), *QUADRANT_COLOURS.values()):
        assert colour.lstrip("#").upper() in xml
    assert xml.count("<radarChart>") == 1 and xml.count("<barChart>") == 2
    assert xml.count("<scatterChart>") == 1


def test_the_summary_states_who_when_the_key_figures_and_the_diagnosis(demo_book):
    sheet = demo_book["Synthèse"]
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    text = "\n".join(values)

    assert "Marie Curie" in text and "Déployer" in text
    assert t("export.summary.qualified_share", Lang.FR) in text
    assert t("diagnosis.severity.high", Lang.FR) in text  # the demo has cold relationships
    circle_cells = {
        c.value: c.fill.fgColor.rgb for row in sheet.iter_rows() for c in row if c.value
    }
    assert circle_cells[label(Circle.SUPPORT, Lang.FR)] == "FF" + CIRCLE_COLOURS[Circle.SUPPORT][1:]


def test_the_method_sheet_shows_the_scales_thresholds_and_legend(demo_book):
    sheet = demo_book["Méthode"]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)

    assert t("criterion.trust.5", Lang.FR) in text
    assert "50" in text  # the thresholds
    assert label(ActionStatus.DONE, Lang.FR) in text or t("export.method.legend.done", "fr") in text


def test_an_empty_plan_still_gives_a_valid_table():
    from reseau.contact import Contact
    from reseau.network import Network

    workbook = Workbook(network=Network(contacts=(Contact(first_name="Ana"),)))

    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(workbook, today=TODAY)))

    assert book["Plan d'action"].tables["PlanAction"].ref == "A3:I4"
    assert book["Plan d'action"]["A2"].value == t("export.plan.empty", Lang.FR)


def test_the_file_name_carries_the_participant_in_plain_letters():
    assert download_name("Marie-Hélène O'Brien", TODAY, "fr") == (
        "reseau-marie-helene-o-brien-2026-11-27.xlsx"
    )
    assert download_name("=1+1", TODAY, "en") == "reseau-1-1-2026-11-27.xlsx"
    assert download_name("", TODAY, "fr") == "reseau-2026-11-27.xlsx"


def test_the_contacts_sheet_prints_one_page_wide_on_a4_landscape_with_its_header_repeated(
    demo_book,
):
    sheet = demo_book["Contacts"]

    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.print_title_cols is None  # one page wide: no columns to repeat


def test_the_contacts_columns_are_narrow_enough_to_print_and_tall_enough_to_read(demo_book):
    sheet = demo_book["Contacts"]

    widths = [sheet.column_dimensions[get_column_letter(c)].width for c in range(1, 30)]
    assert sum(widths) < 450  # was over 600: printed at a quarter of its size
    for row in sheet.iter_rows(min_row=2):
        longest = max(
            (len(c.value) / widths[c.column - 1] for c in row if isinstance(c.value, str)),
            default=0,
        )
        # A wide font (DejaVu Sans) writes about one character per unit of column width.
        assert (sheet.row_dimensions[row[0].row].height or 15) >= 15 * math.ceil(longest)


def test_the_method_sheet_prints_one_page_wide_on_a4_landscape(demo_book):
    sheet = demo_book["Méthode"]

    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0


def test_each_diagnosis_row_is_tall_enough_for_its_wrapped_text(demo_file):
    sheet = openpyxl.load_workbook(io.BytesIO(demo_file), rich_text=True)["Synthèse"]

    findings = [
        row[0]
        for row in sheet.iter_rows(min_row=1, max_row=60)
        if isinstance(row[0].value, CellRichText)
    ]
    assert len(findings) >= 4
    for cell in findings:
        text = str(cell.value)
        # LibreOffice with DejaVu Sans fits about 88 characters on the four merged columns.
        assert sheet.row_dimensions[cell.row].height >= 15 * math.ceil(len(text) / 85)
        assert {block.font.rFont for block in cell.value} == {"Calibri"}  # not a serif fallback

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
    assert table.ref == f"A{PLAN_HEADER_ROW}:P{PLAN_HEADER_ROW + actions}"
    assert table.autoFilter is not None
    assert sheet.freeze_panes == f"A{PLAN_HEADER_ROW + 1}"
    header = [cell.value for cell in sheet[PLAN_HEADER_ROW]]
    assert header[:4] == ["N°", "Rang dans le réseau", "Nom complet", "Entreprise"]
    assert header[7:9] == ["Potentiel /100", "Force /100"]
    assert sheet.cell(PLAN_HEADER_ROW + 1, 3).value == "Marc Delaunay"
    numbers = [sheet.cell(PLAN_HEADER_ROW + i, 1).value for i in range(1, actions + 1)]
    assert numbers == list(range(1, actions + 1))  # 1…n in priority order
    scores = [sheet.cell(PLAN_HEADER_ROW + i, 8).value for i in range(1, actions + 1)]
    assert all(isinstance(score, int) for score in scores if score is not None)


def test_the_status_is_a_dropdown_of_the_status_labels(demo_book):
    sheet = demo_book["Plan d'action"]

    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"À faire,En cours,Fait"'
    assert str(validation.sqref).startswith(f"L{PLAN_HEADER_ROW + 1}:L")


def test_late_and_done_actions_are_coloured_by_rules_that_stay_live(demo_book):
    sheet = demo_book["Plan d'action"]

    formulas = [
        formula
        for rules in sheet.conditional_formatting
        for r in rules.rules
        for formula in r.formula
    ]
    assert any("TODAY()" in f and '"Fait"' in f for f in formulas)  # late: past due, not done
    assert any(re.fullmatch(r'\$L\d+="Fait"', f) for f in formulas)  # done
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

    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKLMNOP"}
    assert widths["J"] == 34  # the action wraps in a wide column
    assert all(sheet.column_dimensions[letter].hidden for letter in "MNOP")  # id, as exported
    name = sheet.cell(PLAN_HEADER_ROW + 1, 3)
    assert name.alignment.wrap_text  # long names wrap
    number = sheet.cell(PLAN_HEADER_ROW + 1, 8)
    assert number.alignment.horizontal == "center"  # never touches the next column's text


def test_the_contacts_sheet_has_every_field_then_the_scores_as_a_table(demo_book, demo):
    sheet = demo_book["Contacts"]

    header = [cell.value for cell in sheet[1]]
    assert header == [
        *headers(Lang.FR),
        "Force /100",
        "Potentiel /100",
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

    assert book["Plan d'action"].tables["PlanAction"].ref == "A3:P4"
    assert book["Plan d'action"]["A2"].value == t("export.plan.empty", Lang.FR)


def test_the_file_name_carries_the_participant_in_plain_letters():
    assert download_name("Marie-Hélène O'Brien", TODAY, "fr") == (
        "reseau-marie-helene-o-brien-2026-11-27.xlsx"
    )
    assert download_name("=1+1", TODAY, "en") == "reseau-1-1-2026-11-27.xlsx"
    assert download_name("", TODAY, "fr") == "reseau-2026-11-27.xlsx"


def test_the_contacts_sheet_prints_legibly_key_columns_first_with_header_and_names_repeated(
    demo_book,
):
    sheet = demo_book["Contacts"]

    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage
    assert 11 * sheet.page_setup.scale / 100 >= 8  # text at least 8 pt on paper
    breaks = [b.id for b in sheet.col_breaks.brk]
    assert breaks[0] == 8  # names, company, job, e-mail, phone, circle, role on page 1
    assert len(breaks) >= 2  # the other columns on the following pages
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.print_title_cols == "$A:$B"


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
        # LibreOffice with DejaVu Sans fits about 96 characters on the six merged columns.
        lines = math.ceil(len(text) / 92)
        assert 15 * lines <= sheet.row_dimensions[cell.row].height <= 15 * (lines + 1)
        assert {block.font.rFont for block in cell.value} == {"Calibri"}  # not a serif fallback


def test_the_contacts_sheet_validates_its_lists_and_its_1_to_5_scales(demo_book, demo):
    sheet = demo_book["Contacts"]
    last = len(demo) + 1

    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    circle = rules[f"G2:G{last}"]
    assert circle.type == "list" and circle.formula1 == "'Méthode'!$Z$1:$Z$3"
    method = demo_book["Méthode"]
    assert [method.cell(row, 26).value for row in (1, 2, 3)] == [label(c, Lang.FR) for c in Circle]
    assert method.column_dimensions["Z"].hidden
    assert rules[f"H2:H{last}"].type == "list"  # role
    assert rules[f"W2:W{last}"].type == "list"  # status
    (scales,) = [v for v in rules.values() if v.type == "whole"]
    assert (scales.formula1, scales.formula2) == ("1", "5")
    assert set(str(scales.sqref).split()) == {
        f"{letter}2:{letter}{last}" for letter in ("J", "O", "R", "S", "T")
    }


def test_the_contacts_sheet_leaves_the_status_empty_without_an_action_and_rounds_scores(
    demo_book, demo
):
    sheet = demo_book["Contacts"]
    status = headers(Lang.FR).index("Statut") + 1

    for row, contact in enumerate(demo, start=2):
        value = sheet.cell(row, status).value
        assert (value is None) == (not contact.has_action)
        strength = sheet.cell(row, len(headers(Lang.FR)) + 1).value
        assert strength is None or isinstance(strength, int)
    quadrant_rules = [
        r.formula[0]
        for rules in sheet.conditional_formatting
        if str(rules.sqref).startswith("AB2")
        for r in rules.rules
    ]
    assert '"Développer"' in quadrant_rules


def test_every_font_of_every_cell_is_named_and_sized(demo_book):
    for sheet in demo_book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name and cell.font.sz, (sheet.title, cell.coordinate)


def test_the_footer_has_room_in_the_bottom_margin(demo_book):
    for sheet in demo_book.worksheets[:4]:
        margins = sheet.page_margins
        assert margins.bottom - margins.footer >= 0.4, sheet.title
        assert sheet.oddFooter.right.text


def test_no_scale_block_of_the_method_sheet_is_split_by_a_page_break(demo_book):
    sheet = demo_book["Méthode"]
    breaks = [b.id for b in sheet.row_breaks.brk]
    scale_rows = [c.row for c in sheet["A"] if c.value == t("export.method.point", Lang.FR)]

    assert breaks  # the scales do not fit on one landscape page
    for header in scale_rows:
        first, last = header - 1, header + 5  # the scale's name, its header, five points
        assert not [b for b in breaks if first <= b < last]


def test_every_chart_has_square_corners_titles_beside_the_plot_and_cached_values(demo_file):
    archive = zipfile.ZipFile(io.BytesIO(demo_file))
    charts = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/")]

    for xml in charts:
        assert '<roundedCorners val="0"' in xml
        assert '<overlay val="1"' not in xml and '<overlay val="0"' in xml
        assert "<numCache>" in xml
        assert 'typeface="Calibri"' in xml

"""No text a person typed or imported ever becomes a live formula in the exported file."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from reseau.contact import Contact
from reseau.export.safety import excel_text, is_formula_like
from reseau.export.xlsx import build_xlsx
from reseau.network import Network
from reseau.vocabulary import Circle, Role
from reseau.workbook import Workbook
from tests.conftest import TODAY

RISKY = [
    '=HYPERLINK("http://example.com","x")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+33 6 39 98 00 57",
    "- à rappeler (légitime)",
]


def _contacts() -> tuple[Contact, ...]:
    return (
        Contact(first_name=RISKY[0], last_name="Dupont", notes="\rligne 2"),
        Contact(first_name="Marc", last_name=RISKY[1], company=RISKY[2]),
        Contact(first_name=RISKY[3], job_title=RISKY[4], phone=RISKY[5], notes=RISKY[6]),
        Contact(
            first_name="Paul",
            circle=Circle.SUPPORT,
            role=Role.OTHER,
            role_other="=2*3",
            action_text='=WEBSERVICE("http://x")',
            last_contact_note="@note",
        ),
    )


def _workbook() -> Workbook:
    return Workbook(network=Network(contacts=_contacts(), participant="=evil()", mission="+1"))


@pytest.mark.parametrize("text", [*RISKY, "\tTabby", "\rX"])
def test_texts_starting_like_a_formula_are_recognised(text):
    assert is_formula_like(text)


@pytest.mark.parametrize("text", ["Marie", "06 39 98 00 51", "", "a=b", "x-y"])
def test_ordinary_texts_are_left_alone(text):
    assert not is_formula_like(text)


def test_the_file_holds_no_formula_at_all():
    data = build_xlsx(_workbook(), today=TODAY)
    archive = zipfile.ZipFile(io.BytesIO(data))

    sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets
    assert not any(
        "<f>" in archive.read(n).decode() or "<f " in archive.read(n).decode() for n in sheets
    )


def test_every_formula_like_text_is_a_quoted_string_cell_with_its_exact_text():
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(_workbook(), today=TODAY)))
    wanted = {*RISKY, "=2*3", '=WEBSERVICE("http://x")', "@note", "=evil()", "+1"}

    seen = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and is_formula_like(cell.value):
                    seen[cell.value] = cell
    assert wanted <= set(seen)
    for text, cell in seen.items():
        assert cell.data_type == "s", text
        assert cell.quotePrefix, text  # editing the cell in Excel keeps it text


def test_a_phone_number_stays_readable_as_typed():
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(_workbook(), today=TODAY)))

    phones = [c.value for c in book["Contacts"]["F"][1:] if c.value]
    assert phones == ["+33 6 39 98 00 57"]


def test_carriage_returns_and_escape_lookalikes_are_stored_the_excel_way():
    assert excel_text("a\rb") == "a_x000D_b"
    assert excel_text("code _x0041_ ici") == "code _x005F_x0041_ ici"
    assert excel_text("plain") == "plain"


def test_the_corpus_of_formula_injections_goes_through_import_and_export_as_text(corpus):
    from reseau.importing import read_contacts

    data = (corpus / "bad" / "formula_injection.csv").read_bytes()
    imported = read_contacts(data, "formula_injection.csv").contacts
    workbook = Workbook(network=Network(contacts=imported))

    exported = build_xlsx(workbook, today=TODAY)
    again = read_contacts(exported, "export.xlsx").contacts

    assert [c.first_name for c in again] == [c.first_name for c in imported]
    assert [c.last_name for c in again] == [c.last_name for c in imported]
    assert [(c.company, c.job_title, c.phone, c.notes) for c in again] == [
        (c.company, c.job_title, c.phone, c.notes) for c in imported
    ]
    assert '=HYPERLINK("http://example.com","x")' in [c.first_name for c in again]
    assert "+33 6 39 98 00 57" in [c.phone for c in again]
    book = openpyxl.load_workbook(io.BytesIO(exported))
    cells = [c for row in book["Contacts"].iter_rows() for c in row if is_formula_like(c.value)]
    assert len(cells) >= 7 and all(c.data_type == "s" and c.quotePrefix for c in cells)

"""Every bad file is refused with a message naming the problem; nothing is ever half-read."""

from __future__ import annotations

import pytest

from reseau.i18n import t
from reseau.importing import ImportRefused, NoNameColumn, limits, read_contacts
from tests.importing import files


def refusal(data: bytes, filename: str = "contacts.xlsx") -> ImportRefused:
    with pytest.raises(ImportRefused) as refused:
        read_contacts(data, filename)
    return refused.value


def test_a_password_protected_workbook_says_password_not_damaged():
    problem = refusal(files.password_protected_xlsx())
    assert problem.key == "import.error.password"
    assert "mot de passe" in t(problem.key, "fr", **problem.params)


def test_a_zip_bomb_is_refused_from_its_directory():
    assert refusal(files.zip_bomb()).key == "import.error.zip_bomb"


def test_an_archive_with_thousands_of_entries_is_refused():
    assert refusal(files.many_entries_zip()).key == "import.error.zip_bomb"


def test_an_archive_that_lies_about_its_sizes_is_refused_as_damaged():
    assert refusal(files.lying_zip()).key == "import.error.damaged"


def test_a_truncated_xlsx_is_damaged():
    data = files.hand_made_xlsx()
    assert refusal(data[: len(data) // 2]).key == "import.error.damaged"


def test_binary_garbage_is_not_a_spreadsheet_whatever_its_name():
    assert refusal(files.binary_garbage(), "contacts.csv").key == "import.error.not_a_spreadsheet"


def test_a_pdf_named_csv_is_not_a_spreadsheet():
    assert refusal(b"%PDF-1.7\n...", "contacts.csv").key == "import.error.not_a_spreadsheet"


def test_a_word_document_is_not_a_spreadsheet():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert refusal(out.getvalue(), "contacts.xlsx").key == "import.error.not_a_spreadsheet"


def test_a_file_of_blank_lines_is_empty():
    assert refusal(b"\r\n\r\n  \r\n", "contacts.csv").key == "import.error.empty"


def test_a_header_alone_has_no_contacts():
    assert refusal(b"Prenom;Nom;Email\r\n", "contacts.csv").key == "import.error.header_only"


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    problem = refusal(b"Nom\n" + b"Martin\n" * 200, "contacts.csv")
    assert problem.key == "import.error.too_big"
    assert t(problem.key, "en", **problem.params).startswith("The file is too big")


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    problem = refusal(b"Nom\n" + b"Martin\n" * 20, "contacts.csv")
    assert (problem.key, problem.params["limit"]) == ("import.error.too_many_rows", 10)


def test_one_enormous_cell_is_refused_with_its_row_and_column():
    data = ("Prénom,Nom,Notes\nAnne,Martin,court\nPaul,Roux," + "x" * 60_000 + "\n").encode()
    problem = refusal(data, "contacts.csv")
    assert problem.key == "import.error.cell_too_big"
    assert (problem.params["row"], problem.params["column"]) == (3, "Notes")


def test_a_cell_beyond_what_csv_can_hold_is_refused_not_a_traceback():
    data = ('Prénom,Nom\nAnne,"' + "x" * 200_000 + '"\n').encode()
    assert refusal(data, "contacts.csv").key == "import.error.cell_too_big"


def test_a_long_note_is_cut_to_the_field_limit_with_a_warning():
    data = ("Prénom,Nom,Notes\nAnne,Martin," + "x" * 6_000 + "\n").encode()
    preview = read_contacts(data, "contacts.csv")
    assert len(preview.contacts[0].notes) == 5_000
    assert preview.warning_messages("en") == [
        'Row 2: text of "Notes" shortened to 5,000 characters'
    ]


def test_a_sheet_without_a_name_column_lists_the_columns_found():
    data = b"Societe;Ville\r\nACME;Lyon\r\n"
    problem = refusal(data, "contacts.csv")
    assert isinstance(problem, NoNameColumn)
    assert problem.columns == ("Societe", "Ville")
    assert "« Societe », « Ville »" in t(problem.key, "fr", **problem.params)


def test_rows_without_any_name_are_refused_as_no_contact():
    data = b"Prenom;Nom;Entreprise\r\n;;ACME\r\n;;Zephyr\r\n"
    assert refusal(data, "contacts.csv").key == "import.error.no_contact"


def test_an_unknown_sheet_is_refused():
    with pytest.raises(ImportRefused) as refused:
        read_contacts(files.hand_made_xlsx(), "x.xlsx", sheet="Feuil9")
    assert refused.value.params == {"sheet": "Feuil9"}


@pytest.mark.parametrize("size", [1, 7, 100, 513, 4096])
def test_any_prefix_of_a_real_workbook_is_refused_cleanly(size):
    data = files.hand_made_xlsx()[:size]
    with pytest.raises(ImportRefused):
        read_contacts(data, "x.xlsx")


def test_every_refusal_has_a_message_in_both_languages():
    from reseau.importing import errors

    for refusal_type in vars(errors).values():
        if isinstance(refusal_type, type) and issubclass(refusal_type, ImportRefused):
            for lang in ("fr", "en"):
                assert t(refusal_type.key, lang)

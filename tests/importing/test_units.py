"""The pieces of the import one by one: sniffing, header, mapping, cleaning, limits."""

from __future__ import annotations

import pandas as pd
import pytest

from reseau.importing import limits
from reseau.importing.cleaning import split_name
from reseau.importing.errors import FileIsEmpty, PasswordProtected, ZipBomb
from reseau.importing.header import column_letter, find_header
from reseau.importing.mapping import detect_format, guess_mapping
from reseau.importing.sniff import FileKind, decode_text, file_kind, separator
from tests.importing import files


def test_the_kind_comes_from_the_bytes_not_the_name():
    assert file_kind(files.hand_made_xlsx()) is FileKind.XLSX
    assert file_kind(files.vcard_40_fn_only()) is FileKind.VCARD
    assert file_kind(b"Nom;Prenom\r\n") is FileKind.TEXT
    with pytest.raises(PasswordProtected):
        file_kind(files.password_protected_xlsx())


def test_windows_1252_is_chosen_over_a_baltic_guess_for_french_text():
    data = "Prénom;Société;Note\r\nNoël;Côté;cœur 15 €\r\n".encode("cp1252")
    decoded = decode_text(data)
    assert (decoded.encoding, decoded.text.splitlines()[1]) == ("cp1252", "Noël;Côté;cœur 15 €")


@pytest.mark.parametrize(
    ("text", "sep"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ('Notes:\n"A long, long, paragraph, with commas"\n\nPrénom;Nom\nA;B\nC;D\n', ";"),
    ],
)
def test_the_separator_is_the_one_that_splits_lines_regularly(text, sep):
    assert separator(text) == sep


def test_the_header_is_found_below_a_title_and_not_in_column_a():
    cells = pd.DataFrame(
        [
            ["", "Liste de contacts", "", ""],
            ["", "", "", ""],
            ["", "Prénom", "Nom", "Société"],
            ["", "Anne", "Martin", "ACME"],
        ],
        dtype=object,
    )
    header = find_header(cells)
    assert (header.row, header.positions, header.columns) == (
        2,
        (1, 2, 3),
        ("Prénom", "Nom", "Société"),
    )


def test_columns_without_a_header_are_named_by_their_letter():
    assert [column_letter(n) for n in (0, 25, 26, 701)] == ["A", "Z", "AA", "ZZ"]


def test_english_and_french_synonyms_map_to_fields():
    mapping = guess_mapping(
        ["Given Name", "Surname", "Courriel", "Portable", "Poste", "Organisation", "Remarques"]
    )
    assert list(mapping.values()) == [
        "first_name",
        "last_name",
        "email",
        "phone",
        "job_title",
        "company",
        "notes",
    ]


def test_title_beside_job_title_is_a_civility_but_alone_it_is_the_job():
    assert guess_mapping(["Title", "First Name", "Job Title"])["Title"] is None
    assert guess_mapping(["Name", "Title"])["Title"] == "job_title"


def test_formats_are_recognised_by_their_headers():
    assert detect_format(["First Name", "Last Name", "URL", "Connected On"], "csv") == "linkedin"
    assert detect_format(["Given Name", "Family Name", "Name"], "csv") == "google"
    assert detect_format(["Prénom", "Nom"], "excel") == "excel"


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Jean Dupont", ("Jean", "Dupont")),
        ("DUPONT Jean", ("Jean", "DUPONT")),
        ("Dupont, Jean", ("Jean", "Dupont")),
        ("Cher", ("", "Cher")),
        ("Marie-Claire de la Tour", ("Marie-Claire", "de la Tour")),
    ],
)
def test_a_full_name_is_split_into_first_and_last(full, parts):
    assert split_name(full) == parts


def test_a_file_of_nothing_but_a_bom_is_empty():
    with pytest.raises(FileIsEmpty):
        limits.check_file_size(b"\xef\xbb\xbf")


def test_the_compression_ratio_is_checked_before_anything_is_inflated(monkeypatch):
    inflated = []
    monkeypatch.setattr(limits, "_verify_entry", lambda *a: inflated.append(a))
    with pytest.raises(ZipBomb):
        limits.check_zip(files.zip_bomb(8 * 1024 * 1024))
    assert inflated == []

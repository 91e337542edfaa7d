"""Values as people type them in other programs: placeholders, spaces, two phones in a cell,
a title after a name, companies alone; and duplicates that differ only in how they are spelled."""

from __future__ import annotations

import json
import unicodedata

from reseau.__main__ import main
from reseau.importing import read_contacts
from tests.importing import sheets


def found(preview):
    return {(c.first_name, c.last_name, c.company): c for c in preview.contacts}


def test_null_na_dash_and_pas_d_adresse_email_are_not_addresses_and_make_no_duplicates():
    preview = read_contacts(sheets.placeholder_values_csv(), "crm.csv")
    people = found(preview)
    # Two Marie Martin at different companies, both "null": two people, no address.
    assert people[("Marie", "Martin", "Alpha Conseil")].email == ""
    assert people[("Marie", "Martin", "Bêta Industrie")].email == ""
    assert preview.duplicates == ()
    for first, last in (("Jean", "Petit"), ("Luc", "Roy"), ("Anne", "Blanc")):
        assert people[(first, last, "")].email == ""
    warned = {note.params.get("value") for note in preview.warnings}
    assert not warned & {"null", "n/a", "-", "pas d'adresse email"}
    assert ("import.warning.not_an_email", "à demander") in {
        (note.key, note.params.get("value")) for note in preview.warnings
    }


def test_an_email_with_a_space_inside_is_kept_whole_and_reported():
    preview = read_contacts(sheets.placeholder_values_csv(), "crm.csv")
    assert found(preview)[("Paul", "Noir", "")].email == "paul noir@example.com"
    notes = [(n.row, n.key) for n in preview.warnings if n.key == "import.warning.email_space"]
    assert notes == [(7, "import.warning.email_space")]


def test_two_phones_on_two_lines_of_one_cell_are_both_kept():
    preview = read_contacts(sheets.placeholder_values_csv(), "crm.csv")
    assert found(preview)[("Zoé", "Vert", "")].phone == "06 39 98 00 52 / 01 40 00 00 52"


def test_a_name_followed_by_a_comma_and_a_title_is_a_name_and_a_job_title():
    preview = read_contacts(sheets.placeholder_values_csv(), "crm.csv")
    laillier = found(preview)[("Philippe", "LAILLIER", "Granit & Fils")]
    assert laillier.job_title == "Directeur"


def test_a_row_holding_only_a_company_is_a_company_not_a_person_named_after_it():
    preview = read_contacts(sheets.placeholder_values_csv(), "crm.csv")
    assert not any("Verrerie" in c.last_name or "Scierie" in c.last_name for c in preview.contacts)
    assert [(n.row, n.key) for n in preview.skipped] == [
        (10, "import.skipped.company_only"),
        (11, "import.skipped.company_only"),
    ]


def test_names_differing_by_a_ligature_or_by_unicode_normalisation_are_one_person():
    preview = read_contacts(sheets.ligature_duplicates_csv(), "doublons.csv")
    assert [(d.row, d.into_row) for d in preview.duplicates] == [(3, 2), (5, 4), (7, 6)]
    assert len(preview.contacts) == 3
    duboeuf = preview.contacts[0]
    assert (duboeuf.last_name, duboeuf.email) == ("Dubœuf", "bernard@example.com")


def test_names_are_stored_in_nfc():
    preview = read_contacts(sheets.ligature_duplicates_csv(), "doublons.csv")
    for contact in preview.contacts:
        for text in (contact.first_name, contact.last_name):
            assert unicodedata.is_normalized("NFC", text)
    assert preview.contacts[2].first_name == "Hélène"


def test_the_check_command_counts_contacts_skipped_rows_and_duplicates(tmp_path, capsys):
    counts = {}
    for name, maker in (
        ("crm.csv", sheets.placeholder_values_csv),
        ("doublons.csv", sheets.ligature_duplicates_csv),
    ):
        path = tmp_path / name
        path.write_bytes(maker())
        assert main(["check", str(path), "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        counts[name] = (report["contacts"], report["skipped"], report["duplicates"])
    assert counts == {"crm.csv": (8, 2, 0), "doublons.csv": (3, 0, 3)}

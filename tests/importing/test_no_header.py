"""A file without a row of titles: its first row is a person, found from the values, and the
participant can say which row holds the titles, or none."""

from __future__ import annotations

import json

import pytest

from reseau.__main__ import main
from reseau.importing import read_contacts
from reseau.importing.errors import NoNameColumn
from reseau.importing.header import NO_HEADER
from tests.importing import sheets


def people(preview):
    return [(c.first_name, c.last_name, c.company, c.email, c.phone) for c in preview.contacts]


def test_a_first_row_of_emails_phones_and_names_is_a_person_not_titles():
    preview = read_contacts(sheets.without_header_csv(), "liste.csv")
    assert preview.header_row == NO_HEADER
    assert people(preview)[0] == (
        "Maud",
        "Kerjean",
        "Groupe Arvor",
        "maud.kerjean@example.com",
        "06 39 98 00 61",
    )
    assert len(preview.contacts) == 3 and preview.skipped == ()
    assert [note.key for note in preview.column_notes] == ["import.column.no_header"]
    assert "sans ligne de titres" in preview.where("fr")


def test_a_column_of_full_names_without_titles_is_split_into_first_and_last_names():
    preview = read_contacts(sheets.without_header_full_names_csv(), "liste.csv")
    assert people(preview) == [
        ("Lénaïc", "MORVAN", "", "lenaic.morvan@example.com", ""),
        ("Rozenn", "LE DÛ", "", "rozenn.ledu@example.com", ""),
    ]


def test_titles_chosen_on_a_row_of_people_name_no_column_and_offer_the_rows_again():
    with pytest.raises(NoNameColumn) as refused:
        read_contacts(sheets.without_header_csv(), "liste.csv", header_row=1)
    assert refused.value.columns[0] == "Kerjean"  # that row is now the titles, as asked
    assert refused.value.header_row == 1
    assert refused.value.top_rows[0].startswith("Kerjean · Maud")


def test_the_participant_can_say_a_file_with_titles_has_none():
    preview = read_contacts(sheets.thunderbird_csv(), "tb.csv", header_row=NO_HEADER)
    assert preview.header_row == NO_HEADER
    assert preview.columns[:2] == ("A", "B")
    assert preview.rows[0] == 1  # the titles row is now read as a row of the file


def test_the_first_rows_are_offered_to_choose_the_title_row():
    preview = read_contacts(sheets.thunderbird_csv(), "tb.csv")
    assert preview.header_row == 1
    assert preview.top_rows[0].startswith("First Name · Last Name · Display Name")
    assert preview.top_rows[1].startswith("Anouk · Bréhat")


def test_the_check_command_counts_every_person_of_a_file_without_titles(tmp_path, capsys):
    path = tmp_path / "liste.csv"
    path.write_bytes(sheets.without_header_csv())
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["contacts"], report["skipped"], report["header_row"]) == (3, 0, 0)

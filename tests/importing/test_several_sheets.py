"""A workbook whose contacts sit on several sheets: the participant takes several at once."""

from __future__ import annotations

from reseau.importing import read_contacts
from tests.importing import sheets


def test_only_the_best_sheet_is_taken_unless_several_are_asked_for():
    preview = read_contacts(sheets.workbook_on_several_sheets(), "equipes.xlsx")
    assert preview.sheets == ("Clients", "Partenaires", "Notes")
    assert len(preview.contacts) == 2 and preview.chosen_sheets == ()


def test_several_sheets_are_read_each_with_its_own_titles_and_merged_as_one_file():
    preview = read_contacts(
        sheets.workbook_on_several_sheets(), "equipes.xlsx", sheet=("Clients", "Partenaires")
    )
    people = {(c.first_name, c.last_name): c for c in preview.contacts}
    assert sorted(people) == [("Hervé", "Cadiou"), ("Morgane", "Le Floch"), ("Yann", "Le Roux")]
    # The same person on both sheets is one contact, with what each sheet knew.
    herve = people[("Hervé", "Cadiou")]
    assert (herve.email, herve.phone) == ("herve@example.fr", "06 39 98 00 72")
    assert preview.duplicate_messages("fr") == [
        "Feuille « Partenaires », ligne 3 : Hervé Cadiou apparaît déjà feuille « Clients », "
        "ligne 3 : les deux lignes sont fusionnées"
    ]
    assert preview.chosen_sheets == ("Clients", "Partenaires")
    assert "Feuilles : Clients, Partenaires" in preview.where("fr")


def test_a_sheet_without_contacts_among_those_asked_for_is_named_and_left_out():
    preview = read_contacts(
        sheets.workbook_on_several_sheets(), "equipes.xlsx", sheet=["Clients", "Notes"]
    )
    assert len(preview.contacts) == 2
    assert preview.column_messages("fr")[0].startswith("Feuille « Notes » : aucun contact")


def test_the_check_command_reads_several_sheets_and_a_header_row(tmp_path, capsys):
    import json

    from reseau.__main__ import main

    path = tmp_path / "equipes.xlsx"
    path.write_bytes(sheets.workbook_on_several_sheets())
    assert main(["check", str(path), "--json", "--sheet", "Clients", "--sheet", "Partenaires"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["contacts"], report["duplicates"], report["chosen_sheets"]) == (
        3,
        1,
        ["Clients", "Partenaires"],
    )
    liste = tmp_path / "liste.csv"
    liste.write_bytes(sheets.thunderbird_csv())
    assert main(["check", str(liste), "--json", "--header-row", "0"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["header_row"], report["contacts"]) == (0, 3)

"""Headers other programs write are understood; columns are judged by their values too, so a
column of addresses is never dropped in silence and a CRM's columns do not fill the method's."""

from __future__ import annotations

import json

import pytest

from reseau.__main__ import main
from reseau.importing import read_contacts
from tests.importing import sheets


def by_name(preview):
    return {c.last_name: c for c in preview.contacts}


def note_keys(preview):
    return [(note.key, note.params["column"]) for note in preview.column_notes]


def test_thunderbird_primary_and_secondary_email_mobile_work_phone_and_organization_are_read():
    preview = read_contacts(sheets.thunderbird_csv(), "thunderbird.csv")
    found = by_name(preview)
    anouk, yves = found["Bréhat"], found["Kervella"]
    assert (anouk.email, anouk.phone, anouk.company) == (
        "anouk.brehat@example.com",
        "+33 6 39 98 00 21",
        "Brest Métropole",
    )
    # Without a primary address the secondary one is kept; without a mobile, the work phone.
    assert (yves.email, yves.phone) == ("yves.kervella@example.org", "+33 2 98 00 00 02")
    assert yves.company == "Chantiers de l'Odet"


def test_french_hand_made_titles_contact_principal_societe_raison_sociale_and_portable_are_read():
    preview = read_contacts(sheets.french_hand_made_csv(), "contacts.csv")
    maelle = by_name(preview)["Cornec"]
    assert (maelle.first_name, maelle.company, maelle.email, maelle.phone) == (
        "Maëlle",
        "Crêperie du Port",
        "maelle@example.fr",
        "06 39 98 00 31",
    )


def test_a_mail_merge_list_with_email_home_email_work_and_company_name_is_read():
    preview = read_contacts(sheets.mailing_list_csv(), "publipostage.csv")
    found = by_name(preview)
    assert (found["Tanguy"].email, found["Tanguy"].company) == (
        "solene.tanguy@example.com",
        "Armor Conseil",
    )
    assert found["Guivarc'h"].email == "erwan@example.com"


def test_columns_of_emails_and_phones_with_unknown_titles_are_taken_or_named_never_dropped():
    preview = read_contacts(sheets.untitled_columns_csv(), "contacts.csv")
    assert by_name(preview)["Rolland"].email == "ines.rolland@example.com"
    assert by_name(preview)["Hamon"].phone == "06 39 98 00 42"
    assert note_keys(preview) == [
        ("import.column.guessed", "Coordonnées"),
        ("import.column.guessed", "Joindre"),
        ("import.column.looks_like", "Ligne directe"),
    ]
    assert "Ligne directe" in preview.column_messages("fr")[2]


def test_a_crm_action_role_title_and_status_are_offered_not_taken_into_the_method_fields():
    preview = read_contacts(sheets.crm_export_csv(), "crm.csv")
    helen = by_name(preview)["Marsh"]
    assert (helen.action_text, helen.role, helen.job_title) == ("", None, "")
    assert preview.warnings == ()  # no "value not understood" per row
    assert sorted(note_keys(preview)) == [
        ("import.column.civility", "Title"),
        ("import.column.not_method", "Action"),
        ("import.column.not_method", "Role"),
        ("import.column.not_method", "Status"),
    ]
    assert [preview.mapping[c] for c in ("Action", "Role", "Title", "Status")] == [None] * 4


def test_a_role_column_holding_the_methods_roles_is_still_taken():
    text = "Nom;Prénom;Rôle;Cercle\nMorvan;Lise;Sponsor;Soutien\nPrigent;Alan;Expert;Information\n"
    preview = read_contacts(text.encode(), "atelier.csv")
    assert preview.mapping["Rôle"] == "role" and preview.column_notes == ()


@pytest.mark.parametrize(
    ("maker", "contacts", "notes"),
    [
        (sheets.thunderbird_csv, 2, 0),
        (sheets.french_hand_made_csv, 2, 0),
        (sheets.mailing_list_csv, 2, 0),
        (sheets.untitled_columns_csv, 3, 3),
        (sheets.crm_export_csv, 4, 4),
    ],
)
def test_the_check_command_counts_these_files(tmp_path, capsys, maker, contacts, notes):
    path = tmp_path / "contacts.csv"
    path.write_bytes(maker())
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["contacts"], len(report["column_notes"]), report["warnings"]) == (
        contacts,
        notes,
        [],
    )


def test_a_column_of_dates_with_an_unknown_title_is_not_taken_for_phones():
    text = (
        "Nom;Prénom;Créé le;Modifié\n"
        "Rolland;Inès;2024-01-05;05/02/2024\n"
        "Hamon;Loïc;2023-11-30;01/12/2023\n"
    )
    preview = read_contacts(text.encode(), "crm.csv")
    assert preview.column_notes == ()
    assert [c.phone for c in preview.contacts] == ["", ""]

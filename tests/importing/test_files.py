"""Files shaped like what people bring, generated here: each reads into the right contacts."""

from __future__ import annotations

import pandas as pd

from reseau.importing import read_contacts
from tests.importing import files


def names(preview):
    return [(c.first_name, c.last_name) for c in preview.contacts]


def test_a_hand_made_sheet_is_found_below_its_title_in_its_second_sheet():
    preview = read_contacts(files.hand_made_xlsx(), "contacts.xlsx")
    assert (preview.sheet, preview.sheets, preview.header_row) == (
        "Mes contacts",
        ("Notes", "Mes contacts"),
        3,
    )
    assert names(preview) == [
        ("Éloïse", "Dupré-Ménard"),
        ("Jean-François", "N'Diaye"),
        ("小明", "王"),
        ("Anne", "Martin"),
        ("Paul", "Roux"),
        ("Tabby", "Leroy"),
    ]


def test_a_company_merged_down_over_two_rows_belongs_to_both_people():
    preview = read_contacts(files.hand_made_xlsx(), "contacts.xlsx")
    companies = {c.last_name: c.company for c in preview.contacts}
    assert companies["Martin"] == companies["Roux"] == "Zéphyr Labs"


def test_a_blank_row_in_the_middle_is_reported_and_trailing_spaces_trimmed():
    preview = read_contacts(files.hand_made_xlsx(), "contacts.xlsx")
    assert [note.row for note in preview.skipped] == [9]
    assert preview.contacts[-1].phone == "0612345678"
    assert preview.mapping["Nom"] == "last_name"  # "Nom  " in the cell


def test_the_user_can_choose_another_sheet():
    preview = read_contacts(files.hand_made_xlsx(), "contacts.xlsx", sheet="Mes contacts")
    assert len(preview.contacts) == 6


def test_an_ods_file_is_read():
    frame = pd.DataFrame({"Prénom": ["Léa", "Inès"], "Nom": ["Nguyễn", "Benali"]})
    preview = read_contacts(files.ods(frame), "contacts.ods")
    assert (preview.format, names(preview)) == ("excel", [("Léa", "Nguyễn"), ("Inès", "Benali")])


def test_utf16_bom_and_tab_separated_csv_are_read():
    rows = [["Prénom", "Nom", "Entreprise"], ["Zoë", "Ångström", "Nordlys, AB"]]
    for data, sep in (
        (files.csv_text(rows).encode("utf-16"), ","),
        (files.csv_text(rows).encode("utf-8-sig"), ","),
        (files.csv_text(rows, "\t").encode("utf-8"), "\t"),
        (files.csv_text(rows, ";").encode("cp1252"), ";"),
    ):
        preview = read_contacts(data, "contacts.csv")
        assert preview.separator == sep
        assert [(c.first_name, c.last_name, c.company) for c in preview.contacts] == [
            ("Zoë", "Ångström", "Nordlys, AB")
        ]


def test_quoted_fields_keep_separators_and_line_breaks():
    text = 'Prénom;Nom;Notes\r\nAnne;Martin;"à rappeler;\r\nlundi"\r\nPaul;Roux;\r\n'
    preview = read_contacts(text.encode(), "contacts.csv")
    assert [c.notes for c in preview.contacts] == ["à rappeler;\r\nlundi", ""]


def test_vcard_21_quoted_printable_in_windows_1252_is_decoded():
    preview = read_contacts(files.vcard_21_quoted_printable(), "contacts.vcf")
    chloe = preview.contacts[0]
    assert (chloe.first_name, chloe.last_name, chloe.company) == (
        "Chloé",
        "Lefèvre",
        "Éditions du Pré Vert",
    )
    assert chloe.notes == "Budget 15 000 €, cœur du réseau"


def test_vcard_40_with_fn_only_is_split_and_an_organisation_is_not_a_person():
    preview = read_contacts(files.vcard_40_fn_only(), "contacts.vcf")
    assert names(preview) == [("Gaëlle", "Le Gall"), ("Yannick", "KERBRAT")]
    assert [note.row for note in preview.skipped] == [2]


def test_outlook_in_french_takes_the_second_titre_as_job_title():
    preview = read_contacts(files.outlook_fr_csv(), "contacts.csv")
    agnes = preview.contacts[0]
    assert preview.format == "outlook"
    assert preview.mapping["Titre"] is None and preview.mapping["Titre (2)"] == "job_title"
    assert (agnes.first_name, agnes.job_title, agnes.phone) == (
        "Agnès",
        "Directrice de cabinet",
        "+33 6 39 98 00 21",
    )
    assert preview.contacts[1].last_name == "Bouchard-Côté"


def test_google_legacy_utf16_export_is_read():
    preview = read_contacts(files.google_legacy_csv(), "google.csv")
    ines = preview.contacts[0]
    assert preview.format == "google"
    assert (ines.first_name, ines.last_name, ines.company, ines.job_title, ines.email) == (
        "Inès",
        "Benali",
        "Clinique du Val Fictif",
        "Directrice des soins",
        "ines.benali@example.org",
    )


def test_method_columns_take_valid_values_and_drop_invalid_ones_with_a_warning():
    rows = [
        ["Prénom", "Nom", "Réseau", "Rôle", "Fréquence", "Confiance"],
        ["Anne", "Martin", "SOUTIEN ", "Sponsor de la mission", "4", "5"],
        ["Paul", "Roux", "opérationnel", "", "7", "3,5"],
        ["Léa", "Petit", "Informations", "Pair", "2", "1"],
        ["Inès", "Benali", "support", "Pair", "", ""],
    ]
    preview = read_contacts(files.csv_text(rows).encode(), "methode.csv")
    anne, paul, lea, ines = preview.contacts
    assert (anne.circle, anne.role, anne.frequency, anne.trust) == (
        "support",
        "sponsor",
        4,
        5,
    )
    assert (paul.circle, paul.frequency, paul.trust) == ("operational", None, None)
    assert lea.circle is None and lea.frequency == 2
    assert ines.circle == "support" and ines.role is None
    messages = preview.warning_messages("fr")
    assert "Ligne 3 : « 7 » n'est pas une valeur possible pour « Fréquence » : " in messages[0]
    assert len(messages) == 5  # 7, 3,5, Informations, Pair (no circle), Pair (wrong circle)


def test_a_full_name_column_is_split_into_first_and_last_name():
    rows = [
        ["Nom complet", "Société"],
        ["DUPONT Jean", "A"],
        ["Marie Curie", "B"],
        ["Roux, Paul", ""],
    ]
    preview = read_contacts(files.csv_text(rows).encode(), "noms.csv")
    assert names(preview) == [("Jean", "DUPONT"), ("Marie", "Curie"), ("Paul", "Roux")]


def test_the_user_mapping_replaces_the_guess():
    rows = [["Qui", "Où"], ["Anne Martin", "Zéphyr Labs"]]
    preview = read_contacts(
        files.csv_text(rows).encode(), "x.csv", mapping={"Qui": "full_name", "Où": "company"}
    )
    assert [(c.first_name, c.last_name, c.company) for c in preview.contacts] == [
        ("Anne", "Martin", "Zéphyr Labs")
    ]

"""vCards other programs write, damaged or unusual: every readable card is kept, and each damage
is said on its card."""

from __future__ import annotations

import json

import pytest

from reseau.__main__ import main
from reseau.i18n import t
from reseau.importing import read_contacts
from tests.importing import vcards


def people(preview):
    return [(c.first_name, c.last_name) for c in preview.contacts]


def notes(preview):
    return [(note.row, note.key) for note in preview.warnings]


def test_a_quoted_printable_line_invalid_in_its_charset_is_read_as_windows_1252_and_reported():
    preview = read_contacts(vcards.android_21_bad_quoted_printable(), "contacts.vcf")
    assert people(preview) == [("Anaïs", "François"), ("René", "Dupré"), ("Lucie", "Morel")]
    assert preview.contacts[2].company == "Société Morel"
    assert notes(preview) == [
        (2, "import.warning.vcard_charset"),
        (2, "import.warning.vcard_charset"),
        (3, "import.warning.vcard_charset"),
    ]


def test_a_line_folded_inside_a_utf8_character_is_read_whole():
    preview = read_contacts(vcards.icloud_30_folded_inside_a_character(), "icloud.vcf")
    assert preview.encoding == "utf-8"
    assert people(preview) == [("Raphaël", "Lévy"), ("Thành", "Nguyên"), ("Zoé", "Étienne")]
    assert preview.contacts[0].notes.startswith("Rencontrée au salon de Lyon, très intéressée")


def test_a_byte_that_is_not_utf8_costs_only_its_line_and_is_reported_on_its_card():
    preview = read_contacts(vcards.icloud_30_folded_inside_a_character(), "icloud.vcf")
    nguyen = preview.contacts[1]
    assert (nguyen.company, nguyen.job_title) == ("", "Gérant")
    assert notes(preview) == [(2, "import.warning.vcard_line_unreadable")]
    assert "ORG" in preview.warning_messages("fr")[0]


def test_a_file_cut_short_after_a_name_keeps_every_card_and_says_it_looks_cut_short():
    preview = read_contacts(vcards.truncated_after_a_name(), "contacts.vcf")
    assert people(preview) == [("Claire", "Fontaine"), ("Hugo", "Marchand"), ("Inès", "Bernard")]
    assert notes(preview) == [(3, "import.warning.vcard_cut_short")]
    assert "coupé" in preview.warning_messages("fr")[0]


def test_a_single_card_without_its_end_is_imported_not_refused_for_its_column_titles():
    preview = read_contacts(vcards.single_card_without_end(), "contact.vcf")
    assert people(preview) == [("Marc", "Olivier")]
    assert preview.contacts[0].email == "marc@example.com"


def test_an_agent_card_nested_in_a_21_card_becomes_a_contact_of_its_own_and_is_reported():
    preview = read_contacts(vcards.nested_agent_21(), "contacts.vcf")
    assert people(preview) == [("Sophie", "Garnier"), ("Julien", "Perrin"), ("Louis", "Rey")]
    # The manager's e-mail written after the assistant's card is still the manager's.
    assert preview.contacts[0].email == "sophie.garnier@example.com"
    assert preview.contacts[1].phone == "+33 1 40 00 00 01"
    assert preview.rows == (1, 2, 3)
    assert notes(preview) == [(2, "import.warning.vcard_nested")]


def test_an_agent_card_written_inline_in_a_30_card_becomes_a_contact_of_its_own():
    preview = read_contacts(vcards.nested_agent_30_inline(), "contacts.vcf")
    assert people(preview) == [("Alice", "Caron"), ("Noé", "Petit")]
    assert preview.contacts[1].email == "noe.petit@example.com"
    assert notes(preview) == [(2, "import.warning.vcard_nested")]


def test_a_display_name_around_an_email_and_a_tel_uri_give_the_address_and_the_number():
    contact = read_contacts(vcards.raw_values_40(), "contacts.vcf").contacts[0]
    assert contact.email == "omega@example.com"
    assert contact.phone == "+1-418-656-9254 ext. 102"


@pytest.mark.parametrize(
    ("maker", "contacts", "warnings"),
    [
        (vcards.android_21_bad_quoted_printable, 3, 3),
        (vcards.icloud_30_folded_inside_a_character, 3, 1),
        (vcards.truncated_after_a_name, 3, 1),
        (vcards.nested_agent_21, 3, 1),
        (vcards.raw_values_40, 1, 0),
    ],
)
def test_the_check_command_counts_every_card_kept(tmp_path, capsys, maker, contacts, warnings):
    path = tmp_path / "contacts.vcf"
    path.write_bytes(maker())
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["format"], report["contacts"], len(report["warnings"])) == (
        "vcard",
        contacts,
        warnings,
    )


def test_a_card_left_out_of_a_vcard_is_counted_as_a_card_not_as_a_row():
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dupré;Éloïse;;;\r\nFN:Éloïse Dupré\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Fromagerie Bellevaux\r\n"
        "ORG:Fromagerie Bellevaux;\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n"
    ).encode()

    preview = read_contacts(data, "contacts.vcf")

    assert len(preview.skipped) == 1
    assert preview.summary("fr") == t(
        "import.summary.cards",
        "fr",
        contacts=1,
        source=preview.format_label("fr"),
        skipped=1,
        duplicates=0,
    )
    assert "1 fiche écartée" in preview.summary("fr")
    assert "1 card left out" in preview.summary("en")

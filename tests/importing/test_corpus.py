"""The shared example files import with the counts the corpus README gives."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reseau.i18n import t
from reseau.importing import ImportRefused, read_contacts
from tests.conftest import ROOT

EXPECTED = {
    "linkedin_connections.csv": ("linkedin", 30, 1),
    "outlook_en.csv": ("outlook", 15, 0),
    "google_contacts.csv": ("google", 15, 0),
    "contacts_v3.vcf": ("vcard", 10, 1),
    "french_excel_semicolon_cp1252.csv": ("csv", 20, 1),
    "hand_made.xls": ("excel", 10, 0),
}


def read(corpus, name):
    path = next(corpus.glob(f"*/{name}"))
    return read_contacts(path.read_bytes(), name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_good_example_gives_the_expected_contacts(corpus, name):
    preview = read(corpus, name)
    fmt, contacts, skipped = EXPECTED[name]
    assert (preview.format, len(preview.contacts), len(preview.skipped)) == (fmt, contacts, skipped)


def people(preview):
    return {(c.first_name, c.last_name): c for c in preview.contacts}


def test_linkedin_header_is_found_below_the_notes_preamble(corpus):
    preview = read(corpus, "linkedin_connections.csv")
    found = people(preview)
    assert preview.header_row == 4
    assert preview.mapping["Position"] == "job_title"
    assert found[("小明", "王")].company == "Lotus Bleu Import-Export"
    assert ("José-María", "Núñez") in found and ("Océane 🌊", "Rousseau") in found
    assert found[("Raphaël", "Lévy")].company == "Ostrowski, Lévy & Associés"
    assert sum(1 for c in preview.contacts if c.email) == 6


def test_linkedin_without_its_preamble_still_imports(corpus):
    path = corpus / "good" / "linkedin_connections.csv"
    lines = path.read_bytes().split(b"\n")
    preview = read_contacts(b"\n".join(lines[3:]), "Connections.csv")
    assert (preview.header_row, len(preview.contacts)) == (1, 30)


def test_outlook_keeps_a_contact_without_email_and_reads_notes_with_quotes(corpus):
    found = people(read(corpus, "outlook_en.csv"))
    assert found[("Kévin", "Marchand")].email == ""
    assert found[("Zoë", "Ångström")].phone == "+1 202 555 0143"  # the mobile before the office
    assert '"' in found[("Raphaël", "Lévy")].notes and "\n" in found[("Raphaël", "Lévy")].notes


def test_google_keeps_the_first_of_two_addresses_in_one_cell(corpus):
    preview = read(corpus, "google_contacts.csv")
    marie = next(c for c in preview.contacts if c.first_name.startswith("Marie-Clémentine"))
    assert marie.email == "mc.dekerlouan@example.org"
    assert people(preview)[("Éloïse", "Dupré-Ménard")].email == "eloise.dupre-menard@example.com"


def test_vcard_skips_the_company_card_and_unescapes_the_note(corpus):
    preview = read(corpus, "contacts_v3.vcf")
    assert not any(c.first_name == "Fromagerie" for c in preview.contacts)
    eloise = people(preview)[("Éloïse", "Dupré-Ménard")]
    assert eloise.company == "Lumières & Cie"
    assert "« Réseau & influence », Lyon, le 12 mars" in eloise.notes
    assert "\nDeuxième ligne" in eloise.notes
    assert preview.skipped_messages("en") == [
        t("import.at_card", "en", row=11, message=t("import.skipped.company_card", "en"))
    ]


def test_french_excel_csv_is_read_as_windows_1252_with_semicolons(corpus):
    preview = read(corpus, "french_excel_semicolon_cp1252.csv")
    notes = " ".join(c.notes for c in preview.contacts)
    assert (preview.encoding, preview.separator) == ("cp1252", ";")
    assert "15 000 €" in notes and "Œnologue" in notes and "cœur" in notes
    assert any(c.last_name == "PÉRIER" for c in preview.contacts)


def test_a_numeric_phone_in_an_xls_gets_its_leading_zero_back(corpus):
    found = people(read(corpus, "hand_made.xls"))
    assert found[("Aurélien", "Périer")].phone == "0639980010"
    assert ("小明", "王") in found


def test_formulas_are_kept_as_literal_text_and_legit_values_survive(corpus):
    preview = read(corpus, "formula_injection.csv")
    names = [(c.first_name, c.last_name) for c in preview.contacts]
    paul = people(preview)[("Paul", "Girard")]
    assert len(preview.contacts) == 8
    assert ('=HYPERLINK("http://example.com","x")', "Dupont") in names
    assert ("Marc", "=1+1") in names
    assert paul.phone == "+33 6 39 98 00 57" and paul.notes == "- à rappeler (légitime)"
    assert any(c.company == "+cmd|' /C calc'!A0" for c in preview.contacts)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("empty.csv", "import.error.empty"),
        ("not_a_spreadsheet.xlsx", "import.error.not_a_spreadsheet"),
    ],
)
def test_bad_examples_are_refused_with_a_clear_message(corpus, name, key):
    with pytest.raises(ImportRefused) as refused:
        read(corpus, name)
    assert refused.value.key == key


def check(*args):
    return subprocess.run(
        [sys.executable, "-m", "reseau", "check", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_the_check_command_prints_the_json_report(corpus):
    done = check(corpus / "good" / "linkedin_connections.csv", "--json", "--lang", "en")
    report = json.loads(done.stdout)
    assert done.returncode == 0
    assert (report["format"], report["contacts"], report["skipped"]) == ("linkedin", 30, 1)
    assert report["duplicates"] == 0 and report["warnings"] == []
    assert report["mapping"]["First Name"] == "first_name" and report["mapping"]["URL"] is None


def test_the_check_command_refuses_with_exit_2_and_the_message_on_stderr(corpus):
    done = check(corpus / "bad" / "not_a_spreadsheet.xlsx", "--lang", "fr")
    assert done.returncode == 2
    assert done.stderr.strip() == t("import.error.not_a_spreadsheet", "fr")

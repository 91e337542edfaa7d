"""Files saved in the legacy code pages of Japanese, Chinese, Korean, Russian, Greek and Arabic
systems come through as names, and the preview says which encoding was read."""

from __future__ import annotations

import json

import pytest

from reseau.__main__ import main
from reseau.importing import read_contacts
from reseau.importing.preview import encoding_label
from reseau.importing.sniff import decode_text
from tests.importing.encodings import PEOPLE, encoded_csv
from tests.importing.files import FR_HEADER, csv_text
from tests.importing.files import PEOPLE as FRENCH


@pytest.mark.parametrize("encoding", sorted(PEOPLE))
def test_a_file_in_its_legacy_code_page_imports_its_names_and_companies(encoding):
    preview = read_contacts(encoded_csv(encoding), "contacts.csv")
    expected = [(last, first, company) for last, first, company, _ in PEOPLE[encoding][1:]]
    assert [(c.last_name, c.first_name, c.company) for c in preview.contacts] == expected
    assert encoding_label(preview.encoding, "fr") in preview.where("fr")


def test_the_preview_names_the_encoding_for_people_not_by_its_codec():
    preview = read_contacts(encoded_csv("shift_jis"), "contacts.csv")
    assert "encodage Shift-JIS (japonais)" in preview.where("fr")
    assert "encoding Shift-JIS (Japanese)" in preview.where("en")


def test_a_short_shift_jis_file_is_not_read_as_korean():
    data = csv_text([["名無し", "権兵衛", "gonbe@example.jp"]]).encode("shift_jis")
    decoded = decode_text(data)
    assert decoded.encoding == "cp932"
    assert decoded.text.startswith("名無し,権兵衛")  # not 뼹뼰궢,뙛빜뎢


def test_a_french_windows_1252_file_is_still_read_as_windows_1252():
    rows = [FR_HEADER, *FRENCH[:2], ["Lefèvre", "Chloé", "Œuvres & cœur", "", "", ""]]
    data = csv_text(rows, ";").encode("cp1252")
    decoded = decode_text(data)
    assert decoded.encoding == "cp1252"
    assert "Œuvres & cœur" in decoded.text and "Éloïse" in decoded.text


@pytest.mark.parametrize("encoding", ["shift_jis", "cp1251", "cp1256"])
def test_the_check_command_counts_and_names_the_encoding(tmp_path, capsys, encoding):
    path = tmp_path / "contacts.csv"
    path.write_bytes(encoded_csv(encoding))
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["contacts"], report["skipped"]) == (3, 0)
    assert report["encoding"] == decode_text(encoded_csv(encoding)).encoding

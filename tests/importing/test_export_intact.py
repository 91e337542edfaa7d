"""Values read from other programs' files come through `python -m reseau export` intact."""

from __future__ import annotations

import pytest

from reseau.__main__ import main
from reseau.importing import read_contacts
from tests.importing import encodings, sheets, vcards


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("contacts.vcf", vcards.raw_values_40()),
        ("icloud.vcf", vcards.icloud_30_folded_inside_a_character()),
        ("thunderbird.csv", sheets.thunderbird_csv()),
        ("liste.csv", sheets.without_header_csv()),
        ("crm.csv", sheets.placeholder_values_csv()),
        ("japon.csv", encodings.encoded_csv("shift_jis")),
        ("grece.csv", encodings.encoded_csv("cp1253")),
    ],
)
def test_the_export_command_writes_the_same_people_as_the_import_reads(tmp_path, name, data):
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "classeur.xlsx"
    assert main(["export", str(source), str(out)]) == 0
    imported = read_contacts(data, name).contacts
    exported = read_contacts(out.read_bytes(), "classeur.xlsx").contacts
    fields = ("first_name", "last_name", "company", "job_title", "email", "phone", "notes")
    assert [tuple(getattr(c, f) for f in fields) for c in exported] == [
        tuple(getattr(c, f) for f in fields) for c in imported
    ]

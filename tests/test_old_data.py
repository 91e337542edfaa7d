"""Workbooks written by earlier versions keep loading: committed fixtures, literal expectations.

`tests/fixtures/v1/` was written by version 1 of the format (November 2026): the store's JSON
and the Excel save file of the same workbook. Never regenerate these files: they stand for what
participants already have on disk and in the store.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction
from reseau.contact_table import field_for_header
from reseau.export.metadata import read_metadata
from reseau.importing import read_contacts
from reseau.serialization import (
    workbook_from_dict,
    workbook_from_json,
    workbook_to_dict,
    workbook_to_json,
)
from reseau.vocabulary import ActionStatus, Circle, ContactNature, Role

V1 = Path(__file__).parent / "fixtures" / "v1"


def _thomas_is_intact(contact) -> None:
    assert (contact.first_name, contact.last_name, contact.company) == (
        "Thomas",
        "Nguyen",
        "Altéa Digital",
    )
    assert (contact.circle, contact.role) == (Circle.SUPPORT, Role.FORMER_MANAGER)
    assert (contact.frequency, contact.trust, contact.added_value) == (1, 3, 4)
    assert contact.last_contact_nature is ContactNature.EMAIL
    assert contact.last_contact_date == date(2025, 6, 2)
    assert contact.action_text == "Reprendre contact autour d'un café"
    assert (contact.action_due, contact.action_status) == (date(2026, 12, 5), ActionStatus.TODO)


def test_a_version_1_stored_workbook_still_loads_whole():
    workbook = workbook_from_json((V1 / "stored_workbook.json").read_text(encoding="utf-8"))

    assert len(workbook.network) == 31
    assert workbook.network.participant == "Camille Martin"
    assert workbook.network.mission == "Déployer le nouvel outil de planification"
    assert dict(workbook.network.marks[Circle.SUPPORT]) == {"purpose": 4, "trust": 2}
    assert (workbook.settings.strength_threshold, workbook.settings.cold_after_days) == (55.0, 120)
    assert workbook.cursor == "demo04"
    _thomas_is_intact(next(c for c in workbook.network if c.id == "demo04"))


def test_a_version_1_excel_save_file_still_restores_the_workbook():
    data = (V1 / "reseau_export.xlsx").read_bytes()

    saved = read_metadata(data)
    assert saved is not None
    restored = saved.restore(read_contacts(data, "reseau_export.xlsx").contacts)

    assert len(restored.network) == 31
    assert restored.network.participant == "Camille Martin"
    assert dict(restored.network.marks[Circle.SUPPORT]) == {"purpose": 4, "trust": 2}
    assert (restored.settings.strength_threshold, restored.settings.cold_after_days) == (55.0, 120)
    _thomas_is_intact(next(c for c in restored.network if c.id == "demo04"))


V2 = Path(__file__).parent / "fixtures" / "v2"


def test_a_version_2_stored_workbook_still_loads_whole():
    # Written by version 2 of the format (November 2026), before assessments and cadences.
    workbook = workbook_from_json((V2 / "stored_workbook.json").read_text(encoding="utf-8"))

    assert len(workbook.network) == 31
    assert workbook.network.participant == "Camille Martin"
    assert dict(workbook.network.marks[Circle.SUPPORT]) == {"purpose": 4, "trust": 2}
    assert (workbook.settings.strength_threshold, workbook.settings.cold_after_days) == (55.0, 120)
    assert (workbook.cursor, workbook.workshop_code) == ("demo04", "K7QPZX")
    assert (workbook.assessments, workbook.cadences, workbook.unchanged) == ((), {}, frozenset())
    _thomas_is_intact(next(c for c in workbook.network if c.id == "demo04"))


def test_a_contact_table_with_the_earlier_trust_title_still_reads_the_levels(tmp_path):
    # Before « Intensité / confiance » became the one name of the criterion, the column said
    # « Confiance » (and "Trust" in English): the demo file and files people kept.
    from reseau.demo import DEMO_FILE, load_demo_network

    current = DEMO_FILE.read_text(encoding="utf-8")
    header, rest = current.split("\n", 1)
    for old_title in ("Confiance", "Trust"):
        titles = [old_title if field_for_header(h) == "trust" else h for h in header.split(",")]
        old_file = tmp_path / f"{old_title}.csv"
        old_file.write_text(",".join(titles) + "\n" + rest, encoding="utf-8")

        levels = [c.trust for c in load_demo_network(old_file)]

        assert levels == [c.trust for c in load_demo_network()]
        assert sum(1 for level in levels if level) >= 20


V3 = Path(__file__).parent / "fixtures" / "v3"


def test_a_version_3_stored_workbook_still_loads_with_its_assessment_and_no_links():
    # Written by version 3 of the format (November 2026), before who knows whom.
    workbook = workbook_from_json((V3 / "stored_workbook.json").read_text(encoding="utf-8"))

    assert len(workbook.network) == 31
    assert [a.day for a in workbook.assessments] == [date(2026, 11, 29)]
    assert workbook.cadences == {"demo04": 21, "demo07": 60}
    assert workbook.unchanged == frozenset({"demo07"})
    assert workbook.links.is_empty
    _thomas_is_intact(next(c for c in workbook.network if c.id == "demo04"))


def test_a_version_3_excel_save_file_still_restores_the_workbook():
    data = (V3 / "reseau_export.xlsx").read_bytes()

    saved = read_metadata(data)
    assert saved is not None
    restored = saved.restore(read_contacts(data, "reseau_export.xlsx").contacts)

    assert len(restored.network) == 31
    assert restored.network.participant == "Camille Martin"
    assert restored.cadences == {"demo04": 21, "demo07": 60}
    assert [a.day for a in restored.assessments] == [date(2026, 11, 29)]
    assert restored.links.is_empty
    _thomas_is_intact(next(c for c in restored.network if c.id == "demo04"))


def _contacts_as_stored(document: dict, fields_of: list[dict]) -> str:
    """The document's contacts as the store writes them, with only the fields (in the order)
    of `fields_of`: a field added later is left aside, what was stored is compared exactly."""
    kept = [
        {name: contact[name] for name in contact if name in original}
        for contact, original in zip(document["contacts"], fields_of, strict=True)
    ]
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":"))


def test_a_version_2_stored_workbook_keeps_its_contacts_exactly_as_written():
    document = json.loads((V2 / "stored_workbook.json").read_text(encoding="utf-8"))

    rewritten = workbook_to_dict(workbook_from_dict(document))

    assert _contacts_as_stored(rewritten, document["contacts"]) == _contacts_as_stored(
        document, document["contacts"]
    )


def test_a_version_3_stored_workbook_writes_its_contacts_back_byte_for_byte():
    # Written by version 3 of the format (November 2026), before the contact fields were
    # declared in one table (`reseau.contact_fields`): what was stored must be written back
    # to the byte.
    written = (V3 / "stored_workbook.json").read_text(encoding="utf-8")
    original = json.loads(written)

    rewritten = json.loads(workbook_to_json(workbook_from_json(written)))

    stored = _contacts_as_stored(rewritten, original["contacts"])
    assert stored in written
    assert stored == _contacts_as_stored(original, original["contacts"])


V4 = Path(__file__).parent / "fixtures" / "v4"


def test_a_version_4_stored_workbook_still_loads_with_its_links():
    # Written by version 4 of the format (November 2026), before the days actions were done.
    workbook = workbook_from_json((V4 / "stored_workbook.json").read_text(encoding="utf-8"))

    assert len(workbook.network) == 31
    assert [a.day for a in workbook.assessments] == [date(2026, 11, 29)]
    assert workbook.cadences == {"demo04": 21, "demo07": 60}
    assert workbook.links.between("demo04", "demo07") is Acquaintance.KNOW
    assert workbook.links.introduction("demo07") == Introduction(IntroducedBy.CONTACT, "demo04")
    _thomas_is_intact(next(c for c in workbook.network if c.id == "demo04"))


def test_a_version_4_excel_save_file_still_restores_the_workbook():
    data = (V4 / "reseau_export.xlsx").read_bytes()

    saved = read_metadata(data)
    assert saved is not None
    restored = saved.restore(read_contacts(data, "reseau_export.xlsx").contacts)

    assert len(restored.network) == 31
    assert restored.network.participant == "Camille Martin"
    assert restored.cadences == {"demo04": 21, "demo07": 60}
    assert [a.day for a in restored.assessments] == [date(2026, 11, 29)]
    assert restored.links.between("demo04", "demo07") is Acquaintance.KNOW
    _thomas_is_intact(next(c for c in restored.network if c.id == "demo04"))


def test_a_version_4_stored_workbook_writes_its_contacts_back_byte_for_byte():
    written = (V4 / "stored_workbook.json").read_text(encoding="utf-8")
    original = json.loads(written)

    rewritten = json.loads(workbook_to_json(workbook_from_json(written)))

    stored = _contacts_as_stored(rewritten, original["contacts"])
    assert stored in written
    assert rewritten["links"] == original["links"]
    assert rewritten["actions_done"] == {}

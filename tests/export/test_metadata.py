"""A save file whose hidden sheet was edited by hand keeps its contacts and every valid value."""

from __future__ import annotations

import json
from datetime import timedelta
from io import BytesIO
from typing import Any

from openpyxl import load_workbook

from reseau.bring_in import bring_in
from reseau.contact import Contact
from reseau.export.metadata import METADATA_SHEET, WORKBOOK_ROW, read_metadata
from reseau.export.xlsx import build_xlsx
from reseau.importing import read_contacts
from reseau.network import Network
from reseau.scoring import DEFAULT_SETTINGS, ScoringSettings, score_network
from reseau.vocabulary import Circle
from reseau.workbook import Workbook
from tests.conftest import TODAY


def edited_export(workbook: Workbook, **values: Any) -> bytes:
    """The workbook's export with values of its hidden sheet replaced (or added) by hand.

    A workbook detail (participant, marks, settings…) is edited inside the sheet's workbook
    document, as JSON if the text is JSON and as the text itself otherwise; any other name is a
    row of the sheet.
    """
    book = load_workbook(BytesIO(build_xlsx(workbook, lang="fr", today=TODAY)))
    sheet = book[METADATA_SHEET]
    where = {row[0].value: row[0].row for row in sheet.iter_rows()}
    document_cell = sheet.cell(row=where[WORKBOOK_ROW], column=2)
    document = json.loads(document_cell.value)
    for key, value in values.items():
        text = value if isinstance(value, str) else json.dumps(value)
        if key in document:
            try:
                document[key] = json.loads(text)
            except ValueError:
                document[key] = text
        elif key in where:
            sheet.cell(row=where[key], column=2).value = text
        else:
            sheet.append([key, text])
    document_cell.value = json.dumps(document)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _saved_settings() -> dict[str, Any]:
    return {
        "strength_weights": {
            "frequency": 1e308 * 10,
            "trust": "beaucoup",
            "reciprocity": 15.0,
            "recency": 20.0,
            "result": 10.0,
            "humour": 50,
        },
        "potential_weights": {"added_value": 40.0, "interest": 30.0, "power": 30.0},
        "strength_threshold": 60.0,
        "potential_threshold": 500,
        "cold_after_days": "abc",
        "colour": "red",
    }


def test_invalid_settings_are_dropped_one_by_one_and_the_valid_ones_kept(demo):
    data = edited_export(Workbook(network=demo), settings=json.dumps(_saved_settings()))

    saved = read_metadata(data)
    restored = saved.restore(read_contacts(data, "x.xlsx").contacts)

    assert len(restored.network) == len(demo)
    settings = restored.settings
    assert settings.strength_threshold == 60.0
    assert settings.strength_weights["recency"] == 20.0
    assert settings.strength_weights["trust"] == DEFAULT_SETTINGS.strength_weights["trust"]
    assert settings.strength_weights["frequency"] == DEFAULT_SETTINGS.strength_weights["frequency"]
    assert settings.potential_threshold == DEFAULT_SETTINGS.potential_threshold
    assert settings.cold_after_days == DEFAULT_SETTINGS.cold_after_days
    assert set(saved.dropped) == {
        "settings.strength_weights.frequency",
        "settings.strength_weights.trust",
        "settings.strength_weights.humour",
        "settings.potential_threshold",
        "settings.cold_after_days",
        "settings.colour",
    }
    assert score_network(restored.network, settings, TODAY)


def test_invalid_marks_an_unknown_row_and_a_bad_version_are_dropped_and_named(demo):
    marks = {"support": {"trust": 4, "reach": 9, "purpose": "x"}, "galaxy": {"trust": 3}}
    data = edited_export(
        Workbook(network=demo),
        marks=json.dumps(marks),
        format_version="abc",
        workshop_code="<script>",
        lang="klingon",
        surprise="1",
    )

    saved = read_metadata(data)
    restored = saved.restore(demo.contacts)

    assert dict(restored.network.marks[Circle.SUPPORT]) == {"trust": 4}
    assert restored.workshop_code is None
    assert set(saved.dropped) == {
        "marks.support.reach",
        "marks.support.purpose",
        "marks.galaxy",
        "format_version",
        "workshop_code",
        "lang",
        "surprise",
    }
    assert restored.lang.value == "fr"


def test_settings_that_are_not_json_are_dropped_whole_and_the_rest_restored(demo):
    network = demo.with_details(participant="Camille")
    data = edited_export(Workbook(network=network), settings="{pas du json")

    saved = read_metadata(data)

    assert saved.dropped == ("settings",)
    assert saved.restore(demo.contacts).network.participant == "Camille"
    assert saved.restore(demo.contacts).settings == ScoringSettings()


def test_an_untouched_export_drops_nothing(demo):
    saved = read_metadata(build_xlsx(Workbook(network=demo), lang="fr", today=TODAY))

    assert saved.dropped == ()


def test_the_command_line_exports_an_edited_save_file_and_names_what_it_left_out(
    demo, tmp_path, capsys
):
    from reseau.__main__ import main

    source = tmp_path / "edited.xlsx"
    source.write_bytes(
        edited_export(Workbook(network=demo), settings=json.dumps({"cold_after_days": "abc"}))
    )

    assert main(["export", str(source), str(tmp_path / "again.xlsx"), "--lang", "fr"]) == 0

    assert "settings.cold_after_days" in capsys.readouterr().err


def _twins_save_file() -> bytes:
    """A save file where Ana appears twice (ana, ana2), each row with its own follow-up."""
    people = [
        Contact(
            first_name=name,
            last_name="Dupont" if name.startswith("Ana") else name,
            company="Acme",
            circle=Circle.SUPPORT,
            id=key,
        )
        for name, key in (("Ana", "ana"), ("Ana", "ana2"), ("Bob", "bob"), ("Eve", "eve"))
    ]
    workbook = Workbook(
        network=Network(tuple(people)),
        actions_done={"ana2": TODAY - timedelta(days=3), "bob": TODAY - timedelta(days=9)},
        cadences={"ana2": 30, "bob": 60, "eve": 90},
        unchanged=frozenset({"ana2", "eve"}),
    )
    return build_xlsx(workbook, lang="fr", today=TODAY)


def test_a_duplicate_row_merged_on_restore_hands_its_done_day_rhythm_and_unchanged_mark_on():
    data = _twins_save_file()

    restored = bring_in(Workbook(), read_contacts(data, "sauvegarde.xlsx"), data).workbook

    assert restored.network.ids == ("ana", "bob", "eve")
    assert restored.actions_done == {
        "ana": TODAY - timedelta(days=3),
        "bob": TODAY - timedelta(days=9),
    }
    assert restored.cadences == {"ana": 30, "bob": 60, "eve": 90}
    assert restored.unchanged == {"ana", "eve"}


def test_a_contact_row_deleted_from_the_save_file_takes_its_follow_up_with_it():
    data = _twins_save_file()
    contacts = [c for c in read_contacts(data, "x.xlsx").contacts if c.id != "bob"]

    restored = read_metadata(data).restore(contacts)

    assert "bob" not in restored.actions_done and "bob" not in restored.cadences

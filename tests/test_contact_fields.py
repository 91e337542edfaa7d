"""The contact fields are declared once (`reseau.contact_fields`) and everything else follows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reseau.contact import CONTACT_FIELDS, Contact
from reseau.contact_fields import FIELDS
from reseau.contact_table import header
from reseau.errors import TextTooLong
from reseau.i18n import Lang, has_text
from reseau.importing.mapping import fold

PROBE = Path(__file__).with_name("extra_field_probe.py")


def test_fields_declared_once_reach_the_table_the_grids_the_store_and_the_importer():
    # The probe adds two FieldSpecs (a date, a score) and their labels, nothing else, in a
    # process of its own.
    completed = subprocess.run(
        [sys.executable, str(PROBE)], capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr

    seen = json.loads(completed.stdout)

    assert seen["table_fields"][-3:] == ["met_on", "energy", "id"]
    assert seen["headers_fr"][-3:] == ["Rencontré le", "Énergie", "Identifiant"]
    assert seen["contacts_grid"][-1] == "met_on"
    assert seen["qualify_grid"][-1] == "energy"
    assert "met_on" not in seen["qualify_grid"]
    assert seen["editor_frame"][-1] == "met_on"
    assert seen["grid_column"] == {"label": "Rencontré le", "type": "date"}
    assert seen["scored_column"] == {"label": "Énergie", "type": "number", "range": [1, 5]}
    assert seen["qualify_cell"] == ["Int64", 4]
    assert seen["stored_value"] == ["2024-03-05", 4]
    assert seen["read_back"] == ["2024-03-05", 4]
    assert seen["old_workbook_value"] == [None, None]
    assert set(seen["mapping"].values()) == {"met_on"}
    assert seen["imported"] == ["2024-03-05", 3]
    assert seen["exported_and_imported"] == ["2024-03-05", 4]
    assert seen["warnings"] == [["met_on", "un jour"], ["energy", "9"]]
    assert seen["refused"] == {"field": "energy", "value": 7, "low": 1, "high": 5}


def test_every_declared_field_is_a_field_of_contact_starting_empty():
    contact = Contact(first_name="Anne", id="anne")
    others = [spec for spec in FIELDS if spec.name not in ("first_name", "id")]

    declared = {spec.name for spec in FIELDS}

    assert declared == set(CONTACT_FIELDS)
    for spec in others:
        assert getattr(contact, spec.name) == spec.empty, spec.name


def test_every_declared_field_has_a_column_title_in_both_languages():
    for spec in FIELDS:
        for lang in Lang:
            assert has_text(spec.label_key, lang), (spec.name, lang)


def test_no_column_title_names_two_fields():
    owners: dict[str, set[str]] = {}
    for spec in FIELDS:
        titles = (spec.name, *(header(spec.name, lang) for lang in Lang), *spec.synonyms)
        for title in titles:
            owners.setdefault(fold(title), set()).add(spec.name)

    shared = {title: names for title, names in owners.items() if len(names) > 1}

    assert shared == {}


def test_a_text_field_holds_its_declared_limit_and_refuses_one_character_more():
    for spec in FIELDS:
        if spec.limit is None:
            continue
        named = {"first_name": "Anne", "last_name": "Leroy"}

        full = Contact(**{**named, spec.name: "x" * spec.limit})
        with pytest.raises(TextTooLong) as refused:
            Contact(**{**named, spec.name: "x" * (spec.limit + 1)})

        assert getattr(full, spec.name) == "x" * spec.limit
        assert refused.value.params == {"field": spec.name, "limit": spec.limit}

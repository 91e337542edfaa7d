"""Version 3 of the workbook document: assessments, cadences and « unchanged » markers."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from reseau.assessments import close_assessment, confirm_unchanged
from reseau.demo import load_demo_network
from reseau.export.metadata import read_metadata
from reseau.export.xlsx import build_xlsx
from reseau.importing import read_contacts
from reseau.serialization import (
    read_workbook,
    upgrade,
    workbook_from_json,
    workbook_to_dict,
    workbook_to_json,
)
from reseau.workbook import Workbook

CLOSED = date(2026, 11, 29)


def _followed() -> Workbook:
    workbook = close_assessment(Workbook(network=load_demo_network()), CLOSED)
    workbook = confirm_unchanged(workbook, "demo01")
    return workbook.with_changes(cadences={"demo04": 10})


def test_a_workbook_with_assessments_and_cadences_reads_back_the_same():
    workbook = _followed()

    again = workbook_from_json(workbook_to_json(workbook))

    assert again.assessments == workbook.assessments
    assert again.cadences == {"demo04": 10}
    assert again.unchanged == frozenset({"demo01"})


def test_a_version_2_document_upgrades_with_no_assessment_and_no_cadence():
    document = upgrade({"version": 2, "format": "reseau-workbook", "contacts": []})

    assert (document["assessments"], document["cadences"], document["unchanged"]) == ([], {}, [])


def test_unusable_assessments_cadences_and_markers_are_left_out_and_named():
    document = workbook_to_dict(_followed())
    document["assessments"].append({"day": "pas une date", "contacts": []})
    document["cadences"] = {"demo04": 10, "demo05": 0, "ghost": 7, "demo06": "souvent"}
    document["unchanged"] = ["demo01", "ghost", 3]

    read = read_workbook(json.loads(json.dumps(document)))

    assert len(read.workbook.assessments) == 1
    assert read.workbook.cadences == {"demo04": 10}
    assert read.workbook.unchanged == frozenset({"demo01"})
    assert "assessments[1]" in read.dropped
    assert {"cadences.demo05", "cadences.ghost", "cadences.demo06", "unchanged"} <= set(
        read.dropped
    )


def test_the_excel_save_file_carries_every_assessment_and_cadence():
    workbook = _followed()
    data = build_xlsx(workbook, lang="fr", today=CLOSED)

    saved = read_metadata(data)
    assert saved is not None
    restored = saved.restore(read_contacts(data, "reseau_export.xlsx").contacts)

    assert restored.assessments == workbook.assessments
    assert restored.cadences == {"demo04": 10}
    assert restored.unchanged == frozenset({"demo01"})


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(_JSON, _JSON, _JSON)
def test_any_saved_assessments_cadences_or_markers_load_without_failing(
    assessments, cadences, marks
):
    document = {
        "format": "reseau-workbook",
        "version": 3,
        "contacts": [],
        "assessments": assessments,
        "cadences": cadences,
        "unchanged": marks,
    }

    read = read_workbook(document)

    assert isinstance(read.workbook.assessments, tuple)
    assert all(isinstance(days, int) for days in read.workbook.cadences.values())


def test_an_assessment_with_a_wrong_contact_inside_is_left_out_and_named():
    document = workbook_to_dict(_followed())
    document["assessments"][0]["contacts"][0]["circle"] = "galaxie"

    read = read_workbook(document)

    assert read.workbook.assessments == ()
    assert "assessments[0]" in read.dropped

"""The app's own files come back whole: the Excel export and the demo CSV (format "reseau")."""

from __future__ import annotations

import dataclasses

import pytest

from reseau.contact import CONTACT_FIELDS
from reseau.demo import DEMO_FILE
from reseau.importing import merge_contacts, read_contacts
from reseau.network import Network
from reseau.workbook import Workbook
from tests.conftest import TODAY


def fields(contact):
    return {name: getattr(contact, name) for name in CONTACT_FIELDS}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_excel_export_imports_back_with_every_field_and_id(demo, lang):
    from reseau.export.xlsx import build_xlsx

    data = build_xlsx(Workbook(network=demo), lang=lang, today=TODAY)
    preview = read_contacts(data, "reseau.xlsx")
    assert preview.format == "reseau"
    assert "_reseau" not in preview.sheets
    assert (preview.warnings, preview.skipped, preview.duplicates) == ((), (), ())
    assert [fields(c) for c in preview.contacts] == [fields(c) for c in demo.contacts]


def test_score_columns_of_the_export_are_left_out_of_the_mapping(demo):
    from reseau.export.xlsx import build_xlsx

    preview = read_contacts(build_xlsx(Workbook(network=demo), lang="fr", today=TODAY), "x.xlsx")
    assert preview.mapping["Force /100"] is None  # the score columns, headed « /100 »
    assert preview.mapping["Identifiant"] == "id"


def test_the_demo_csv_is_recognised_as_the_apps_own_layout(demo):
    preview = read_contacts(DEMO_FILE.read_bytes(), DEMO_FILE.name)
    assert preview.format == "reseau"
    assert [fields(c) for c in preview.contacts] == [fields(c) for c in demo.contacts]


def test_re_importing_the_export_into_the_same_workbook_adds_nobody(demo):
    from reseau.export.xlsx import build_xlsx

    preview = read_contacts(build_xlsx(Workbook(network=demo), lang="fr", today=TODAY), "x.xlsx")
    result = merge_contacts(demo, preview.contacts)
    assert (len(result.added), len(result.merged)) == (0, 31)
    assert result.network.contacts == demo.contacts


def test_imported_ids_that_collide_with_other_people_are_renewed(demo):
    stranger = dataclasses.replace(demo.contacts[0], first_name="Autre", last_name="Personne")
    result = merge_contacts(Network(contacts=(stranger,)), demo.contacts[:1])
    assert len(result.added) == 1
    assert result.added[0].id != stranger.id
    assert result.added[0].first_name == demo.contacts[0].first_name

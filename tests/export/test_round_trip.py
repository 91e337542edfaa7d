"""Importing the exported file restores the same workbook: every field of every contact."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from reseau.contact import Contact
from reseau.export.metadata import read_metadata
from reseau.export.xlsx import build_xlsx
from reseau.importing import read_contacts
from reseau.network import Network
from reseau.scoring import ScoringSettings
from reseau.serialization import contact_to_dict
from reseau.vocabulary import (
    ActionStatus,
    Circle,
    ContactNature,
    ContactResult,
    Reciprocity,
    Role,
    ValueKind,
)
from reseau.workbook import Workbook
from tests.conftest import TODAY


def _by_id(contacts) -> dict[str, dict]:
    return {contact.id: contact_to_dict(contact) for contact in contacts}


def _tricky() -> tuple[Contact, ...]:
    return (
        Contact(
            first_name="王",
            last_name="小明",
            company="Ostrowski, Lévy & Associés",
            job_title="Chargée de mission",
            email="wang@example.com",
            phone="0612345678",
            notes="ligne 1\nligne 2\rligne 3\tcolonne _x0041_ 🌊",
            circle=Circle.SUPPORT,
            role=Role.OTHER,
            role_other="Coach « interne »",
            frequency=5,
            last_contact_nature=ContactNature.MEAL,
            last_contact_date=date(2026, 2, 29 - 1),
            last_contact_result=ContactResult.NO_FOLLOW_UP,
            last_contact_note="=1+1",
            trust=1,
            reciprocity=Reciprocity.I_RECEIVE,
            value_kinds=frozenset(ValueKind),
            added_value=5,
            interest=1,
            power=3,
            action_text="+33 : appeler",
            action_due=date(2027, 1, 2),
            action_status=ActionStatus.DONE,
        ),
        Contact(last_name="Seul"),
        Contact(
            first_name="Inès", circle=Circle.OPERATIONAL, action_status=ActionStatus.IN_PROGRESS
        ),
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_demo_comes_back_field_for_field(demo, lang):
    data = build_xlsx(Workbook(network=demo), lang=lang, today=TODAY)

    preview = read_contacts(data, "reseau.xlsx")

    assert _by_id(preview.contacts) == _by_id(demo)
    assert [c.id for c in preview.contacts] == list(demo.ids)


def test_tricky_values_come_back_exactly():
    network = Network(contacts=_tricky())
    data = build_xlsx(Workbook(network=network), lang="fr", today=TODAY)

    preview = read_contacts(data, "reseau.xlsx")

    assert _by_id(preview.contacts) == _by_id(network)


def test_participant_mission_marks_and_settings_come_back_from_the_hidden_sheet(demo):
    settings = ScoringSettings(strength_threshold=60.0, cold_after_days=200)
    network = demo.with_details(participant="=Marie", mission="Déployer l'outil").with_marks(
        Circle.SUPPORT, {"purpose": 4, "trust": 2}
    )
    workbook = Workbook(network=network, settings=settings)
    data = build_xlsx(workbook, lang="en", today=TODAY)

    saved = read_metadata(data)
    restored = saved.restore(read_contacts(data, "x.xlsx").contacts)

    assert restored.network.participant == "=Marie"
    assert restored.network.mission == "Déployer l'outil"
    assert dict(restored.network.marks[Circle.SUPPORT]) == {"purpose": 4, "trust": 2}
    assert restored.settings == settings
    assert restored.lang.value == "en"
    assert _by_id(restored.network) == _by_id(network)


def test_a_file_that_is_not_an_export_has_no_saved_details(corpus):
    assert read_metadata((corpus / "good" / "google_contacts.csv").read_bytes()) is None


@pytest.mark.parametrize(
    ("lang", "title"), [("fr", "Intensité / confiance"), ("en", "Intensity / trust")]
)
def test_the_contacts_sheet_names_the_criterion_as_every_screen_does(demo, lang, title):
    data = build_xlsx(Workbook(network=demo), lang=lang, today=TODAY)

    headers = [cell.value for cell in load_workbook(BytesIO(data))["Contacts"][1]]

    assert title in headers
    assert "Confiance" not in headers and "Trust" not in headers


@pytest.mark.parametrize("old_title", ["Confiance", "Trust"])
def test_a_file_with_the_earlier_column_title_still_restores_its_trust_levels(old_title):
    network = Network(
        contacts=tuple(Contact(last_name=f"N{level}", trust=level) for level in range(1, 6))
    )
    book = load_workbook(BytesIO(build_xlsx(Workbook(network=network), lang="fr", today=TODAY)))
    for cell in book["Contacts"][1]:
        if cell.value == "Intensité / confiance":
            cell.value = old_title
    old_file = BytesIO()
    book.save(old_file)

    restored = read_contacts(old_file.getvalue(), "reseau_export.xlsx")

    assert [c.trust for c in restored.contacts] == [1, 2, 3, 4, 5]

"""Control characters never get into the domain, so no export, screen or log carries them."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from reseau.contact import Contact
from reseau.export.room import room_excel
from reseau.export.xlsx import build_xlsx
from reseau.i18n import Lang
from reseau.network import Network
from reseau.room import summarise_room
from reseau.storage import open_store
from reseau.text import clean_text, has_control_characters
from reseau.workbook import Workbook
from reseau.workshop import Member, Workshop, clean_first_name
from tests.conftest import TODAY

NOW = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
HOSTILE = "Jean\x00\x07\x1b[31m\x0b\x0c\x7f Dupont"


def test_nul_bel_esc_and_their_kin_are_removed_and_the_visible_text_stays():
    assert clean_text(HOSTILE) == "Jean[31m Dupont"


def test_tab_line_feed_and_carriage_return_are_kept_for_the_fields_that_hold_lines():
    assert clean_text("un\tdeux\r\ntrois\n") == "un\tdeux\r\ntrois\n"


@given(st.text())
def test_cleaned_text_never_holds_a_character_an_xlsx_file_refuses(text):
    assert not has_control_characters(clean_text(text))


def test_a_contact_built_with_control_characters_keeps_only_the_visible_text():
    contact = Contact(
        first_name="Jean\x00",
        last_name="Du\x1bpont",
        company="\x07Acme",
        notes="ligne 1\nligne\x002",
        action_text="Appeler\x08",
        role_other="x\x1f",
    )

    assert (contact.first_name, contact.last_name, contact.company) == ("Jean", "Dupont", "Acme")
    assert contact.notes == "ligne 1\nligne2"
    assert (contact.action_text, contact.role_other) == ("Appeler", "x")


def test_a_name_made_only_of_control_characters_is_no_name():
    contact = Contact(first_name="\x00\x07", last_name="Ana")

    assert contact.display_name == "Ana"


def test_the_participant_and_the_mission_lose_their_control_characters():
    network = Network(participant="Alex\x1b", mission="Piloter\x00 le projet")

    assert (network.participant, network.mission) == ("Alex", "Piloter le projet")
    assert network.with_details(participant="\x07Lou").participant == "Lou"


def test_the_first_name_shown_to_the_trainer_loses_its_control_characters():
    assert clean_first_name("Ca\x00mi\x1blle") == "Camille"


def test_a_workshop_name_loses_its_control_characters():
    workshop = open_store().create_workshop("Atelier\x00 de\x07 Lyon")

    assert workshop.name == "Atelier de Lyon"


def test_the_excel_export_of_a_workbook_typed_with_control_characters_is_written():
    network = Network(
        contacts=(Contact(first_name="Jean\x00", last_name="\x1bDupont", notes="a\x07b"),),
        participant="Alex\x1b",
        mission="M\x00",
    )

    book = load_workbook(BytesIO(build_xlsx(Workbook(network=network), lang="fr", today=TODAY)))

    values = [str(c.value) for s in book for row in s.iter_rows() for c in row if c.value]
    assert any("Dupont" in v for v in values)
    assert not any(has_control_characters(v) for v in values)


def test_the_room_export_is_written_even_for_names_stored_before_they_were_cleaned(demo):
    workshop = Workshop(code="K7M2QX", name="Atelier\x00 Lyon", created_at=NOW)
    member = Member(
        seat=1,
        first_name="Ca\x1bmille",
        workbook=Workbook(network=demo),
        joined_at=NOW,
        updated_at=NOW,
    )

    data = room_excel(summarise_room(workshop, [member], TODAY), Lang.FR, NOW)

    values = [str(c.value) for s in load_workbook(BytesIO(data)) for r in s.iter_rows() for c in r]
    assert "Atelier Lyon" in values
    assert "Camille" in values

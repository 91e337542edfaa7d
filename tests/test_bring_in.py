"""Bringing a file into a workbook, without Streamlit: merge, or restore a save file."""

from __future__ import annotations

from reseau.bring_in import bring_in
from reseau.contact import Contact
from reseau.export.xlsx import build_xlsx
from reseau.i18n import Lang
from reseau.importing import read_contacts
from reseau.network import Network
from reseau.vocabulary import Circle
from reseau.workbook import Workbook
from tests.conftest import TODAY


def _save_file(demo) -> bytes:
    network = demo.with_details(participant="Camille", mission="Déployer l'outil")
    network = network.with_marks(Circle.SUPPORT, {"trust": 4})
    return build_xlsx(Workbook(network=network), lang="en", today=TODAY)


def test_a_save_file_brought_into_an_empty_workbook_restores_it_whole(demo):
    data = _save_file(demo)
    preview = read_contacts(data, "save.xlsx")

    brought = bring_in(Workbook(lang=Lang.FR), preview, data)

    assert brought.restored
    assert brought.workbook.network.participant == "Camille"
    assert dict(brought.workbook.network.marks[Circle.SUPPORT]) == {"trust": 4}
    assert len(brought.workbook.network) == len(demo)
    assert brought.workbook.lang is Lang.FR  # the workbook keeps its own language


def test_a_save_file_brought_into_a_workbook_with_contacts_only_merges_them(demo):
    data = _save_file(demo)
    preview = read_contacts(data, "save.xlsx")
    mine = Workbook(network=Network(contacts=(Contact(first_name="Zoé", last_name="Martin"),)))

    brought = bring_in(mine, preview, data)

    assert not brought.restored
    assert brought.workbook.network.participant == ""
    assert len(brought.workbook.network) == len(demo) + 1
    assert len(brought.merge.added) == len(demo)


def test_a_file_that_merges_with_contacts_already_there_keeps_what_was_entered(demo):
    data = (
        "Prénom;Nom;E-mail;Téléphone\nClaire;Fontaine;claire.fontaine@example.com;01 02 03 04 05\n"
    ).encode()
    preview = read_contacts(data, "contacts.csv")

    brought = bring_in(Workbook(network=demo), preview, data)

    assert len(brought.workbook.network) == len(demo)
    [(_, kept)] = brought.merge.merged
    assert (kept.company, kept.phone) == ("Groupe Altéa", "+33 6 10 20 30 40")

"""Duplicates are merged only when something beyond the name confirms it is the same person."""

from __future__ import annotations

from reseau.contact import Contact
from reseau.importing import merge_contacts, read_contacts
from reseau.importing.duplicates import merge_within_file, same_person
from reseau.network import Network
from reseau.vocabulary import Circle
from tests.importing import files


def test_names_match_ignoring_accents_case_spaces_and_punctuation_when_the_email_confirms():
    a = Contact("Éloïse", "Dupré-Ménard", email="eloise@example.com")
    b = Contact("eloise ", "DUPRE MENARD", email="Eloise@Example.com")
    assert same_person(a, b)


def test_two_people_with_the_same_name_at_different_companies_are_not_merged():
    a = Contact("Marie", "Martin", company="ACME", email="m.martin@acme.example")
    b = Contact("Marie", "Martin", company="Zéphyr", email="marie@zephyr.example")
    assert not same_person(a, b)


def test_the_same_name_with_nothing_to_confirm_it_is_not_merged():
    assert not same_person(Contact("Paul", "Roux"), Contact("Paul", "Roux"))


def test_names_in_non_latin_scripts_are_compared_not_erased():
    a = Contact("小明", "王", company="Lotus")
    b = Contact("华", "李", company="Lotus")
    assert not same_person(a, b)


def test_rows_of_one_file_merge_and_the_later_row_fills_the_gaps():
    rows = [
        ["Prénom", "Nom", "Entreprise", "Téléphone", "Cercle"],
        ["Anne", "Martin", "Zéphyr Labs", "", "Soutien"],
        ["Paul", "Roux", "ACME", "", ""],
        ["ANNE", "martin", "zephyr labs", "06 12 34 56 78", "Information"],
    ]
    preview = read_contacts(files.csv_text(rows).encode(), "x.csv")
    anne = preview.contacts[0]
    assert len(preview.contacts) == 2
    assert (anne.phone, anne.circle) == ("06 12 34 56 78", Circle.SUPPORT)
    assert preview.duplicate_messages("en") == [
        "Row 4: ANNE martin already appears on row 2: the two rows are merged"
    ]


def test_merging_into_the_workbook_keeps_what_was_entered_and_fills_the_rest():
    mine = Contact("Anne", "Martin", company="Zéphyr Labs", circle=Circle.SUPPORT, trust=4)
    network = Network(contacts=(mine,))
    imported = (
        Contact("anne", "MARTIN", company="Zéphyr Labs", email="anne@example.com", trust=1),
        Contact("Paul", "Roux"),
    )
    result = merge_contacts(network, imported)
    kept = result.network.get(mine.id)
    assert (kept.email, kept.trust, kept.circle) == ("anne@example.com", 4, Circle.SUPPORT)
    assert [c.display_name for c in result.added] == ["Paul Roux"]
    assert [(a.display_name, b.id) for a, b in result.merged] == [("anne MARTIN", mine.id)]
    assert network.contacts == (mine,)  # the original network is unchanged


def test_an_identifier_repeated_in_a_file_is_renewed():
    a = Contact("Anne", "Martin", id="same")
    b = Contact("Paul", "Roux", id="same")
    within = merge_within_file([a, b], [2, 3])
    assert len({c.id for c in within.contacts}) == 2

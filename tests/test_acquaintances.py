"""Who knows whom: answered pairs, « connaît aussi… » answers, introductions, saved and read."""

from __future__ import annotations

import pytest

from reseau.acquaintances import (
    Acquaintance,
    IntroducedBy,
    Introduction,
    WhoKnowsWhom,
    checked_links,
    links_to_dict,
)
from reseau.demo import load_demo_network
from reseau.serialization import read_workbook, workbook_from_json, workbook_to_json
from reseau.workbook import Workbook


def test_a_pair_is_the_same_whichever_contact_is_named_first():
    links = WhoKnowsWhom().with_pair("b", "a", Acquaintance.KNOW)

    assert links.between("a", "b") is Acquaintance.KNOW
    assert links.between("b", "a") is Acquaintance.KNOW


def test_an_unanswered_pair_is_unknown_not_strangers():
    links = WhoKnowsWhom().with_pair("a", "b", Acquaintance.STRANGERS)

    assert links.between("a", "c") is None
    assert links.between("a", "b") is Acquaintance.STRANGERS
    assert links.with_pair("a", "b", None).between("a", "b") is None


def test_leaving_a_name_out_of_knows_also_makes_the_pair_unknown_again():
    links = (
        WhoKnowsWhom().with_known_by("a", ["b", "c"]).with_pair("a", "d", Acquaintance.STRANGERS)
    )

    links = links.with_known_by("a", ["c"])

    assert links.known_by("a") == {"c"}
    assert links.between("a", "b") is None
    assert links.between("a", "d") is Acquaintance.STRANGERS  # a « no » answer is kept


def test_a_contact_cannot_be_paired_with_themself():
    with pytest.raises(ValueError):
        WhoKnowsWhom().with_pair("a", "a", Acquaintance.KNOW)


def test_only_an_introduction_by_a_contact_names_one():
    with pytest.raises(ValueError):
        Introduction(IntroducedBy.EVENT, "a")


def test_removing_a_contact_removes_their_pairs_and_keeps_whom_they_introduced_as_by_a_contact():
    links = (
        WhoKnowsWhom()
        .with_pair("a", "b", Acquaintance.KNOW)
        .with_introduction("b", Introduction(IntroducedBy.CONTACT, "a"))
    )

    kept = links.restricted_to(["b", "c"])

    assert kept.pairs == {}
    assert kept.introduction("b") == Introduction(IntroducedBy.CONTACT)


def test_links_survive_a_round_trip_through_the_stored_workbook():
    workbook = Workbook(network=load_demo_network())
    ids = [c.id for c in workbook.network][:4]
    links = (
        WhoKnowsWhom()
        .with_known_by(ids[0], ids[1:3])
        .with_pair(ids[2], ids[3], Acquaintance.STRANGERS)
        .with_introduction(ids[1], Introduction(IntroducedBy.CONTACT, ids[0]))
        .with_introduction(ids[2], Introduction(IntroducedBy.SELF))
    )

    restored = workbook_from_json(workbook_to_json(workbook.with_changes(links=links)))

    assert restored.links == links


def test_a_link_to_a_contact_not_in_the_workbook_is_left_out_and_named():
    document = {
        "pairs": [["a", "b", "know"], ["a", "zz", "know"], ["a", "c", "maybe"], "junk"],
        "introductions": {"b": {"by": "contact", "contact": "zz"}, "c": {"by": "party"}},
    }
    dropped: list[str] = []

    links = checked_links(document, {"a", "b", "c"}, dropped)

    assert links.pairs == {("a", "b"): Acquaintance.KNOW}
    assert links.introductions == {"b": Introduction(IntroducedBy.CONTACT)}
    assert dropped == [
        "links.pairs[1]",
        "links.pairs[2]",
        "links.pairs[3]",
        "links.introductions.c",
    ]


def test_links_are_written_in_a_stable_order():
    links = WhoKnowsWhom().with_pair("c", "d", Acquaintance.KNOW).with_pair("b", "a", "strangers")

    assert links_to_dict(links)["pairs"] == [["a", "b", "strangers"], ["c", "d", "know"]]


def test_a_version_3_document_reads_with_no_links():
    document = {"version": 3, "contacts": [], "assessments": [], "cadences": {}, "unchanged": []}

    read = read_workbook(document)

    assert read.workbook.links.is_empty
    assert read.dropped == ()

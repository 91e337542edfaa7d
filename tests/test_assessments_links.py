"""Who knows whom in assessments: frozen with the snapshot, read back, compared, forgotten."""

from __future__ import annotations

from datetime import date, timedelta

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction, WhoKnowsWhom
from reseau.assessments import (
    assessment_from_dict,
    assessment_to_dict,
    close_assessment,
    compare,
    forget_removed,
    sentences,
)
from reseau.demo import load_demo_network
from reseau.workbook import Workbook

CLOSED = date(2026, 11, 29)
LATER = CLOSED + timedelta(days=91)
KNOW, STRANGERS = Acquaintance.KNOW, Acquaintance.STRANGERS


def _linked() -> Workbook:
    network = load_demo_network()
    a, b, c, d = network.ids[:4]
    links = (
        WhoKnowsWhom()
        .with_pair(a, b, KNOW)
        .with_pair(a, c, STRANGERS)
        .with_pair(b, d, STRANGERS)
        .with_pair(c, d, STRANGERS)
        .with_introduction(a, Introduction(IntroducedBy.CONTACT, b))
    )
    return Workbook(network=network, links=links)


def test_closing_an_assessment_freezes_who_knows_whom():
    workbook = _linked()

    closed = close_assessment(workbook, CLOSED)
    later = closed.with_changes(links=closed.links.with_pair(*closed.network.ids[:2], None))

    assert closed.assessments[0].links == workbook.links
    assert later.assessments[0].links == workbook.links, "the snapshot does not follow edits"


def test_an_assessment_with_links_reads_back_from_its_document_unchanged():
    assessment = close_assessment(_linked(), CLOSED).assessments[0]

    assert assessment_from_dict(assessment_to_dict(assessment)) == assessment


def test_an_assessment_saved_before_links_existed_loads_with_none():
    document = assessment_to_dict(
        close_assessment(Workbook(load_demo_network()), CLOSED).assessments[0]
    )

    assert "links" not in document, "an assessment without links is written as before"
    assert assessment_from_dict(document).links.is_empty


def test_a_link_to_someone_outside_the_snapshot_is_left_out_and_the_rest_kept():
    document = assessment_to_dict(close_assessment(_linked(), CLOSED).assessments[0])
    document["links"]["pairs"].append(["demo01", "stranger", "know"])

    read = assessment_from_dict(document)

    assert len(read.links.pairs) == 4


def test_the_comparison_tells_how_the_density_of_links_moved():
    first = close_assessment(_linked(), CLOSED)
    a, _, c, d = first.network.ids[:4]
    second = close_assessment(
        first.with_changes(links=first.links.with_pair(a, c, KNOW).with_pair(c, d, KNOW)), LATER
    )

    comparison = compare(*second.assessments)

    assert comparison.density == ((1, 4), (3, 4))
    text = sentences(comparison, "fr")
    assert "Densité des liens entre vos contacts : 25 % → 75 % (sur 4 paires renseignées)." in text
    assert "Density of the links among your contacts: 25% → 75% (on 4 answered pairs)." in (
        sentences(comparison, "en")
    )


def test_no_density_sentence_when_links_did_not_change_or_were_never_answered():
    first = close_assessment(Workbook(load_demo_network()), CLOSED)
    second = close_assessment(first, LATER)

    comparison = compare(*second.assessments)

    assert not comparison.density_changed
    assert not any("Densité" in line for line in sentences(comparison, "fr"))


def test_a_contact_removed_leaves_no_link_today_or_in_past_assessments():
    closed = close_assessment(_linked(), CLOSED)
    removed = closed.network.ids[0]

    forgotten = forget_removed(closed.with_changes(network=closed.network.remove(removed)))

    for links in (forgotten.links, forgotten.assessments[0].links):
        assert all(removed not in pair for pair in links.pairs)
        assert removed not in links.introductions
    assert forgotten.links.introductions == {}


def test_an_assessments_links_come_back_from_the_excel_save_file():
    from reseau.export.metadata import read_metadata
    from reseau.export.xlsx import build_xlsx
    from reseau.importing import read_contacts

    closed = close_assessment(_linked(), CLOSED)
    data = build_xlsx(closed, lang="fr", today=CLOSED)

    restored = read_metadata(data).restore(read_contacts(data, "x.xlsx").contacts)

    assert restored.assessments[0].links == closed.assessments[0].links
    assert not restored.assessments[0].links.is_empty

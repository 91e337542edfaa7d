"""The Synthèse sheet's « forme du réseau » block, and links kept through the Excel save file."""

from __future__ import annotations

import io
from itertools import combinations

import openpyxl

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction, WhoKnowsWhom
from reseau.contact import Contact
from reseau.export.metadata import read_metadata
from reseau.export.xlsx import build_xlsx
from reseau.importing import read_contacts
from reseau.network import Network
from reseau.vocabulary import Circle
from reseau.workbook import Workbook
from tests.conftest import TODAY


def _texts(data: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Synthèse"] if "Synthèse" in book.sheetnames else book["Summary"]
    return [str(c.value) for row in sheet.iter_rows(max_col=6) for c in row if c.value]


def _linked(demo: Network) -> WhoKnowsWhom:
    support = [c.id for c in demo if c.circle is Circle.SUPPORT][:5]
    links = WhoKnowsWhom()
    for a, b in combinations(support, 2):
        links = links.with_pair(a, b, Acquaintance.KNOW)
    other = next(c.id for c in demo if c.circle is Circle.INFORMATION)
    links = links.with_pair(support[0], other, Acquaintance.STRANGERS)
    for index, contact in enumerate(list(demo)[:6]):
        by = IntroducedBy.SELF if index < 4 else IntroducedBy.EVENT
        links = links.with_introduction(contact.id, Introduction(by))
    introducer = next(c.id for c in list(demo)[6:] if c.id != support[0])
    return links.with_introduction(support[0], Introduction(IntroducedBy.CONTACT, introducer))


def test_the_summary_shows_the_shape_figures_and_what_they_rest_on(demo):
    links = _linked(demo)
    data = build_xlsx(Workbook(network=demo, links=links), lang="fr", today=TODAY)

    texts = _texts(data)

    assert "Forme du réseau : qui connaît qui" in texts
    assert "11 sur 15 paires possibles entre 6 contacts" in texts
    assert "91 % (10 paires qui se connaissent sur 11 renseignées)" in texts
    assert "Taille effective" in texts
    # 6 contacts, 10 ties: 6 − 2 × 10 / 6 = 2,7; efficiency 2,67 / 6 = 44 %.
    assert "2,7 pour 6 contacts (efficacité 44 %)" in texts
    self_introduced = texts[texts.index("Rencontrés par vous-même") + 1]
    selves = sum(i.by is IntroducedBy.SELF for i in links.introductions.values())
    assert (selves, len(links.introductions)) == (3, 6)
    assert self_introduced == ("50 % (3 sur 6 présentations renseignées ; alerte au-delà de 65 %)")


def test_the_shape_findings_come_with_their_formula_in_the_diagnosis(demo):
    data = build_xlsx(Workbook(network=demo, links=_linked(demo)), lang="fr", today=TODAY)
    book = openpyxl.load_workbook(io.BytesIO(data), rich_text=True)
    sheet = book["Synthèse"]

    texts = " ".join(str(c.value) for row in sheet.iter_rows(max_col=1) for c in row if c.value)

    assert "se connaissent tous : ils vous apportent les mêmes nouvelles" in texts
    assert "Calcul : Densité du Réseau de soutien = paires qui se connaissent" in texts


def test_without_links_the_summary_has_no_shape_block(demo):
    data = build_xlsx(Workbook(network=demo), lang="fr", today=TODAY)

    texts = _texts(data)

    assert "Forme du réseau : qui connaît qui" not in texts
    assert not any("Taille effective" in text for text in texts)


def test_names_that_look_like_formulas_stay_text_in_the_shape_block():
    contacts = tuple(
        Contact(first_name=name, circle=Circle.SUPPORT, id=f"c{i}")
        for i, name in enumerate(["=HYPERLINK(1)", "+Bob", "Chloé", "Dan"])
    )
    links = WhoKnowsWhom()
    for a, b in (("c0", "c1"), ("c0", "c2"), ("c1", "c3")):
        links = links.with_pair(a, b, Acquaintance.KNOW)
    links = links.with_pair("c2", "c3", Acquaintance.STRANGERS).with_pair(
        "c1", "c2", Acquaintance.STRANGERS
    )
    data = build_xlsx(Workbook(network=Network(contacts), links=links), lang="en", today=TODAY)
    book = openpyxl.load_workbook(io.BytesIO(data))

    cells = [c for row in book["Summary"].iter_rows(max_col=6) for c in row if c.value]

    bridges = next(c for c in cells if c.value == "Contacts who link groups")
    value = book["Summary"].cell(row=bridges.row, column=3)
    assert value.data_type == "s"
    assert "=HYPERLINK(1)" in value.value and "+Bob" in value.value
    assert not any(c.data_type == "f" for c in cells)


def test_links_come_back_from_the_excel_save_file(demo):
    links = _linked(demo)
    data = build_xlsx(Workbook(network=demo, links=links), lang="fr", today=TODAY)

    restored = read_metadata(data).restore(read_contacts(data, "x.xlsx").contacts)

    assert restored.links == links

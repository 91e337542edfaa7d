"""Links follow the contacts: removed, merged as duplicates, restored, or edited in two tabs."""

from __future__ import annotations

from reseau.acquaintances import (
    Acquaintance,
    IntroducedBy,
    Introduction,
    WhoKnowsWhom,
    relinked,
)
from reseau.bring_in import bring_in
from reseau.contact import Contact
from reseau.export.metadata import read_metadata
from reseau.export.xlsx import build_xlsx
from reseau.importing import read_contacts
from reseau.network import Network
from reseau.storage.merge import merge_workbooks
from reseau.storage.store import WorkbookStore
from reseau.ui.state import Workspace
from reseau.vocabulary import Circle, Role
from reseau.workbook import Workbook
from tests.conftest import TODAY

KNOW, STRANGERS = Acquaintance.KNOW, Acquaintance.STRANGERS


def _people(*names: str) -> Network:
    return Network(
        tuple(
            Contact(first_name=n, circle=Circle.SUPPORT, role=Role.FORMER_COLLEAGUE, id=n.lower())
            for n in names
        )
    )


def _links() -> WhoKnowsWhom:
    return (
        WhoKnowsWhom()
        .with_pair("ana", "bob", KNOW)
        .with_pair("bob", "cleo", STRANGERS)
        .with_pair("ana", "cleo", KNOW)
        .with_introduction("cleo", Introduction(IntroducedBy.CONTACT, "ana"))
        .with_introduction("bob", Introduction(IntroducedBy.SELF))
    )


def _workspace(store: WorkbookStore) -> Workspace:
    ws = Workspace({}, store)
    ws.commit(Workbook(network=_people("Ana", "Bob", "Cleo"), links=_links()))
    return ws


def test_deleting_a_contact_takes_their_links_and_keeps_the_rest(memory_store):
    ws = _workspace(memory_store)

    ws.remove_contacts(["ana"])

    assert ws.workbook.links.pairs == {("bob", "cleo"): STRANGERS}
    # Cleo was introduced by a contact who left: still « by a contact », the name gone.
    assert ws.workbook.links.introduction("cleo") == Introduction(IntroducedBy.CONTACT)


def test_a_contact_deleted_in_a_grid_takes_their_links(memory_store):
    ws = _workspace(memory_store)

    ws.set_network(ws.network.remove("bob"))

    assert ws.workbook.links.pairs == {("ana", "cleo"): KNOW}
    assert "bob" not in ws.workbook.links.introductions


def test_replacing_the_network_forgets_every_link(memory_store):
    ws = _workspace(memory_store)

    ws.set_network(_people("Dan"))

    assert ws.workbook.links.is_empty


def test_a_merged_duplicate_hands_its_links_to_the_contact_it_joined():
    links = (
        WhoKnowsWhom()
        .with_pair("ana2", "bob", KNOW)
        .with_pair("ana", "bob", STRANGERS)
        .with_pair("ana", "ana2", KNOW)
        .with_pair("ana2", "cleo", STRANGERS)
        .with_introduction("ana2", Introduction(IntroducedBy.EVENT))
        .with_introduction("dan", Introduction(IntroducedBy.CONTACT, "ana2"))
    )

    moved = relinked(links, {"ana2": "ana"})

    assert moved.pairs == {("ana", "bob"): KNOW, ("ana", "cleo"): STRANGERS}
    assert moved.introduction("ana") == Introduction(IntroducedBy.EVENT)
    assert moved.introduction("dan") == Introduction(IntroducedBy.CONTACT, "ana")


def test_a_save_file_with_duplicate_rows_restores_their_links_on_the_one_kept(tmp_path):
    twin = Contact(first_name="Ana", last_name="Dupont", company="Acme", id="ana2")
    network = _people("Ana", "Bob", "Cleo", "Eve")
    network = network.replace(network.get("ana").with_changes(last_name="Dupont", company="Acme"))
    network = network.add(twin)
    links = _links().with_pair("ana2", "bob", STRANGERS).with_pair("ana2", "eve", KNOW)
    links = links.with_pair("ana2", "cleo", STRANGERS)
    data = build_xlsx(Workbook(network=network, links=links), lang="fr", today=TODAY)

    preview = read_contacts(data, "sauvegarde.xlsx")
    brought = bring_in(Workbook(), preview, data)

    restored = brought.workbook
    assert restored.network.ids == ("ana", "bob", "cleo", "eve")
    assert restored.links.between("ana", "eve") is KNOW  # the twin's answer, handed on
    # Ana's own answers stay; her twin's « ne se connaissent pas » does not undo a « know ».
    assert restored.links.between("ana", "bob") is KNOW
    assert restored.links.between("ana", "cleo") is KNOW
    assert all("ana2" not in pair for pair in restored.links.pairs)


def test_a_contact_row_deleted_from_the_save_file_takes_its_links():
    workbook = Workbook(network=_people("Ana", "Bob", "Cleo"), links=_links())
    data = build_xlsx(workbook, lang="fr", today=TODAY)

    saved = read_metadata(data)
    restored = saved.restore([c for c in workbook.network if c.id != "cleo"])

    assert restored.links.pairs == {("ana", "bob"): KNOW}
    assert set(restored.links.introductions) == {"bob"}


def test_two_tabs_answering_different_pairs_keep_both_answers():
    base = Workbook(network=_people("Ana", "Bob", "Cleo", "Dan"), links=_links())
    mine = base.with_changes(links=base.links.with_pair("ana", "dan", KNOW))
    theirs = base.with_changes(
        links=base.links.with_pair("bob", "dan", STRANGERS).with_introduction(
            "dan", Introduction(IntroducedBy.EVENT)
        )
    )

    merged = merge_workbooks(base, mine, theirs)

    assert not merged.collided
    links = merged.workbook.links
    assert links.between("ana", "dan") is KNOW
    assert links.between("bob", "dan") is STRANGERS
    assert links.introduction("dan") == Introduction(IntroducedBy.EVENT)
    assert links.between("ana", "bob") is KNOW


def test_two_tabs_answering_the_same_pair_differently_collide_and_keep_the_stored_answer():
    base = Workbook(network=_people("Ana", "Bob", "Cleo"), links=_links())
    mine = base.with_changes(links=base.links.with_pair("bob", "cleo", KNOW))
    theirs = base.with_changes(links=base.links.with_pair("bob", "cleo", None))

    merged = merge_workbooks(base, mine, theirs)

    assert merged.collisions == ("links.pair.bob.cleo",)
    assert merged.workbook.links.between("bob", "cleo") is None


def test_a_link_answered_in_one_tab_to_a_contact_removed_in_the_other_goes():
    base = Workbook(network=_people("Ana", "Bob", "Cleo"), links=_links())
    mine = base.with_changes(links=base.links.with_pair("bob", "cleo", KNOW))
    network = base.network.remove("cleo")
    theirs = base.with_changes(network=network, links=base.links.restricted_to(network.ids))

    merged = merge_workbooks(base, mine, theirs)

    assert merged.workbook.links.pairs == {("ana", "bob"): KNOW}

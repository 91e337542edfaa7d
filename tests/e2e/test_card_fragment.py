"""A click on the card reruns only the Qualifier's part of the page, and loses nothing by it.

The card is a fragment (`st.fragment`): the app's shell (the workbook's lookup, the navigation,
the sidebar) is not run again for a mark or « Suivant », which is what makes a room of a hundred
fit on one process (`benchmarks/loadtest.py`). These tests speak Streamlit's protocol to a real
server (`benchmarks/protocol_client.py`), which tells a fragment's run from a whole page's.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest

from reseau.contact import SCALE_FIELDS
from reseau.demo import load_demo_network
from reseau.i18n import t
from reseau.storage import open_store
from reseau.vocabulary import Circle, roles_of
from reseau.workbook import Workbook
from tests.conftest import ROOT
from tests.e2e.conftest import Server, start_server

if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from protocol_client import StreamlitSession

LANG = "fr"
T = TypeVar("T")


def run(journey: Coroutine[Any, Any, T]) -> T:
    """Runs a journey on its own event loop: Playwright's may already run in this thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, journey).result()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(tmp_path_factory.mktemp("card-fragment"))
    try:
        yield server
    finally:
        server.stop()


def stored_workbook(server: Server, workbook: Workbook) -> str:
    store = open_store(f"sqlite:///{server.data_dir / 'reseau.sqlite3'}")
    try:
        return store.create(workbook)
    finally:
        store.engine.dispose()


def everyone_qualified() -> Workbook:
    """The demo network with every contact qualified, the card on its first contact."""
    network = load_demo_network()
    for contact in network.contacts:
        circle = contact.circle or Circle.INFORMATION
        changes = {name: 3 for name in SCALE_FIELDS if getattr(contact, name) is None}
        changes.update(circle=circle, role=contact.role or roles_of(circle, with_other=False)[0])
        network = network.update(contact.id, **changes)
    assert all(contact.is_qualified for contact in network)
    return Workbook(network=network, cursor=network.contacts[0].id)


async def on_the_card(server: Server, query: str) -> StreamlitSession:
    session = StreamlitSession(server.url, query, locale="fr-FR")
    await session.open()
    await session.go_to("qualifier")
    if session.find("button", t("qualify.next", LANG)) is None:
        await session.choose(t("qualify.mode", LANG), t("qualify.mode.card", LANG))
    return session


def test_a_click_on_next_redraws_only_the_qualifier_and_shows_the_next_contact(app: Server):
    async def journey() -> tuple[str, str, int, bool]:
        session = await on_the_card(app, "demo=1&lang=fr")
        try:
            first = session.headings("h3")[0]
            before = session.fragment_runs
            await session.click(t("qualify.next", LANG))
            sidebar_kept = session.find("button_group", t("app.language", LANG)) is not None
            return first, session.headings("h3")[0], session.fragment_runs - before, sidebar_kept
        finally:
            await session.close()

    first, then, fragment_runs, sidebar_kept = run(journey())

    assert then != first
    assert fragment_runs == 1
    assert sidebar_kept


def test_the_message_a_click_on_the_card_leaves_shows_in_the_same_fragment_run(app: Server):
    workbook_id = stored_workbook(app, everyone_qualified())

    async def journey() -> tuple[bool, int]:
        session = await on_the_card(app, f"wb={workbook_id}&lang=fr")
        try:
            before = session.fragment_runs
            await session.click(t("qualify.next_open", LANG))
            return session.shows(t("qualify.all_done", LANG)), session.fragment_runs - before
        finally:
            await session.close()

    shown, fragment_runs = run(journey())

    assert fragment_runs == 1
    assert shown


def test_a_card_arrives_whole_and_a_click_on_its_first_tab_leaves_the_closed_one_out(app: Server):
    reciprocity = t("criterion.reciprocity", LANG)

    async def journey() -> tuple[bool, bool, bool, bool]:
        session = await on_the_card(app, "demo=1&lang=fr")
        try:
            arrived_whole = session.find("button_group", reciprocity) is not None
            await session.choose(t("criterion.trust", LANG), "4")
            left_out = session.find("button_group", reciprocity) is None
            await session.click(t("qualify.next", LANG))
            next_whole = session.find("button_group", reciprocity) is not None
            await session.rerun()  # a page's run (a reload) draws the card whole again
            await session.choose(t("criterion.trust", LANG), "4")
            await session.rerun()
            reloaded_whole = session.find("button_group", reciprocity) is not None
            return arrived_whole, left_out, next_whole, reloaded_whole
        finally:
            await session.close()

    arrived_whole, left_out, next_whole, reloaded_whole = run(journey())

    assert arrived_whole  # nothing moves when the participant opens the second tab
    assert left_out  # the mark's run does not send the closed tab again
    assert next_whole
    assert reloaded_whole

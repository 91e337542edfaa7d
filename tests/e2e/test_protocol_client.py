"""The load client plays a journey as a browser does: both leave the same workbook in the store.

`benchmarks/protocol_client.py` drives the app over Streamlit's websocket protocol without a
browser; the load test's figures only mean something if what it does is what a participant's
clicks do. Here one participant opens the demo in Chromium and another through the protocol
client, on the same server, and both qualify the same way on the card.
"""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs

from playwright.sync_api import Page

from reseau.contact import SCALE_FIELDS
from reseau.i18n import t
from reseau.storage import open_store
from tests.conftest import ROOT
from tests.e2e.conftest import (
    Server,
    click_button,
    go_to,
    open_app,
    press_option,
    workbook_id,
)

if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from protocol_client import StreamlitSession

LANG = "fr"
MARKS = ("4", "2", "5")


def stored(server: Server, wb: str) -> dict[str, Any]:
    """What the store holds of a workbook: every contact's place and marks, and the cursor."""
    store = open_store(f"sqlite:///{server.data_dir / 'reseau.sqlite3'}")
    try:
        workbook = store.load(wb)
    finally:
        store.engine.dispose()
    network = workbook.network
    return {
        "contacts": sorted(
            (
                c.display_name,
                c.circle.value if c.circle else None,
                c.role.value if c.role else None,
                *(getattr(c, name) for name in SCALE_FIELDS),
            )
            for c in network.contacts
        ),
        "cursor": network.get(workbook.cursor).display_name if workbook.cursor else None,
    }


async def protocol_journey(server: Server) -> str:
    async with StreamlitSession(server.url, f"demo=1&lang={LANG}") as session:
        await session.open()
        await session.go_to("qualifier")
        await session.choose(t("qualify.mode", LANG), t("qualify.mode.card", LANG))
        for mark in MARKS:
            await session.choose(t("criterion.trust", LANG), mark)
            await session.click(t("qualify.next", LANG))
        assert not session.errors
        return parse_qs(session.query_string)["wb"][0]


def test_the_load_client_leaves_the_same_workbook_as_a_browser(page: Page, server: Server) -> None:
    open_app(page, server, f"?demo=1&lang={LANG}")
    go_to(page, t("nav.qualify", LANG))
    press_option(page, t("qualify.mode", LANG), t("qualify.mode.card", LANG))
    for mark in MARKS:
        press_option(page, t("criterion.trust", LANG), mark)
        click_button(page, t("qualify.next", LANG))
    in_browser = workbook_id(page)

    # Playwright's sync API keeps an event loop on this thread: the client gets its own thread.
    with ThreadPoolExecutor(1) as thread:
        by_protocol = thread.submit(asyncio.run, protocol_journey(server)).result()

    assert by_protocol != in_browser
    browser_book, protocol_book = stored(server, in_browser), stored(server, by_protocol)
    only_protocol = set(protocol_book["contacts"]) - set(browser_book["contacts"])
    only_browser = set(browser_book["contacts"]) - set(protocol_book["contacts"])
    assert (only_protocol, only_browser) == (set(), set())
    assert protocol_book["cursor"] == browser_book["cursor"]
    assert browser_book["cursor"] is not None

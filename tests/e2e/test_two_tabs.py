"""Two tabs on one workbook in a real browser: both edits kept, a collision said and shown."""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page

from reseau.i18n import t
from reseau.network import Network
from reseau.storage import open_store
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    Server,
    expect_text,
    fill_text,
    open_app,
    wait_idle,
    workbook_id,
)

MISSION = t("home.mission", "fr")
PARTICIPANT = t("home.participant", "fr")


def _value(page: Page, label: str) -> str:
    return page.get_by_label(label, exact=True).first.input_value()


def _type(page: Page, label: str, text: str) -> None:
    """Types into a field of « Vous et votre mission », opening the section when it is closed."""
    wait_idle(page)
    section = page.locator("details").filter(has_text=t("home.details.title", "fr")).first
    if section.get_attribute("open") is None:
        section.locator("summary").first.click()
    fill_text(page, label, text)


def _stored(server: Server, page: Page, wanted: Callable[[Network], bool]) -> Network:
    """The stored network once `wanted` holds, or as it is when the wait runs out.

    A keystroke's rerun may start an instant after the page looked idle: wait for the store.
    """
    store = open_store(f"sqlite:///{server.data_dir / 'reseau.sqlite3'}")
    deadline = time.monotonic() + IDLE_TIMEOUT_MS / 1000
    network = store.load(workbook_id(page)).network
    while not wanted(network) and time.monotonic() < deadline:
        time.sleep(0.05)
        network = store.load(workbook_id(page)).network
    store.engine.dispose()
    return network


def test_two_tabs_editing_different_fields_keep_both_and_a_collision_keeps_the_saved_value(
    server: Server, new_context
) -> None:
    context: BrowserContext = new_context()
    first = context.new_page()
    open_app(first, server)
    _type(first, PARTICIPANT, "Alex")
    second = context.new_page()
    second.goto(first.url)
    wait_idle(second)

    _type(first, MISSION, "Réussir la fusion")
    _type(second, PARTICIPANT, "Alexandra")

    stored = _stored(server, first, lambda n: n.participant == "Alexandra")
    assert (stored.participant, stored.mission) == ("Alexandra", "Réussir la fusion")
    expect_text(second, t("save.merged", "fr"))
    assert _value(second, MISSION) == "Réussir la fusion"

    _type(second, MISSION, "La mission du second onglet")
    _type(first, MISSION, "La mission du premier onglet")

    expect_text(first, t("save.collided", "fr"))
    assert _value(first, MISSION) == "La mission du second onglet"
    stored = _stored(server, first, lambda n: n.mission != "Réussir la fusion")
    assert stored.mission == "La mission du second onglet"

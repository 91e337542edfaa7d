"""Kill the server with SIGKILL mid-session, restart it, reopen the link: nothing is lost.

Every change is committed to the store before the rerun that made it ends, so once the page is
idle again the change survives a crash; SQLite in WAL mode keeps committed transactions through a
killed process. The server is the general e2e harness's `start_server`, on its own data
directory, restarted on the same port so the very same link is reopened.
"""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Browser, Page

from reseau.i18n import t
from reseau.storage import WorkbookStore, open_store
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    VIEWPORT,
    choose,
    click_button,
    fill_text,
    main_text,
    open_app,
    start_server,
    wait_idle,
    workbook_id,
)


def test_every_change_made_before_a_sigkill_is_there_after_a_restart(
    browser: Browser, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    server = start_server(data_dir)
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT)
    try:
        store = open_store(f"sqlite:///{data_dir / 'reseau.sqlite3'}")
        workshop = store.create_workshop("Atelier de reprise")
        page = context.new_page()
        # Three kinds of change: a whole network, the language, joining a workshop.
        open_app(page, server, "?demo=1")
        link = page.url
        choose(page, t("app.language", "fr"), t("lang.en", "fr"))
        page.get_by_text(t("mydata.title", "en")).first.click()
        fill_text(page, t("mydata.join.label", "en"), workshop.display_code)
        click_button(page, t("mydata.join.button", "en"))
        # The sidebar says the workbook is in the workshop: the change is made, now crash.
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_text(workshop.name).first.wait_for(timeout=IDLE_TIMEOUT_MS)

        server.kill()
        assert not server.alive()
        server = start_server(data_dir, port=server.port)
        reopened = context.new_page()
        reopened.goto(link)
        wait_idle(reopened)

        assert workbook_id(reopened) == workbook_id(page)
        assert t("home.current", "en", count=31, qualified=29) in main_text(reopened)
        stored = store.load(workbook_id(page))
        assert stored.lang.value == "en"
        assert stored.workshop_code == workshop.code
        assert len(stored.network) == 31
        assert [m.seat for m in store.members(workshop.code)] == [1]
    finally:
        context.close()
        server.stop()


def _reconnected(page: Page) -> None:
    """Waits until the tab has reconnected to the (restarted) server by itself."""
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stApp"]')
            ?.getAttribute('data-test-connection-state') === 'CONNECTED'""",
        timeout=IDLE_TIMEOUT_MS * 2,
    )
    wait_idle(page)


def _stored_mission(store: WorkbookStore, workbook_id: str, expected: str) -> str:
    """The stored mission once it is `expected`, or whatever it is when the wait runs out.

    The reconnected tab's change is saved by a second run that follows the first at once;
    the page may look idle for an instant between the two.
    """
    deadline = time.monotonic() + IDLE_TIMEOUT_MS / 1000
    mission = store.load(workbook_id).network.mission
    while mission != expected and time.monotonic() < deadline:
        time.sleep(0.05)
        mission = store.load(workbook_id).network.mission
    return mission


def test_a_change_made_in_an_open_tab_just_after_a_restart_is_saved(
    browser: Browser, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    server = start_server(data_dir)
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT)
    mission = t("home.mission", "fr")
    try:
        store = open_store(f"sqlite:///{data_dir / 'reseau.sqlite3'}")
        page = context.new_page()
        open_app(page, server)
        fill_text(page, mission, "Avant le redémarrage")
        server.kill()
        server = start_server(data_dir, port=server.port)
        _reconnected(page)

        # The tab stayed open: the participant types again, in the same field.
        fill_text(page, mission, "Juste après le redémarrage")

        shown = page.get_by_label(mission, exact=True).input_value()
        assert shown == "Juste après le redémarrage"
        assert _stored_mission(store, workbook_id(page), shown) == shown
        # From now on, every change is saved as usual.
        fill_text(page, mission, "Encore après")
        assert _stored_mission(store, workbook_id(page), "Encore après") == "Encore après"
    finally:
        context.close()
        server.stop()

"""The app needs nothing outside its own server: a page load asks no other host for anything.

Workshop rooms are often offline, and a request to a CDN tells a third party who uses the app.
Every request the browser makes while the participant walks through the screens (and the
trainer's) must go to the app's loopback address, or be a `data:`/`blob:` URL built in the page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, Request

from reseau.contact import Contact
from reseau.i18n import t
from reseau.network import Network
from reseau.storage import open_store
from reseau.workbook import Workbook
from tests.e2e.conftest import TRAINER_PASSWORD, Server, go_to, main_area, open_app, wait_idle

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
SCREENS = ("nav.import", "nav.qualify", "nav.map", "nav.plan", "nav.export", "nav.trainer")


def _outside(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-extension"):
        return False
    return (parts.hostname or "") not in LOCAL_HOSTS


def _recording(page: Page) -> list[str]:
    requested: list[str] = []

    def record(request: Request) -> None:
        requested.append(request.url)

    page.on("request", record)
    return requested


def test_walking_through_every_screen_requests_nothing_outside_the_server(
    page: Page, server: Server
) -> None:
    requested = _recording(page)

    open_app(page, server, query="?demo=1&lang=fr")
    for key in SCREENS:
        go_to(page, t(key, "fr"))
    page.get_by_label(t("trainer.password", "fr")).fill(TRAINER_PASSWORD)
    page.keyboard.press("Enter")
    wait_idle(page)

    icon = page.evaluate(
        """() => [...document.querySelectorAll("link[rel~='icon']")].map((l) => l.href)"""
    )
    assert icon and not [href for href in icon if _outside(href)], icon
    assert requested
    assert not [url for url in requested if _outside(url)]


def test_a_name_with_a_web_address_and_shortcodes_shows_as_typed_on_the_card(
    page: Page, server: Server
) -> None:
    name = "https://evil.example :smile: :material/warning:"
    notes = "Voir www.exemple.fr ou ana@exemple.fr :red[urgent] -> vite"
    store = open_store(f"sqlite:///{server.data_dir / 'reseau.sqlite3'}")
    network = Network(contacts=(Contact(first_name=name, notes=notes),))
    workbook_id = store.create(Workbook(network=network))

    open_app(page, server, query=f"?wb={workbook_id}&lang=fr", path="qualifier")
    page.get_by_text(t("qualify.mode.card", "fr"), exact=True).click()
    wait_idle(page)

    main = main_area(page)
    shown = main.inner_text().replace("\u2060", "")
    assert name in shown
    assert notes in shown
    # Only outward links count: a heading's own `#anchor` link stays on the page.
    links = main.locator("a:not([href^='#'])", has_text="exemple").or_(
        main.locator("a[href*='evil']:not([href^='#']), a[href^='mailto']")
    )
    assert links.count() == 0
    assert main.locator("[data-testid='stIconMaterial']", has_text="warning").count() == 0

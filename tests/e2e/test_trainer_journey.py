"""The trainer's journey: the demo link on the projector, then a live workshop."""

from __future__ import annotations

from playwright.sync_api import Page

from reseau.i18n import t
from tests.e2e.conftest import Server, go_to, main_text, open_app, title_text, workbook_id


def test_the_demo_link_shows_a_complete_network_on_every_screen(page: Page, server: Server) -> None:
    open_app(page, server, "?demo=1")

    assert t("home.current", "fr", count=31, qualified=29) in main_text(page)
    assert "demo=1" not in page.url
    demo_workbook = workbook_id(page)
    go_to(page, t("nav.map", "fr"))
    assert title_text(page) == t("map.title", "fr")
    assert t("common.needs_contacts", "fr") not in main_text(page)
    go_to(page, t("nav.plan", "fr"))
    assert t("common.needs_contacts", "fr") not in main_text(page)
    assert workbook_id(page) == demo_workbook

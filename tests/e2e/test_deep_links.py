"""A bookmarked link to a screen works even as the first request a fresh server receives.

Streamlit runs `pages/x.py` on its own (without `app.py`) until some session has run the app's
navigation; the app must still open the participant's workbook, with its navigation.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from reseau.i18n import t
from tests.e2e.conftest import VIEWPORT, main_text, open_app, start_server, title_text


def test_a_screen_opened_first_on_a_fresh_server_shows_the_workbook_with_its_navigation(
    browser: Browser, tmp_path: Path
) -> None:
    server = start_server(tmp_path / "data")
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT)
    try:
        page = context.new_page()

        open_app(page, server, query="?demo=1&lang=fr", path="plan")

        assert title_text(page) == t("plan.title", "fr")
        assert t("common.needs_contacts", "fr") not in main_text(page)
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert t("nav.section.method", "fr") in nav and t("nav.qualify", "fr") in nav
        assert "wb=" in page.url
    finally:
        context.close()
        server.stop()

"""Every screen in French and in English, photographed for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from reseau.i18n import t
from reseau.ui import pages
from tests.e2e.conftest import Server, go_to, main_text, open_app, screenshot, title_text

TITLE_KEYS = {
    pages.HOME: "home.title",
    pages.IMPORT: "import.title",
    pages.QUALIFY: "qualify.title",
    pages.MAP: "map.title",
    pages.PLAN: "plan.title",
    pages.ASSESSMENTS: "assess.page.title",
    pages.EXPORT: "export.title",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_screen_shows_its_title_in_the_language_of_the_link(
    page: Page, server: Server, lang: str
) -> None:
    open_app(page, server, f"?demo=1&lang={lang}")
    seen = {}
    for screen in TITLE_KEYS:
        go_to(page, t(screen.title_key, lang))
        seen[screen.url_path] = title_text(page)
        screenshot(page, f"{lang}-{screen.url_path}")
        assert t("error.unexpected", lang) not in main_text(page)

    assert seen == {screen.url_path: t(key, lang) for screen, key in TITLE_KEYS.items()}

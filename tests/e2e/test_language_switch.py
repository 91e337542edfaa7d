"""Switching language in the sidebar, in a real browser, on the card and on a link that named one.

A browser keeps the labels it was shown: after a switch, a selectbox still holds the old
language's label. The card must take that calmly, and a `?lang=` link only says where to start.
"""

from __future__ import annotations

from playwright.sync_api import Page

from reseau.i18n import t
from tests.e2e.conftest import (
    Server,
    assert_no_error,
    choose,
    click_button,
    go_to,
    main_area,
    open_app,
    press_option,
    title_text,
    wait_idle,
)


def _shown_name(page: Page) -> str:
    return main_area(page).locator("h3").first.inner_text().strip()


def test_the_card_survives_switching_language_back_and_forth(page: Page, server: Server) -> None:
    open_app(page, server, "?demo=1&lang=en")
    go_to(page, t("nav.qualify", "en"))
    press_option(page, t("qualify.mode", "en"), t("qualify.mode.card", "en"))
    click_button(page, t("qualify.next", "en"))
    name = _shown_name(page)

    for before, after in (("en", "fr"), ("fr", "en"), ("en", "fr")):
        choose(page, t("app.language", before), t(f"lang.{after}", before))
        wait_idle(page)
        assert title_text(page) == t("qualify.title", after)
        click_button(page, t("qualify.next", after))
        click_button(page, t("qualify.previous", after))
        assert_no_error(page)
        assert _shown_name(page) == name

    page.reload()
    wait_idle(page)
    assert title_text(page) == t("qualify.title", "fr")

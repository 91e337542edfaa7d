"""What qualifies a contact fits one 1440×900 screen once « Fiche par fiche » is chosen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from reseau.i18n import t
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    Server,
    assert_no_error,
    go_to,
    open_app,
    press_option,
    screenshot,
    wait_idle,
)

SCREEN = {"width": 1440, "height": 900}

# Where the card's parts stand once the app has brought the card into view: the card's top, its
# name, the due date of the first action and the last « Suivant non qualifié » (the card's own).
_MEASURE = """([card, next]) => {
    const box = (el) => el ? el.getBoundingClientRect() : null;
    const root = document.querySelector(card);
    if (!root || !root.dataset.reseauShown) return null;
    const nexts = [...root.querySelectorAll('button')].filter(b => b.innerText.includes(next));
    const due = root.querySelectorAll('[data-testid="stDateInput"]')[0];
    // The visible day, month and year (the plain input beside them is hidden).
    const fields = due ? due.querySelector('[data-testid="stDateInputFieldsScroller"]') : null;
    const parts = fields ? [...fields.querySelectorAll('[role="spinbutton"]')] : [];
    return {
        card: box(root).top, name: box(root.querySelector('h3')),
        next: box(nexts[nexts.length - 1]), due: box(due),
        dueFits: fields && parts.length === 3 ? fields.scrollWidth <= fields.clientWidth
            && box(parts[2]).right <= box(fields).right : null,
        height: window.innerHeight,
    };
}"""


def _open_card(page: Page, server: Server, lang: str) -> dict:
    page.set_viewport_size(SCREEN)
    open_app(page, server, f"?demo=1&lang={lang}")
    go_to(page, t("nav.qualify", lang))
    press_option(page, t("qualify.mode", lang), t("qualify.mode.card", lang))
    card = page.locator('[class*="st-key-qualify-card-"]').first
    card.wait_for()
    selector = "." + next(
        name for name in (card.get_attribute("class") or "").split() if "qualify-card-" in name
    )
    args = [selector, t("qualify.next_open", lang)]
    # The app scrolls the card into view once it is drawn: wait for that, not for time.
    page.wait_for_function(
        f"(args) => {{ const m = ({_MEASURE})(args); return m && m.card >= 0 && m.card < 120; }}",
        arg=args,
        timeout=IDLE_TIMEOUT_MS,
    )
    wait_idle(page)
    return page.evaluate(_MEASURE, args)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_card_from_its_name_to_the_next_contact_fits_one_1440_by_900_screen(
    new_context: Callable[..., BrowserContext], server: Server, lang: str
):
    page = new_context().new_page()

    shown = _open_card(page, server, lang)

    assert_no_error(page)
    height = shown["height"]
    assert shown["name"]["top"] >= 0
    assert shown["due"]["top"] >= 0 and shown["due"]["bottom"] <= height
    assert shown["next"]["top"] >= 0 and shown["next"]["bottom"] <= height
    screenshot(page, f"{lang}-card-1440x900")


def test_the_due_date_shows_every_digit_at_1440_px(
    new_context: Callable[..., BrowserContext], server: Server
):
    page = new_context().new_page()

    shown = _open_card(page, server, "fr")

    assert shown["dueFits"] is True  # never « 10 / 12 / 202 »


_OPEN_CALENDARS = """() => [...document.querySelectorAll('[role="grid"]')]
    .filter(e => e.offsetParent !== null && !e.closest('[data-testid="stDataFrame"]')).length"""


def test_tab_out_of_the_due_date_leaves_no_calendar_over_the_next_fields(
    new_context: Callable[..., BrowserContext], server: Server
):
    # Streamlit 1.67 opens the calendar while the focus is in the date's segments (its own
    # widget) and closes it as the focus leaves: Tab out must leave nothing over the next fields.
    page = new_context().new_page()
    _open_card(page, server, "fr")
    due = page.get_by_test_id("stMain").get_by_test_id("stDateInput").first
    due.locator('[role="spinbutton"]').last.click()  # the year
    page.wait_for_function(f"() => ({_OPEN_CALENDARS})() > 0")

    page.keyboard.press("Tab")  # to the calendar's button
    page.keyboard.press("Tab")  # out of the field, to the action's status

    page.wait_for_function(f"() => ({_OPEN_CALENDARS})() === 0")
    assert page.evaluate(_OPEN_CALENDARS) == 0

"""Phones are recognised by the screen's width, not by what the browser says it is: a narrow
window gets the phone layout of the charts, a wide screen the full one, whatever its user agent.

The phone layout is seen by its charts: no tool bar over their corners, and names left to a tap.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from reseau.i18n import t
from tests.e2e.conftest import IDLE_TIMEOUT_MS, Server, open_app, wait_idle
from tests.e2e.test_room_screens import go_to_map

PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
DESKTOP_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)


@pytest.fixture
def screen(browser: Browser, server: Server) -> Iterator:
    contexts: list[BrowserContext] = []

    def make(width: int, height: int, agent: str) -> Page:
        context = browser.new_context(
            locale="fr-FR", viewport={"width": width, "height": height}, user_agent=agent
        )
        context.set_default_timeout(IDLE_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def settled_layout(page: Page) -> str:
    """The layout the server chose once it knows the window's width: "phone" or "wide".

    A user agent that guessed wrong costs one more run when the browser answers; a click in
    that run could go unanswered, so the tests act once the answer has been taken.
    """
    settled = page.locator("html[data-reseau-screen]")
    settled.wait_for(state="attached", timeout=IDLE_TIMEOUT_MS)
    wait_idle(page)
    return settled.get_attribute("data-reseau-screen") or ""


def _open_the_matrix(page: Page, server: Server) -> str:
    open_app(page, server, "?demo=1&lang=fr")
    layout = settled_layout(page)
    go_to_map(page, "fr")
    page.get_by_role("tab", name=t("map.tab.matrix", "fr")).click()
    wait_idle(page)
    return layout


def _matrix(page: Page):  # type: ignore[no-untyped-def]
    chart = page.locator('[data-testid="stPlotlyChart"]:visible').first
    chart.locator(".main-svg").first.wait_for()
    return chart


def test_a_narrow_window_gets_the_phone_layout_whatever_its_user_agent(screen, server: Server):
    page = screen(390, 844, DESKTOP_AGENT)

    assert _open_the_matrix(page, server) == "phone"

    expect(_matrix(page).locator(".modebar-btn")).to_have_count(0, timeout=IDLE_TIMEOUT_MS)


def test_a_wide_screen_gets_the_full_layout_even_with_a_phones_user_agent(screen, server: Server):
    page = screen(1280, 720, PHONE_AGENT)

    assert _open_the_matrix(page, server) == "wide"

    expect(_matrix(page).locator(".modebar-btn").first).to_be_attached(timeout=IDLE_TIMEOUT_MS)


def test_turning_a_window_narrow_switches_to_the_phone_layout(screen, server: Server):
    page = screen(1280, 720, DESKTOP_AGENT)
    _open_the_matrix(page, server)
    expect(_matrix(page).locator(".modebar-btn").first).to_be_attached(timeout=IDLE_TIMEOUT_MS)

    page.set_viewport_size({"width": 390, "height": 844})

    expect(_matrix(page).locator(".modebar-btn")).to_have_count(0, timeout=IDLE_TIMEOUT_MS)


# The bottom of a heading's text and the top of the grid toolbar under it.
_TITLE_AND_TOOLBAR_JS = """([title]) => {
    const heading = [...document.querySelectorAll('[data-testid="stMain"] h3')]
        .find(e => e.textContent.trim() === title);
    const words = document.createRange();
    words.selectNodeContents(heading);
    const bottom = Math.max(...[...words.getClientRects()].map(r => r.bottom));
    const toolbar = heading.closest('[data-testid="stVerticalBlock"]')
        .querySelector('[data-testid="stElementToolbar"]');
    return {text_bottom: bottom, toolbar_top: toolbar.getBoundingClientRect().top,
            toolbar_shown: getComputedStyle(toolbar).opacity};
}"""


def test_on_a_touch_phone_the_grid_toolbar_leaves_the_title_above_it_readable(
    browser: Browser, server: Server, tmp_path
) -> None:
    # A touch screen cannot hover: Streamlit shows the toolbar at all times, above the grid.
    context = browser.new_context(
        locale="fr-FR",
        viewport={"width": 390, "height": 844},
        user_agent=PHONE_AGENT,
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(IDLE_TIMEOUT_MS)
    try:
        page = context.new_page()
        contacts = tmp_path / "contacts.csv"
        contacts.write_text(
            "Prénom,Nom,Entreprise\nÉloïse,Dupré-Ménard,Lumières & Cie\n"
            "Jean-François,N'Diaye,Atelier Brocéliande\n",
            encoding="utf-8",
        )
        open_app(page, server, "?lang=fr", path="importer")
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            str(contacts)
        )
        wait_idle(page)
        title = t("import.preview.title", "fr", shown=2)
        grid = page.get_by_test_id("stMain").get_by_test_id("stDataFrame")
        grid.get_by_test_id("stElementToolbar").first.wait_for(state="attached")

        measured = page.evaluate(_TITLE_AND_TOOLBAR_JS, [title])

        assert measured["toolbar_shown"] == "1", measured
        assert measured["text_bottom"] <= measured["toolbar_top"], measured
    finally:
        context.close()

"""Who knows whom in a browser: from the demo, a participant says which of eight contacts know each
other and who introduced them, then sees the diagnosis and the graph change.

Every answer is checked in the store before the next one (the page may look idle for an instant
between a change and its save). Screenshots of the step and the graph, in French, at 1440×900
and 390×844, go to the screenshot folder (`RESEAU_SCREENSHOT_DIR`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction, WhoKnowsWhom
from reseau.demo import load_demo_network
from reseau.i18n import t
from reseau.scoring import score_network
from reseau.storage import WorkbookStore, open_store
from reseau.ui.qualify_links import default_members
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    Server,
    assert_no_error,
    go_to,
    main_area,
    main_text,
    open_app,
    press_option,
    screenshot,
    wait_idle,
    workbook_id,
)

LANG = "fr"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


def _eight() -> list[str]:
    """The first eight contacts the step asks about in the demo (qualified ones, by priority)."""
    network = load_demo_network()
    return default_members(network, score_network(network))[:8]


@pytest.fixture
def contexts(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """French browser contexts of a given screen size, closed after the test."""
    opened: list[BrowserContext] = []

    def make(viewport: dict[str, int], **options: str) -> BrowserContext:
        context = browser.new_context(locale="fr-FR", viewport=viewport, **options)  # type: ignore[arg-type]
        context.set_default_timeout(IDLE_TIMEOUT_MS)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


def _row(page: Page, contact_id: str) -> Locator:
    # Streamlit gives a keyed container the class `st-key-<key>`, dots written as dashes.
    return main_area(page).locator(f".st-key-links-row-{contact_id}")


def _name(contact_id: str) -> str:
    return load_demo_network().get(contact_id).display_name


def _pick_known(page: Page, contact_id: str, other: str) -> None:
    """Adds `other` to the « connaît aussi… » list of `contact_id`."""
    box = _row(page, contact_id).locator('[data-testid="stMultiSelect"]').first
    box.locator('[role="combobox"]').first.click()
    # The list draws only the options in view: typing narrows it to the one wanted.
    page.keyboard.type(_name(other))
    page.get_by_role("option", name=_name(other), exact=True).first.click()
    page.keyboard.press("Escape")
    wait_idle(page)


def _introduce(page: Page, contact_id: str, by: IntroducedBy) -> None:
    label = t(f"links.intro.{by.value}", LANG)
    group = _row(page, contact_id).locator('[data-testid="stButtonGroup"]').first
    group.locator("button").filter(has_text=label).first.click()
    wait_idle(page)


def _answer_cell(
    page: Page, server: Server, a: str, b: str, answer: Acquaintance, *, phone: bool = False
) -> None:
    """Answers the pair of `a` (the later row) and `b` in the grid, and checks the store.

    On a phone the pair has a drop-down under its names; on a wide screen a cell of the grid,
    each click of it moving to the next answer (? → Oui → Non).
    """
    store = open_store(f"sqlite:///{server.data_dir / 'reseau.sqlite3'}")
    link = workbook_id(page)
    label = t("links.pair", LANG, a=_name(a), b=_name(b))
    wanted = t(f"links.{'pair' if phone else 'cell'}.{answer.value}", LANG)
    if phone:
        drop_down = main_area(page).locator('[data-testid="stSelectbox"]').filter(has_text=label)
        drop_down.first.scroll_into_view_if_needed()
        drop_down.first.locator('[role="combobox"]').first.click()
        page.keyboard.type(wanted)
        page.get_by_role("option", name=wanted, exact=True).first.click()
        wait_idle(page)
    else:
        first, second = sorted((a, b))
        # A button with a tooltip is drawn twice, once hidden (Streamlit measures it).
        cell = main_area(page).locator(f".st-key-links-cell-{first}-{second} button:visible")
        for _ in range(3):
            if cell.inner_text().strip() == wanted:
                break
            cell.click()
            wait_idle(page)
    stored = _stored_links(store, link, lambda links: links.between(a, b) is answer)
    assert stored.between(a, b) is answer


def _stored_links(
    store: WorkbookStore, link: str, ready: Callable[[WhoKnowsWhom], bool]
) -> WhoKnowsWhom:
    """The stored links once `ready` says so, or whatever they are when the wait runs out."""
    deadline = time.monotonic() + IDLE_TIMEOUT_MS / 1000
    links = store.load(link).links
    while not ready(links) and time.monotonic() < deadline:
        time.sleep(0.05)
        links = store.load(link).links
    return links


def _open_step(page: Page) -> None:
    go_to(page, t("nav.qualify", LANG))
    press_option(page, t("qualify.mode", LANG), t("qualify.mode.links", LANG))


def _capture(page: Page, server: Server, eight: list[str]) -> WhoKnowsWhom:
    """Two groups of four who all know each other, joined by one pair; eight introductions."""
    store = open_store(f"sqlite:///{server.data_dir / 'reseau.sqlite3'}")
    link = workbook_id(page)
    first, second = eight[:4], eight[4:]
    knows = [
        (a, b) for group in (first, second) for i, a in enumerate(group) for b in group[i + 1 :]
    ]
    knows.append((first[-1], second[0]))  # the one pair that joins the two groups
    expected = WhoKnowsWhom()
    for a, b in knows:
        _pick_known(page, a, b)
        expected = expected.with_pair(a, b, Acquaintance.KNOW)
        stored = _stored_links(store, link, lambda links, e=expected: links.pairs == e.pairs)
        assert stored.pairs == expected.pairs, f"{_name(a)} — {_name(b)}"
    ways = [IntroducedBy.SELF] * 6 + [IntroducedBy.EVENT, IntroducedBy.ORGANISATION]
    for contact_id, by in zip(eight, ways, strict=True):
        _introduce(page, contact_id, by)
        expected = expected.with_introduction(contact_id, Introduction(by))
        stored = _stored_links(
            store, link, lambda links, e=expected: links.introductions == e.introductions
        )
        assert stored.introductions == expected.introductions, _name(contact_id)
    assert_no_error(page)
    return expected


def _findings(page: Page) -> int:
    """How many findings the Qualifier's diagnosis shows (each in its own coloured box)."""
    press_option(page, t("qualify.mode", LANG), t("qualify.mode.diagnosis", LANG))
    return main_area(page).locator('[data-testid="stAlert"]').count()


def _drawn_links(page: Page) -> int:
    """The lines the « Qui connaît qui » chart draws, read from the figure the browser holds."""
    main_area(page).get_by_role("tab", name=t("map.tab.links", LANG), exact=True).click()
    wait_idle(page)
    chart = main_area(page).locator('[data-testid="stPlotlyChart"] .js-plotly-plot').last
    chart.locator(".main-svg").first.wait_for()
    # The known links are the first trace: one segment per pair, segments split by a null.
    return chart.evaluate("gd => gd.data[0].meta.pairs.length")


def test_links_captured_for_eight_contacts_change_the_diagnosis_and_the_graph(
    contexts: Callable[..., BrowserContext], server: Server
) -> None:
    eight = _eight()
    page = contexts(DESKTOP).new_page()
    open_app(page, server, "?demo=1&lang=fr")
    go_to(page, t("nav.map", LANG))
    assert t("map.links.invitation", LANG) in main_text(page)
    assert not main_area(page).get_by_role("tab", name=t("map.tab.links", LANG)).count()
    go_to(page, t("nav.qualify", LANG))
    findings_before = _findings(page)
    press_option(page, t("qualify.mode", LANG), t("qualify.mode.links", LANG))
    screenshot(page, "links-step-1440-fr-empty")

    captured = _capture(page, server, eight)

    # Each list shows the answers given from the other side too.
    joined = _row(page, eight[4]).locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert _name(eight[3]) in joined and _name(eight[5]) in joined
    screenshot(page, "links-step-1440-fr")
    assert len(captured.pairs) == 13
    press_option(page, t("links.view", LANG), t("links.view.grid", LANG))
    _answer_cell(page, server, eight[7], eight[0], Acquaintance.STRANGERS)
    screenshot(page, "links-grid-1440-fr")
    # Two groups joined by one pair, six of eight self-introduced: the diagnosis says more.
    assert _findings(page) > findings_before
    screenshot(page, "links-diagnosis-1440-fr")
    go_to(page, t("nav.map", LANG))
    assert t("map.links.invitation", LANG) not in main_text(page)
    assert _drawn_links(page) == 13  # a « no » draws nothing
    screenshot(page, "links-graph-1440-fr")
    go_to(page, t("nav.qualify", LANG))
    press_option(page, t("qualify.mode", LANG), t("qualify.mode.links", LANG))
    press_option(page, t("links.view", LANG), t("links.view.each", LANG))
    _pick_known(page, eight[0], eight[5])
    go_to(page, t("nav.map", LANG))
    assert _drawn_links(page) == 14


def test_the_step_on_a_phone_shows_each_contact_in_one_column(
    contexts: Callable[..., BrowserContext], server: Server
) -> None:
    page = contexts(PHONE, user_agent=PHONE_AGENT).new_page()
    open_app(page, server, "?demo=1&lang=fr")
    # The sidebar is folded away on a phone: the screen is opened by its address.
    open_app(page, server, f"?wb={workbook_id(page)}", path="qualifier")
    press_option(page, t("qualify.mode", LANG), t("qualify.mode.links", LANG))
    eight = _eight()
    _pick_known(page, eight[0], eight[1])
    row = _row(page, eight[0])
    box = row.bounding_box()
    assert box is not None and box["width"] <= PHONE["width"]
    screenshot(page, "links-step-390-fr")
    press_option(page, t("links.view", LANG), t("links.view.grid", LANG))
    _answer_cell(page, server, eight[2], eight[0], Acquaintance.STRANGERS, phone=True)
    screenshot(page, "links-grid-390-fr")
    open_app(page, server, f"?wb={workbook_id(page)}", path="carte")
    assert _drawn_links(page) == 1
    screenshot(page, "links-graph-390-fr")

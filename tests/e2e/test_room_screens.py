"""The room seen from the back and from a phone: the presenter view and every chart, measured.

Screenshots at 1280×720 (a projector) and 390×844 (a phone), in French and in English, go to
test-artifacts/screenshots/room-*.png. The checks measure the page: the join code's height, the
QR code inside the viewport, and no two SVG text boxes of a chart overlapping.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from reseau.i18n import t
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    TRAINER_PASSWORD,
    Server,
    click_button,
    fill_text,
    go_to,
    open_app,
    screenshot,
    screenshot_dir,
    wait_idle,
)

PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
LOCALES = {"fr": "fr-FR", "en": "en-GB"}

# The smallest gap, in pixels, between two neighbouring tick labels of the chart's x axis.
TICK_GAP_JS = """(chart) => {
    const boxes = [...chart.querySelectorAll('g.xtick text')]
        .filter(e => e.textContent.trim())
        .map(e => e.getBoundingClientRect()).sort((a, b) => a.left - b.left);
    let gap = Infinity;
    for (let i = 1; i < boxes.length; i++) gap = Math.min(gap, boxes[i].left - boxes[i - 1].right);
    return gap;
}"""

# Every visible SVG text of the chart, as a box; pairs whose boxes overlap by more than a pixel.
OVERLAPS_JS = """(chart) => {
    const boxes = [...chart.querySelectorAll('svg text')]
        .filter(e => e.textContent.trim() && e.getClientRects().length)
        .filter(e => getComputedStyle(e).visibility !== 'hidden'
                     && getComputedStyle(e).opacity !== '0')
        .map(e => ({text: e.textContent.trim(), r: e.getBoundingClientRect()}))
        .filter(b => b.r.width > 0 && b.r.height > 0);
    const frame = chart.getBoundingClientRect();
    const cut = boxes.filter(b => b.r.left < frame.left - 1 || b.r.right > frame.right + 1)
        .map(b => b.text);
    const clashes = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].r, b = boxes[j].r;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 1 && h > 1) clashes.push([boxes[i].text, boxes[j].text]);
        }
    }
    return {count: boxes.length, clashes, cut};
}"""


@pytest.fixture
def sized(browser: Browser, server: Server) -> Iterator:
    """Opens contexts of a given size and language; a phone also says it is one."""
    contexts: list[BrowserContext] = []

    def make(viewport: dict[str, int], lang: str) -> Page:
        phone = viewport == PHONE
        context = browser.new_context(
            locale=LOCALES[lang],
            viewport=viewport,
            is_mobile=phone,
            has_touch=phone,
            **({"user_agent": PHONE_AGENT} if phone else {}),
        )
        context.set_default_timeout(IDLE_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def viewport_shot(page: Page, name: str) -> Path:
    """What the screen shows without scrolling: what the back of the room sees."""
    wait_idle(page)
    path = screenshot_dir() / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def collapse_sidebar(page: Page) -> None:
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.is_visible():
        return
    page.locator('[data-testid="stSidebar"]').hover()
    page.locator('[data-testid="stSidebarCollapseButton"] button').click()
    expect(expand).to_be_visible()


def expand_sidebar(page: Page) -> None:
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.is_visible():
        expand.click()
        expect(page.locator('[data-testid="stSidebarNav"]')).to_be_visible()


def start_presenting(page: Page, server: Server, lang: str) -> None:
    """Logs in as the trainer, creates a workshop, and clicks once to present it."""
    open_app(page, server, f"?lang={lang}")
    expand_sidebar(page)
    go_to(page, t("nav.trainer", lang))
    if page.viewport_size and page.viewport_size["width"] < 700:
        collapse_sidebar(page)
    fill_text(page, t("trainer.password", lang), TRAINER_PASSWORD)
    click_button(page, t("trainer.login", lang))
    name = page.get_by_label(t("trainer.create.name", lang), exact=True)
    if not name.is_visible():  # another test already created a workshop: the form is folded
        page.get_by_text(t("trainer.create.title", lang), exact=True).click()
        expect(name).to_be_visible()
    fill_text(page, t("trainer.create.name", lang), f"Managers transverses {lang}")
    click_button(page, t("trainer.create.button", lang))
    click_button(page, t("trainer.present.start", lang))
    expect(page.locator('[data-testid="reseau-join-code"]')).to_be_visible()


def inside(box: dict[str, float], viewport: dict[str, int]) -> bool:
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and box["y"] + box["height"] <= viewport["height"]
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_presenter_view_fits_a_projector_with_a_code_readable_from_the_back(
    sized, server: Server, lang: str
) -> None:
    page = sized(PROJECTOR, lang)
    start_presenting(page, server, lang)
    collapse_sidebar(page)
    wait_idle(page)

    code = page.locator('[data-testid="reseau-join-code"]').bounding_box()
    qr = page.locator('[data-testid="reseau-join-qr"] img').bounding_box()
    address = page.locator('[data-testid="reseau-join-address"]').bounding_box()
    viewport_shot(page, f"room-presenter-1280-{lang}")
    screenshot(page, f"room-presenter-1280-{lang}-full")

    assert code and code["height"] >= 0.15 * PROJECTOR["height"]
    assert qr and inside(qr, PROJECTOR), qr
    assert qr["height"] >= 250, "big enough to scan from the room"
    assert address and inside(address, PROJECTOR), address
    assert page.locator('[data-testid="stSelectbox"]').count() == 0
    assert (
        t("trainer.create.title", lang) not in page.locator('[data-testid="stMain"]').inner_text()
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_presenter_view_on_a_phone_shows_the_code_within_the_width(
    sized, server: Server, lang: str
) -> None:
    page = sized(PHONE, lang)
    start_presenting(page, server, lang)

    code = page.locator('[data-testid="reseau-join-code"]').bounding_box()
    viewport_shot(page, f"room-presenter-390-{lang}")

    assert code and code["x"] >= 0 and code["x"] + code["width"] <= PHONE["width"]


CHART_TABS = ("map.tab.sunburst", "map.tab.concentric", "map.tab.matrix", "map.tab.radar")


@pytest.mark.parametrize("size", ["1280", "390"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_chart_is_drawn_without_overlapping_text(
    sized, server: Server, lang: str, size: str
) -> None:
    viewport = PROJECTOR if size == "1280" else PHONE
    page = sized(viewport, lang)
    open_app(page, server, f"?demo=1&lang={lang}")
    go_to_map(page, lang)
    clashes, cut = {}, {}
    for key in CHART_TABS:
        page.get_by_role("tab", name=t(key, lang)).click()
        wait_idle(page)
        charts = page.locator('[data-testid="stPlotlyChart"]:visible')
        expect(charts.first).to_be_visible()
        charts.first.locator(".main-svg").first.wait_for()
        if key == "map.tab.sunburst" and size == "390":
            # No room for names in the sunburst's sectors on a phone: a list under it.
            page.get_by_text(t("map.sunburst.list", lang), exact=True).click()
            expect(page.locator('[data-testid="stDataFrame"]:visible')).to_have_count(1)
        screenshot(page, f"room-chart-{key.rsplit('.', 1)[1]}-{size}-{lang}")
        # Every chart starts above the fold, sidebar open on a projector.
        top = charts.first.bounding_box()
        assert top and top["y"] < viewport["height"], f"{key} starts below the fold"
        for index in range(charts.count()):
            found = charts.nth(index).evaluate(OVERLAPS_JS)
            if key in ("map.tab.concentric", "map.tab.matrix", "map.tab.radar"):
                clashes[f"{key}#{index}"] = found["clashes"]
                cut[f"{key}#{index}"] = found["cut"]
    assert all(not found for found in clashes.values()), clashes
    assert all(not found for found in cut.values()), f"texts cut at the chart's edge: {cut}"


def go_to_map(page: Page, lang: str) -> None:
    """The map screen: from the sidebar, opened first on a phone where it starts collapsed."""
    expand_sidebar(page)
    go_to(page, t("nav.map", lang))
    if page.viewport_size and page.viewport_size["width"] < 700:
        collapse_sidebar(page)


@pytest.mark.parametrize(
    ("size", "lang"), [("1280", "fr"), ("1280", "en"), ("390", "fr"), ("390", "en")]
)
def test_a_revealed_room_reaches_the_projector_and_each_participants_map(
    sized, server: Server, size: str, lang: str
) -> None:
    viewport = PROJECTOR if size == "1280" else PHONE
    trainer = sized(viewport, lang)
    start_presenting(trainer, server, lang)
    code = trainer.locator('[data-testid="reseau-join-code"]').inner_text().replace("-", "")
    participants = []
    for _ in range(3):
        participant = sized(viewport, lang)
        open_app(participant, server, f"?join={code.strip()}&lang={lang}")
        click_button(participant, t("home.start.demo", lang))
        participants.append(participant)
    # The live room shows the arrivals at its next refresh: on a busy machine, seconds later.
    hidden = trainer.get_by_text(t("trainer.reveal.hidden_projector", lang))
    expect(hidden).to_be_visible(timeout=IDLE_TIMEOUT_MS)

    trainer.get_by_text(t("trainer.reveal.toggle", lang), exact=True).click()
    wait_idle(trainer)

    charts = trainer.locator('[data-testid="stPlotlyChart"]')
    expect(charts).to_have_count(2, timeout=IDLE_TIMEOUT_MS)
    collapse_sidebar(trainer)
    for index in range(2):
        charts.nth(index).locator(".main-svg").first.wait_for()
    wait_idle(trainer)
    charts.first.scroll_into_view_if_needed()
    viewport_shot(trainer, f"room-presenter-revealed-{size}-{lang}")
    screenshot(trainer, f"room-presenter-revealed-{size}-{lang}-full")
    for index in range(2):
        found = charts.nth(index).evaluate(OVERLAPS_JS)
        assert found["count"] > 0, "the room chart writes its names and counts"
        assert not found["clashes"] and not found["cut"], found
        gap = charts.nth(index).evaluate(TICK_GAP_JS)
        assert gap >= 8, f"axis numbers {gap:.0f} px apart: they read as one number"
    main = trainer.locator('[data-testid="stMain"]').inner_text()
    assert "Fontaine" not in main, "the projector never shows a contact"

    mine = participants[-1]
    go_to_map(mine, lang)
    title = mine.get_by_text(t("room.compare.title", lang), exact=True)
    expect(title).to_be_visible()
    title.scroll_into_view_if_needed()
    viewport_shot(mine, f"room-compare-participant-{size}-{lang}")


# The join code's text as drawn against the box it has: the widest code the alphabet allows
# (W and M are its widest letters) is measured in the same box, so a lucky code cannot pass.
CODE_FITS_JS = """(code) => {
    const drawn = (text) => {
        const probe = code.cloneNode(true);
        probe.textContent = text;
        probe.style.width = 'max-content';
        code.parentNode.appendChild(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width;
    };
    return {box: code.getBoundingClientRect().width,
            shown: drawn(code.textContent), widest: drawn('WWW-MWW')};
}"""


# At 1024 px the sidebar leaves the code a column of about 300 px: whole but smaller.
@pytest.mark.parametrize(("width", "least_height"), [(1280, 72), (1024, 48)])
def test_the_join_code_stays_whole_beside_the_qr_code_when_the_sidebar_is_open(
    sized, server: Server, width: int, least_height: int
) -> None:
    # A trainer clicks « Projeter » from the trainer's page: the sidebar is still open.
    page = sized({"width": width, "height": 720}, "fr")
    start_presenting(page, server, "fr")
    expect(page.locator('[data-testid="stSidebarNav"]')).to_be_visible()

    measured = page.locator('[data-testid="reseau-join-code"]').evaluate(CODE_FITS_JS)
    code = page.locator('[data-testid="reseau-join-code"]').bounding_box()
    qr = page.locator('[data-testid="reseau-join-qr"] img').bounding_box()
    viewport_shot(page, f"room-presenter-{width}-sidebar-fr")

    assert measured["shown"] <= measured["box"], measured
    assert measured["widest"] <= measured["box"], measured
    assert code and qr and code["x"] + measured["shown"] <= qr["x"], (code, qr)
    assert code["height"] >= least_height, "still read from the back of the room"

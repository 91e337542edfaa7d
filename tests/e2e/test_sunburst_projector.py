"""The sunburst read from the back of a room: at 1280×720, every name it writes is at least
18 px, no two names overlap (measured on their rotated boxes, not their upright envelopes), none
is cut at the chart's edge, and the names the sectors are too thin to hold are in the list
beside the chart. Screenshots in French and English go to test-artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from reseau.charts.common import short_name
from reseau.demo import load_demo_network
from reseau.i18n import t
from tests.e2e.conftest import IDLE_TIMEOUT_MS, Server, go_to, open_app, screenshot, wait_idle

PROJECTOR = {"width": 1280, "height": 720}
LOCALES = {"fr": "fr-FR", "en": "en-GB"}

# Each sector text as the four corners of its box on the screen (rotation included), its font
# size as drawn, and the pairs of texts whose boxes intersect (separating-axis test).
SECTOR_TEXTS_JS = """(chart) => {
    const frame = chart.getBoundingClientRect();
    const texts = [...chart.querySelectorAll('g.slicetext text')]
        .filter(e => e.textContent.trim() && e.getClientRects().length)
        .filter(e => getComputedStyle(e).visibility !== 'hidden'
                     && getComputedStyle(e).opacity !== '0'
                     && getComputedStyle(e.parentNode).opacity !== '0');
    const shapes = texts.map(e => {
        const b = e.getBBox();
        const m = e.getScreenCTM();
        const corner = (x, y) => ({x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f});
        const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
        return {
            text: e.textContent.trim(),
            size: parseFloat(getComputedStyle(e).fontSize) * scale,
            corners: [corner(b.x, b.y), corner(b.x + b.width, b.y),
                      corner(b.x + b.width, b.y + b.height), corner(b.x, b.y + b.height)],
        };
    });
    const axes = (p) => p.map((a, i) => {
        const b = p[(i + 1) % p.length];
        return {x: -(b.y - a.y), y: b.x - a.x};
    });
    const apart = (p, q) => [...axes(p), ...axes(q)].some(n => {
        const len = Math.hypot(n.x, n.y) || 1;
        const proj = (pts) => pts.map(v => (v.x * n.x + v.y * n.y) / len);
        const a = proj(p), b = proj(q);
        // One pixel of slack: two texts that merely touch are not in each other's way.
        return Math.max(...a) <= Math.min(...b) + 1 || Math.max(...b) <= Math.min(...a) + 1;
    });
    const clashes = [];
    for (let i = 0; i < shapes.length; i++)
        for (let j = i + 1; j < shapes.length; j++)
            if (!apart(shapes[i].corners, shapes[j].corners))
                clashes.push([shapes[i].text, shapes[j].text]);
    const outside = (c) => c.x < frame.left - 1 || c.x > frame.right + 1
                           || c.y < frame.top - 1 || c.y > frame.bottom + 1;
    const cut = shapes.filter(s => s.corners.some(outside)).map(s => s.text);
    const small = shapes.filter(s => s.size < 17.5).map(s => [s.text, s.size]);
    return {names: shapes.map(s => s.text), clashes, cut, small};
}"""


@pytest.fixture
def projector(browser: Browser, server: Server) -> Iterator:
    contexts: list[BrowserContext] = []

    def make(lang: str) -> Page:
        context = browser.new_context(locale=LOCALES[lang], viewport=PROJECTOR)
        context.set_default_timeout(IDLE_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_sunburst_names_read_from_the_back_of_a_room(projector, server: Server, lang: str):
    page = projector(lang)
    open_app(page, server, f"?demo=1&lang={lang}")
    go_to(page, t("nav.map", lang))
    chart = page.locator('[data-testid="stPlotlyChart"]:visible').first
    chart.locator("g.slice").first.wait_for()
    wait_idle(page)

    found = chart.evaluate(SECTOR_TEXTS_JS)
    screenshot(page, f"sunburst-projector-1280-{lang}")

    assert found["names"], "the sunburst writes names"
    assert found["small"] == [], "every name at least 18 px on a projector"
    assert found["clashes"] == [], found["clashes"]
    assert found["cut"] == [], found["cut"]
    page.get_by_text(t("map.sunburst.list", lang), exact=True).click()
    table = page.locator('[data-testid="stDataFrame"]:visible')
    expect(table).to_have_count(1)
    people = {short_name(c) for c in load_demo_network() if c.circle is not None}
    named = people.intersection(found["names"])
    assert len(named) >= 0.8 * len(people), f"only {len(named)} of {len(people)} names drawn"
    assert table.bounding_box()["height"] > 300, "the list holds the names left out"

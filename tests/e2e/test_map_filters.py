"""The map's filters in a browser: « Effacer les filtres » works on its first click, at once.

Issue 11 saw the first click after Esc do nothing, and the same click a moment later work. The
circle filter stands low in the sidebar, so its list opens upward over the button; after Esc the
list fades out for 120 ms, invisible but still catching the pointer: a click in that moment fell
on the fading list (checked with `document.elementFromPoint`; no message left for the server).
Playwright's own `click()` waits until nothing covers its target, so these tests click where the
button stands, as a person's mouse does, with the page's animations slowed down so the fade
lasts long enough for the click to land in it on any machine.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from reseau.i18n import label, t
from reseau.ui import pages
from reseau.vocabulary import Circle
from tests.e2e.conftest import Server, assert_no_error, go_to, open_app, wait_idle

SUPPORT = label(Circle.SUPPORT, "fr")
FADING_LIST = '[data-testid="stMultiSelectDropdown"][data-exiting]'


def _slow_animations(page: Page) -> None:
    """Plays the page's animations ten times slower: the list's fade-out lasts 1.2 s."""
    session = page.context.new_cdp_session(page)
    session.send("Animation.enable")
    session.send("Animation.setPlaybackRate", {"playbackRate": 0.1})


def _click_where_it_stands(page: Page, target: Locator) -> None:
    """Clicks the middle of where `target` stands, whatever covers it (as a mouse does)."""
    box = target.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _reset_button(page: Page) -> Locator:
    """« Effacer les filtres », found by its key: an open list hides it from the roles' tree."""
    # Streamlit gives a keyed element the class `st-key-<key>`, dots written as dashes.
    button = page.get_by_test_id("stSidebar").locator(".st-key-map-filter-reset button")
    expect(button).to_contain_text(t("map.filter.reset", "fr"))
    return button


def _open_the_map_and_pick_the_support_circle(page: Page, server: Server) -> Locator:
    """The map in French with the circle filter's list open and « Réseau de soutien » picked."""
    open_app(page, server, "?demo=1&lang=fr")
    go_to(page, t(pages.MAP.title_key, "fr"))
    sidebar = page.get_by_test_id("stSidebar")
    circles = sidebar.get_by_test_id("stMultiSelect").first
    circles.locator("input").click()
    page.get_by_role("option", name=SUPPORT, exact=True).click()
    return circles


def _assert_the_filters_are_cleared(page: Page, circles: Locator) -> None:
    expect(circles).not_to_contain_text(SUPPORT)
    expect(circles.locator("input")).to_have_attribute("placeholder", t("map.filter.all", "fr"))
    wait_idle(page)
    assert_no_error(page)
    expect(circles).not_to_contain_text(SUPPORT)


def test_clear_filters_works_on_a_click_made_while_the_list_closed_by_esc_still_fades_over_it(
    page: Page, server: Server
) -> None:
    circles = _open_the_map_and_pick_the_support_circle(page, server)
    wait_idle(page)
    reset = _reset_button(page)
    expect(reset).to_be_enabled()
    _slow_animations(page)

    page.keyboard.press("Escape")  # closes the list, the focus still in the filter
    expect(page.locator(FADING_LIST)).to_have_count(1)
    _click_where_it_stands(page, reset)

    _assert_the_filters_are_cleared(page, circles)


def test_clear_filters_works_when_clicked_before_the_run_after_the_pick_is_over(
    page: Page, server: Server
) -> None:
    circles = _open_the_map_and_pick_the_support_circle(page, server)
    reset = _reset_button(page)
    _slow_animations(page)

    page.keyboard.press("Escape")
    _click_where_it_stands(page, reset)

    _assert_the_filters_are_cleared(page, circles)

"""The map's filters in a browser: « Effacer les filtres » works on its first click, at once.

Issue 11 saw the first click after Esc do nothing, and the same click a moment later work. Two
causes, each with its test:
- The circle filter stands low in the sidebar, so its list opens upward over the button; after
  Esc the list fades out for 120 ms, invisible but still catching the pointer: a click in that
  moment fell on the fading list (seen with `document.elementFromPoint`; nothing was sent).
- The button was switched off while nothing was filtered, and the page learns that a filter was
  set only when the run it starts is over: a click before then fell on a switched-off button.
Playwright's own `click()` waits until its target is enabled and nothing covers it, so these
tests click where the button stands, as a person's mouse does. The fade is slowed down and the
server's answer held back, so the click lands in those moments on any machine.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, WebSocketRoute, expect

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


class _SlowServer:
    """Holds back what the server sends the page while `holding`, then delivers it in order.

    The page then sees a run as a busy server would serve it: begun, but not over yet.
    """

    def __init__(self, page: Page) -> None:
        self.holding = False
        self._held: list[str | bytes] = []
        self._route: WebSocketRoute | None = None
        page.route_web_socket(re.compile(r"/_stcore/stream$"), self._connect)

    def _connect(self, route: WebSocketRoute) -> None:
        server = route.connect_to_server()
        route.on_message(server.send)
        server.on_message(self._from_server)
        self._route = route

    def _from_server(self, message: str | bytes) -> None:
        if self.holding or self._held:
            self._held.append(message)
        elif self._route is not None:
            self._route.send(message)

    def release(self) -> None:
        """Delivers what was held, in order (messages arriving meanwhile queue behind it)."""
        self.holding = False
        while self._held and self._route is not None:
            self._route.send(self._held.pop(0))


def test_clear_filters_works_when_clicked_before_the_run_after_the_pick_is_over(
    page: Page, server: Server
) -> None:
    slow = _SlowServer(page)
    open_app(page, server, "?demo=1&lang=fr")
    go_to(page, t(pages.MAP.title_key, "fr"))
    sidebar = page.get_by_test_id("stSidebar")
    reset = _reset_button(page)
    circles = sidebar.get_by_test_id("stMultiSelect").first
    circles.locator("input").click()

    slow.holding = True  # the run the pick starts is not over when the participant clicks
    page.get_by_role("option", name=SUPPORT, exact=True).click()
    page.keyboard.press("Escape")
    expect(page.locator(FADING_LIST)).to_have_count(0)
    _click_where_it_stands(page, reset)
    slow.release()

    _assert_the_filters_are_cleared(page, circles)

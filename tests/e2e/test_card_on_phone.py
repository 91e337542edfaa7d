"""On a 390×844 phone the card keeps the contact's name in view while the participant scrolls
down to the first action's due date (the card is far taller than the screen there)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from reseau.i18n import t
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    Server,
    main_area,
    open_app,
    press_option,
    wait_idle,
)
from tests.e2e.test_room_screens import (
    PHONE,
    PHONE_AGENT,
    collapse_sidebar,
    expand_sidebar,
    viewport_shot,
)

# Whether the element at the middle of the name's box is the name itself: in the viewport and
# not hidden under Streamlit's own top bar or anything else.
SEEN_JS = """(e) => {
    const r = e.getBoundingClientRect();
    const x = r.left + Math.min(r.width, 40) / 2, y = r.top + r.height / 2;
    const top = document.elementFromPoint(x, y);
    return {box: {x: r.left, y: r.top, width: r.width, height: r.height},
            seen: !!top && (top === e || e.contains(top))};
}"""


@pytest.fixture
def phone(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(
        locale="fr-FR", viewport=PHONE, is_mobile=True, has_touch=True, user_agent=PHONE_AGENT
    )
    context.set_default_timeout(IDLE_TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_contacts_name_stays_in_view_down_to_the_due_date(phone: Page, server: Server, lang):
    open_app(phone, server, f"?demo=1&lang={lang}")
    expand_sidebar(phone)
    phone.locator('[data-testid="stSidebarNav"]').get_by_text(t("nav.qualify", lang)).click()
    wait_idle(phone)
    collapse_sidebar(phone)
    press_option(phone, t("qualify.mode", lang), t("qualify.mode.card", lang))
    name = main_area(phone).locator("h3").first
    expect(name).to_be_visible()
    shown = name.inner_text().strip()
    due = main_area(phone).get_by_label(t("field.action_due", lang), exact=True)

    due.scroll_into_view_if_needed()
    wait_idle(phone)

    due_box = due.bounding_box()
    assert due_box and 0 <= due_box["y"] <= PHONE["height"], "scrolled down to the due date"
    found = name.evaluate(SEEN_JS)
    viewport_shot(phone, f"card-phone-390-due-date-{lang}")
    box = found["box"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert found["seen"], "the name is not covered by anything"
    assert name.inner_text().strip() == shown

"""What only the browser shows: a grid's typed value saved, and a table that never moves."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Locator, Page, expect

from reseau.i18n import t
from reseau.storage import open_store
from reseau.ui.frontend_words import FRENCH
from reseau.vocabulary import Circle
from reseau.workbook import Workbook
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    Server,
    assert_no_error,
    click_button,
    go_to,
    main_area,
    open_app,
    press_option,
    screenshot,
    wait_idle,
    workbook_id,
)

ROW_HEIGHT = 35  # Streamlit's default grid row height, header included


def _stored(page: Page, server: Server) -> Workbook:
    store = open_store(f"sqlite:///{server.data_dir / 'reseau.sqlite3'}")
    return store.load(workbook_id(page))


def _grid(page: Page) -> Locator:
    return main_area(page).locator('[data-testid="stDataFrame"]').first


def _click_cell(page: Page, grid: Locator, row: int, x: float) -> None:
    """Clicks the grid's canvas `x` pixels from its left edge, in the middle of data row `row`."""
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + x, box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2)


def _expect_caption(page: Page, text: str) -> None:
    """Waits until the page shows `text` (the rerun of the last action is over), then idles."""
    expect(main_area(page).get_by_text(text, exact=True)).to_be_visible()
    wait_idle(page)


def _table_top(page: Page) -> float:
    box = _grid(page).bounding_box()
    assert box is not None
    return box["y"]


def test_placing_contacts_in_trier_leaves_the_table_where_it_was_for_the_next_ticks(
    page: Page, server: Server
):
    open_app(page, server, "?demo=1")
    go_to(page, t("nav.qualify", "fr"))
    main_area(page).get_by_text(t("qualify.sort.unsorted_only", "fr")).click()
    _expect_caption(page, t("qualify.sort.selected.none", "fr", count=0, total=31))
    grid = _grid(page)
    _click_cell(page, grid, 0, 18)
    _expect_caption(page, t("qualify.sort.selected.one", "fr", count=1, total=31))
    _click_cell(page, grid, 1, 18)
    _expect_caption(page, t("qualify.sort.selected.many", "fr", count=2, total=31))
    press_option(page, t("field.circle", "fr"), t("circle.operational", "fr"))
    before = _table_top(page)

    click_button(page, t("qualify.sort.apply.many", "fr", count=2))
    _expect_caption(page, t("qualify.sort.selected.none", "fr", count=0, total=31))
    after_placing = _table_top(page)
    _click_cell(page, grid, 2, 18)
    _expect_caption(page, t("qualify.sort.selected.one", "fr", count=1, total=31))
    after_next_tick = _table_top(page)

    assert_no_error(page)
    assert before == after_placing == after_next_tick
    first, second, third = _stored(page, server).network.contacts[:3]
    assert (first.circle, second.circle) == (Circle.OPERATIONAL, Circle.OPERATIONAL)
    assert third.circle is not Circle.OPERATIONAL
    screenshot(page, "fr-trier-after-placing")


def _type_a_phone_in_the_first_row(page: Page, phone: str, *, commit: bool = True) -> None:
    """Types `phone` in the first contact's phone cell of the home grid (Enter commits it)."""
    grid = _grid(page)
    grid.scroll_into_view_if_needed()
    _click_cell(page, grid, 0, 40)  # first name of the first contact
    for _ in range(5):  # to the phone column
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # opens the cell's editor
    editor = page.locator("textarea.gdg-input")
    editor.wait_for()
    editor.fill(phone)
    if commit:
        page.keyboard.press("Enter")


def _expect_phone_kept(page: Page, server: Server, contact_id: str, phone: str) -> None:
    assert_no_error(page)
    assert _stored(page, server).network.get(contact_id).phone == phone
    assert not main_area(page).get_by_text(t("contacts.pending_row", "fr")).count()
    # The grid's cells are also written in its accessible table, which the canvas draws.
    cell = _grid(page).locator('[data-testid="glide-cell-6-0"]')  # column 6: the phone
    assert cell.inner_text() == phone


def test_a_phone_typed_in_the_home_grid_is_saved_and_still_there_after_a_trip_to_importer(
    page: Page, server: Server
):
    open_app(page, server, "?demo=1")
    first = _stored(page, server).network.contacts[0]

    _type_a_phone_in_the_first_row(page, "06 99 88 77 66")
    expect(page.get_by_text(t("contacts.saved", "fr"))).to_be_visible()  # the toast
    go_to(page, t("nav.import", "fr"))
    go_to(page, t("nav.home", "fr"))

    _expect_phone_kept(page, server, first.id, "06 99 88 77 66")
    _grid(page).scroll_into_view_if_needed()
    screenshot(page, "fr-accueil-grid-after-typing")


@pytest.mark.parametrize("commit", ["Enter", "click"])
def test_a_phone_typed_in_the_home_grid_is_kept_when_importer_is_clicked_at_once(
    page: Page, server: Server, commit: str
):
    # The grid sends an edit 150 ms after it, and a page change used to drop it meanwhile
    # (4 times in 4); a click on the link while the cell is open commits the cell too.
    open_app(page, server, "?demo=1")
    first = _stored(page, server).network.contacts[0]

    _type_a_phone_in_the_first_row(page, "06 11 22 33 44", commit=commit == "Enter")
    go_to(page, t("nav.import", "fr"))
    go_to(page, t("nav.home", "fr"))

    _expect_phone_kept(page, server, first.id, "06 11 22 33 44")


def _select_cell(page: Page, grid: Locator, row: int, column: int, x: float) -> None:
    """Clicks a cell and waits until the grid says it is the selected one."""
    cell = grid.locator(f'[data-testid="glide-cell-{column}-{row}"]')
    cell.wait_for(state="attached")
    _click_cell(page, grid, row, x)
    expect(cell).to_have_attribute("aria-selected", "true")


def _type_in_cell(page: Page, text: str) -> None:
    """Opens the selected cell's editor with Enter, types `text` and commits it with Enter."""
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.wait_for()
    editor.fill(text)
    page.keyboard.press("Enter")
    wait_idle(page)


def test_a_row_added_in_the_home_grid_becomes_one_contact_filled_cell_by_cell(
    page: Page, server: Server
):
    open_app(page, server)
    grid = _grid(page)
    grid.scroll_into_view_if_needed()
    grid.hover()  # shows the grid's toolbar
    # Streamlit's « Add row », in French on a French screen (reseau/ui/frontend_words.py).
    add_row = FRENCH["Add row"]
    page.locator(f'[data-testid="stElementToolbar"] button[aria-label="{add_row}"]').click()
    _select_cell(page, grid, 0, 1, 40)  # the first name of the new row
    _type_in_cell(page, "Inès")
    # The count above the grid changes once the new contact is saved.
    expect(
        main_area(page).get_by_text(t("home.current", "fr", count=1, qualified=0))
    ).to_be_visible()
    _select_cell(page, grid, 0, 2, 40 + 100)  # the last name, next to the first name
    _type_in_cell(page, "Roussel")

    assert_no_error(page)
    # The edit's rerun may start an instant after the page looked idle: wait on the store.
    deadline = time.monotonic() + IDLE_TIMEOUT_MS / 1000
    network = _stored(page, server).network
    while not any(c.last_name for c in network) and time.monotonic() < deadline:
        time.sleep(0.05)
        network = _stored(page, server).network
    [contact] = network
    assert (contact.first_name, contact.last_name) == ("Inès", "Roussel")
    screenshot(page, "fr-accueil-row-added")

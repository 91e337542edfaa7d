"""Streamlit's own texts (uploader, lists, grid toolbar) read in the participant's language."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from reseau.i18n import t
from reseau.ui import pages
from tests.e2e.conftest import (
    TRAINER_PASSWORD,
    Server,
    click_button,
    fill_text,
    go_to,
    main_area,
    open_app,
    open_section,
    press_option,
)

ENGLISH_CHROME = ("Drag and drop a file here", "Upload", "per file", "Choose an option")


def test_the_file_uploader_speaks_french_on_a_french_screen(page: Page, server: Server) -> None:
    open_app(page, server, "?lang=fr")
    go_to(page, t(pages.IMPORT.title_key, "fr"))

    dropzone = page.get_by_test_id("stFileUploaderDropzone")
    expect(dropzone).to_contain_text("Mo par fichier")
    expect(dropzone.get_by_test_id("stBaseButton-secondary")).to_have_accessible_name(
        "Choisir un fichier"
    )
    for english in ENGLISH_CHROME:
        expect(dropzone).not_to_contain_text(english)


def test_the_map_filters_ask_in_french_and_the_english_screen_stays_english(
    page: Page, server: Server
) -> None:
    open_app(page, server, "?demo=1&lang=fr")
    go_to(page, t(pages.MAP.title_key, "fr"))
    circles = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    circles.locator("input").click()
    dropdown = page.get_by_test_id("stMultiSelectDropdown")
    expect(dropdown).to_contain_text("Tout sélectionner")
    expect(dropdown).not_to_contain_text("Select all")
    page.keyboard.press("Escape")

    open_app(page, server, "?demo=1&lang=en")
    go_to(page, t(pages.IMPORT.title_key, "en"))
    dropzone = main_area(page).get_by_test_id("stFileUploaderDropzone")
    expect(dropzone).to_contain_text("25MB per file")
    expect(dropzone.get_by_test_id("stBaseButton-secondary")).to_have_accessible_name("Upload")


def test_the_cards_due_date_asks_for_a_french_date(page: Page, server: Server) -> None:
    open_app(page, server, "?demo=1&lang=fr")
    go_to(page, t(pages.QUALIFY.title_key, "fr"))
    press_option(page, t("qualify.mode", "fr"), t("qualify.mode.card", "fr"))

    # An unqualified contact of the demo has no due date yet: its field shows empty segments.
    main_area(page).get_by_role("button", name=t("qualify.next_open", "fr")).first.click()

    due = main_area(page).get_by_test_id("stDateInput").first
    expect(due).to_contain_text("aaaa")
    expect(due).not_to_contain_text("yyyy")


def test_a_long_message_offers_to_read_more_in_french(page: Page, server: Server) -> None:
    open_app(page, server, "?lang=fr")
    go_to(page, t("nav.trainer", "fr"))
    fill_text(page, t("trainer.password", "fr"), TRAINER_PASSWORD)
    click_button(page, t("trainer.login", "fr"))
    open_section(page, t("trainer.create.title", "fr"))
    # A long name makes the message announcing the workshop longer than the three lines shown.
    fill_text(page, t("trainer.create.name", "fr"), "Managers transverses " + "de Lyon " * 12)

    click_button(page, t("trainer.create.button", "fr"))

    more = page.get_by_test_id("stToastViewButton").first
    expect(more).to_have_text("voir plus")
    more.click()
    expect(more).to_have_text("voir moins")

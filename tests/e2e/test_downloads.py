"""Downloads built on click, in a real browser: the file comes, and the page stays usable.

The run a click starts waits for the file's outcome (to say so if it failed): it must neither
hang nor show an error when the file was built.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from reseau.i18n import t
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    TRAINER_PASSWORD,
    Server,
    click_button,
    fill_text,
    go_to,
    main_area,
    main_text,
    open_app,
    open_section,
    wait_idle,
)


def test_the_calendar_downloads_and_no_error_is_shown(page: Page, server: Server) -> None:
    open_app(page, server, "?demo=1&lang=fr")
    go_to(page, t("nav.plan", "fr"))

    button = main_area(page).get_by_role("button", name=t("plan.ics.download", "fr"))
    wait_idle(page)
    # One click brings the file, even on a busy machine (the click starts no run that could
    # redraw the button and drop the file).
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    wait_idle(page)

    assert Path(download.path()).read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert t("error.download_failed", "fr") not in main_text(page)


def test_the_room_export_of_a_workshop_named_with_control_characters_downloads(
    page: Page, server: Server
) -> None:
    open_app(page, server)
    go_to(page, t("nav.trainer", "fr"))
    fill_text(page, t("trainer.password", "fr"), TRAINER_PASSWORD)
    click_button(page, t("trainer.login", "fr"))
    # With workshops already on this server, the form waits in a closed section.
    open_section(page, t("trainer.create.title", "fr"))
    fill_text(page, t("trainer.create.name", "fr"), "Atelier\x07 du\x1b soir")
    click_button(page, t("trainer.create.button", "fr"))
    page.get_by_role("tab", name=t("trainer.tab.export", "fr")).click()
    export = main_area(page).get_by_role("button", name=t("trainer.export.button", "fr"))
    expect(export).to_be_enabled()
    wait_idle(page)

    # The file is built when asked (the room counted, the workbook written): on a machine busy
    # with a whole CI run, with the live room refreshing beside it, that took over 30 s once.
    with page.expect_download(timeout=3 * IDLE_TIMEOUT_MS) as download_info:
        export.click()
    wait_idle(page)

    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"PK")
    assert t("error.download_failed", "fr") not in main_text(page)
    cells = [
        str(cell.value)
        for sheet in load_workbook(BytesIO(data)).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value
    ]
    assert any("Atelier du soir" in text for text in cells)  # named, its control characters gone

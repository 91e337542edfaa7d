"""Three months later: a participant closes an assessment, comes back when the clock has moved
on (the server restarted with a later `RESEAU_TODAY`), confirms one contact « Inchangé » on the
card, re-assesses five contacts, sees what changed on screen and in the Excel file, the day their
data would go, and takes the next assessment into their calendar."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from reseau.cadence import to_reach
from reseau.demo import load_demo_network
from reseau.i18n import day, t
from reseau.scoring import score_network
from tests.e2e.conftest import (
    VIEWPORT,
    button,
    click_button,
    expect_text,
    go_to,
    main_area,
    main_text,
    open_app,
    press_option,
    screenshot,
    start_server,
    wait_idle,
    workbook_id,
)

CLOSED = date(2026, 11, 29)
LATER = date(2027, 3, 1)


def _pick(page: Page, label: str, option: str) -> None:
    """Chooses `option` in the drop-down labelled `label`, by the roles a screen reader uses."""
    box = page.get_by_role("combobox", name=label, exact=True).first
    box.click()
    # The list draws only the options in view: typing narrows it to the one wanted.
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).first.click()
    wait_idle(page)


def _download(page: Page, label: str) -> bytes:
    button = main_area(page).get_by_role("button", name=label).first
    try:
        with page.expect_download(timeout=15_000) as download_info:
            button.click()
        download = download_info.value
    except PlaywrightTimeout:
        # Known race (closing note of 2026-11-29): the first click's file can be dropped on a
        # busy machine when the run it starts redraws the button; a participant clicks again.
        wait_idle(page)
        with page.expect_download() as download_info:
            button.click()
        download = download_info.value
    wait_idle(page)
    return Path(download.path()).read_bytes()


def test_an_assessment_closed_then_redone_three_months_later_shows_what_changed(
    browser: Browser, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    server = start_server(data_dir, {"RESEAU_TODAY": CLOSED.isoformat()})
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT)
    try:
        page = context.new_page()
        open_app(page, server, "?demo=1&lang=fr")
        go_to(page, t("nav.assessments", "fr"))
        click_button(page, t("assess.close.button", "fr", day=day(CLOSED, "fr")))
        expect_text(page, t("assess.close.done", "fr", day=day(CLOSED, "fr")))
        link = workbook_id(page)
        server.stop()

        # Three months later, the same link on a server whose clock has moved on.
        server = start_server(data_dir, {"RESEAU_TODAY": LATER.isoformat()}, port=server.port)
        open_app(page, server, f"?wb={link}&lang=fr")

        # On the card, one click says a contact has not changed since the last assessment.
        go_to(page, t("nav.qualify", "fr"))
        press_option(page, t("qualify.mode", "fr"), t("qualify.mode.card", "fr"))
        click_button(page, t("assess.carry.unchanged", "fr"))
        expect(button(page, t("assess.carry.unchanged", "fr"))).to_have_count(0)
        go_to(page, t("nav.assessments", "fr"))
        expect_text(
            page,
            t("assess.carry.waiting", "fr", count=30, day=day(CLOSED, "fr")).split(" depuis")[0],
        )
        demo = load_demo_network()
        due = to_reach(demo, {}, score_network(demo, today=LATER), LATER)
        five = [reminder.name for reminder in due[:5]]
        for name in five:
            _pick(page, t("reach.log.who", "fr"), name)
            click_button(page, t("reach.log.submit", "fr"))
            expect_text(page, t("reach.log.done", "fr", name=name))
        click_button(page, t("assess.close.button", "fr", day=day(LATER, "fr")))
        expect_text(page, t("assess.close.done", "fr", day=day(LATER, "fr")))

        # The next assessment, three months on by default, as an event in the calendar.
        planned = date(2027, 6, 1)
        calendar = _download(page, t("assess.plan.download", "fr"))
        [event] = Calendar.from_ical(calendar).walk("VEVENT")
        assert event.decoded("dtstart") == planned
        # Retention counts from this visit: the day the data goes, and it falls before then.
        expect_text(page, "Vos données seront effacées le ")
        expect_text(page, t("mydata.retention.before_plan", "fr", planned=day(planned, "fr")))

        _pick(page, t("assess.compare.before", "fr"), f"Bilan du {day(CLOSED, 'fr')}")
        _pick(page, t("assess.compare.after", "fr"), f"Bilan du {day(LATER, 'fr')}")
        sentences = main_area(page).locator(".st-key-assess-sentences").inner_text()
        for name in five:
            assert f"{name} : force" in sentences or f"{name} passe de" in sentences, sentences
        screenshot(page, "fr-bilans-three-months-later")

        go_to(page, t("nav.export", "fr"))
        click_button(page, t("export.build", "fr"))
        with page.expect_download() as download_info:
            main_area(page).get_by_role("button", name=t("export.download", "fr")).first.click()
        data = Path(download_info.value.path()).read_bytes()
        book = openpyxl.load_workbook(io.BytesIO(data))
        sheet = book[t("export.sheet.evolution", "fr")]
        assert sheet["A1"].value == t(
            "export.evolution.title", "fr", before=day(LATER, "fr"), after=day(LATER, "fr")
        )
        history = [row[0] for row in sheet.iter_rows(values_only=True)]
        assert f"Bilan du {day(CLOSED, 'fr')}" in history
        assert f"Bilan du {day(LATER, 'fr')}" in history
        assert t("error.unexpected", "fr") not in main_text(page)
    finally:
        context.close()
        server.stop()

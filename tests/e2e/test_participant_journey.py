"""A participant's whole morning, in a real browser: import, qualify, map, plan, Excel, refresh."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from reseau.i18n import t
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    Server,
    assert_no_error,
    click_button,
    go_to,
    main_area,
    main_text,
    open_app,
    press_option,
    screenshot,
    title_text,
    wait_idle,
    workbook_id,
)

LINKEDIN_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    ' connections to see or download their email address using this setting."\n'
    "\n"
)
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
PEOPLE = [
    ("Éloïse", "Dupré-Ménard", "Lumières & Cie", "Directrice administrative et financière"),
    ("小明", "王", "Zéphyr Labs", "Ingénieur logiciel"),
    ("José-María ", "O'Connor-Dubois ", '"Ostrowski, Lévy & Associés"', "Associé"),
    ("Océane 🌊", "Martin", "Atelier Brocéliande", "Cheffe de projet"),
    ("Karim", "Benali", "Altéa Logistique", "Responsable des achats"),
    ("Lucie", "Fontaine", "", ""),
]
# What the participant decides for each of the three contacts they qualify.
QUALIFICATIONS = [
    ("circle.support", "role.sponsor", {"frequency": 4, "trust": 5, "added_value": 5}),
    ("circle.information", "role.peer", {"frequency": 2, "trust": 3, "added_value": 4}),
    ("circle.operational", "role.beneficiary", {"frequency": 3, "trust": 2, "added_value": 3}),
]
MISSION = {"interest": 4, "power": 3}


def linkedin_export(folder: Path) -> Path:
    """A LinkedIn 'Connections.csv' as LinkedIn writes it: preamble, header on line 4, LF."""
    rows = [
        f"{first},{last},https://www.linkedin.com/in/p{n},"
        f"{'p' + str(n) + '@example.com' if n % 2 else ''},{company},{position},28 Dec 2025\n"
        for n, (first, last, company, position) in enumerate(PEOPLE)
    ]
    rows.append(",,,,,,01 Mar 2024\n")  # a member who left LinkedIn: skipped
    path = folder / "Connections.csv"
    path.write_text(LINKEDIN_PREAMBLE + LINKEDIN_HEADER + "".join(rows), encoding="utf-8")
    return path


# --- the steps ------------------------------------------------------------------------------


def import_file(page: Page, path: Path) -> None:
    """Drops the file on the Import page and confirms the preview with its main button."""
    go_to(page, t("nav.import", "fr"))
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
        str(path)
    )
    wait_idle(page)
    main_area(page).locator('[data-testid="stBaseButton-primary"]').first.click()
    wait_idle(page)


def qualify_current_contact(page: Page, circle: str, role: str, marks: dict[str, int]) -> str:
    """Places the contact on the card in a circle and a role and gives the five marks."""
    name = main_area(page).locator("h3").first.inner_text().strip()
    press_option(page, t("field.circle", "fr"), t(circle, "fr"))
    press_option(page, t("field.role", "fr"), t(role, "fr"))
    assert_no_error(page)
    for criterion, mark in {**marks, **MISSION}.items():
        press_option(page, t(f"criterion.{criterion}", "fr"), str(mark))
        assert_no_error(page)
    return name


def qualify_three(page: Page) -> list[str]:
    """Goes through the walkthrough card by card, qualifying three contacts."""
    go_to(page, t("nav.qualify", "fr"))
    press_option(page, t("qualify.mode", "fr"), t("qualify.mode.card", "fr"))
    names = []
    for circle, role, marks in QUALIFICATIONS:
        names.append(qualify_current_contact(page, circle, role, marks))
        click_button(page, t("qualify.next_open", "fr"))
    return names


def download_excel(page: Page) -> bytes:
    go_to(page, t("nav.export", "fr"))
    click_button(page, t("export.build", "fr"))
    with page.expect_download() as download_info:
        main_area(page).get_by_role("button", name=t("export.download", "fr")).first.click()
    return Path(download_info.value.path()).read_bytes()


# --- the journey ----------------------------------------------------------------------------


def test_a_participant_imports_qualifies_plans_and_leaves_with_an_excel_file(
    page: Page, server: Server, tmp_path: Path
) -> None:
    open_app(page, server)
    import_file(page, linkedin_export(tmp_path))
    assert t("common.needs_contacts", "fr") not in main_text(page)

    qualified = qualify_three(page)
    assert len(set(qualified)) == 3
    assert t("qualify.progress", "fr", qualified=3, total=len(PEOPLE)) in main_text(page)
    screenshot(page, "journey-qualifier")

    go_to(page, t("nav.map", "fr"))
    page.locator(".js-plotly-plot").first.wait_for()
    assert page.locator(".js-plotly-plot").count() >= 1
    screenshot(page, "journey-carte")

    go_to(page, t("nav.plan", "fr"))
    assert title_text(page) == t("plan.title", "fr")
    # The plan is an editable grid drawn on a canvas: its rows are checked in the Excel file.
    assert t("common.needs_contacts", "fr") not in main_text(page)
    assert_no_error(page)
    screenshot(page, "journey-plan")

    workbook = openpyxl.load_workbook(io.BytesIO(download_excel(page)))
    assert workbook.sheetnames[:4] == [
        t(f"export.sheet.{sheet}", "fr") for sheet in ("summary", "plan", "contacts", "method")
    ]
    contacts_sheet = workbook[t("export.sheet.contacts", "fr")]
    cells = {str(cell.value) for row in contacts_sheet.iter_rows() for cell in row if cell.value}
    assert {"Éloïse", "王", "José-María", "O'Connor-Dubois", "Lucie"} <= cells
    assert t("circle.support", "fr") in cells and t("role.sponsor", "fr") in cells
    assert all(name.split()[0] in cells for name in qualified)
    assert t("role.peer", "fr") in cells and t("role.beneficiary", "fr") in cells

    before = workbook_id(page)
    page.reload()
    wait_idle(page)
    assert workbook_id(page) == before
    go_to(page, t("nav.qualify", "fr"))
    assert t("qualify.progress", "fr", qualified=3, total=len(PEOPLE)) in main_text(page)


def test_the_walkthrough_qualifies_a_contact_card_by_card_and_keeps_it_after_a_refresh(
    page: Page, server: Server
) -> None:
    open_app(page, server, "?demo=1")
    go_to(page, t("nav.qualify", "fr"))
    press_option(page, t("qualify.mode", "fr"), t("qualify.mode.card", "fr"))
    click_button(page, t("qualify.next_open", "fr"))

    circle, role, marks = QUALIFICATIONS[0]
    name = qualify_current_contact(page, circle, role, marks)
    page.reload()
    wait_idle(page)
    # Idle can come between the page's run and the card's own (a fragment): wait for the
    # restored screen itself, not for a pause.
    expect(main_area(page)).to_contain_text(
        t("qualify.progress", "fr", qualified=30, total=31), timeout=IDLE_TIMEOUT_MS
    )

    assert name in main_text(page)

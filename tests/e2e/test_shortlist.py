"""In a real browser: a 1,500-row LinkedIn export, and the participant keeps only a few people."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page

from reseau.i18n import t
from tests.e2e.conftest import (
    Server,
    assert_no_error,
    expect_text,
    fill_text,
    go_to,
    main_area,
    main_text,
    open_app,
    screenshot,
    upload,
    wait_idle,
)
from tests.importing.linkedin import connections_csv


def test_the_participant_shortlists_a_1500_row_linkedin_export_and_imports_only_them(
    page: Page, server: Server, tmp_path: Path
) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_csv(1_500))
    open_app(page, server)
    go_to(page, t("nav.import", "fr"))
    upload(page, path)
    expect_text(page, t("import.shortlist.title", "fr"))
    assert "Personnes gardées : 0 sur 1500" in main_text(page).replace("\u202f", "")

    fill_text(page, t("import.shortlist.search", "fr"), "hugo")
    fill_text(page, t("import.shortlist.job_title", "fr"), "chef de projet")
    assert_no_error(page)
    tick = main_area(page).get_by_role(
        "button", name=re.compile(r"^Cocher les personnes affichées")
    )
    shown = int(re.search(r"\((\d+)\)", tick.first.inner_text()).group(1))
    assert 0 < shown < 100
    tick.first.click()
    wait_idle(page)
    expect_text(page, f"Personnes gardées : {shown} sur")
    screenshot(page, "shortlist")

    confirm = main_area(page).locator('[data-testid="stBaseButton-primary"]').first
    assert confirm.inner_text().strip().endswith(t("import.confirm", "fr", count=shown))
    confirm.click()
    wait_idle(page)
    expect_text(page, t("import.done", "fr", added=shown, merged=0))
    assert_no_error(page)

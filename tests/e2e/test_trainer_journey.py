"""The trainer's journey: the demo link on the projector, then a live workshop."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page

from reseau.i18n import t
from tests.e2e.conftest import (
    TRAINER_PASSWORD,
    Server,
    click_button,
    expect_text,
    fill_text,
    go_to,
    main_text,
    open_app,
    open_section,
    screenshot,
    title_text,
    workbook_id,
)


def test_the_demo_link_shows_a_complete_network_on_every_screen(page: Page, server: Server) -> None:
    open_app(page, server, "?demo=1")

    assert t("home.current", "fr", count=31, qualified=29) in main_text(page)
    assert "demo=1" not in page.url
    demo_workbook = workbook_id(page)
    go_to(page, t("nav.map", "fr"))
    assert title_text(page) == t("map.title", "fr")
    assert t("common.needs_contacts", "fr") not in main_text(page)
    go_to(page, t("nav.plan", "fr"))
    assert t("common.needs_contacts", "fr") not in main_text(page)
    assert workbook_id(page) == demo_workbook


def metric_value(page: Page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=label)
    )
    return metric.first.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_a_trainer_creates_a_workshop_and_watches_a_participant_progress_live(
    new_context: Callable[..., BrowserContext], server: Server
) -> None:
    trainer = new_context().new_page()
    open_app(trainer, server)
    go_to(trainer, t("nav.trainer", "fr"))
    fill_text(trainer, t("trainer.password", "fr"), TRAINER_PASSWORD)
    click_button(trainer, t("trainer.login", "fr"))
    # With workshops already on this server, the form waits in a closed section.
    open_section(trainer, t("trainer.create.title", "fr"))
    fill_text(trainer, t("trainer.create.name", "fr"), "Managers transverses – e2e")
    click_button(trainer, t("trainer.create.button", "fr"))
    code = trainer.locator('[data-testid="stMain"] h1').nth(1).inner_text().strip()
    assert code.replace("-", "").isalnum() and len(code) >= 6
    trainer.get_by_role("tab", name=t("trainer.tab.room", "fr")).click()
    expect_text(trainer, t("trainer.room.empty", "fr"))

    participant = new_context().new_page()
    open_app(participant, server, f"?join={code.replace('-', '')}")
    assert "Managers transverses – e2e" in main_text(participant)
    click_button(participant, t("home.start.demo", "fr"))

    # The room refreshes by itself: no reload of the trainer's page.
    trainer.wait_for_function(
        """([label, wanted]) => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .some(m => m.innerText.includes(label) && m.innerText.includes(wanted))""",
        arg=[t("workshop.col.qualified", "fr"), "29"],
        timeout=30_000,
    )
    assert metric_value(trainer, t("trainer.room.joined", "fr")) == "1"
    assert metric_value(trainer, t("workshop.col.qualified", "fr")) == "29"
    screenshot(trainer, "fr-formateur-salle")
    assert "Fontaine" not in main_text(trainer), "the trainer never sees a contact's name"

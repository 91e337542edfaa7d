"""The second session of a course: the trainer opens a follow-up workshop attached to the first
and the room sees, anonymously, how its networks moved since the participants' first assessment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from playwright.sync_api import Browser

from reseau.assessments import close_assessment
from reseau.demo import load_demo_network
from reseau.i18n import t
from reseau.storage import open_store
from reseau.vocabulary import Circle, Role
from reseau.workbook import Workbook
from tests.e2e.conftest import (
    TRAINER_PASSWORD,
    VIEWPORT,
    click_button,
    expect_text,
    fill_text,
    go_to,
    main_text,
    open_app,
    open_section,
    screenshot,
    start_server,
)

FIRST = date(2026, 11, 29)
SECOND = date(2027, 3, 1)


def _first_session(data_dir: Path) -> str:
    """A first workshop whose three participants closed an assessment; one sorted more since."""
    data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{data_dir / 'reseau.sqlite3'}")
    workshop = store.create_workshop("Managers transverses, Lyon")
    demo = load_demo_network()
    assessed = close_assessment(Workbook(network=demo), FIRST)
    ids = [store.join_workshop(workshop.code, assessed)[0] for _ in range(3)]
    joined = store.load(ids[0])
    unsorted = next(c for c in demo if c.circle is None)
    moved = joined.network.update(unsorted.id, circle=Circle.SUPPORT, role=Role.SPONSOR)
    store.save(ids[0], joined.with_changes(network=moved))
    store.engine.dispose()
    return workshop.name


def test_a_follow_up_workshop_shows_the_room_before_and_after_without_a_name(
    browser: Browser, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    first_name = _first_session(data_dir)
    server = start_server(data_dir, {"RESEAU_TODAY": SECOND.isoformat()})
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT)
    try:
        page = context.new_page()
        open_app(page, server)
        go_to(page, t("nav.trainer", "fr"))
        fill_text(page, t("trainer.password", "fr"), TRAINER_PASSWORD)
        click_button(page, t("trainer.login", "fr"))

        open_section(page, t("follow_up.open.title", "fr"))
        click_button(page, t("follow_up.open.button", "fr"))
        page.get_by_role("tab", name=t("trainer.tab.room", "fr")).click()

        expect_text(page, t("follow_up.heading", "fr"))
        expect_text(page, t("follow_up.participants", "fr", count=3))
        table = page.locator('[data-testid="stDataFrame"]').filter(
            has_text=t("follow_up.col.before", "fr")
        )
        table.first.wait_for()
        screenshot(page, "fr-formateur-suivi")
        shown = main_text(page)
        assert t("follow_up.of", "fr", name=first_name) in shown
        for contact in load_demo_network():
            for detail in (contact.last_name, contact.email):
                if detail:
                    assert detail not in shown, detail
        assert t("error.unexpected", "fr") not in shown
    finally:
        context.close()
        server.stop()

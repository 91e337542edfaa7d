"""Store faults against a real server: a deleted store file, a data directory that cannot exist.

Each must be said on screen in the participant's language (never Streamlit's error page with
file paths), and a deleted store must be logged without any user data.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from reseau.i18n import t
from tests.e2e.conftest import (
    VIEWPORT,
    expect_text,
    fill_text,
    main_text,
    open_app,
    start_server,
)


def test_an_edit_after_the_store_file_is_deleted_is_refused_on_screen_and_in_the_log(
    browser: Browser, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    server = start_server(data_dir)
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT)
    try:
        page = context.new_page()
        open_app(page, server)
        fill_text(page, t("home.mission", "fr"), "Mission confidentielle")
        (data_dir / "reseau.sqlite3").unlink()

        fill_text(page, t("home.participant", "fr"), "Camille")

        page.get_by_text(t("error.store.lost", "fr")).first.wait_for()
        log = server.log()
        assert "deleted or replaced" in log
        assert "Mission confidentielle" not in log and "Camille" not in log
    finally:
        context.close()
        server.stop()


def test_a_data_directory_that_cannot_exist_gives_every_visitor_a_message_not_an_error_page(
    browser: Browser, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the data directory should be")
    server = start_server(tmp_path / "logs", env={"RESEAU_DATA_DIR": str(blocker / "data")})
    context = browser.new_context(locale="en-GB", viewport=VIEWPORT)
    try:
        page = context.new_page()

        open_app(page, server, "?lang=en")

        expect_text(page, t("error.store.unavailable", "en"))
        assert str(blocker) not in main_text(page)
        assert "Traceback" not in main_text(page)
    finally:
        context.close()
        server.stop()

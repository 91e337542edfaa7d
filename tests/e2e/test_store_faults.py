"""Store faults against a real server: a deleted store file, an impossible or a full data directory.

Each must be said on screen in the participant's language (never Streamlit's error page with
file paths), and a deleted store must be logged without any user data.
"""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from reseau.i18n import t
from reseau.storage import open_store
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


def test_a_full_disk_gives_a_new_visitor_a_message_not_an_error_page(
    browser: Browser, tmp_path: Path
) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("a full-disk test needs to mount a small tmpfs (root, in CI)")
    server = None
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT)
    try:
        open_store(f"sqlite:///{disk / 'reseau.sqlite3'}").engine.dispose()
        with (disk / "filler").open("wb") as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        server = start_server(tmp_path / "logs", env={"RESEAU_DATA_DIR": str(disk)})
        page = context.new_page()

        open_app(page, server)

        expect_text(page, t("error.store.unavailable", "fr"))
        assert str(disk) not in main_text(page)
    finally:
        context.close()
        if server is not None:
            server.stop()
        subprocess.run(["umount", "-l", str(disk)], check=False)

"""A store that cannot be written: every visitor reads why, in their language, never a traceback."""

from __future__ import annotations

import contextlib
import subprocess

import pytest

from reseau.i18n import t
from reseau.storage import open_store
from reseau.workbook import Workbook
from tests.apptest import open_app


def test_a_data_directory_that_cannot_exist_shows_a_message_instead_of_an_error_page(
    tmp_path, monkeypatch
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("RESEAU_DATA_DIR", str(blocker / "data"))

    at = open_app()

    assert [e.value for e in at.error] == [t("error.store.unavailable", "fr")]
    assert not at.exception


def test_the_message_is_in_the_language_the_link_asks_for(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("RESEAU_DATA_DIR", str(blocker / "data"))

    at = open_app(lang="en")

    assert [e.value for e in at.error] == [t("error.store.unavailable", "en")]


def test_a_full_disk_shows_a_message_to_a_new_visitor(tmp_path, monkeypatch):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("a full-disk test needs to mount a small tmpfs (root, in CI)")
    try:
        open_store(f"sqlite:///{disk / 'reseau.sqlite3'}").create(Workbook())
        with (disk / "filler").open("wb") as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        monkeypatch.setenv("RESEAU_DATA_DIR", str(disk))

        at = open_app()

        assert [e.value for e in at.error] == [t("error.store.unavailable", "fr")]
        assert not at.exception
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_an_edit_after_the_store_file_was_deleted_says_so_on_screen(isolated_store):
    at = open_app()
    at.text_input(key="home.participant").input("Alex").run()
    (isolated_store / "reseau.sqlite3").unlink()

    at.text_input(key="home.mission").input("Tapée après la suppression").run()

    assert t("error.store.lost", "fr") in [e.value for e in at.error]
    assert not at.exception

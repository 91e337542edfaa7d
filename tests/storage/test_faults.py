"""Faults of the store's disk: a deleted file, a directory that cannot be written, a full disk.

None may lose a save without a word: the store refuses loudly, and the app says so.
"""

from __future__ import annotations

import contextlib
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reseau.storage import StoreLost, StoreUnavailable, open_store
from reseau.ui.state import Workspace
from reseau.workbook import Workbook
from tests.conftest import ROOT


def test_a_store_file_deleted_while_running_refuses_every_save_and_logs_it(tmp_path, demo, caplog):
    store = open_store(f"sqlite:///{tmp_path / 'reseau.sqlite3'}")
    workbook_id = store.create(Workbook(network=demo))
    (tmp_path / "reseau.sqlite3").unlink()

    with caplog.at_level(logging.ERROR), pytest.raises(StoreLost):
        store.save(workbook_id, Workbook(network=demo.with_details(mission="lost")), 1)

    assert "deleted or replaced" in caplog.text
    assert demo.contacts[0].last_name not in caplog.text
    with pytest.raises(StoreLost):
        store.create(Workbook())


def test_a_store_file_replaced_by_a_new_one_is_refused_too(tmp_path, demo):
    path = tmp_path / "reseau.sqlite3"
    store = open_store(f"sqlite:///{path}")
    workbook_id = store.create(Workbook(network=demo))
    path.unlink()
    open_store(f"sqlite:///{path}").engine.dispose()  # another process starts an empty file

    with pytest.raises(StoreLost):
        store.save(workbook_id, Workbook(network=demo), 1)


def test_an_edit_after_the_store_file_is_deleted_says_it_was_not_saved(tmp_path, demo):
    store = open_store(f"sqlite:///{tmp_path / 'reseau.sqlite3'}")
    workbook_id = store.create(Workbook(network=demo))
    ws = Workspace({}, store)
    ws.open_stored(workbook_id)
    (tmp_path / "reseau.sqlite3").unlink()

    ws.set_details(mission="typed after the deletion")

    flashes = ws.pop_flashes()
    assert [(f.level, f.text) for f in flashes] == [("error", ws.t("error.store.lost"))]


def test_a_data_directory_that_cannot_be_created_fails_the_start_up_check(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")

    with pytest.raises(StoreUnavailable):
        open_store(f"sqlite:///{blocker / 'reseau.sqlite3'}")


@contextlib.contextmanager
def _small_disk(where: Path, size: str = "1m") -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("a full-disk test needs to mount a small tmpfs (root, in CI)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(disk: Path) -> None:
    with (disk / "filler").open("wb") as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()


def test_a_full_disk_fails_the_start_up_check(tmp_path):
    with _small_disk(tmp_path / "disk") as disk:
        store = open_store(f"sqlite:///{disk / 'reseau.sqlite3'}")
        _fill(disk)

        with pytest.raises(StoreUnavailable):
            store.check_writable()
        store.engine.dispose()


def test_the_check_store_command_exits_non_zero_with_a_message_when_the_store_is_unusable(
    tmp_path,
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")

    done = subprocess.run(
        [sys.executable, "-m", "reseau", "check-store"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "RESEAU_DATA_DIR": str(blocker / "data")},
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 2
    assert "RESEAU_DATA_DIR" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_check_store_command_passes_on_a_writable_store(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "reseau", "check-store"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "RESEAU_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr

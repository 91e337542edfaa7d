"""Uploads are read in a child process: whatever the file does there, the caller carries on.

The hostile files of `hostile.py` are read here through `read_contacts_bounded`, so a reader
that would ask for 549 GB can only end its own child process, never the test run.
"""

from __future__ import annotations

import io
import threading
import time

import pytest

from reseau.i18n import t
from reseau.importing import bounded, read_contacts
from reseau.importing.bounded import ReaderBounds, read_contacts_bounded
from reseau.importing.errors import (
    ImportBusy,
    ImportCancelled,
    ImportTooDemanding,
    ImportTooSlow,
    NoNameColumn,
)
from tests.importing import hostile

EXPECTED = {
    "far-cell-XFD1048576.xlsx": "import.error.sheet_extent",
    "far-cell-ALL49000.xlsx": "import.error.sheet_extent",
    "lying-dimension.xlsx": "import.error.sheet_extent",
    "repeat-40000x1000.ods": "import.error.sheet_extent",
    "repeat-rows-1000000.ods": "import.error.sheet_extent",
    "empty-repeats-then-cell.ods": "import.error.sheet_extent",
    "parameters-500000.vcf": "import.error.vcard_parameters",
    "nul-early.csv": "import.error.nul_character",
}


def rss_mb() -> float:
    """This process's resident memory, from /proc (psutil is not installed)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


# Readers handed to the child by reference: module-level, so the child can import them.


def read_with_bare_calamine(data: bytes, filename: str, **_: object) -> object:
    """What the importer did before its declared-size checks: build the whole grid."""
    import pandas as pd

    book = pd.ExcelFile(io.BytesIO(data), engine="calamine")
    return book.book.get_sheet_by_name(book.sheet_names[0]).to_python()


def allocate_without_end(data: bytes, filename: str, **_: object) -> object:
    blocks = []
    while True:
        blocks.append(bytearray(64 * 1024 * 1024))


def compute_without_end(data: bytes, filename: str, **_: object) -> object:
    total = 0
    while True:
        total += 1


def fail_like_a_bug(data: bytes, filename: str, **_: object) -> object:
    raise KeyError("a bug in the reader")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_is_refused_in_its_child_with_what_is_wrong(name):
    data = hostile.HOSTILE[name]()
    before = rss_mb()

    started = time.monotonic()
    with pytest.raises(Exception) as refused:
        read_contacts_bounded(data, name)

    assert refused.value.key == EXPECTED[name]
    assert time.monotonic() - started < 10
    assert rss_mb() - before < 100


def test_a_20_mb_photo_imports_its_person_within_the_bounds():
    preview = read_contacts_bounded(hostile.vcard_with_photo(20), "photo.vcf")

    assert preview.contacts[0].last_name == "Dupré"


def test_the_grid_reader_that_asked_for_549_gb_ends_its_child_not_the_caller():
    data = hostile.xlsx_with_far_cell("XFD1048576")

    with pytest.raises(ImportTooDemanding) as refused:
        read_contacts_bounded(data, "far.xlsx", reader=read_with_bare_calamine)

    message = t(refused.value.key, "fr", **refused.value.params)
    assert message.startswith("Ce fichier demande trop de mémoire")


def test_a_reader_that_allocates_without_end_is_stopped_at_its_memory_bound():
    bounds = ReaderBounds(memory_mb=300)

    with pytest.raises(ImportTooDemanding) as refused:
        read_contacts_bounded(b"x", "x.csv", reader=allocate_without_end, bounds=bounds)

    assert "300 Mo" in t(refused.value.key, "fr", **refused.value.params)


def test_a_reader_that_never_ends_is_stopped_on_time():
    bounds = ReaderBounds(cpu_seconds=2, wall_seconds=3)

    started = time.monotonic()
    with pytest.raises(ImportTooSlow):
        read_contacts_bounded(b"x", "x.csv", reader=compute_without_end, bounds=bounds)

    assert time.monotonic() - started < 6


def test_cancelling_ends_the_reading_at_once():
    asked = threading.Event()
    threading.Timer(0.5, asked.set).start()

    started = time.monotonic()
    with pytest.raises(ImportCancelled):
        read_contacts_bounded(b"x", "x.csv", reader=compute_without_end, cancelled=asked.is_set)

    assert time.monotonic() - started < 3


def test_a_bug_in_the_reader_comes_back_as_an_error_with_its_traceback():
    with pytest.raises(bounded.ReaderFailed) as failed:
        read_contacts_bounded(b"x", "x.csv", reader=fail_like_a_bug)

    assert "a bug in the reader" in str(failed.value)


def test_a_normal_file_reads_the_same_as_in_process_with_its_progress():
    data = hostile.ods_small()
    steps = []

    preview = read_contacts_bounded(data, "c.ods", progress=lambda f, k: steps.append(k))

    fields = lambda c: (c.first_name, c.last_name, c.company, c.email)  # noqa: E731
    in_process = read_contacts(data, "c.ods").contacts
    assert [fields(c) for c in preview.contacts] == [fields(c) for c in in_process]
    assert "import.progress.done" in steps


def test_a_refusal_keeps_its_details_across_the_process_boundary():
    data = "Société;Ville\r\nLumières;Lyon\r\n".encode()

    with pytest.raises(NoNameColumn) as refused:
        read_contacts_bounded(data, "c.csv")

    assert refused.value.columns == ("Société", "Ville")
    assert refused.value.samples["Ville"] == ("Lyon",)


def test_when_every_slot_stays_taken_the_participant_is_told_to_wait():
    taken = [bounded._SLOTS.acquire(timeout=5) for _ in range(bounded.limits.MAX_PARALLEL_IMPORTS)]
    try:
        with pytest.raises(ImportBusy):
            read_contacts_bounded(b"x", "x.csv", bounds=ReaderBounds(queue_seconds=0.5))
    finally:
        for _ in taken:
            bounded._SLOTS.release()


def test_the_child_never_runs_the_app_script_streamlit_put_in_main(tmp_path, monkeypatch):
    # While Streamlit runs a page, sys.modules["__main__"] is app.py itself.
    import sys
    import types

    marker = tmp_path / "ran"
    script = tmp_path / "app.py"
    script.write_text(f"open({str(marker)!r}, 'w').write('the app ran in the child')\n")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake_main)

    preview = read_contacts_bounded(hostile.csv_text_ok(), "c.csv")

    assert preview.contacts
    assert not marker.exists()


def test_a_reading_queued_behind_others_says_it_waits_then_reads():
    taken = [bounded._SLOTS.acquire(timeout=5) for _ in range(bounded.limits.MAX_PARALLEL_IMPORTS)]
    threading.Timer(0.6, bounded._SLOTS.release).start()
    steps = []
    try:
        preview = read_contacts_bounded(
            hostile.csv_text_ok(), "c.csv", progress=lambda f, k: steps.append(k)
        )
    finally:
        for _ in taken[1:]:
            bounded._SLOTS.release()

    assert steps[0] == "import.progress.waiting"
    assert len(preview.contacts) == 2

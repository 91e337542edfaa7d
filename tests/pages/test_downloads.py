"""A download built on click that fails says so in the participant's language, logging no text."""

from __future__ import annotations

import logging
import threading
from io import BytesIO

import pytest
from openpyxl import load_workbook

from reseau.export.xlsx import notice_xlsx
from reseau.i18n import Lang, t
from reseau.storage import WorkbookStore
from reseau.ui.downloads import DownloadFailed, deferred, on_download
from reseau.ui.state import Workspace
from reseau.workbook import Workbook
from tests.apptest import goto, open_app

NAME = "Zoé\x00Secrète"


def _failing() -> bytes:
    raise ValueError(f"{NAME} cannot be used in worksheets.")


def _workspace(store: WorkbookStore, lang: Lang = Lang.FR) -> Workspace:
    return Workspace({"reseau.workbook": Workbook(lang=lang)}, store)


def test_a_failed_room_export_still_downloads_a_file_that_says_so_in_french(caplog, memory_store):
    build = deferred(_workspace(memory_store), "room export", _failing, notice_xlsx)

    with caplog.at_level(logging.ERROR):
        data = build()

    sheet = load_workbook(BytesIO(data)).active
    assert sheet["A1"].value == t("error.download_failed", "fr")
    assert "ValueError" in caplog.text
    assert "Zoé" not in caplog.text


def test_a_failed_calendar_raises_an_error_that_quotes_nothing_typed(caplog, memory_store):
    build = deferred(_workspace(memory_store, Lang.EN), "calendar", _failing)

    with caplog.at_level(logging.ERROR), pytest.raises(DownloadFailed) as raised:
        build()

    assert "Zoé" not in str(raised.value)
    assert raised.value.__suppress_context__
    assert "Zoé" not in caplog.text


def test_the_run_a_click_starts_waits_for_the_file_and_says_it_failed_in_english():
    at = goto(open_app(demo=True, lang="en"), "pages/plan.py")
    # AppTest has no runtime to run the button's callable: its worker thread is simulated.
    watch = at.session_state["reseau.scratch"]["downloads.watch"]

    watch.clicked()  # the button's on_click, at the start of the click's run
    worker = threading.Timer(0.3, watch.done, kwargs={"failure": "calendar"})
    worker.start()  # Streamlit's worker thread, finishing while the run waits
    at.run()
    worker.join()

    assert t("error.download_failed", "en") in [e.value for e in at.error]
    at.run()
    assert t("error.download_failed", "en") not in [e.value for e in at.error]


def test_a_file_finished_before_the_click_is_counted_is_not_waited_for_again(memory_store):
    ws = _workspace(memory_store)
    build = deferred(ws, "calendar", _failing)
    with pytest.raises(DownloadFailed):
        build()  # the worker was quicker than the click's run

    on_download(ws)()

    assert ws.scratch("downloads.watch").outcome(timeout=0.1) == ["calendar"]


def test_a_button_drawn_by_an_earlier_run_still_reports_its_failure(memory_store):
    ws = _workspace(memory_store)
    earlier = deferred(ws, "calendar", _failing)
    deferred(ws, "calendar", lambda: b"ok")  # the next run draws the button again

    with pytest.raises(DownloadFailed):
        earlier()

    assert ws.scratch("downloads.watch").outcome(timeout=0) == ["calendar"]

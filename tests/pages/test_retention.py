"""The participant sees the day their data goes unless they come back, with the export at hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import update

from reseau.i18n import day, t
from reseau.storage import open_store
from reseau.storage.store import workbooks
from tests.apptest import assert_no_error, goto, open_app, texts
from tests.pages.test_join import _workbook_id, open_my_data


def _in_days(days: int) -> date:
    return (datetime.now(UTC) + timedelta(days=days)).date()


def _export_buttons(at, lang: str = "fr") -> list:  # type: ignore[no-untyped-def]
    wanted = t("mydata.retention.export", lang)
    return [b for b in at.get("download_button") if b.label == wanted]


def test_reopening_a_workbook_unseen_for_weeks_moves_the_day_it_goes_and_says_so(demo):
    store = open_store()
    workbook_id = _workbook_id(open_my_data(demo="1"))
    weeks_ago = datetime.now(UTC) - timedelta(days=25)
    with store.engine.begin() as conn:
        conn.execute(
            update(workbooks)
            .where(workbooks.c.id == workbook_id)
            .values(updated_at=weeks_ago, last_seen=weeks_ago)
        )

    at = open_my_data(wb=workbook_id)

    notice = t("mydata.retention.notice", "fr", day=day(_in_days(30), "fr"), count=30)
    assert notice in texts(at)
    assert "Vos données seront effacées le " in notice
    assert "si vous ne revenez pas" in notice
    assert store.expires_on(workbook_id, 30) == _in_days(30)
    assert len(_export_buttons(at)) == 1


def test_the_retention_period_set_for_the_server_is_the_one_announced(monkeypatch):
    monkeypatch.setenv("RESEAU_RETENTION_DAYS", "7")

    at = open_my_data(demo="1", lang="en")

    notice = t("mydata.retention.notice", "en", day=day(_in_days(7), "en"), count=7)
    assert notice in texts(at)
    assert "7 days later" in notice


def test_a_new_workbook_not_stored_yet_announces_no_deletion():
    at = open_my_data()

    assert "Vos données seront effacées" not in texts(at)
    assert _export_buttons(at) == []


def test_a_next_assessment_after_the_day_the_data_goes_warns_the_participant(monkeypatch):
    monkeypatch.setenv("RESEAU_TODAY", datetime.now(UTC).date().isoformat())
    at = goto(open_app(demo=True, lang="fr"), "pages/bilans.py")
    today = datetime.now(UTC).date()
    next(
        b for b in at.button if b.label == t("assess.close.button", "fr", day=day(today, "fr"))
    ).click()
    at.run()
    assert_no_error(at)

    warnings = [w.value for w in at.warning]

    planned = at.date_input(key=f"assess.plan.day.{today.isoformat()}").value
    assert t("mydata.retention.before_plan", "fr", planned=day(planned, "fr")) in warnings
    assert len(_export_buttons(at)) == 1


def test_with_the_clock_moved_the_day_announced_moves_with_it(monkeypatch):
    # A demonstration on 29 Jan 2027: the data would go 30 days after this visit.
    monkeypatch.setenv("RESEAU_TODAY", "2027-01-29")
    real_shift = date(2027, 1, 29) - date.today()

    at = open_my_data(demo="1")

    expiry = open_store().expires_on(_workbook_id(at), 30)
    assert expiry is not None and expiry + real_shift == date(2027, 2, 28)
    assert "Vos données seront effacées le 28 févr. 2027 si vous ne revenez pas." in texts(at)

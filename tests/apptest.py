"""Helpers to drive the app with Streamlit's AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from reseau.i18n import t
from tests.conftest import ROOT

APP = str(ROOT / "app.py")


def open_app(*, demo: bool = False, lang: str | None = None, **params: str) -> AppTest:
    """The app, run once, optionally with the demo network and a language from the URL."""
    at = AppTest.from_file(APP, default_timeout=60)
    if demo:
        at.query_params["demo"] = "1"
    if lang:
        at.query_params["lang"] = lang
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert_no_error(at)
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    at.run()
    assert_no_error(at)
    return at


def assert_no_error(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    unexpected = {t("error.unexpected", "fr"), t("error.unexpected", "en")}
    shown = [e.value for e in at.error]
    assert not unexpected.intersection(shown), shown


def texts(at: AppTest) -> str:
    """Everything written on the page as text, for 'does the page say…' assertions."""
    parts = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "success",
        "warning",
        "error",
        "metric",
    ):
        for element in getattr(at, kind):
            parts.append(str(getattr(element, "value", "") or getattr(element, "label", "")))
    return "\n".join(parts)


def stored_workbook(at: AppTest):
    """The workbook the store holds for the app's `?wb=` link: what a refresh would show."""
    from reseau.storage import WorkbookNotFound, open_store
    from reseau.workbook import Workbook

    link = at.query_params["wb"]
    workbook_id = link[0] if isinstance(link, list) else link
    try:
        return open_store().load(workbook_id)
    except WorkbookNotFound:
        # A new workbook gets its row at its first change; until then its link (`&new=1`)
        # reopens an empty workbook.
        if at.query_params.get("new") in ("1", ["1"]):
            return Workbook()
        raise

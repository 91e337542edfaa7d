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


# --- what a browser sends back for a selectbox ---
# AppTest sends a selectbox's value by formatting it with this run's labels. A browser does not:
# it keeps the label it was last shown and sends that string back with every later click, even
# after the app changed the option's label (a ✓ mark, another language). Tests of screens whose
# labels change opt in with `like_a_browser`, so they see what a participant sees.
_FRONTEND = "_reseau_frontend_labels"


def like_a_browser(at: AppTest) -> AppTest:
    """Makes `at` send for its selectboxes the label a browser would hold, not a fresh one."""
    _install_frontend_patches()
    if getattr(at, _FRONTEND, None) is None:
        setattr(at, _FRONTEND, {})
        _remember_labels(at)
    return at


def _remember_labels(at: AppTest) -> None:
    from streamlit.testing.v1.element_tree import Selectbox

    before: dict[str, str] = getattr(at, _FRONTEND)
    after: dict[str, str] = {}
    for node in at._tree:
        if not isinstance(node, Selectbox):
            continue
        proto = node.proto
        if proto.set_value:
            after[node.id] = proto.raw_value
        elif node.id in before:
            after[node.id] = before[node.id]  # the browser keeps what it shows
        elif proto.HasField("default") and proto.options:
            after[node.id] = proto.options[proto.default]
    setattr(at, _FRONTEND, after)


def _install_frontend_patches() -> None:
    from streamlit.testing.v1.element_tree import InitialValue, Selectbox

    if getattr(Selectbox, "_reseau_patched", False):
        return
    plain_state = Selectbox._widget_state.fget
    plain_run = AppTest._run

    def widget_state(self: Selectbox):  # type: ignore[no-untyped-def]
        labels = getattr(self.root._runner, _FRONTEND, None)
        if labels is None:
            return plain_state(self)
        if isinstance(self._value, InitialValue) and self.id in labels:
            state = plain_state(self)
            state.string_value = labels[self.id]
            return state
        state = plain_state(self)
        labels[self.id] = state.string_value
        return state

    def run(self: AppTest, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = plain_run(self, *args, **kwargs)
        if getattr(self, _FRONTEND, None) is not None:
            _remember_labels(self)
        return result

    Selectbox._widget_state = property(widget_state)  # type: ignore[method-assign]
    AppTest._run = run  # type: ignore[method-assign]
    Selectbox._reseau_patched = True  # type: ignore[attr-defined]


def browser_label(at: AppTest, selectbox) -> str | None:  # type: ignore[no-untyped-def]
    """The label a browser shows in a selectbox after the last run."""
    return getattr(at, _FRONTEND, {}).get(selectbox.id)

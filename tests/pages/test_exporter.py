"""The Exporter page: the file is built only when asked, then downloaded; it follows the choices."""

from __future__ import annotations

import io

import openpyxl
from streamlit.testing.v1 import AppTest

from reseau.i18n import Lang, t
from reseau.ui.resources import store
from tests.apptest import assert_no_error, goto, open_app, texts


def _exporter(lang: str = "fr") -> AppTest:
    return goto(open_app(demo=True, lang=lang), "pages/exporter.py")


def _button(at: AppTest, key: str, lang: str = "fr"):
    return next(b for b in at.button if b.label == t(key, lang))


def _prepared(at: AppTest):
    return at.session_state["reseau.scratch"].get("export.prepared")


def test_nothing_is_built_until_the_participant_asks():
    at = _exporter()

    assert not at.get("download_button")
    assert _prepared(at) is None
    assert "Synthèse" in texts(at) and "Méthode" in texts(at)


def test_building_offers_the_download_of_the_workbook_with_the_name_given():
    at = _exporter()

    at.text_input(key="export.participant").input("Marie Curie")
    _button(at, "export.build").click().run()

    assert_no_error(at)
    assert [b.label for b in at.get("download_button")] == [t("export.download", "fr")]
    assert t("export.ready", "fr", contacts=31, actions=24) in texts(at)
    prepared = _prepared(at)
    assert prepared.file_name.startswith("reseau-marie-curie-")
    book = openpyxl.load_workbook(io.BytesIO(prepared.data))
    assert book["Plan d'action"]["A1"].value == "Plan d'action de Marie Curie"
    wb = at.query_params["wb"]
    assert store().load(wb[0] if isinstance(wb, list) else wb).network.participant == "Marie Curie"


def test_the_file_can_be_written_in_english_from_a_french_session():
    at = _exporter()

    at.segmented_control(key="export.lang").set_value(Lang.EN).run()
    _button(at, "export.build").click().run()

    book = openpyxl.load_workbook(io.BytesIO(_prepared(at).data))
    assert book.sheetnames[:4] == ["Summary", "Action plan", "Contacts", "Method"]


def test_a_file_built_before_a_change_is_not_offered_any_more():
    at = _exporter()
    _button(at, "export.build").click().run()

    at = goto(at, "pages/plan.py")
    at.session_state["plan_unplanned_0"] = {
        "edited_rows": {0: {"keep": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    _button(at, "plan.no_action.add").click().run()
    _button(at, "plan.no_action.confirm").click().run()
    at = goto(at, "pages/exporter.py")

    assert not at.get("download_button")
    assert t("export.changed", "fr") in [i.value for i in at.info]


def test_the_page_speaks_english():
    at = _exporter("en")

    assert t("export.build", "en") in [b.label for b in at.button]
    assert t("export.intro", "en") in texts(at)

"""Every page opens with the demo and with an empty workbook, and says what it should."""

import pytest
from streamlit.testing.v1 import AppTest

from reseau.i18n import t
from tests.apptest import APP, goto, open_app, texts

PAGES = [
    "pages/importer.py",
    "pages/qualifier.py",
    "pages/carte.py",
    "pages/plan.py",
    "pages/bilans.py",
    "pages/exporter.py",
]


def test_the_home_page_explains_the_method_and_offers_three_starts():
    at = open_app()
    page = texts(at)
    assert t("home.title", "fr") in page
    assert "Réseau de soutien" in page and "Développer" in page
    labels = [b.label for b in at.button]
    assert t("home.start.demo", "fr") in labels
    assert t("home.start.empty", "fr") in labels


def test_the_demo_link_loads_the_demo_network():
    at = open_app(demo=True)
    assert t("home.current", "fr", count=31, qualified=29) in texts(at)
    assert "demo" not in at.query_params
    assert (
        len(
            at.query_params["wb"][0]
            if isinstance(at.query_params["wb"], list)
            else at.query_params["wb"]
        )
        >= 22
    )


@pytest.mark.parametrize("page", [p for p in PAGES if p != "pages/importer.py"])
def test_pages_that_need_contacts_say_so_kindly_on_an_empty_workbook(page):
    at = goto(open_app(), page)
    assert t("common.needs_contacts", "fr") in texts(at)


@pytest.mark.parametrize("page", PAGES)
def test_pages_open_with_the_demo_without_the_empty_notice(page):
    at = goto(open_app(demo=True), page)
    assert t("common.needs_contacts", "fr") not in texts(at)


def test_the_import_page_shows_its_title_intro_and_the_way_on_to_sorting():
    at = goto(open_app(demo=True), "pages/importer.py")
    page = texts(at)
    assert t("import.title", "fr") in page and t("import.intro", "fr") in page
    assert len(at.get("file_uploader")) == 1


def test_the_qualifier_shows_its_title_and_offers_every_mode():
    at = goto(open_app(demo=True), "pages/qualifier.py")
    assert t("qualify.title", "fr") in texts(at)
    modes = at.get("button_group")[0]
    assert modes.options == [
        "Trier",
        "Compléter",
        "Fiche par fiche",
        "Tableau",
        "Qui connaît qui",
        "Diagnostic",
        "Réglages",
    ]


def test_the_map_shows_four_chart_tabs_and_draws_the_first_chart():
    at = goto(open_app(demo=True), "pages/carte.py")
    assert [tab.label for tab in at.tabs] == [
        t(f"map.tab.{name}", "fr") for name in ("sunburst", "concentric", "matrix", "radar")
    ]
    assert len(at.get("plotly_chart")) >= 1


def test_the_plan_shows_its_five_key_figures_for_the_demo():
    at = goto(open_app(demo=True), "pages/plan.py")
    labels = [m.label for m in at.metric]
    assert labels[:5] == [
        t("plan.metric.actions", "fr"),
        t("plan.metric.this_week", "fr"),
        t("plan.metric.late", "fr"),
        t("plan.metric.done", "fr"),
        t("plan.metric.without_action", "fr"),
    ]


def test_the_export_page_explains_the_file_and_builds_it_only_on_request():
    at = goto(open_app(demo=True), "pages/exporter.py")
    page = texts(at)
    assert t("export.title", "fr") in page and t("export.intro", "fr") in page
    assert t("export.build", "fr") in [b.label for b in at.button]
    assert len(at.get("download_button")) == 0


def test_the_import_page_on_an_empty_workbook_asks_for_a_file_not_for_contacts():
    at = goto(open_app(), "pages/importer.py")
    assert t("common.needs_contacts", "fr") not in texts(at)
    assert t("import.intro", "fr") in texts(at)


def test_the_language_comes_from_the_url():
    at = open_app(lang="en")
    assert t("home.title", "en") in texts(at)


def test_a_bug_in_a_page_shows_a_calm_message_and_no_traceback(monkeypatch):
    import reseau.overview

    def broken(lang):
        raise RuntimeError("boom")

    monkeypatch.setattr(reseau.overview, "circle_summaries", broken)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()

    assert not at.exception
    assert [e.value for e in at.error] == [t("error.unexpected", "fr")]

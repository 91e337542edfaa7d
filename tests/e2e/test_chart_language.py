"""Plotly's own words (its mode bar) speak the participant's language, not plotly's English."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from reseau.i18n import t
from reseau.ui import pages
from tests.e2e.conftest import Server, go_to, open_app


@pytest.mark.parametrize(
    ("lang", "download"),
    [("fr", "Télécharger le graphique en PNG"), ("en", "Download plot as a PNG")],
)
def test_the_chart_toolbar_speaks_the_language_of_the_link(
    page: Page, server: Server, lang: str, download: str
) -> None:
    open_app(page, server, f"?demo=1&lang={lang}")
    go_to(page, t(pages.MAP.title_key, lang))

    toolbar = page.locator(".js-plotly-plot .modebar").first
    expect(toolbar.locator(f'[data-title="{download}"]')).to_have_count(1)
    titles = toolbar.locator("[data-title]").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('data-title'))"
    )
    if lang == "fr":
        assert not {"Download plot as a PNG", "Reset", "Zoom in", "Reset view"} & set(titles)

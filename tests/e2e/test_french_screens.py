"""Every screen in French shows no English chrome, and every screen in English no French one."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from reseau.i18n import t
from reseau.ui import pages
from reseau.ui.frontend_words import FRENCH, FRENCH_LABELS
from tests.e2e.conftest import Server, go_to, open_app, wait_idle

# Everything a person can read or hear: text, placeholders, screen-reader labels, tooltips.
_SHOWN = """() => {
  const out = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName)) continue;
    const value = node.nodeValue.trim();
    if (value) out.add(value);
  }
  document.querySelectorAll("[placeholder], [aria-label], [title]").forEach((el) => {
    for (const name of ["placeholder", "aria-label", "title"]) {
      const value = el.getAttribute(name);
      if (value) out.add(value);
    }
  });
  return [...out];
}"""


def _everything_shown(page: Page, lang: str) -> set[str]:
    shown: set[str] = set()
    for screen in pages.WORKBOOK_SCREENS:
        go_to(page, t(screen.title_key, lang))
        wait_idle(page)
        shown |= set(page.evaluate(_SHOWN))
    return shown


@pytest.mark.parametrize(
    ("lang", "foreign"),
    [
        ("fr", {*FRENCH, *FRENCH_LABELS, "25MB per file", "dd / mm / yyyy"} - {"Zoom"}),
        ("en", {*FRENCH.values(), *FRENCH_LABELS.values(), "25 Mo par fichier"}),
    ],
)
def test_no_screen_shows_streamlits_words_in_the_other_language(
    page: Page, server: Server, lang: str, foreign: set[str]
) -> None:
    open_app(page, server, f"?demo=1&lang={lang}")

    shown = _everything_shown(page, lang)

    assert sorted(foreign & shown) == []

"""A contact whose name looks like Markdown is shown as typed: no bold, formula or image."""

from __future__ import annotations

import re

from reseau.ui.markdown import escape_markdown
from tests.apptest import assert_no_error, goto, open_app

NAME = "**Gras** _x_ $a$ ![i](https://example.com/x.png)"
ESCAPED = escape_markdown(NAME)


def _shown(elements) -> list[str]:
    return [element.value for element in elements]


def test_a_name_written_like_markdown_is_shown_literally_in_the_flash_and_the_diagnosis():
    at = goto(open_app(demo=True, lang="en"), "pages/qualifier.py")
    at.segmented_control[0].set_value("gaps").run()
    at.text_area(key="qualify.gaps.draft.support.sponsor.0").input(NAME).run()

    at.button(key="qualify.gaps.draft.support.sponsor.0.add").click().run()
    assert_no_error(at)

    flash = [text for text in _shown(at.success) if ESCAPED in text]
    assert flash, _shown(at.success)
    assert NAME not in flash[0]
    assert any(ESCAPED in text for text in _shown(at.caption))  # « already a sponsor: … »

    at.segmented_control[0].set_value("diagnosis").run()
    assert_no_error(at)
    banners = [text for text in _shown([*at.error, *at.warning, *at.info]) if ESCAPED in text]
    assert banners
    assert NAME not in banners[0]
    assert re.sub(r"\\(.)", r"\1", ESCAPED).replace("\u2060", "") == NAME


HOSTILE_NAME = "https://evil.example :smile:"
HOSTILE_NOTES = "Voir www.exemple.fr ou ana@exemple.fr :material/warning: :red[urgent]"


def test_addresses_and_shortcodes_on_the_card_reach_markdown_broken_but_read_as_typed():
    from reseau.contact import Contact
    from reseau.network import Network
    from reseau.ui.markdown import WORD_JOINER
    from reseau.ui.resources import store
    from reseau.workbook import Workbook

    contact = Contact(first_name=HOSTILE_NAME, company="www.acme.com", notes=HOSTILE_NOTES)
    workbook_id = store().create(Workbook(network=Network(contacts=(contact,))))
    at = goto(open_app(lang="en", wb=workbook_id), "pages/qualifier.py")
    at.segmented_control[0].set_value("card").run()
    assert_no_error(at)

    shown = [at.subheader[0].value, *(c.value for c in at.caption)]
    parsed = [re.sub(r"\\(.)", r"\1", text) for text in shown]  # what a Markdown parser sees
    assert not any(re.search(r"https?://|www\.|\w@\w|:[\w-]+:|:material/", p) for p in parsed)
    seen = "\n".join(p.replace(WORD_JOINER, "") for p in parsed)
    assert HOSTILE_NAME in seen
    assert "www.acme.com" in seen
    assert HOSTILE_NOTES in seen

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
    assert re.sub(r"\\(.)", r"\1", ESCAPED) == NAME

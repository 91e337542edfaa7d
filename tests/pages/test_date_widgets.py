"""Date widgets show dates the way the participant writes them, in every screen."""

from __future__ import annotations

import pytest

from reseau.i18n import Lang
from reseau.ui.widgets import date_format
from tests.apptest import goto, open_app


@pytest.mark.parametrize(("lang", "shown"), [("fr", "DD/MM/YYYY"), ("en", "YYYY-MM-DD")])
def test_the_qualify_cards_date_widgets_use_the_shared_date_format(lang, shown):
    at = goto(open_app(demo=True, lang=lang), "pages/qualifier.py")
    at.segmented_control[0].set_value("card").run()

    formats = {widget.proto.format for widget in at.date_input}

    assert formats == {shown} == {date_format(Lang(lang))}

"""Streamlit's search for a leading emoji in an option's label is made once per label, same answers.

`reseau.ui.label_icons` replaces a function of Streamlit's private `string_util`: these tests
fail loudly if a release moves it, and check the answers do not change.
"""

from __future__ import annotations

import pytest
import streamlit
from streamlit import string_util

from reseau.i18n import Lang, label
from reseau.ui import label_icons
from reseau.vocabulary import ActionStatus, Circle

LABELS = (
    "Information",
    "Opérationnel",
    "À faire",
    "🚨 Alerte",
    "ℹ️ Info",
    "1️⃣ Premier",
    "1",
    ":material/warning: Attention",
    "",
)


@pytest.fixture
def original(monkeypatch):  # type: ignore[no-untyped-def]
    """Streamlit's own function, and the module put back as it was after the test."""
    before = string_util.extract_leading_emoji
    # An app run earlier in this process (AppTest) may have remembered labels already.
    own = getattr(before, "__wrapped__", before)
    monkeypatch.setattr(label_icons, "_original", None)
    monkeypatch.setattr(string_util, "extract_leading_emoji", own)
    return own


def test_streamlit_still_searches_labels_for_a_leading_emoji_in_string_util():
    assert callable(getattr(string_util, "extract_leading_emoji", None)), (
        f"Streamlit {streamlit.__version__} moved string_util.extract_leading_emoji: "
        "reseau/ui/label_icons.py must be rewritten before raising the version bound"
    )
    assert string_util.extract_leading_icon("🚨 Alerte") == ("🚨", "Alerte")


def test_labels_get_the_same_icon_and_text_once_remembered(original):
    expected = {text: string_util.extract_leading_icon(text) for text in LABELS}

    label_icons.remember_label_icons()

    assert {text: string_util.extract_leading_icon(text) for text in LABELS} == expected
    assert {text: string_util.extract_leading_icon(text) for text in LABELS} == expected


def test_a_label_with_an_accent_is_searched_once_however_often_it_is_shown(original, monkeypatch):
    searched: list[str] = []

    def counting(text: str) -> tuple[str, str]:
        searched.append(text)
        return original(text)

    monkeypatch.setattr(string_util, "extract_leading_emoji", counting)
    label_icons.remember_label_icons()
    labels = [label(item, Lang.FR) for item in (*Circle, *ActionStatus)]

    for _ in range(3):  # three runs of the card
        for text in labels:
            string_util.extract_leading_icon(text)

    assert sorted(searched) == sorted(set(labels))
    assert label_icons.searched_labels() == len(set(labels))


def test_remembering_twice_keeps_one_cache(original):
    label_icons.remember_label_icons()
    first = string_util.extract_leading_emoji

    label_icons.remember_label_icons()

    assert string_util.extract_leading_emoji is first

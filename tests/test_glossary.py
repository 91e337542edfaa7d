"""One word per idea: no catalogue text uses a word the glossary rules out."""

from __future__ import annotations

import re
import tomllib

from reseau.i18n import LOCALES_DIR, Lang, catalogue

GLOSSARY = tomllib.loads((LOCALES_DIR / "glossary.toml").read_text(encoding="utf-8"))["term"]


def _uses(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE) is not None


def test_no_catalogue_text_uses_a_word_the_glossary_rules_out():
    found = [
        (lang.value, key, word)
        for term in GLOSSARY
        for lang in Lang
        for word in term[lang.value]["never"]
        for key, text in catalogue(lang).items()
        if _uses(text, word)
    ]
    assert found == []


def test_every_word_the_glossary_keeps_is_really_used_in_its_language():
    for term in GLOSSARY:
        for lang in Lang:
            word = term[lang.value]["use"]
            assert any(_uses(text, word) for text in catalogue(lang).values()), (lang, word)


def test_the_glossary_rule_catches_a_ruled_out_word():
    assert _uses("Prévenez l'animateur.", "animateur")
    assert not _uses("Prévenez le formateur.", "animateur")


def test_every_label_of_an_idea_names_it_with_the_glossary_word():
    found = [
        (lang.value, key, catalogue(lang)[key])
        for term in GLOSSARY
        for lang in Lang
        for key in term.get("labels", [])
        if not _uses(catalogue(lang)[key], term[lang.value]["use"])
    ]
    assert found == []

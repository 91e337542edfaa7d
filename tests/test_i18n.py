import re
import string

from reseau.i18n import Lang, catalogue, label, number, t, t_count
from reseau.vocabulary import (
    SCALES,
    ActionStatus,
    Circle,
    ContactNature,
    ContactResult,
    Quadrant,
    Reciprocity,
    Role,
    ValueKind,
)


def test_both_languages_have_exactly_the_same_keys():
    french, english = set(catalogue(Lang.FR)), set(catalogue(Lang.EN))
    assert french - english == set(), "missing in English"
    assert english - french == set(), "missing in French"


def test_both_languages_use_the_same_placeholders():
    fields = lambda text: {f for _, f, _, _ in string.Formatter().parse(text) if f}  # noqa: E731
    for key, french in catalogue(Lang.FR).items():
        assert fields(french) == fields(catalogue(Lang.EN)[key]), key


def test_every_vocabulary_item_has_a_label_in_both_languages():
    for enum in (
        Circle,
        Role,
        Reciprocity,
        ContactNature,
        ContactResult,
        ValueKind,
        ActionStatus,
        Quadrant,
    ):
        for member in enum:
            for lang in Lang:
                assert label(member, lang).strip()
    for scale in SCALES:
        for point in scale.points:
            assert t(scale.anchor_key(point), Lang.EN) != t(scale.anchor_key(point), Lang.FR)


def test_every_role_has_a_prompt_in_the_methods_words():
    assert t(Role.SPONSOR.prompt_key, "fr") == "Qui sponsorise votre mission ?"
    assert t(Role.SPONSOR.prompt_key, "en") == "Who sponsors your mission?"


def test_a_language_is_read_from_a_browser_locale():
    assert Lang.parse("en-GB") is Lang.EN
    assert Lang.parse("de-DE") is Lang.FR
    assert Lang.parse(None, Lang.EN) is Lang.EN


def test_no_text_is_left_empty():
    for lang in Lang:
        empty = [k for k, v in catalogue(lang).items() if not re.sub(r"\s", "", v)]
        assert not empty


def test_each_language_has_the_same_catalogue_files():
    from reseau.i18n import catalogue_files

    assert catalogue_files(Lang.FR) == catalogue_files(Lang.EN)


def test_numbers_drop_trailing_zeros_unless_asked_to_keep_them():
    assert number(7.0, Lang.FR, 1) == "7"
    assert number(7.0, Lang.FR, 1, keep_zeros=True) == "7,0"
    assert number(3.5, "en", 1) == "3.5"


def _plural_specs(text: str) -> list[str]:
    return [
        spec[len("plural|") :]
        for _, field, spec, _ in string.Formatter().parse(text)
        if field and spec and spec.startswith("plural|")
    ]


def test_no_text_writes_a_plural_with_brackets():
    for lang in Lang:
        bracketed = [k for k, v in catalogue(lang).items() if re.search(r"\w\((s|x|e|es)\)", v)]
        assert bracketed == [], lang


def test_every_plural_placeholder_gives_a_singular_and_a_plural_form():
    for lang in Lang:
        for key, text in catalogue(lang).items():
            for forms in _plural_specs(text):
                parts = forms.split("|")
                assert len(parts) == 2 and all(parts), (lang, key, forms)


def test_zero_and_one_are_singular_in_french_and_zero_is_plural_in_english():
    assert t("import.confirm", "fr", count=0) == "Importer 0 contact"
    assert t("import.confirm", "fr", count=1) == "Importer 1 contact"
    assert t("import.confirm", "fr", count=2) == "Importer 2 contacts"
    assert t("import.confirm", "en", count=0) == "Import 0 contacts"
    assert t("import.confirm", "en", count=1) == "Import 1 contact"


def test_one_sentence_can_hold_several_counts_each_with_its_own_plural():
    text = t("import.done", "fr", added=1, merged=3)
    assert text == "Import terminé : 1 contact ajouté, 3 fusionnés avec un contact déjà présent."


def test_large_counts_are_written_with_the_languages_thousands_separator():
    assert t("import.confirm", "fr", count=5000) == "Importer 5\u202f000 contacts"
    assert t("import.confirm", "en", count=5000) == "Import 5,000 contacts"


def test_numbers_dates_and_shares_are_written_the_french_way():
    from datetime import date

    from reseau.i18n import day, percent

    assert number(25300.5, "fr", 1) == "25\u202f300,5"
    assert number(25300.5, "en", 1) == "25,300.5"
    assert percent(0.45, "fr") == "45\u00a0%"
    assert day(date(2026, 11, 29), "fr") == "29 nov. 2026"
    assert day(date(2026, 11, 29), "en") == "29 Nov 2026"


def test_french_elides_de_before_a_name_that_starts_with_a_vowel():
    assert t("export.plan.title_for", "fr", name="Alex") == "Plan d'action d'Alex"
    assert t("export.plan.title_for", "fr", name="Émilie") == "Plan d'action d'Émilie"
    assert t("export.plan.title_for", "fr", name="Marie") == "Plan d'action de Marie"


def test_a_counted_text_is_singular_for_one_in_both_languages_and_for_zero_in_french():
    circle = "Operational network"

    assert t_count("qualify.sort.done", "fr", 0, circle="X") == "0 contact placé dans le X."
    assert t_count("qualify.sort.done", "fr", 1, circle="X") == "1 contact placé dans le X."
    assert t_count("qualify.sort.done", "fr", 2, circle="X") == "2 contacts placés dans le X."
    assert t_count("qualify.sort.done", "en", 0, circle=circle).startswith("0 contacts placed")
    assert t_count("qualify.sort.done", "en", 1, circle=circle).startswith("1 contact placed")


def test_a_counted_text_words_zero_on_its_own_when_the_catalogue_says_how():
    assert t_count("qualify.sort.clear", "fr", 0) == "Retirer de leur cercle"
    assert t_count("qualify.sort.clear", "fr", 1) == "Retirer 1 contact de son cercle"
    assert t_count("qualify.sort.clear", "fr", 3) == "Retirer 3 contacts de leur cercle"

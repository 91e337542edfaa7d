"""The one catalogue of user-facing text, French first and English second.

Texts live in `reseau/locales/<lang>/*.toml` as flat keys (one file per area of the app, the
same file names in each language); `t(key, lang, **params)` returns the text with `{params}`
filled in. A missing key raises in tests and during development rather than
showing a half-translated screen.

Counts choose their words by the language's plural rules (CLDR, through Babel: in French 0 and 1
are singular, in English only 1): `{count:plural|# contact ajouté|# contacts ajoutés}` writes
« 0 contact ajouté », « 2 contacts ajoutés ». The forms are `one|other` (`#` is the number,
written as that language writes numbers). Numbers and dates are written by Babel too:
« 25 300,5 », « 45 % », « 29 nov. 2026 ».
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALES_DIR = Path(__file__).with_name("locales")


class Lang(StrEnum):
    FR = "fr"
    EN = "en"

    @classmethod
    def parse(cls, value: object, default: Lang | None = None) -> Lang:
        """The language named by a code such as 'fr', 'en-GB' or 'FR'; the default otherwise."""
        code = str(value or "").strip().lower()[:2]
        try:
            return cls(code)
        except ValueError:
            return default or cls.FR


DEFAULT_LANG = Lang.FR


class MissingText(KeyError):
    """A key is missing from the catalogue: a programming error, caught by the catalogue tests."""


class DuplicateText(ValueError):
    """Two catalogue files define the same key: one of them would silently win."""


@cache
def catalogue(lang: Lang) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang.value).glob("*.toml")):
        with path.open("rb") as fh:
            part = tomllib.load(fh)
        clash = texts.keys() & part.keys()
        if clash:
            raise DuplicateText(f"{path.name} redefines {sorted(clash)}")
        texts.update(part)
    return texts


def catalogue_files(lang: Lang) -> list[str]:
    return sorted(path.name for path in (LOCALES_DIR / lang.value).glob("*.toml"))


@dataclass(frozen=True)
class Number:
    """A number kept as a number until a sentence is written: `t` words it in the sentence's
    language (« 25,3 » in French, "25.3" in English), so an error can carry it unworded."""

    value: float
    digits: int = 0

    def __str__(self) -> str:
        return number(self.value, DEFAULT_LANG, self.digits)


PLURAL = "plural|"


class BadPluralForms(ValueError):
    """A `{n:plural|…}` placeholder does not give exactly the forms `one|other`."""


class _Wording(string.Formatter):
    """Fills a catalogue text: numbers written in the text's language, plural forms chosen."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith(PLURAL):
            return plural(value, format_spec[len(PLURAL) :], self.lang)
        if format_spec == "de":
            return of_name(str(value))
        if format_spec:
            return super().format_field(value, format_spec)
        return self._word(value)

    def _word(self, value: Any) -> str:
        if isinstance(value, Number):
            return number(value.value, self.lang, value.digits)
        if isinstance(value, int) and not isinstance(value, bool):
            return number(value, self.lang)
        return str(value)


def plural(count: Any, forms: str, lang: Lang | str) -> str:
    """The form of `forms` ("one|other", `#` standing for the count) this count takes in `lang`."""
    one, other = _plural_forms(forms)
    amount = count.value if isinstance(count, Number) else count
    digits = count.digits if isinstance(count, Number) else 0
    chosen = one if _plural_category(Lang.parse(lang), abs(amount)) == "one" else other
    return chosen.replace("#", number(amount, lang, digits))


_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")


def of_name(name: str) -> str:
    """French « de » before a name, elided before a vowel: « d'Alex », « de Marie »."""
    return f"d'{name}" if name[:1] in _VOWELS else f"de {name}"


def _plural_forms(forms: str) -> tuple[str, str]:
    parts = forms.split("|")
    if len(parts) != 2 or not all(parts):
        raise BadPluralForms(forms)
    return parts[0], parts[1]


def t(key: str, lang: Lang | str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from params.

    Whole numbers and `Number` params are written as the participant of that language writes
    numbers; `{name:plural|one|other}` chooses the words that go with a count.
    """
    # Most callers pass a Lang already: the screens look up a hundred texts on every click.
    language = lang if type(lang) is Lang else Lang.parse(lang)
    texts = catalogue(language)
    try:
        text = texts[key]
    except KeyError:
        raise MissingText(key) from None
    if not params:
        return text
    return _Wording(language).format(text, **params)


def t_count(key: str, lang: Lang | str, count: int, /, **params: Any) -> str:
    """The text of `key` for `count` things, from `key.none`, `key.one` or `key.many`.

    The form follows the language's plural rules (CLDR, as `plural` does: French writes 0 and 1
    in the singular, English only 1); `key.none`, when the catalogue has it, words zero on its
    own (« Aucun contact coché »).
    """
    chosen = Lang.parse(lang)
    if count == 0 and has_text(f"{key}.none", chosen):
        form = "none"
    elif _plural_category(chosen, abs(count)) == "one":
        form = "one"
    else:
        form = "many"
    return t(f"{key}.{form}", chosen, count=count, **params)


def has_text(key: str, lang: Lang | str = DEFAULT_LANG) -> bool:
    return key in catalogue(Lang.parse(lang))


def label(item: Any, lang: Lang | str = DEFAULT_LANG) -> str:
    """The label of a vocabulary item (circle, role, quadrant…), or the 'none' text for None."""
    if item is None:
        return t("common.none", lang)
    return t(item.label_key, lang)


@cache
def _locale(lang: Lang) -> Locale:
    return Locale.parse({Lang.FR: "fr_FR", Lang.EN: "en_GB"}[lang])


def number(value: float, lang: Lang | str, digits: int = 0, *, keep_zeros: bool = False) -> str:
    """A number as the participant writes it: « 25 300,5 » in French, "25,300.5" in English.

    Trailing zeros are dropped (« 30 », not « 30,0 ») unless `keep_zeros` asks for a fixed
    number of decimals.
    """
    rounded = round(value, digits) or 0  # never « -0 »
    if not keep_zeros and rounded == int(rounded):
        digits = 0
    return _formatted(rounded, digits, Lang.parse(lang))


# Babel parses its pattern again on every call: a page writing hundreds of counts and ranks spent
# more time there than drawing them (benchmarks/bench.py, page reruns at 500 contacts).
@lru_cache(maxsize=4096)
def _formatted(rounded: float, digits: int, lang: Lang) -> str:
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(rounded, format=pattern, locale=_locale(lang))


@lru_cache(maxsize=1024)
def _plural_category(lang: Lang, amount: float) -> str:
    return _locale(lang).plural_form(amount)


def percent(share: float, lang: Lang | str) -> str:
    """A share (0.45) as a percentage: « 45 % » in French, "45%" in English."""
    return format_percent(share, locale=_locale(Lang.parse(lang)))


def day(value: date, lang: Lang | str) -> str:
    """A date as the participant reads it: « 29 nov. 2026 » in French, "29 Nov 2026" in English."""
    return format_date(value, format="medium", locale=_locale(Lang.parse(lang)))

"""The one catalogue of user-facing text, French first and English second.

Texts live in `reseau/locales/<lang>/*.toml` as flat keys (one file per area of the app, the
same file names in each language); `t(key, lang, **params)` returns the text with `{params}`
filled in. A missing key raises in tests and during development rather than
showing a half-translated screen.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

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


def t(key: str, lang: Lang | str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from params.

    A `Number` param is written as the participant of that language writes numbers.
    """
    texts = catalogue(Lang.parse(lang))
    try:
        text = texts[key]
    except KeyError:
        raise MissingText(key) from None
    if not params:
        return text
    worded = {
        name: number(value.value, lang, value.digits) if isinstance(value, Number) else value
        for name, value in params.items()
    }
    return text.format(**worded)


def t_count(key: str, lang: Lang | str, count: int, /, **params: Any) -> str:
    """The text of `key` for `count` things, from `key.none`, `key.one` or `key.many`.

    French writes 0 and 1 in the singular (« 0 contact placé »), English only 1; `key.none`, when
    the catalogue has it, words zero on its own (« Aucun contact coché »).
    """
    chosen = Lang.parse(lang)
    if count == 0 and has_text(f"{key}.none", chosen):
        form = "none"
    elif count == 1 or (count == 0 and chosen is Lang.FR):
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


def number(value: float, lang: Lang | str, digits: int = 0, *, keep_zeros: bool = False) -> str:
    """A number as the participant writes it: « 62,5 » in French, "62.5" in English.

    Trailing zeros are dropped (« 30 », not « 30,0 ») unless `keep_zeros` asks for a fixed
    number of decimals.
    """
    text = f"{value:.{digits}f}"
    if digits and not keep_zeros and text.endswith("0" * digits):
        text = text[: -(digits + 1)]
    return text.replace(".", ",") if Lang.parse(lang) is Lang.FR else text

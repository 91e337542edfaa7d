"""Streamlit's search for an emoji at the start of each option's label, made once per label.

Pills and segmented controls look for a leading emoji in every option's label on every run
(`streamlit.string_util.extract_leading_icon`). An ASCII label is skipped at once, but a label
with an accent (« Opérationnel », « Élevée », « À faire ») goes through a regular expression of
five thousand emoji, about 0.1 ms each: two milliseconds of server CPU per click on the card,
a tenth of its cost (`benchmarks/profile_card.py`). The answer depends on the label alone, so it
is kept (a bounded cache of the labels seen) and the card's labels are searched once per process.

This replaces a function of Streamlit's private module `string_util` (1.67); requirements.txt
pins the minor version and `tests/ui/test_label_icons.py` fails loudly if a release moves it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from streamlit import string_util

# Labels come from the catalogue (a few hundred in two languages); the bound keeps memory flat
# whatever a page passes.
_LABELS_KEPT = 4096

_original: Callable[[str], tuple[str, str]] | None = None


def remember_label_icons() -> None:
    """Makes Streamlit search each label for a leading emoji once per process (idempotent)."""
    global _original
    if _original is not None:
        return
    _original = string_util.extract_leading_emoji
    string_util.extract_leading_emoji = functools.lru_cache(maxsize=_LABELS_KEPT)(_original)


def searched_labels() -> int:
    """How many labels the cache holds (0 before `remember_label_icons`)."""
    cached = string_util.extract_leading_emoji
    info = getattr(cached, "cache_info", None)
    return info().currsize if info is not None else 0

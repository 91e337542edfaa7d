"""A column's meaning from its values, when its title says nothing or says the wrong thing.

Titles come first (mapping.py); this looks at the values next. A column of e-mail addresses or
phone numbers whose title is unknown is taken, or named in a note when another column already
fills that field: it is never dropped in silence. A column whose title names one of the method's
fields (`Action`, `Role`, `Title`…) is taken only when its values are the method's; otherwise it
is offered in the mapping, not taken, and a note says why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

from reseau.contact_table import CELL_PARSERS as METHOD_PARSERS
from reseau.importing.preview import RowNote
from reseau.method_values import ValueNotUnderstood, fold

SAMPLE_ROWS = 500
_EMAIL = re.compile(r"^(?:mailto:)?[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$", re.IGNORECASE)
_BRACKETED = re.compile(r"<\s*([^<>\s]+@[^<>\s]+)\s*>")
_PHONE = re.compile(r"^(?:tel:)?\+?[\d\s().\-/]+$", re.IGNORECASE)
# Dates are digits and separators too: 2024-01-05, 05/01/2024, 5.1.2024.
_DATE = re.compile(r"^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\s*$")
# Civilities that a `Title` column holds in English and French address books.
CIVILITIES = frozenset(
    fold(word)
    for word in (
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "M.", "Mme", "Mlle", "Me", "Pr",
        "Monsieur", "Madame", "Mademoiselle", "Docteur", "Maître", "Professeur", "Dame",
    )
)  # fmt: skip
# Codes other tools write in a column titled `Action`: what to do with the record, not a step.
_RECORD_CODES = frozenset(
    fold(word)
    for word in (
        "add", "delete", "update", "insert", "remove", "create", "modify", "edit", "new",
        "ajout", "ajouter", "suppression", "supprimer", "modification", "modifier", "creation",
    )
)  # fmt: skip


def distinct_values(series: pd.Series) -> list[str]:
    """The column's distinct non-empty values among its first rows, as trimmed text."""
    seen: dict[str, None] = {}
    for value in series.head(SAMPLE_ROWS).tolist():
        if value is None or (isinstance(value, float) and value != value):
            continue
        text = str(value).strip()
        if text:
            seen.setdefault(text, None)
    return list(seen)


def is_email(text: str) -> bool:
    found = _BRACKETED.search(text)
    return bool(_EMAIL.match(found.group(1) if found else text))


def is_date(text: str) -> bool:
    return bool(_DATE.match(text))


def is_phone(text: str) -> bool:
    first = text.splitlines()[0] if text else text
    if _DATE.match(first):
        return False
    return bool(_PHONE.match(first)) and sum(ch.isdigit() for ch in first) >= 8


def kind_of(values: Sequence[str]) -> str | None:
    """ "email" or "phone" when most values are, else None."""
    if not values:
        return None
    for field, test in (("email", is_email), ("phone", is_phone)):
        if sum(1 for v in values if test(v)) >= max(1, 0.6 * len(values)):
            return field
    return None


def _shown(values: Sequence[str]) -> str:
    return " · ".join(v[:30] for v in values[:3])


def _fits(field: str, values: Sequence[str]) -> bool:
    """Whether a column's values are ones the method's field accepts."""
    if field == "action_text":
        return not all(fold(v) in _RECORD_CODES for v in values)
    parse = METHOD_PARSERS.get(field)
    if parse is None:
        return True
    understood = 0
    for value in values:
        try:
            parse(value)
        except (ValueNotUnderstood, TypeError, ValueError):
            continue
        understood += 1
    return understood >= 0.5 * len(values)


METHOD_FIELDS = frozenset(METHOD_PARSERS) | {"action_text"}


def refine_mapping(
    mapping: Mapping[str, str | None], body: pd.DataFrame, fmt: str
) -> tuple[dict[str, str | None], list[RowNote]]:
    """The title-based mapping checked against the values; notes say what changed and why."""
    refined = dict(mapping)
    notes: list[RowNote] = []
    filled = {field for field in refined.values() if field}
    for column, field in mapping.items():
        values = distinct_values(body[column]) if column in body else []
        if not values:
            continue
        params = {"column": column, "values": _shown(values)}
        if field is None:
            guessed = kind_of(values)
            if guessed is None:
                continue
            if guessed in filled:
                notes.append(RowNote(0, "import.column.looks_like", {**params, "field": guessed}))
            else:
                refined[column] = guessed
                filled.add(guessed)
                notes.append(RowNote(0, "import.column.guessed", {**params, "field": guessed}))
        elif field == "job_title":
            civil = sum(1 for v in values if fold(v) in CIVILITIES)
            if civil >= 0.5 * len(values):
                refined[column] = None
                notes.append(RowNote(0, "import.column.civility", params))
        elif field in METHOD_FIELDS and fmt != "reseau" and not _fits(field, values):
            refined[column] = None
            notes.append(RowNote(0, "import.column.not_method", {**params, "field": field}))
    return refined, notes


_NAME_VALUE = re.compile(r"^[^\W\d_][\w'’.\-]*(?: [^\W\d_][\w'’.\-]*)*$")


def _names_share(values: Sequence[str]) -> tuple[float, float, float]:
    """How many values look like names, how many words they have, how many are in capitals."""
    names = [v for v in values if _NAME_VALUE.match(v) and v[0].isupper()]
    if not names:
        return 0.0, 0.0, 0.0
    words = sum(len(v.split()) for v in names) / len(names)
    capitals = sum(1 for v in names if v.isupper() and len(v) > 1) / len(names)
    return len(names) / len(values), words, capitals


def _starts_address(body: pd.DataFrame, first: str, other: str, email: str) -> bool:
    """Whether addresses start with `first`'s values more often than with `other`'s."""
    score = 0
    for name, rest, address in body[[first, other, email]].head(SAMPLE_ROWS).itertuples(False):
        local = fold(str(address).split("@")[0])
        if not local:
            continue
        if fold(name) and local.startswith(fold(name)):
            score += 1
        elif fold(rest) and local.startswith(fold(rest)):
            score -= 1
    return score > 0


def guess_without_header(
    mapping: Mapping[str, str | None], body: pd.DataFrame
) -> tuple[dict[str, str | None], list[RowNote]]:
    """Columns of a file without titles, from their values: e-mails and phones by their shape,
    then names (a column of two-word names is a full name; of one word, first then last name,
    the one in capitals being the last name), then the next text column as the company."""
    guessed = dict(mapping)
    texts: list[tuple[str, float, float]] = []
    for column in mapping:
        values = distinct_values(body[column])
        kind = kind_of(values)
        if kind and kind not in guessed.values():
            guessed[column] = kind
            continue
        share, words, capitals = _names_share(values)
        if share >= 0.6:
            texts.append((column, words, capitals))
    full = [c for c, words, _ in texts if words >= 1.5]
    single = [(c, capitals) for c, words, capitals in texts if words < 1.5]
    if len(single) >= 2:
        (a, caps_a), (b, caps_b) = single[:2]
        first, last = (b, a) if caps_a > caps_b else (a, b)
        email = next((c for c, f in guessed.items() if f == "email"), None)
        if caps_a == caps_b and email is not None and _starts_address(body, b, a, email):
            first, last = b, a  # « Kerjean;Maud;maud.kerjean@… »: the address starts with it
        guessed[first], guessed[last] = "first_name", "last_name"
        rest = [c for c, _, _ in texts if c not in (a, b)]
    elif full:
        guessed[full[0]] = "full_name"
        rest = [c for c, _, _ in texts if c != full[0]]
    else:
        rest = []
    if rest:
        guessed[rest[0]] = "company"
    return guessed, [RowNote(0, "import.column.no_header", {})]

"""Which contact field each column holds, from French and English header synonyms.

Headers are compared folded (no case, accents, spaces or punctuation), so `E-mail Address`,
`e-mail address` and `EmailAddress` are one synonym. When several columns hold the same field
(Outlook's three e-mail columns, Google's phone columns…), the first non-empty one in the order
of the synonym list wins, so a mobile number is preferred to a switchboard.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from reseau.contact_fields import FIELDS
from reseau.contact_table import TABLE_FIELDS, header
from reseau.i18n import Lang, t
from reseau.method_values import fold as fold_latin

_COMBINING = re.compile(r"[\u0300-\u036f]+")
_NOT_LETTER = re.compile(r"[\W_]+")


def fold(text: object) -> str:
    """A header folded for comparison: as `method_values.fold` for Latin titles, and keeping
    the letters of other scripts (姓, Фамилия, Επώνυμο) that the latter drops."""
    latin = fold_latin(text)
    plain = _COMBINING.sub("", unicodedata.normalize("NFKD", str(text))).casefold()
    other = _NOT_LETTER.sub("", plain)
    return latin if other.isascii() else other


FULL_NAME = "full_name"
"""A column holding the whole name ("Nom complet", vCard FN), split when first/last are absent."""

# The whole name is offered among the identity fields, before the method's.
_BEFORE_NAME = next(i for i, spec in enumerate(FIELDS) if not spec.identity)
MAPPABLE_FIELDS: tuple[str, ...] = (
    *TABLE_FIELDS[:_BEFORE_NAME],
    FULL_NAME,
    *TABLE_FIELDS[_BEFORE_NAME:],
)
NAME_FIELDS = frozenset({"first_name", "last_name", FULL_NAME})

# Other titles of the whole name, by preference; the contact fields' own are in their
# declarations (`reseau.contact_fields`).
_FULL_NAME_SYNONYMS: tuple[str, ...] = (
    "Nom complet",
    "Full Name",
    "Name",
    "Display Name",
    "Nom et prénom",
    "Prénom et nom",
    "Prénom Nom",
    "Nom Prénom",
    "Contact",
    "Personne",
    "FN",
    "Contact principal",
    "Nom du destinataire",
    "Nom du contact",
    "Destinataire",
    "Interlocuteur",
    "氏名",
    "名前",
    "姓名",
    "성명",
    "ФИО",
    "Ονοματεπώνυμο",
    "الاسم الكامل",
)
_SYNONYMS: dict[str, tuple[str, ...]] = {
    FULL_NAME: _FULL_NAME_SYNONYMS,
    **{spec.name: spec.synonyms for spec in FIELDS if spec.synonyms},
}
# Headers that mean a civility when a clearer job-title column exists (Outlook's "Title").
_WEAK_JOB_TITLE = frozenset({fold("Title"), fold("Titre")})


def _own_headers() -> dict[str, str]:
    """The app's own column names (codes and labels in both languages), folded."""
    own: dict[str, str] = {}
    for field in TABLE_FIELDS:
        own.setdefault(fold(field), field)
        for lang in Lang:
            own.setdefault(fold(header(field, lang)), field)
    return own


_OWN = _own_headers()


def _build_table() -> dict[str, tuple[str, int]]:
    table: dict[str, tuple[str, int]] = {word: (field, 0) for word, field in _OWN.items()}
    for field, words in _SYNONYMS.items():
        for rank, word in enumerate(words):
            table.setdefault(fold(word), (field, rank))
    for word in _WEAK_JOB_TITLE:
        table[word] = ("job_title", 99)
    return table


_TABLE = _build_table()


def field_for(text: object) -> tuple[str, int] | None:
    """The field a header names and its preference rank, or None for a column to leave out."""
    folded = fold(text)
    if not folded:
        return None
    return _TABLE.get(folded)


def guess_mapping(columns: Sequence[str]) -> dict[str, str | None]:
    """Source column -> field for a header row; columns not understood map to None."""
    mapping: dict[str, str | None] = {}
    found = {column: field_for(column) for column in columns}
    strong_job = any(
        hit and hit[0] == "job_title" and fold(column) not in _WEAK_JOB_TITLE
        for column, hit in found.items()
    )
    titles = [c for c in columns if fold(_base(c)) in _WEAK_JOB_TITLE]
    for column in columns:
        hit = found[column]
        field = hit[0] if hit else None
        if fold(_base(column)) in _WEAK_JOB_TITLE:
            # Outlook repeats "Titre" (civility, then job title); "Title" beside "Job Title" is
            # a civility too; alone it is a job title.
            if len(titles) > 1:
                field = "job_title" if column == titles[-1] and not strong_job else None
            elif strong_job:
                field = None
            else:
                field = "job_title"
        mapping[column] = field
    return mapping


def _base(column: str) -> str:
    """A column's header without the " (2)" the reader adds to a repeated header."""
    head, _, tail = column.rpartition(" (")
    return head if head and tail.rstrip(")").isdigit() else column


def preference(column: str, position: int) -> tuple[int, int]:
    """Sort key among columns mapped to one field: synonym rank, then position in the file."""
    hit = field_for(_base(column))
    return (hit[1] if hit else 50, position)


def columns_by_field(
    mapping: Mapping[str, str | None], columns: Sequence[str]
) -> dict[str, list[str]]:
    """For each mapped field, its source columns in order of preference."""
    grouped: dict[str, list[tuple[tuple[int, int], str]]] = {}
    for position, column in enumerate(columns):
        field = mapping.get(column)
        if field:
            grouped.setdefault(field, []).append((preference(column, position), column))
    return {field: [c for _, c in sorted(found)] for field, found in grouped.items()}


def has_name_column(mapping: Mapping[str, str | None]) -> bool:
    return any(field in NAME_FIELDS for field in mapping.values())


def known_count(cells: Iterable[object]) -> tuple[int, bool]:
    """How many cells of a row are headers this module knows, and whether one is a name."""
    count, named = 0, False
    for cell in cells:
        hit = field_for(cell) if isinstance(cell, str) and len(cell) < 80 else None
        if hit:
            count += 1
            named = named or hit[0] in NAME_FIELDS
    return count, named


def field_label(field: str | None, lang: Lang) -> str:
    """A field's name for the mapping selectboxes."""
    if field is None:
        return t("import.mapping.ignore", lang)
    if field == FULL_NAME:
        return t("field.name", lang)
    return header(field, lang)


# Formats recognised by the headers they always carry (folded).
_SIGNATURES: tuple[tuple[str, frozenset[str]], ...] = (
    ("linkedin", frozenset({"firstname", "lastname", "connectedon"})),
    ("outlook", frozenset({"emailaddress", "emaildisplayname"})),
    ("outlook", frozenset({"emailaddress", "givenyomi"})),
    ("outlook", frozenset({"adressedemessagerie", "typedemessagerie"})),
    ("outlook", frozenset({"adressedemessagerie", "telmobile"})),
    ("google", frozenset({"email1value"})),
    ("google", frozenset({"givenname", "familyname"})),
)


def detect_format(columns: Sequence[str], fallback: str) -> str:
    """The source that wrote a header row: "reseau", "linkedin", "outlook", "google" or fallback."""
    folded = {fold(_base(c)) for c in columns}
    own = {_OWN.get(fold(c)) for c in columns} - {None}
    if "id" in own and len(own) >= len(TABLE_FIELDS) - 3:
        return "reseau"
    for name, needed in _SIGNATURES:
        if needed <= folded:
            return name
    return fallback

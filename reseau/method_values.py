"""Reading the method's values as people write them in a sheet, and writing them back as labels.

A cell may say `Soutien`, `support`, `Réseau de soutien`, `SOUTIEN ` or `Support network`: all
mean the same circle. Matching ignores case, accents, spaces and punctuation. A value that does
not match raises `ValueNotUnderstood`, so the caller can drop it with a warning instead of
guessing or clamping it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import cache
from typing import TypeVar

from reseau.i18n import Lang, t
from reseau.vocabulary import (
    ActionStatus,
    Circle,
    Quadrant,
    Role,
    Term,
)

E = TypeVar("E", bound=Term)


class ValueNotUnderstood(ValueError):
    """A cell holds something that is not a value of the method's lists or scales."""

    def __init__(self, field: str, value: object) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field}: {value!r}")


def without_accents(text: object) -> str:
    """The text with its accents taken off: « Éloïse » becomes « Eloise »."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: object) -> str:
    """Lower case, no accents, only letters and digits: how two spellings are compared."""
    return re.sub(r"[^0-9a-z]+", "", without_accents(text).casefold())


# Extra spellings people use for circles, beyond the codes and the catalogue labels.
_CIRCLE_SYNONYMS = {
    Circle.INFORMATION: ("info", "reseaudinformation", "informationnel", "cercledinformation"),
    Circle.SUPPORT: ("soutien", "appui", "reseaudesoutien", "cercledesoutien"),
    Circle.OPERATIONAL: ("operationnel", "operations", "ops", "reseauoperationnel", "operation"),
}


@cache
def _lookup(enum: type[Term]) -> dict[str, Term]:
    table: dict[str, Term] = {}
    for member in enum:
        table[fold(member.value)] = member
        for lang in Lang:
            table.setdefault(fold(t(member.label_key, lang)), member)
    if enum is Circle:
        for circle, words in _CIRCLE_SYNONYMS.items():
            for word in words:
                table.setdefault(word, circle)
            for lang in Lang:
                # "Information" alone, as well as "Réseau d'information"
                short = t(circle.label_key, lang).split()[-1]
                table.setdefault(fold(short), circle)
    return table


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN from pandas
        return True
    return str(value).strip() == ""


def parse_choice(enum: type[E], value: object, field: str) -> E | None:
    """The member of `enum` a cell names (code or label, either language); None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, enum):
        return value
    member = _lookup(enum).get(fold(value))
    if member is None:
        raise ValueNotUnderstood(field, value)
    return member  # type: ignore[return-value]


def parse_circle(value: object) -> Circle | None:
    return parse_choice(Circle, value, "circle")


def parse_role(value: object) -> Role | None:
    return parse_choice(Role, value, "role")


def parse_scale(value: object, field: str, low: int = 1, high: int = 5) -> int | None:
    """A 1-5 score; 3.0 from a spreadsheet is 3, but 3.5, 0 or 7 are refused, never rounded."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueNotUnderstood(field, value)
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise ValueNotUnderstood(field, value) from None
    if not number.is_integer() or not low <= number <= high:
        raise ValueNotUnderstood(field, value)
    return int(number)


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y", "%d %b %Y", "%Y/%m/%d")


def parse_date(value: object, field: str) -> date | None:
    """A date from a cell: a real date, ISO text, or the French day/month/year order."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if text.startswith(("0/0/00", "--")):  # Outlook's and Google's "no date / no year"
        return None
    text = text.split("T")[0].split(" 00:00:00")[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueNotUnderstood(field, value)


_ITEM_SPLIT = re.compile(r"[,;/+|]| et | and ")


def parse_choices(enum: type[E], value: object, field: str) -> frozenset[E]:
    """The items of `enum` a cell lists (« Information, Soutien »); empty when blank."""
    if is_blank(value):
        return frozenset()
    parts = (part for part in _ITEM_SPLIT.split(str(value)) if part.strip())
    items = (parse_choice(enum, part, field) for part in parts)
    return frozenset(item for item in items if item is not None)


def format_choices(items: frozenset[E], enum: type[E], lang: Lang) -> str:
    """The items as one cell, in the enum's order: « Information, Soutien »."""
    labels = (t(item.label_key, lang) for item in enum if item in items)
    return ", ".join(labels)


def parse_status(value: object) -> ActionStatus | None:
    return parse_choice(ActionStatus, value, "action_status")


def parse_quadrant(value: object) -> Quadrant | None:
    return parse_choice(Quadrant, value, "quadrant")

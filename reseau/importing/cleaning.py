"""From a sheet's cells to one value per contact field: coalesced, trimmed, split, cut to size.

Column work is done on whole pandas columns; only building each `Contact` is per row. Text that
looks like a formula (`=1+1`, `+cmd|…`, `@SUM`) is ordinary text here: nothing is ever evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from functools import partial

import pandas as pd
from pandas.api.types import infer_dtype

from reseau.contact_fields import FIELDS, SHORT_TEXT_LIMIT, FieldKind, field_spec
from reseau.contact_table import TEXT_FIELDS
from reseau.importing import limits
from reseau.importing.errors import CellTooBig
from reseau.importing.mapping import FULL_NAME, columns_by_field
from reseau.method_values import ValueNotUnderstood, fold, parse_choice

# Who the person is, on one line: names, company, title, address, phone.
_ONE_LINE = frozenset(spec.name for spec in FIELDS if spec.identity and spec.kind is FieldKind.TEXT)
# Google joins several values of one field with " ::: "; people separate addresses with ; or ,
_MULTI = re.compile(r"\s*:::\s*|\s*[;,]\s*|\s+")
_PRIMARY = re.compile(r"^\*\s*")
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
# `"Omega" <omega@example.com>`: a display name before the address in angle brackets.
_BRACKETED = re.compile(r"^[^<]*<\s*([^<>\s]+@[^<>\s]+)\s*>.*$", re.DOTALL)


def _cell_text(value: object, field: str) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        number = value
        if isinstance(number, float) and number.is_integer():
            number = int(number)
        text = str(number)
        # A French number typed into a numeric cell loses its leading 0 (639980010).
        if field == "phone" and isinstance(number, int) and len(text) == 9 and text[0] != "0":
            text = "0" + text
        return text
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _raw(value: object) -> object:
    """A method cell as read (parsed later by the contact table); blank text becomes ""."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return value.strip() if isinstance(value, str) else value


_CHOICES: dict[str, Callable[[object], object]] = {
    spec.name: partial(parse_choice, spec.choices, field=spec.name)
    for spec in FIELDS
    if spec.kind is FieldKind.CHOICE and spec.choices is not None
}


def _choices(series: pd.Series, field: str) -> pd.Series:
    """A list column read once per distinct value: a value not understood stays as it was, so
    the contact table drops it with a warning on each row that holds it."""
    parse = _CHOICES[field]
    seen: dict[object, object] = {}
    for value in series.unique():
        try:
            seen[value] = parse(value)
        except (ValueNotUnderstood, TypeError):
            seen[value] = value
    # dtype=object: the method's values are StrEnums, which pandas would turn back into text.
    return pd.Series([seen[value] for value in series], index=series.index, dtype=object)


def _clean(series: pd.Series, field: str) -> pd.Series:
    if field not in TEXT_FIELDS and field != FULL_NAME:
        series = series.map(_raw)
        return _choices(series, field) if field in _CHOICES else series
    if infer_dtype(series, skipna=True) in ("string", "empty"):
        text = series.fillna("").astype(str)
    else:
        text = series.map(lambda v: _cell_text(v, field)).astype(str)
    if field == "phone":
        # Two numbers typed on two lines of one cell are both kept.
        text = _where(text, r"\S\s*[\r\n]+\s*\S", _phones_on_lines)
    if field in _ONE_LINE or field == FULL_NAME:
        text = _where(text, r"\s\s|[^\S ]", lambda t: t.str.replace(r"\s+", " ", regex=True))
    text = text.str.strip()
    if field in TEXT_FIELDS or field == FULL_NAME:
        # Names compared and stored in one form: a macOS file writes é as e + accent (NFD).
        text = _where(text, r"[^\x00-\x7f]", lambda t: t.str.normalize("NFC"))
    if field == "email":
        text = _where(text, r"[\s,;*<]|:::|^mailto:", lambda t: t.map(first_address))
    elif field == "phone":
        text = _where(text, r":::|^\*", _first_phone)
    return text.fillna("")


def _where(text: pd.Series, pattern: str, change: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Applies a change only to the cells that need it: most cells of a column need none."""
    needs = text.str.contains(pattern, regex=True, case=False)
    if needs.any():
        text = text.copy()
        text[needs] = change(text[needs])
    return text


_LIST = re.compile(r"\s*(?::::|[;,])\s*")


def first_address(text: str) -> str:
    """The first address of a cell; one address with a space inside is kept whole (reported
    later), never cut at the space: `jean dupont@example.com` is not `dupont@example.com`."""
    text = _BRACKETED.sub(r"\1", text)
    text = _MAILTO.sub("", _PRIMARY.sub("", text))
    parts = [part for part in _LIST.split(text) if part]
    part = next((p for p in parts if "@" in p), parts[0] if parts else "")
    words = part.split()
    addresses = [position for position, word in enumerate(words) if "@" in word]
    if len(addresses) != 1:
        return words[addresses[0]] if addresses else part
    at = addresses[0]
    word = words[at]
    # Words after a whole address are a comment ("(perso)"); words before it, or an address
    # broken around its @, are the address itself typed with a space.
    if at == 0 and not word.startswith("@") and not word.endswith("@"):
        return word
    return part


def _phones_on_lines(text: pd.Series) -> pd.Series:
    return text.str.strip().str.replace(r"\s*[\r\n]+\s*", " / ", regex=True)


def _first_phone(text: pd.Series) -> pd.Series:
    text = text.str.split(r"\s*:::\s*", n=1, regex=True).str[0]
    return text.str.replace(_PRIMARY, "", regex=True)


def field_frame(
    data: pd.DataFrame, mapping: Mapping[str, str | None], columns: Sequence[str]
) -> pd.DataFrame:
    """One column per mapped field; of several source columns, the first filled one wins."""
    fields: dict[str, pd.Series] = {}
    for field, sources in columns_by_field(mapping, columns).items():
        merged = _clean(data[sources[0]], field)
        for source in sources[1:]:
            merged = merged.where(merged != "", _clean(data[source], field))
        fields[field] = merged
    frame = pd.DataFrame(fields, index=data.index)
    if FULL_NAME in frame:
        _split_full_names(frame)
    return frame


def _split_full_names(frame: pd.DataFrame) -> None:
    for name in ("first_name", "last_name"):
        if name not in frame:
            frame[name] = ""
    nameless = (frame["first_name"] == "") & (frame["last_name"] == "") & (frame[FULL_NAME] != "")
    if "company" in frame:
        # A row whose only name is its company's is a company, not a person named after it.
        company = frame["company"].map(fold)
        nameless &= frame[FULL_NAME].map(fold) != company
    if nameless.any():
        parts = frame.loc[nameless, FULL_NAME].map(split_name_and_title)
        frame.loc[nameless, "first_name"] = parts.str[0]
        frame.loc[nameless, "last_name"] = parts.str[1]
        titles = parts.str[2]
        if (titles != "").any():
            if "job_title" not in frame:
                frame["job_title"] = ""
            untitled = titles.index[(titles != "") & (frame.loc[titles.index, "job_title"] == "")]
            frame.loc[untitled, "job_title"] = titles[untitled]
    del frame[FULL_NAME]


# First words of a job title written after a name: « Philippe LAILLIER, Directeur ».
_TITLE_WORDS = frozenset(
    fold(word)
    for word in (
        "Directeur", "Directrice", "Director", "Président", "Présidente", "President", "PDG",
        "DG", "DAF", "DRH", "CEO", "CFO", "CTO", "COO", "Gérant", "Gérante", "Manager",
        "Responsable", "Chef", "Cheffe", "Head", "Chargé", "Chargée", "Consultant",
        "Consultante", "Ingénieur", "Ingénieure", "Engineer", "Associé", "Associée", "Partner",
        "Fondateur", "Fondatrice", "Founder", "Co-fondateur", "Cofondatrice", "Adjoint",
        "Adjointe", "Assistant", "Assistante", "Secrétaire", "Conseiller", "Conseillère",
        "Avocat", "Avocate", "Expert", "Experte", "Délégué", "Déléguée", "VP", "Vice",
        "Senior", "Lead", "Coordinateur", "Coordinatrice", "Commercial", "Commerciale",
    )
)  # fmt: skip


def split_name_and_title(full: str) -> tuple[str, str, str]:
    """First name, last name and job title of one cell: « Philippe LAILLIER, Directeur » is a
    name then a title, where « Dupont, Jean » is « Last, First »."""
    if "," in full:
        name, _, after = full.partition(",")
        before = name.split()
        title_first = fold(after.split()[0]) if after.split() else ""
        capitals = [w for w in before if len(w) > 1 and w.isupper()]
        if title_first in _TITLE_WORDS or (len(before) > 1 and 0 < len(capitals) < len(before)):
            first, last = split_name(name)
            return first, last, " ".join(after.split())
    first, last = split_name(full)
    return first, last, ""


def split_name(full: str) -> tuple[str, str]:
    """First and last name from one cell: "DUPONT Jean", "Jean Dupont", "Dupont, Jean"."""
    full = " ".join(full.split())
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    words = full.split(" ")
    if len(words) == 1:
        return "", words[0]
    upper = [w for w in words if len(w) > 1 and w.isupper()]
    if upper and len(upper) < len(words):
        last = " ".join(upper)
        return " ".join(w for w in words if w not in upper), last
    return words[0], " ".join(words[1:])


def text_limit(field: str) -> int:
    """The most characters a text field holds (a one-line field's, for a name not declared)."""
    try:
        limit = field_spec(field).limit
    except KeyError:
        limit = None
    return limit if limit is not None else SHORT_TEXT_LIMIT


def cut_long_texts(frame: pd.DataFrame) -> list[tuple[int, str, int]]:
    """Cuts texts longer than their field allows; returns (index, field, limit) for each cut.

    A cell longer than a spreadsheet can hold is refused instead: in a CSV it means a quote is
    missing and the rows below were swallowed into it.
    """
    cuts: list[tuple[int, str, int]] = []
    for field in frame.columns:
        if field not in TEXT_FIELDS:
            continue
        lengths = frame[field].str.len()
        if not (lengths > text_limit(field)).any():
            continue
        huge = lengths[lengths > limits.MAX_CELL_CHARS]
        if len(huge):
            index = huge.index[0]
            raise CellTooBig(
                row=index, column=field, size=int(huge.iloc[0]), limit=limits.MAX_CELL_CHARS
            )
        over = lengths > text_limit(field)
        frame.loc[over, field] = frame.loc[over, field].str[: text_limit(field)].str.rstrip()
        cuts.extend((index, field, text_limit(field)) for index in frame.index[over])
    return cuts

"""From a large import to the people who matter: search, filters and the rows kept.

A LinkedIn export holds hundreds or thousands of people; the method qualifies 15 to 40. After
an import of more than `SHORTLIST_FROM` contacts the participant picks who to keep. Everything
here works on whole pandas columns, so a filter over 5,000 rows costs milliseconds.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from reseau.contact import IDENTITY_FIELDS
from reseau.contact_table import header
from reseau.i18n import Lang
from reseau.importing.duplicates import _COMBINING, _LIGATURES, _NOT_WORD, _fold_name
from reseau.importing.preview import ImportPreview

SHORTLIST_FROM = 60
# Titles of the column holding when a connection was made (LinkedIn, in English and French).
CONNECTED_COLUMNS = frozenset({"connectedon", "datedeconnexion", "connecteele", "connectedat"})


def offers_shortlist(preview: ImportPreview) -> bool:
    return len(preview.contacts) > SHORTLIST_FROM


@dataclass(frozen=True)
class ShortlistFilter:
    """What the participant typed or chose to narrow the list; empty means no filter."""

    query: str = ""
    companies: tuple[str, ...] = ()
    title: str = ""
    since: date | None = None
    until: date | None = None
    sources: tuple[str, ...] = ()


def shortlist_table(preview: ImportPreview) -> pd.DataFrame:
    """One row per contact (its index is the contact's position in the preview): its row in
    the file, its source (the sheet, when several were read), what is shown, and folded text."""
    contacts = preview.contacts
    table = pd.DataFrame(
        {
            "row": list(preview.rows),
            "source": list(preview.sources) or [preview.sheet or ""] * len(contacts),
            "name": [c.display_name for c in contacts],
            "company": [c.company for c in contacts],
            "job_title": [c.job_title for c in contacts],
        }
    )
    connected = list(preview.connected) or [None] * len(contacts)
    table["connected"] = pd.to_datetime(pd.Series(connected, dtype=object), errors="coerce")
    text = table["name"] + " " + table["company"] + " " + table["job_title"]
    table["_text"] = folded(text + " " + pd.Series([c.email for c in contacts], dtype=object))
    table["_title"] = folded(table["job_title"])
    return table


def folded(text: pd.Series) -> pd.Series:
    """`duplicates._fold_name` on a whole column: no case, accents, ligatures or punctuation."""
    plain = text.astype(str).str.translate(_LIGATURES).str.normalize("NFKD")
    plain = plain.str.replace(_COMBINING, "", regex=True).str.casefold()
    return plain.str.replace(_NOT_WORD, "", regex=True)


def companies_by_count(table: pd.DataFrame) -> list[str]:
    """Companies, the most frequent first, for the company filter."""
    counts = table.loc[table["company"] != "", "company"].value_counts(sort=True)
    return counts.index.tolist()


def matching(table: pd.DataFrame, chosen: ShortlistFilter) -> pd.Series:
    """Which rows of the table the filter lets through (a boolean column)."""
    mask = pd.Series(True, index=table.index)
    for word in chosen.query.split():
        mask &= table["_text"].str.contains(_fold_name(word), regex=False)
    if chosen.companies:
        mask &= table["company"].isin(chosen.companies)
    if chosen.title.strip():
        for word in chosen.title.split():
            mask &= table["_title"].str.contains(_fold_name(word), regex=False)
    if chosen.sources:
        mask &= table["source"].isin(chosen.sources)
    if chosen.since is not None:
        mask &= table["connected"] >= pd.Timestamp(chosen.since)
    if chosen.until is not None:
        mask &= table["connected"] <= pd.Timestamp(chosen.until)
    return mask


def keep_only(preview: ImportPreview, positions: Collection[int]) -> ImportPreview:
    """The preview reduced to the contacts kept (their positions in it), in the file's order."""
    kept = sorted(positions)
    return dataclasses.replace(
        preview,
        contacts=tuple(preview.contacts[i] for i in kept),
        rows=tuple(preview.rows[i] for i in kept),
        sources=tuple(preview.sources[i] for i in kept) if preview.sources else (),
        connected=tuple(preview.connected[i] for i in kept) if preview.connected else (),
    )


# Who the people are: the method's fields are still empty for someone not kept.
LATER_FIELDS: tuple[str, ...] = IDENTITY_FIELDS


def later_csv(preview: ImportPreview, kept: Collection[int], lang: Lang) -> bytes:
    """The people not kept, as a CSV the importer reads back: the « not for now » list the
    participant keeps outside the workbook (UTF-8 with its mark, so Excel opens it right)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header(field, lang) for field in LATER_FIELDS])
    for position, contact in enumerate(preview.contacts):
        if position not in kept:
            writer.writerow([getattr(contact, field) for field in LATER_FIELDS])
    return out.getvalue().encode("utf-8-sig")


def connected_dates(rows: Iterable[int], values: Iterable[object]) -> dict[int, str]:
    """Row -> ISO date of the connection, for the values that read as dates."""
    parsed = pd.to_datetime(
        pd.Series(list(values), dtype=object), errors="coerce", format="mixed", dayfirst=True
    )
    return {
        row: stamp.date().isoformat()
        for row, stamp in zip(rows, parsed.tolist(), strict=True)
        if not pd.isna(stamp)
    }

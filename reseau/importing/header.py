"""Finding the header row by looking for it, wherever it is.

LinkedIn puts a "Notes:" paragraph above its header (and some people delete it); hand-made sheets
have a title, blank rows, or start in column C. The header is the row, among the first ones, that
holds the most column names this importer knows — a name column above all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from reseau.importing.mapping import known_count
from reseau.method_values import is_blank

SEARCH_ROWS = 40
NO_HEADER = 0
"""The header row a participant chooses when the file has none: its first row is a person."""


@dataclass(frozen=True)
class Header:
    """Where the header is (0-based row in the sheet) and the names of the columns kept."""

    row: int  # -1 when the file has no header row
    positions: tuple[int, ...]  # columns of the sheet that hold something
    columns: tuple[str, ...]  # unique, non-empty names for those columns
    known: int  # how many of them this importer recognises


def column_letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def find_header(cells: pd.DataFrame, wanted: int | None = None) -> Header | None:
    """The header of a sheet of raw cells, or None when the sheet holds nothing.

    `wanted` is the participant's choice: a row number (from 1), or `NO_HEADER`. Without it, a
    sheet whose titles are all unknown and whose first row holds an e-mail address, a phone
    number or a number is taken to have no header: that row is already a person.
    """
    if cells.empty:
        return None
    if wanted is not None:
        if wanted == NO_HEADER or wanted > len(cells):
            return _no_header(cells)
        return _header_at(cells, wanted - 1, known_count(cells.iloc[wanted - 1].tolist())[0])
    best: tuple[tuple[int, int, int], int] | None = None
    for index in range(min(SEARCH_ROWS, len(cells))):
        row = cells.iloc[index].tolist()
        filled = [c for c in row if not is_blank(c)]
        if not filled:
            continue
        count, named = known_count(row)
        texts = sum(1 for c in filled if isinstance(c, str))
        # A name column matters most, then how many headers are known, then how many text cells.
        score = (int(named), count, texts if len(filled) > 1 else 0)
        if best is None or score > best[0]:
            best = (score, index)
    if best is None:
        return None
    (_, count, _), index = best
    if not count:
        index = _first_wide_row(cells)
        if looks_like_data(cells.iloc[index].tolist()):
            return _no_header(cells)
    return _header_at(cells, index, count)


def looks_like_data(row: list[object]) -> bool:
    """Whether a row holds values no title would: an e-mail address, a phone, a date, a number."""
    from reseau.importing.columns import is_date, is_email, is_phone

    for cell in row:
        if is_blank(cell):
            continue
        if isinstance(cell, (int, float)) and not isinstance(cell, bool):
            return True
        text = cell.strip() if isinstance(cell, str) else ""
        if text and (is_email(text) or is_phone(text) or is_date(text)):
            return True
        if isinstance(cell, (date, datetime)):
            return True
    return False


def _no_header(cells: pd.DataFrame) -> Header:
    used = (cells != "").to_numpy() & cells.notna().to_numpy()
    positions = tuple(int(p) for p in range(len(cells.columns)) if used[:, p].any())
    return Header(-1, positions, tuple(column_letter(p) for p in positions), 0)


def _first_wide_row(cells: pd.DataFrame) -> int:
    """With no known header, the first row of several text cells (a header nobody named)."""
    for index in range(min(SEARCH_ROWS, len(cells))):
        row = [c for c in cells.iloc[index].tolist() if not is_blank(c)]
        if len(row) > 1 and all(isinstance(c, str) for c in row):
            return index
    for index in range(len(cells)):
        if any(not is_blank(c) for c in cells.iloc[index].tolist()):
            return index
    return 0


def _header_at(cells: pd.DataFrame, index: int, known: int) -> Header:
    names = cells.iloc[index].tolist()
    below = cells.iloc[index:]
    used = (below != "").to_numpy() & below.notna().to_numpy()
    positions = tuple(int(p) for p in range(len(names)) if used[:, p].any())
    columns: list[str] = []
    seen: dict[str, int] = {}
    for position in positions:
        name = names[position]
        text = " ".join(str(name).split()) if not is_blank(name) else column_letter(position)
        if isinstance(name, float) and name.is_integer():
            text = str(int(name))
        seen[text] = seen.get(text, 0) + 1
        columns.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return Header(index, positions, tuple(columns), known)

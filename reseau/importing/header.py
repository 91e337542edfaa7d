"""Finding the header row by looking for it, wherever it is.

LinkedIn puts a "Notes:" paragraph above its header (and some people delete it); hand-made sheets
have a title, blank rows, or start in column C. The header is the row, among the first ones, that
holds the most column names this importer knows — a name column above all.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reseau.importing.mapping import known_count
from reseau.method_values import is_blank

SEARCH_ROWS = 40


@dataclass(frozen=True)
class Header:
    """Where the header is (0-based row in the sheet) and the names of the columns kept."""

    row: int
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


def find_header(cells: pd.DataFrame) -> Header | None:
    """The header of a sheet of raw cells, or None when the sheet holds nothing."""
    if cells.empty:
        return None
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
    (named, count, _), index = best
    if not count:
        index = _first_wide_row(cells)
    return _header_at(cells, index, count)


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

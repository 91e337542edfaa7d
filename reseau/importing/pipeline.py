"""The whole import of one file: bytes in, a preview out, the workbook untouched.

read -> find the sheet and its header -> map columns to fields -> clean -> build contacts ->
merge the rows that are the same person. Every refusal is an `ImportRefused`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from reseau.contact import Contact
from reseau.contact_table import contact_from_fields
from reseau.errors import ContactHasNoName, ReseauError
from reseau.importing import limits
from reseau.importing.cleaning import cut_long_texts, field_frame
from reseau.importing.columns import guess_without_header, refine_mapping
from reseau.importing.duplicates import merge_within_file
from reseau.importing.errors import (
    CellTooBig,
    FileIsEmpty,
    HeaderOnly,
    NoContactFound,
    NoNameColumn,
    UnknownSheet,
)
from reseau.importing.header import NO_HEADER, Header, find_header
from reseau.importing.mapping import (
    MAPPABLE_FIELDS,
    detect_format,
    guess_mapping,
    has_name_column,
)
from reseau.importing.preview import DuplicateRow, ImportPreview, RowNote
from reseau.importing.readers import Sheet, Source, read_source
from reseau.importing.sniff import FileKind, file_kind
from reseau.method_values import fold

Progress = Callable[[float, str], object]  # what it returns is ignored
_PROGRESS_EVERY = 2_000


def read_contacts(
    data: bytes,
    filename: str = "",
    *,
    sheet: str | Sequence[str] | None = None,
    mapping: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
    header_row: int | None = None,
) -> ImportPreview:
    """Reads a contact file and says what it would import; raises `ImportRefused` otherwise.

    `filename` is only informative: the bytes decide what the file is. `sheet` and `mapping`
    are the user's corrections (a source column missing from `mapping` is left out);
    `header_row` is the row holding the titles (from 1), or `NO_HEADER` for none. Several
    sheet names read each sheet on its own (its own titles and columns) into one preview.
    """
    if sheet is not None and not isinstance(sheet, str):
        names = tuple(dict.fromkeys(sheet))
        if len(names) > 1:
            return _read_several(data, filename, names, progress)
        sheet = names[0] if names else None
    report = progress or (lambda fraction, key: None)
    report(0.0, "import.progress.reading")
    limits.check_file_size(data)
    kind = file_kind(data)
    source = read_source(data, kind)
    report(0.3, "import.progress.header")
    chosen, header = _choose_sheet(source, sheet, header_row)
    if header is None:
        raise FileIsEmpty()
    columns = header.columns
    cells = chosen.cells
    body = _without_trailing_blank_rows(_body(cells, header))
    fallback = {FileKind.TEXT: "csv", FileKind.VCARD: "vcard"}.get(kind, "excel")
    fmt = "vcard" if kind is FileKind.VCARD else detect_format(columns, fallback)
    used = _mapping(columns, mapping)
    column_notes: list[RowNote] = []
    if mapping is None and header.row < 0:
        used, column_notes = guess_without_header(used, body)
    elif mapping is None:
        used, column_notes = refine_mapping(used, body, fmt)
    if not has_name_column(used):
        raise NoNameColumn(
            columns,
            samples(body),
            _header_row(kind, chosen, header),
            top_rows(chosen.cells) if kind is not FileKind.VCARD else (),
        )
    if body.empty and not chosen.skipped:
        raise HeaderOnly()
    report(0.45, "import.progress.cleaning")
    frame = field_frame(body, used, columns)
    try:
        cuts = cut_long_texts(frame)
    except CellTooBig as huge:
        raise CellTooBig(
            row=chosen.row_number(int(huge.params["row"])),
            column=_column_of(huge.params["column"], used),
            size=huge.params["size"],
            limit=huge.params["limit"],
        ) from None
    skipped = [RowNote(row, key, params) for row, key, params in chosen.skipped]
    warnings = [
        RowNote(chosen.row_number(int(i)), "import.warning.text_cut", {"field": f, "limit": n})
        for i, f, n in cuts
    ]
    warnings.extend(RowNote(row, key, params) for row, key, params in chosen.warnings)
    warnings.extend(_check_emails(frame, chosen))
    report(0.6, "import.progress.contacts")
    blank = ~(body.notna() & (body != "")).any(axis=1).to_numpy()
    contacts, rows = _contacts(frame, blank, chosen, fmt == "reseau", skipped, warnings, report)
    report(0.9, "import.progress.duplicates")
    within = merge_within_file(contacts, rows)
    if not within.contacts:
        raise NoContactFound(skipped=len(skipped))
    row_names = {row: c.display_name for c, row in zip(contacts, rows, strict=True)}
    report(1.0, "import.progress.done")
    return ImportPreview(
        format=fmt,
        kind=kind.value,
        sheet=chosen.name,
        sheets=_sheet_names(source),
        header_row=_header_row(kind, chosen, header),
        columns=columns,
        mapping=used,
        contacts=within.contacts,
        rows=within.rows,
        skipped=tuple(sorted(skipped, key=lambda note: note.row)),
        duplicates=tuple(DuplicateRow(row, into, row_names[row]) for row, into in within.merged),
        renamed=within.renamed,
        warnings=tuple(sorted(warnings, key=lambda note: note.row)),
        encoding=source.encoding,
        separator=source.separator,
        samples=samples(body),
        column_notes=tuple(column_notes),
        top_rows=top_rows(chosen.cells) if kind is not FileKind.VCARD else (),
        connected=_connected(body, chosen, within.rows),
    )


def _connected(
    body: pd.DataFrame, sheet: Sheet, kept_rows: Sequence[int]
) -> tuple[str | None, ...]:
    """When each person was connected, from LinkedIn's "Connected On" column when there is one."""
    from reseau.importing.mapping import fold
    from reseau.importing.shortlist import CONNECTED_COLUMNS, connected_dates

    column = next((c for c in body.columns if fold(c) in CONNECTED_COLUMNS), None)
    if column is None:
        return ()
    rows = [sheet.row_number(int(index)) for index in body.index]
    dates = connected_dates(rows, body[column].tolist())
    return tuple(dates.get(row) for row in kept_rows)


def _header_row(kind: FileKind, sheet: Sheet, header: Header) -> int | None:
    if kind is FileKind.VCARD:
        return None
    return NO_HEADER if header.row < 0 else sheet.row_number(header.row)


def top_rows(cells: pd.DataFrame, count: int = 10, width: int = 60) -> tuple[str, ...]:
    """The first rows of a sheet as short texts, for choosing which one holds the titles."""
    rows = []
    for values in cells.head(count).itertuples(index=False):
        texts = [str(v).strip() for v in values if v is not None and v == v and str(v).strip()]
        text = " · ".join(texts)
        rows.append(text if len(text) <= width else text[: width - 1] + "…")
    return tuple(rows)


def _read_several(
    data: bytes, filename: str, names: tuple[str, ...], progress: Progress | None
) -> ImportPreview:
    """Several sheets at once: each read as if alone, then merged as one file would be."""
    report = progress or (lambda fraction, key: None)
    read: list[tuple[str, ImportPreview]] = []
    left_out: list[RowNote] = []
    for position, name in enumerate(names):
        report(0.9 * position / len(names), "import.progress.reading")
        try:
            read.append((name, read_contacts(data, filename, sheet=name)))
        except (NoContactFound, NoNameColumn, HeaderOnly, FileIsEmpty):
            left_out.append(RowNote(0, "import.column.sheet_left_out", {"sheet": name}))
    if not read:
        raise NoContactFound(skipped=0)
    contacts = [c for _, preview in read for c in preview.contacts]
    places = [(name, row) for name, preview in read for row in preview.rows]
    report(0.9, "import.progress.duplicates")
    within = merge_within_file(contacts, range(len(contacts)))
    first = read[0][1]
    report(1.0, "import.progress.done")
    return dataclasses.replace(
        first,
        contacts=within.contacts,
        rows=tuple(places[index][1] for index in within.rows),
        sources=tuple(places[index][0] for index in within.rows),
        connected=_connected_several(read, within.rows),
        skipped=tuple(
            dataclasses.replace(note, sheet=name) for name, p in read for note in p.skipped
        ),
        warnings=tuple(
            dataclasses.replace(note, sheet=name) for name, p in read for note in p.warnings
        ),
        duplicates=(
            *(
                dataclasses.replace(dup, sheet=name, into_sheet=name)
                for name, p in read
                for dup in p.duplicates
            ),
            *(
                DuplicateRow(
                    places[row][1],
                    places[into][1],
                    contacts[row].display_name,
                    places[row][0],
                    places[into][0],
                )
                for row, into in within.merged
            ),
        ),
        renamed=(*(pair for _, p in read for pair in p.renamed), *within.renamed),
        column_notes=(*left_out, *(n for _, p in read for n in p.column_notes)),
        header_row=None,
        top_rows=(),
        chosen_sheets=tuple(name for name, _ in read),
    )


def _connected_several(
    read: list[tuple[str, ImportPreview]], kept: Sequence[int]
) -> tuple[str | None, ...]:
    """The connection dates of contacts read from several sheets, for those kept."""
    if not any(preview.connected for _, preview in read):
        return ()
    dates = [
        preview.connected[i] if preview.connected else None
        for _, preview in read
        for i in range(len(preview.contacts))
    ]
    return tuple(dates[index] for index in kept)


def samples(body: pd.DataFrame, count: int = 3, width: int = 40) -> dict[str, tuple[str, ...]]:
    """The first few non-empty values of each column, shortened, for the mapping screen."""
    found: dict[str, tuple[str, ...]] = {}
    head = body.head(200)
    for column in head.columns:
        values = [str(v).strip() for v in head[column].tolist() if v is not None and v == v]
        picked = [v[:width] for v in values if v][:count]
        found[str(column)] = tuple(picked)
    return found


def _sheet_names(source: Source) -> tuple[str, ...]:
    return tuple(s.name for s in source.sheets if s.name is not None)


def _choose_sheet(
    source: Source, wanted: str | None, header_row: int | None = None
) -> tuple[Sheet, Header | None]:
    """The sheet asked for, or the one whose header looks most like a contact list."""
    if source.kind is FileKind.VCARD:
        header_row = None  # a vCard's columns are the reader's own
    if wanted is not None and source.sheets[0].name is not None:
        for candidate in source.sheets:
            if candidate.name == wanted:
                return candidate, find_header(candidate.cells, header_row)
        raise UnknownSheet(sheet=wanted)
    if header_row is not None and len(source.sheets) == 1:
        return source.sheets[0], find_header(source.sheets[0].cells, header_row)
    best: tuple[tuple[int, int, int], Sheet, Header | None] | None = None
    for candidate in source.sheets:
        found = find_header(candidate.cells)
        if found is not None and found.row < 0:
            found_map, _ = guess_without_header(
                dict.fromkeys(found.columns), _body(candidate.cells, found)
            )
            score = (int(has_name_column(found_map)), 0, len(candidate.cells))
        elif found is None:
            score = (0, 0, 0)
        else:
            named = has_name_column(guess_mapping(found.columns))
            score = (int(named), found.known, len(candidate.cells) - found.row)
        if best is None or score > best[0]:
            best = (score, candidate, found)
    assert best is not None
    return best[1], best[2]


def _body(cells: pd.DataFrame, header: Header) -> pd.DataFrame:
    body = cells.iloc[header.row + 1 :, list(header.positions)]
    body.columns = list(header.columns)
    return body


def _without_trailing_blank_rows(body: pd.DataFrame) -> pd.DataFrame:
    filled = (body.notna() & (body != "")).any(axis=1).to_numpy()
    last = filled.nonzero()[0]
    return body.iloc[: last[-1] + 1] if len(last) else body.iloc[:0]


def _mapping(
    columns: tuple[str, ...], chosen: Mapping[str, str | None] | None
) -> dict[str, str | None]:
    if chosen is None:
        return guess_mapping(columns)
    return {c: (chosen.get(c) if chosen.get(c) in MAPPABLE_FIELDS else None) for c in columns}


def _column_of(field: str, mapping: Mapping[str, str | None]) -> str:
    return next((column for column, f in mapping.items() if f == field), field)


def _contacts(
    frame: pd.DataFrame,
    blank: Any,
    sheet: Sheet,
    keep_ids: bool,
    skipped: list[RowNote],
    warnings: list[RowNote],
    report: Progress,
) -> tuple[list[Contact], list[int]]:
    contacts: list[Contact] = []
    rows: list[int] = []
    total = len(frame)
    fields = list(frame.columns)
    values = zip(*(frame[field].tolist() for field in fields), strict=True)
    for position, (index, cells) in enumerate(zip(frame.index.tolist(), values, strict=True)):
        row = sheet.row_number(int(index))
        if blank[position]:
            skipped.append(RowNote(row, "import.skipped.empty"))
            continue
        try:
            record = {f: v for f, v in zip(fields, cells, strict=True) if v is not None and v != ""}
            contact, dropped = contact_from_fields(record, keep_id=keep_ids)
        except ContactHasNoName:
            key = (
                "import.skipped.company_only" if record.get("company") else "import.skipped.no_name"
            )
            skipped.append(RowNote(row, key))
            continue
        except ReseauError as problem:
            skipped.append(RowNote(row, problem.key, _plain(problem.params)))
            continue
        for cell in dropped:
            warnings.append(RowNote(row, cell.key, {"field": cell.field, "value": cell.value}))
        contacts.append(contact)
        rows.append(row)
        if position and position % _PROGRESS_EVERY == 0:
            report(0.6 + 0.3 * position / total, "import.progress.contacts")
    return contacts, rows


# What people type in an e-mail cell to say there is none: never an address, never a match.
PLACEHOLDER_EMAILS = frozenset(
    fold(word)
    for word in (
        "null", "none", "nil", "n/a", "na", "nc", "n.c.", "?", "aucun", "aucune", "néant",
        "inconnu", "unknown", "no email", "pas d'email", "pas de mail", "pas d'adresse email",
        "pas d'adresse mail", "pas d'adresse e-mail", "sans", "non communiqué",
    )
)  # fmt: skip


def _check_emails(frame: pd.DataFrame, sheet: Sheet) -> list[RowNote]:
    """Empties e-mail cells that hold no address; notes the ones typed with a space inside."""
    if "email" not in frame:
        return []
    notes: list[RowNote] = []
    emails = frame["email"]
    no_address = (emails != "") & ~emails.str.contains("@", regex=False)
    for index, value in zip(emails.index[no_address], emails[no_address], strict=True):
        if fold(value) and fold(value) not in PLACEHOLDER_EMAILS:
            notes.append(
                RowNote(
                    sheet.row_number(int(index)), "import.warning.not_an_email", {"value": value}
                )
            )
    if no_address.any():
        frame.loc[no_address, "email"] = ""
    spaced = frame["email"].str.contains(r"\s", regex=True)
    for index, value in zip(frame.index[spaced], frame["email"][spaced], strict=True):
        notes.append(
            RowNote(sheet.row_number(int(index)), "import.warning.email_space", {"value": value})
        )
    return notes


def _plain(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v if isinstance(v, (str, int, float)) else str(v)) for k, v in params.items()}

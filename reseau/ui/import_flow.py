"""The import screen's steps: upload, preview of what was understood, fixes, confirm, result.

Parsing runs once per upload and choice of sheet/mapping (kept in the workspace scratch under
the file's hash), not on every rerun; the workbook changes only when the user confirms.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import streamlit as st

from reseau.bring_in import bring_in
from reseau.contact_fields import FieldKind, names
from reseau.contact_table import header
from reseau.export.metadata import SavedDetails, read_metadata
from reseau.importing import (
    MAPPABLE_FIELDS,
    ImportPreview,
    ImportRefused,
    MergeResult,
    NoNameColumn,
    merge_contacts,
)
from reseau.importing.bounded import read_contacts_bounded, start_reader_server
from reseau.importing.errors import ImportBusy, ImportCancelled, ImportTooSlow
from reseau.importing.header import NO_HEADER
from reseau.importing.mapping import field_label
from reseau.importing.shortlist import (
    ShortlistFilter,
    companies_by_count,
    keep_only,
    later_csv,
    matching,
    offers_shortlist,
    shortlist_table,
)
from reseau.ui.markdown import escape_markdown, problem_md, t_md
from reseau.ui.state import Workspace

UPLOAD_TYPES = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt", "vcf"]
PARSED = "import.parsed"  # (key, ImportPreview | ImportRefused)
CHOICES = "import.choices"  # (digest, sheet, mapping, header row)
SHORTLIST = "import.shortlist"  # (preview, table, rows kept, preview kept)
_SHORTLIST_GRID = "import.shortlist.grid"  # reset when « tick / untick the shown » is pressed
RESULT = "import.result"  # what the last confirmed import did
DRY_RUN = "import.dry_run"  # what confirming would do, per preview and network
_UPLOADER = "import.file"  # reset after an import, so the uploader starts empty
# Who each person is, and the circle when the file says it.
_SHOWN_FIELDS = (*names(identity=True, kind=FieldKind.TEXT), "circle")
_PREVIEW_ROWS = 200
_DETAILS = "import.saved_details"  # SavedDetails | None of the upload
_DROPPED_SHOWN = 12  # names of dropped values listed; a hand-edited sheet can hold thousands
_DROPPED_NAME_LIMIT = 60

# Refusals that depend on the moment, not the file: kept only until the file is dropped again.
_FOR_THIS_DROP = (ImportBusy, ImportCancelled, ImportTooSlow)
# The first upload should not wait for the reading processes' server to start.
start_reader_server()


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    digest: str
    # Each drop of a file has its own id: dropping the same file again retries what was
    # cancelled or timed out.
    drop: str = ""


@dataclass(frozen=True)
class ImportDone:
    """What a confirmed import did, shown once on the next run."""

    added: int
    merged: tuple[tuple[str, str], ...]  # (name as imported, contact it was merged into)


def uploaded_file(ws: Workspace) -> Upload | None:
    file = st.file_uploader(
        ws.t("import.upload"),
        type=UPLOAD_TYPES,
        help=ws.t("import.upload.help"),
        key=f"import.file.{ws.resets(_UPLOADER)}",
    )
    if file is None:
        return None
    data = file.getvalue()
    return Upload(file.name, data, hashlib.sha256(data).hexdigest(), str(file.file_id))


def choices(
    ws: Workspace, upload: Upload
) -> tuple[str | tuple[str, ...] | None, dict[str, str | None] | None, int | None]:
    """The sheet, mapping and header row the user chose for this file (None: let the importer
    guess)."""
    saved = ws.scratch(CHOICES)
    if saved and saved[0] == upload.digest:
        return saved[1], saved[2], saved[3]
    return None, None, None


def choose(
    ws: Workspace,
    upload: Upload,
    sheet: str | tuple[str, ...] | None,
    mapping: Mapping | None,
    header_row: int | None = None,
) -> None:
    saved = (upload.digest, sheet, dict(mapping) if mapping else None, header_row)
    ws.set_scratch(CHOICES, saved)
    st.rerun()


def parse(ws: Workspace, upload: Upload) -> ImportPreview | ImportRefused:
    """The preview of this upload with the user's choices: read once, then kept.

    The file is read in a bounded child process (`read_contacts_bounded`): a file that needs
    too much memory or time is refused without touching the server. The progress bar is
    refreshed while it reads, which is when Streamlit stops a run the participant left (a
    click elsewhere, a closed tab): the child is then ended at once. "Annuler" does the same.
    """
    sheet, mapping, header_row = choices(ws, upload)
    key: tuple[object, ...] = (
        upload.digest,
        sheet,
        tuple(sorted(mapping.items())) if mapping else None,
        header_row,
    )
    cached = ws.scratch(PARSED)
    if cached and cached[0] in (key, (*key, upload.drop)):
        return cached[1]
    waiting = st.empty()
    if waiting.button(
        ws.t("import.cancel"), icon=":material/cancel:", key=f"import.cancel.{upload.digest[:12]}"
    ):
        outcome: ImportPreview | ImportRefused = ImportCancelled()
        ws.set_scratch(PARSED, ((*key, upload.drop), outcome))
        waiting.empty()
        return outcome
    bar = st.progress(0.0, text=ws.t("import.progress.reading"))
    try:
        outcome = read_contacts_bounded(
            upload.data,
            upload.name,
            sheet=sheet,
            mapping=mapping,
            header_row=header_row,
            progress=lambda fraction, text_key: bar.progress(fraction, text=ws.t(text_key)),
            cancelled=_tab_closed_check(),
        )
    except ImportRefused as refused:
        outcome = refused
    bar.empty()
    waiting.empty()
    if isinstance(outcome, _FOR_THIS_DROP):
        key = (*key, upload.drop)
    ws.set_scratch(PARSED, (key, outcome))
    return outcome


def _tab_closed_check() -> Callable[[], bool]:
    """True once this session's browser tab is gone: Streamlit keeps running a script whose tab
    closed, so a reading would otherwise go on to its time bound for nobody."""
    try:
        from streamlit import runtime
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        context = get_script_run_ctx()
        if context is None or not runtime.exists():
            return lambda: False
        instance, session = runtime.get_instance(), context.session_id
    except (ImportError, RuntimeError):
        return lambda: False
    return lambda: not instance.is_active_session(session)


def dry_run(ws: Workspace, preview: ImportPreview) -> MergeResult:
    """What confirming would do to the workbook, worked out once per preview and network."""
    network = ws.network
    return ws.derived(DRY_RUN, lambda: merge_contacts(network, preview.contacts), preview, network)


def confirm_label(ws: Workspace, plan: MergeResult) -> str:
    """The confirm button's text: how many contacts will be added and how many merged."""
    if not plan.merged:
        return ws.t("import.confirm", count=len(plan.added))
    return ws.t("import.confirm.merging", added=len(plan.added), merged=len(plan.merged))


def show_merges(ws: Workspace, plan: MergeResult) -> None:
    """Before confirming: which imported contacts are already in the workbook and will be merged."""
    if not plan.merged:
        return
    st.info(
        ws.t("import.merging", added=len(plan.added), merged=len(plan.merged)),
        icon=":material/merge:",
    )
    with st.expander(ws.t("import.merging.title", count=len(plan.merged))):
        lines = [
            ws.t("import.merging.line", name=imported.display_name, into=kept.display_name)
            for imported, kept in plan.merged
        ]
        st.dataframe(
            {ws.t("import.message"): lines}, hide_index=True, width="stretch", placeholder=""
        )


def show_refusal(ws: Workspace, upload: Upload, refused: ImportRefused) -> None:
    st.error(problem_md(ws, refused), icon=":material/block:")
    st.caption(ws.t("import.untouched"))
    if isinstance(refused, NoNameColumn) and refused.top_rows:
        choose_header_row(ws, upload, refused.header_row, refused.top_rows)
    if isinstance(refused, NoNameColumn) and refused.columns:
        mapping_form(ws, upload, refused.columns, dict.fromkeys(refused.columns), refused.samples)


def show_preview(ws: Workspace, upload: Upload, preview: ImportPreview) -> ImportPreview:
    """What was understood: source, sheet, header, counts, the contacts and what was left out;
    returns the preview of what confirming will import (the people kept, after a shortlist)."""
    st.success(preview.summary(ws.lang), icon=":material/fact_check:")
    st.caption(
        ws.t(
            "import.detected",
            source=preview.format_label(ws.lang),
            where=preview.where(ws.lang, escape_markdown),
        )
    )
    counts = st.columns(4)
    counts[0].metric(ws.t("import.metric.contacts"), len(preview.contacts))
    # A vCard is read card by card: what it leaves out is a card, not a row.
    counts[1].metric(
        ws.t("import.metric.skipped_cards" if preview.is_vcard else "import.metric.skipped"),
        len(preview.skipped),
    )
    counts[2].metric(ws.t("import.metric.duplicates"), len(preview.duplicates))
    counts[3].metric(ws.t("import.metric.warnings"), len(preview.warnings))
    for note in preview.column_messages(ws.lang):
        # Column names and values are text people typed: shown escaped.
        st.warning(escape_markdown(note), icon=":material/view_column:")
    if len(preview.sheets) > 1:
        current = list(preview.chosen_sheets or [preview.sheet])
        picked = st.multiselect(
            ws.t("import.sheets"), preview.sheets, default=current, help=ws.t("import.sheets.help")
        )
        if picked and picked != current:
            choose(ws, upload, picked[0] if len(picked) == 1 else tuple(picked), None)
    if preview.top_rows:
        choose_header_row(ws, upload, preview.header_row, preview.top_rows, preview.sheet)
    if not preview.chosen_sheets:
        # With several sheets, each sheet's columns are read from its own titles.
        with st.expander(ws.t("import.mapping.title"), icon=":material/table_edit:"):
            mapping_form(ws, upload, preview.columns, preview.mapping, preview.samples)
    st.subheader(ws.t("import.preview.title", shown=min(_PREVIEW_ROWS, len(preview.contacts))))
    st.dataframe(contact_rows(ws, preview), hide_index=True, width="stretch", placeholder="")
    messages(
        ws,
        "import.skipped.title_cards" if preview.is_vcard else "import.skipped.title",
        preview.skipped_messages(ws.lang),
    )
    messages(ws, "import.duplicates.title", preview.duplicate_messages(ws.lang))
    messages(ws, "import.warnings.title", preview.warning_messages(ws.lang))
    preview = shortlist(ws, upload, preview)
    show_merges(ws, dry_run(ws, preview))
    show_dropped_details(ws, upload, preview)
    return preview


def shortlist(ws: Workspace, upload: Upload, preview: ImportPreview) -> ImportPreview:
    """Above 60 contacts, the participant ticks the people to keep, helped by a search and
    filters; the others stay out of the workbook. Nobody ticked: everyone is imported."""
    if not offers_shortlist(preview):
        return preview
    saved = ws.scratch(SHORTLIST)
    if not saved or saved[0] is not preview:
        saved = (preview, shortlist_table(preview), frozenset(), preview)
        ws.set_scratch(SHORTLIST, saved)
    _, table, kept, kept_preview = saved
    st.subheader(ws.t("import.shortlist.title"))
    st.caption(ws.t("import.shortlist.help", total=len(table)))
    top = st.columns(2)
    query = top[0].text_input(ws.t("import.shortlist.search"), key="import.shortlist.query")
    companies = top[1].multiselect(
        ws.t("import.shortlist.companies"),
        companies_by_count(table),
        key="import.shortlist.companies",
    )
    below = st.columns(2)
    title = below[0].text_input(ws.t("import.shortlist.job_title"), key="import.shortlist.title")
    since = until = None
    dates = table["connected"].dropna()
    if len(dates):
        period = below[1].date_input(
            ws.t("import.shortlist.connected"),
            # An empty range (no date chosen yet): Streamlit takes it, its stubs do not.
            value=(),  # type: ignore[arg-type]
            min_value=dates.min().date(),
            max_value=dates.max().date(),
            format="DD/MM/YYYY",
            key="import.shortlist.connected",
        )
        if isinstance(period, tuple) and len(period) == 2:
            since, until = period
    sources: list[str] = []
    several = table["source"].nunique() > 1
    if several:
        sources = st.multiselect(
            ws.t("import.shortlist.sources"),
            sorted(table["source"].unique()),
            key="import.shortlist.sources",
        )
    chosen = ShortlistFilter(query, tuple(companies), title, since, until, tuple(sources))
    mask = matching(table, chosen)
    shown = table.loc[mask, ["row", "source", "name", "company", "job_title", "connected"]].copy()
    # The contact's position in the preview: row numbers repeat when several sheets are read.
    shown.insert(0, "position", shown.index)
    shown.insert(0, "keep", shown["position"].isin(kept))
    buttons = st.columns(2)
    if buttons[0].button(
        ws.t("import.shortlist.tick_shown", shown=len(shown)), icon=":material/done_all:"
    ):
        kept = kept | frozenset(shown["position"])
        ws.reset_widgets(_SHORTLIST_GRID)
        shown["keep"] = True
    if buttons[1].button(
        ws.t("import.shortlist.untick_shown", shown=len(shown)), icon=":material/remove_done:"
    ):
        kept = kept - frozenset(shown["position"])
        ws.reset_widgets(_SHORTLIST_GRID)
        shown["keep"] = False
    edited = st.data_editor(
        shown,
        key=f"import.shortlist.{upload.digest[:12]}.{ws.resets(_SHORTLIST_GRID)}.{hash(chosen)}",
        hide_index=True,
        width="stretch",
        disabled=["position", "row", "source", "name", "company", "job_title", "connected"],
        column_config={
            "position": None,
            "source": ws.t("import.shortlist.source") if several else None,
            "keep": st.column_config.CheckboxColumn(ws.t("import.shortlist.keep")),
            "row": st.column_config.NumberColumn(ws.t("import.preview.row")),
            "name": ws.t("field.name"),
            "company": header("company", ws.lang),
            "job_title": header("job_title", ws.lang),
            "connected": st.column_config.DateColumn(
                ws.t("import.shortlist.connected"), format="DD/MM/YYYY"
            ),
        },
    )
    ticked = frozenset(edited.loc[edited["keep"], "position"].tolist())
    kept = (kept - frozenset(shown["position"])) | ticked
    if kept != saved[2]:
        kept_preview = keep_only(preview, kept) if kept else preview
        ws.set_scratch(SHORTLIST, (preview, table, kept, kept_preview))
    st.markdown(ws.t("import.shortlist.counts", kept=len(kept), total=len(table), shown=len(shown)))
    if not kept:
        st.caption(ws.t("import.shortlist.none_ticked"))
    else:
        st.download_button(
            ws.t("import.shortlist.later", count=len(table) - len(kept)),
            data=lambda: later_csv(preview, kept, ws.lang),
            file_name=ws.t("import.shortlist.later_file"),
            mime="text/csv",
            icon=":material/schedule:",
            help=ws.t("import.shortlist.later_help"),
        )
    return kept_preview


def show_dropped_details(ws: Workspace, upload: Upload, preview: ImportPreview) -> None:
    """Before restoring a save file: the values of its hidden sheet that will be left out."""
    if preview.format != "reseau" or len(ws.network):
        return
    details: SavedDetails | None = ws.derived(
        _DETAILS, lambda: read_metadata(upload.data), upload.digest
    )
    if details is None or not details.dropped:
        return
    names = [name[:_DROPPED_NAME_LIMIT] for name in details.dropped[:_DROPPED_SHOWN]]
    if len(details.dropped) > _DROPPED_SHOWN:
        names.append("…")
    st.warning(
        t_md(ws, "import.restored.dropped", count=len(details.dropped), keys=", ".join(names)),
        icon=":material/rule:",
    )


def mapping_form(
    ws: Workspace,
    upload: Upload,
    columns: Sequence[str],
    mapping: Mapping[str, str | None],
    samples: Mapping[str, tuple[str, ...]],
) -> None:
    """One list per source column to say which field it holds (or to leave it out)."""
    st.caption(ws.t("import.mapping.help"))
    options: list[str | None] = [None, *MAPPABLE_FIELDS]
    chosen: dict[str, str | None] = {}
    with st.form(f"import.mapping.{upload.digest[:12]}"):
        grid = st.columns(3)
        for position, column in enumerate(columns):
            values = samples.get(column, ())
            sample = (
                t_md(ws, "import.mapping.sample", values=" · ".join(values)) if values else None
            )
            chosen[column] = grid[position % 3].selectbox(
                escape_markdown(column),
                options,
                index=options.index(mapping.get(column)) if mapping.get(column) in options else 0,
                format_func=partial(field_label, lang=ws.lang),
                help=sample,
                key=f"import.map.{upload.digest[:12]}.{position}",
            )
        applied = st.form_submit_button(ws.t("import.mapping.apply"), icon=":material/refresh:")
    if applied:
        sheet, _, header_row = choices(ws, upload)
        choose(ws, upload, sheet, chosen, header_row)


def choose_header_row(
    ws: Workspace,
    upload: Upload,
    header_row: int | None,
    top_rows: Sequence[str],
    sheet: str | None = None,
) -> None:
    """Which row holds the column titles, or none: the first row is then already a person."""
    rows = list(range(1, len(top_rows) + 1))
    if header_row and header_row not in rows:
        rows.append(header_row)
    options = [NO_HEADER, *rows]
    current = header_row if header_row in options else options[1]

    def label(row: int) -> str:
        if row == NO_HEADER:
            return ws.t("import.header_row.none")
        text = top_rows[row - 1] if row <= len(top_rows) else ""
        return ws.t("import.header_row.option", row=row, text=text)

    row = st.selectbox(
        ws.t("import.header_row"),
        options,
        index=options.index(current),
        format_func=label,
        help=ws.t("import.header_row.help"),
    )
    if row != header_row:
        chosen_sheet, _, _ = choices(ws, upload)
        choose(ws, upload, chosen_sheet or sheet, None, row)


def contact_rows(ws: Workspace, preview: ImportPreview) -> dict[str, list[Any]]:
    """The first contacts as columns named in the user's language."""
    shown = preview.contacts[:_PREVIEW_ROWS]
    table: dict[str, list[Any]] = {ws.t("import.preview.row"): list(preview.rows[:_PREVIEW_ROWS])}
    for field in _SHOWN_FIELDS:
        values = [getattr(contact, field) for contact in shown]
        if field == "circle":
            if not any(values):
                continue
            values = [ws.t(value.label_key) if value else "" for value in values]
        table[header(field, ws.lang)] = values
    return table


def messages(ws: Workspace, title_key: str, lines: list[str]) -> None:
    if not lines:
        return
    with st.expander(ws.t(title_key, count=len(lines))):
        # A table, not markdown: cell values people typed are shown as plain text.
        st.dataframe(
            {ws.t("import.message"): lines}, hide_index=True, width="stretch", placeholder=""
        )


def confirm(ws: Workspace, preview: ImportPreview, data: bytes = b"") -> None:
    """Adds the contacts to the workbook, merging those already in it, and says what happened.

    A Réseau export imported into an empty workbook is a save file: its participant, mission,
    five marks and scoring settings come back with the contacts.
    """
    brought = bring_in(ws.workbook, preview, data, dry_run(ws, preview))
    ws.commit(brought.workbook)
    for message in brought.plan_edits.messages(ws.lang):
        ws.flash("warning", message)
    if brought.restored:
        ws.flash("info", ws.t("import.restored"))
    result = brought.merge
    merged = tuple((imported.display_name, kept.display_name) for imported, kept in result.merged)
    ws.set_scratch(RESULT, ImportDone(len(result.added), merged))
    ws.set_scratch(PARSED, None)
    ws.set_scratch(CHOICES, None)
    ws.reset_widgets(_UPLOADER)
    ws.flash("success", ws.t("import.done", added=len(result.added), merged=len(merged)))
    st.rerun()


def show_last_import(ws: Workspace) -> None:
    """After an import: who was merged into a contact already there, and where to go next."""
    done: ImportDone | None = ws.scratch(RESULT)
    if done is None:
        return
    if done.merged:
        with st.expander(ws.t("import.merged.title", count=len(done.merged)), expanded=True):
            lines = [ws.t("import.merged.line", name=a, into=b) for a, b in done.merged]
            st.dataframe(
                {ws.t("import.message"): lines}, hide_index=True, width="stretch", placeholder=""
            )
    ws.set_scratch(RESULT, None)

"""The action plan screen's pieces: summary, filters, the editable plan, the contacts left apart,
and the calendar download."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from reseau.explain import day
from reseau.export.ics import ICS_MIME, plan_calendar
from reseau.i18n import label, t_count
from reseau.plan import (
    PLAN_FIELDS,
    Plan,
    PlanEdit,
    PlanFilter,
    PlanRow,
    accept_suggestions,
    apply_plan_rows,
    build_plan,
    role_text,
)
from reseau.ui.downloads import deferred
from reseau.ui.markdown import escape_markdown
from reseau.ui.state import Level, LevelName, Workspace
from reseau.ui.widgets import date_format
from reseau.vocabulary import QUADRANT_PRIORITY, ActionStatus, Circle

_PLAN_EDITOR = "plan.editor"
_UNPLANNED = "plan.unplanned"
_TICK_SORTED = "plan.unplanned_tick_sorted"
_REVIEW = "plan.unplanned_review"
_EDITABLE = PLAN_FIELDS
# What the participant edits comes first, so it is on screen without scrolling sideways.
_PLAN_ORDER = ("rank", "name", *_EDITABLE, "late", "quadrant", "circle", "role")


def current_plan(ws: Workspace) -> Plan:
    """The plan of the current network, built once per change rather than on every rerun."""
    network, scores, lang, today = ws.network, ws.scores(), ws.lang, ws.today
    return ws.derived(
        "plan", lambda: build_plan(network, scores, lang, today), network, scores, lang, today
    )


def intro(ws: Workspace) -> None:
    st.caption(ws.t("plan.intro"))


def summary(ws: Workspace, plan: Plan) -> None:
    """The figures on top: actions, due this week, late, done, contacts without an action."""
    figures = plan.summary()
    columns = st.columns(5)
    columns[0].metric(ws.t("plan.metric.actions"), figures.actions)
    columns[1].metric(ws.t("plan.metric.this_week"), figures.due_this_week)
    columns[2].metric(ws.t("plan.metric.late"), figures.late)
    columns[3].metric(ws.t("plan.metric.done"), figures.done)
    columns[4].metric(ws.t("plan.metric.without_action"), figures.without_action)
    lines = [
        ws.t(
            "plan.by_circle",
            circle=ws.t("circle.none") if item.circle is None else label(item.circle, ws.lang),
            actions=item.actions,
            this_week=item.due_this_week,
            late=item.late,
            done=item.done,
        )
        for item in figures.by_circle
    ]
    st.caption("  \n".join(lines))


def filters(ws: Workspace) -> PlanFilter:
    """The filter widgets; an empty choice shows everything."""
    with st.expander(ws.t("plan.filters"), icon=":material/filter_list:"):
        left, middle, right = st.columns(3)
        circles = left.multiselect(
            ws.t("plan.filter.circle"),
            options=list(Circle),
            format_func=lambda circle: label(circle, ws.lang),
            key="plan.filter.circle",
        )
        quadrants = middle.multiselect(
            ws.t("plan.filter.quadrant"),
            options=[*QUADRANT_PRIORITY, None],
            format_func=lambda q: ws.t("quadrant.none") if q is None else label(q, ws.lang),
            key="plan.filter.quadrant",
        )
        statuses = right.multiselect(
            ws.t("plan.filter.status"),
            options=list(ActionStatus),
            format_func=lambda status: label(status, ws.lang),
            key="plan.filter.status",
        )
        late_only = st.toggle(ws.t("plan.filter.late"), key="plan.filter.late")
    return PlanFilter(frozenset(circles), frozenset(quadrants), frozenset(statuses), late_only)


def _plan_frame(ws: Workspace, rows: tuple[PlanRow, ...]) -> pd.DataFrame:
    records = [
        {
            "id": row.contact_id,
            "rank": row.rank,
            "name": row.contact.display_name,
            "circle": label(row.circle, ws.lang) if row.circle else "",
            "role": role_text(row.contact, ws.lang),
            "quadrant": label(row.quadrant, ws.lang) if row.quadrant else "",
            "action_text": row.contact.action_text,
            "action_due": row.contact.action_due,
            "action_status": label(row.status, ws.lang),
            "late": ws.t("plan.late.flag") if row.late else "",
        }
        for row in rows
    ]
    frame = pd.DataFrame.from_records(
        records,
        columns=["id", "rank", "name", "circle", "role", "quadrant", *_EDITABLE, "late"],
    )
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def _cell(value: Any) -> Any:
    if value is None or (not isinstance(value, str | date) and pd.isna(value)):
        return None
    return value


def _report(
    ws: Workspace, edit: PlanEdit, success: str, level: Level | LevelName = Level.TOAST
) -> None:
    for problem in edit.problems:
        ws.flash("error", problem.text(ws.lang, escape_markdown))
    if edit.changed:
        ws.set_network(edit.network)
        ws.flash(level, success)


def _has_edits(state: Any) -> bool:
    """Whether a grid's widget state holds changes (it is None before the first change)."""
    if not isinstance(state, dict):
        return False
    return any(state.get(part) for part in ("edited_rows", "added_rows", "deleted_rows"))


def plan_table(ws: Workspace, plan: Plan, choice: PlanFilter) -> None:
    """The plan as a table whose text, due date and status are edited in place and saved at once."""
    if not plan.rows:
        st.info(ws.t("plan.empty"), icon=":material/lightbulb:")
        return
    rows = plan.filtered(choice)
    if choice.is_active:
        st.caption(ws.t("plan.shown", shown=len(rows), total=len(plan.rows)))
    if not rows:
        st.info(ws.t("plan.filtered_empty"))
        return
    version = ws.resets(_PLAN_EDITOR)
    frame = ws.derived("plan.frame", lambda: _plan_frame(ws, rows), plan, choice)
    edited = st.data_editor(
        frame,
        hide_index=True,
        width="stretch",
        key=f"plan_editor_{version}",
        placeholder="",
        column_order=_PLAN_ORDER,
        disabled=["rank", "name", "circle", "role", "quadrant", "late"],
        column_config={
            "id": None,
            "rank": st.column_config.NumberColumn(ws.t("field.rank"), width="small"),
            "name": st.column_config.TextColumn(ws.t("field.name")),
            "circle": st.column_config.TextColumn(ws.t("field.circle")),
            "role": st.column_config.TextColumn(ws.t("field.role")),
            "quadrant": st.column_config.TextColumn(ws.t("field.quadrant"), width="small"),
            "action_text": st.column_config.TextColumn(
                ws.t("field.action_text"), width="large", max_chars=5000
            ),
            "action_due": st.column_config.DateColumn(
                ws.t("field.action_due"), format=date_format(ws.lang), width="medium"
            ),
            "action_status": st.column_config.SelectboxColumn(
                ws.t("field.action_status"),
                options=[label(status, ws.lang) for status in ActionStatus],
                required=True,
            ),
            "late": st.column_config.TextColumn(ws.t("plan.column.late"), width="small"),
        },
    )
    st.caption(ws.t("plan.editor.help"))
    if not _has_edits(ws.widget_value(f"plan_editor_{version}")):
        return  # reading back every row of a grid nobody edited cost more than drawing it
    changes = [
        (record["id"], {name: _cell(record[name]) for name in _EDITABLE})
        for record in edited.to_dict(orient="records")
    ]
    edit = apply_plan_rows(ws.network, changes, ws.lang)
    if edit.changed or edit.problems:
        names = ", ".join(escape_markdown(name) for name in edit.changed)
        _report(ws, edit, ws.t("plan.saved", name=names))
        ws.reset_widgets(_PLAN_EDITOR)
        st.rerun()


def _unplanned_frame(ws: Workspace, plan: Plan, tick_sorted: bool) -> pd.DataFrame:
    records = [
        {
            "id": item.contact.id,
            "keep": tick_sorted and item.contact.is_sorted,
            "name": item.contact.display_name,
            "quadrant": ws.t("quadrant.none")
            if item.quadrant is None
            else label(item.quadrant, ws.lang),
            "role": role_text(item.contact, ws.lang),
            "suggestion": item.suggestion.text,
            "due": item.suggestion.due,
        }
        for item in plan.unplanned
    ]
    return pd.DataFrame.from_records(
        records, columns=["id", "keep", "name", "quadrant", "role", "suggestion", "due"]
    )


def unplanned(ws: Workspace, plan: Plan) -> None:
    """Contacts with no action yet, each with a suggestion to keep as it is or reword.

    Nothing goes into the plan without a look first: « tick every suggestion » only ticks the
    rows of sorted contacts (an unsorted one is added only if ticked by hand), and adding shows
    the actions about to be added, to confirm or cancel.
    """
    st.subheader(ws.t("plan.no_action.title", count=len(plan.unplanned)))
    if not plan.unplanned:
        st.success(ws.t("plan.no_action.all_set"), icon=":material/task_alt:")
        return
    st.caption(ws.t("plan.no_action.help"))
    version = ws.resets(_UNPLANNED)
    tick_sorted = ws.scratch(_TICK_SORTED, False)
    frame = ws.derived(
        "plan.unplanned_frame",
        lambda: _unplanned_frame(ws, plan, tick_sorted),
        plan,
        tick_sorted,
    )
    edited = st.data_editor(
        frame,
        hide_index=True,
        width="stretch",
        key=f"plan_unplanned_{version}",
        column_order=("keep", "name", "suggestion", "due", "quadrant", "role"),
        disabled=["name", "quadrant", "role"],
        placeholder="",
        column_config={
            "id": None,
            "keep": st.column_config.CheckboxColumn(ws.t("plan.no_action.accept"), width="small"),
            "name": st.column_config.TextColumn(ws.t("field.name")),
            "quadrant": st.column_config.TextColumn(ws.t("field.quadrant"), width="small"),
            "role": st.column_config.TextColumn(ws.t("field.role")),
            "suggestion": st.column_config.TextColumn(
                ws.t("plan.no_action.suggestion"), width="large", max_chars=5000
            ),
            "due": st.column_config.DateColumn(
                ws.t("field.action_due"), format=date_format(ws.lang), width="medium"
            ),
        },
    )
    left, right = st.columns(2)
    add = left.button(ws.t("plan.no_action.add"), type="primary", icon=":material/playlist_add:")
    tick_all = right.button(ws.t("plan.no_action.tick_all"), icon=":material/done_all:")
    if tick_all:
        ws.set_scratch(_TICK_SORTED, True)
        ws.reset_widgets(_UNPLANNED)
        ws.set_scratch(_REVIEW, None)
        st.rerun()
    # The review holds the grid as it was when « add » was clicked: a later change in the grid
    # closes it, so what is confirmed is always what is on screen.
    grid_state = repr(ws.widget_value(f"plan_unplanned_{version}"))
    if add:
        chosen = [r for r in edited.to_dict(orient="records") if bool(r["keep"])]
        if not chosen:
            st.warning(ws.t("plan.no_action.none_ticked"))
            return
        choices = [(r["id"], _cell(r["suggestion"]), _cell(r["due"])) for r in chosen]
        ws.set_scratch(_REVIEW, (grid_state, choices))
    review = ws.scratch(_REVIEW)
    if review is not None and review[0] != grid_state:
        ws.set_scratch(_REVIEW, None)
    _review(ws, plan)


def _review(ws: Workspace, plan: Plan) -> None:
    """The actions about to be added, one line each, with « confirm » and « cancel »."""
    review = ws.scratch(_REVIEW)
    choices = [c for c in (review[1] if review else []) if c[0] in ws.network]
    if not choices:
        return
    items = {item.contact.id: item for item in plan.unplanned}
    lines = []
    for contact_id, text, due in choices:
        item = items.get(contact_id)
        if item is None:
            continue
        changes = item.suggestion.changes(text, due)
        when = changes.get("action_due")
        lines.append(
            ws.t(
                "plan.no_action.review_line",
                name=escape_markdown(item.contact.display_name),
                action=escape_markdown(changes["action_text"]),
                due=day(when, ws.lang) if when else ws.t("plan.no_action.no_due"),
            )
        )
    with st.container(border=True):
        st.markdown(t_count("plan.no_action.review", ws.lang, len(lines)))
        st.markdown("\n".join(f"- {line}" for line in lines))
        yes, no = st.columns(2)
        confirm = yes.button(
            ws.t("plan.no_action.confirm"), type="primary", icon=":material/check:"
        )
        cancel = no.button(ws.t("plan.no_action.cancel"), icon=":material/close:")
    if not (confirm or cancel):
        return
    ws.set_scratch(_REVIEW, None)
    if confirm:
        edit = accept_suggestions(ws.network, plan, choices, ws.lang)
        added = t_count("plan.no_action.added", ws.lang, len(edit.changed))
        _report(ws, edit, added, level="success")
        ws.set_scratch(_TICK_SORTED, False)
        ws.reset_widgets(_UNPLANNED)
    st.rerun()


def calendar_download(ws: Workspace, plan: Plan) -> None:
    """The .ics of the dated actions, written only when the participant clicks."""
    if not plan.dated_rows:
        st.caption(ws.t("plan.ics.none"))
        return
    network, scores, lang, today = ws.network, ws.scores(), ws.lang, ws.today
    st.download_button(
        ws.t("plan.ics.download"),
        data=deferred(ws, "calendar", lambda: plan_calendar(network, scores, lang, today)),
        file_name=ws.t("plan.ics.file_name"),
        mime=ICS_MIME,
        icon=":material/calendar_month:",
        help=ws.t("plan.ics.help"),
        # No rerun on click: the run a click started redrew the button and could drop the file
        # being fetched (a busy machine, a second click needed). A failure is said on the next
        # run instead, and Streamlit's own line says so at once.
        on_click="ignore",
    )

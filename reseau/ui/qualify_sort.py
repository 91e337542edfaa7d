"""Sorting many contacts at once into a circle and role, and the « who is missing? » prompts."""

from __future__ import annotations

from functools import partial

import streamlit as st

from reseau.errors import ReseauError
from reseau.i18n import label, t_count
from reseau.plan import role_text
from reseau.sorting import (
    add_named,
    assign,
    clear,
    clearable,
    gap_prompts,
    parse_names,
    unsorted_ids,
)
from reseau.ui.components.choices import widget_choice
from reseau.ui.markdown import escape_markdown, problem_md
from reseau.ui.state import Workspace
from reseau.vocabulary import Circle, Role, roles_of

_TABLE = "qualify.sort.table"
_UNSORTED_ONLY = "qualify.sort.unsorted_only"
_CIRCLE = "qualify.sort.circle"
_ROLE = "qualify.sort.role"
_OTHER = "qualify.sort.other"
_GAP_CIRCLE = "qualify.gaps.circle"


def _sort_rows(ws: Workspace, ids: tuple[str, ...]) -> dict[str, list[str]]:
    columns: dict[str, list[str]] = {
        ws.t("field.name"): [],
        ws.t("field.company"): [],
        ws.t("field.job_title"): [],
        ws.t("field.circle"): [],
        ws.t("field.role"): [],
    }
    values = list(columns.values())
    for cid in ids:
        contact = ws.network.get(cid)
        role = role_text(contact, ws.lang) or label(None, ws.lang)
        for column, value in zip(
            values,
            (
                contact.display_name,
                contact.company,
                contact.job_title,
                label(contact.circle, ws.lang),
                role,
            ),
            strict=True,
        ):
            column.append(value)
    return columns


def _chosen_ids(ws: Workspace) -> tuple[str, ...]:
    if ws.scratch(_UNSORTED_ONLY, True):
        return unsorted_ids(ws.network)
    return ws.network.ids


def _show_other_list(ws: Workspace) -> None:
    # The ticks are row numbers: carried over to another list they would tick other people.
    ws.set_scratch(_UNSORTED_ONLY, ws.widget_value(_UNSORTED_ONLY))
    ws.reset_widgets(_TABLE)


def sort_panel(ws: Workspace) -> None:
    """A list to tick, then « put them in this circle, this role »."""
    st.caption(ws.t("qualify.sort.help"))
    st.toggle(
        ws.t("qualify.sort.unsorted_only"),
        value=ws.scratch(_UNSORTED_ONLY, True),
        key=_UNSORTED_ONLY,
        on_change=_show_other_list,
        args=(ws,),
    )
    ids = _chosen_ids(ws)
    if not ids:
        st.success(ws.t("qualify.sort.all_sorted"), icon=":material/check_circle:")
        return
    table_col, choice_col = st.columns([3, 2], gap="large")
    with table_col:
        event = st.dataframe(
            _sort_rows(ws, ids),
            key=f"qualify.sort.table.{ws.resets(_TABLE)}",
            on_select="rerun",
            selection_mode="multi-row",
            hide_index=True,
            width="stretch",
            height=min(38 + 35 * len(ids), 520),
            placeholder="",
        )
        selected = [ids[row] for row in event.selection.rows if row < len(ids)]
        st.caption(t_count("qualify.sort.selected", ws.lang, len(selected), total=len(ids)))
    with choice_col:
        _placement_choice(ws, selected)


def _placement_choice(ws: Workspace, selected: list[str]) -> None:
    circle = st.pills(
        ws.t("field.circle"),
        list(Circle),
        format_func=partial(label, lang=ws.lang),
        key=_CIRCLE,
        wrap=True,
    )
    role = None
    if circle is not None:
        st.caption(ws.t(f"circle.{circle.value}.help"))
        roles = roles_of(circle)
        names: dict[Role | None, str] = {
            None: ws.t("qualify.sort.keep_role"),
            **{r: label(r, ws.lang) for r in roles},
        }
        role = st.radio(
            ws.t("field.role"),
            [None, *roles],
            format_func=names.__getitem__,
            captions=[ws.t("qualify.sort.keep_role.help"), *(ws.t(r.help_key) for r in roles)],
            key=f"{_ROLE}.{circle.value}",
        )
    other = ""
    if role is Role.OTHER:
        other = st.text_input(ws.t("field.role_other"), key=_OTHER, max_chars=200)
    placed = clearable(ws.network, selected)
    put = st.button(
        t_count("qualify.sort.apply", ws.lang, len(selected)),
        type="primary",
        icon=":material/move_down:",
        disabled=not selected or circle is None,
        width="stretch",
    )
    unsort = st.button(
        t_count("qualify.sort.clear", ws.lang, len(placed)),
        icon=":material/undo:",
        disabled=not placed,
        width="stretch",
    )
    # The confirmations are toasts: a banner above the table would push it down under the
    # pointer, then vanish at the next tick, and the following ticks would land on other rows.
    if put and circle is not None:
        outcome = assign(ws.network, selected, circle, role, other)
        ws.set_network(outcome.network)
        done = t_count("qualify.sort.done", ws.lang, outcome.changed, circle=label(circle, ws.lang))
        ws.flash("toast", done)
    elif unsort and placed:
        outcome = clear(ws.network, placed)
        ws.set_network(outcome.network)
        ws.flash("toast", t_count("qualify.sort.cleared", ws.lang, outcome.changed))
    if put or unsort:
        ws.reset_widgets(_TABLE)
        st.rerun()


# --- gaps: one prompt per role ---
def _draft_key(circle: Circle, role: Role) -> str:
    return f"qualify.gaps.draft.{circle.value}.{role.value}"


def _add_people(
    ws: Workspace, circle: Circle, role: Role, draft: str, key: str, other_key: str
) -> None:
    people = parse_names(ws.widget_value(key) or "")
    if not people:
        ws.flash("warning", ws.t("qualify.gaps.no_name"))
        return
    try:
        network, added = add_named(
            ws.network, people, circle, role, ws.widget_value(other_key) or ""
        )
    except ReseauError as problem:
        ws.flash("error", problem_md(ws, problem))
        return
    ws.set_network(network)
    ws.set_scratch(draft, "")
    ws.reset_widgets(draft)
    names = ", ".join(escape_markdown(contact.display_name) for contact in added)
    ws.flash(
        "success",
        ws.t("qualify.gaps.added", count=len(added), names=names, role=label(role, ws.lang)),
    )


def gaps_panel(ws: Workspace) -> None:
    """The method's roles one by one, each with its question, to add people with just a name."""
    st.caption(ws.t("qualify.gaps.help"))
    circle = st.segmented_control(
        ws.t("field.circle"),
        list(Circle),
        default=ws.scratch(_GAP_CIRCLE, Circle.SUPPORT),
        format_func=partial(label, lang=ws.lang),
        key=_GAP_CIRCLE,
        required=True,
        on_change=lambda: ws.set_scratch(_GAP_CIRCLE, widget_choice(ws, _GAP_CIRCLE, Circle)),
    )
    st.caption(ws.t(f"circle.{circle.value}.help"))
    for prompt in gap_prompts(ws.network, circle):
        _gap(ws, prompt.circle, prompt.role, prompt.holders)


def _gap(ws: Workspace, circle: Circle, role: Role, holders: tuple[str, ...]) -> None:
    draft = _draft_key(circle, role)
    key = f"{draft}.{ws.resets(draft)}"
    other_key = f"{key}.other"
    with st.container(border=True):
        title = ws.t(role.prompt_key)
        st.markdown(f"**{title}**")
        if holders:
            st.caption(
                ws.t(
                    "qualify.gaps.holders",
                    role=label(role, ws.lang),
                    names=", ".join(escape_markdown(name) for name in holders),
                )
            )
        else:
            st.caption(ws.t("qualify.gaps.nobody", role=label(role, ws.lang)))
        text_col, button_col = st.columns([4, 1], vertical_alignment="bottom")
        text_col.text_area(
            ws.t("qualify.gaps.names"),
            value=ws.scratch(draft, ""),
            key=key,
            placeholder=ws.t("qualify.gaps.placeholder"),
            height=68,
            on_change=lambda: ws.set_scratch(draft, ws.widget_value(key)),
        )
        if role is Role.OTHER:
            text_col.text_input(ws.t("field.role_other"), key=other_key, max_chars=200)
        button_col.button(
            ws.t("qualify.gaps.add"),
            key=f"{key}.add",
            icon=":material/person_add:",
            on_click=_add_people,
            args=(ws, circle, role, draft, key, other_key),
            width="stretch",
        )

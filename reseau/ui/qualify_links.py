"""« Qui connaît qui » on the Qualifier screen: who knows whom among the contacts that matter.

Three quick answers, each saved the moment it is given: per contact, « connaît aussi… » (a
multi-select of the others in the set); for up to fifteen people, a grid of pairs (Oui / Non /
?, where « ? » is unknown, never « ne se connaissent pas »); and per contact, « Qui vous l'a
présenté ? ». Every widget shows what the workbook holds on every run (its value is set from
the workbook before it is drawn), so an answer given in one place shows at once in the others,
and a key changes with the labels it shows (`labelled_key`), so a browser never sends an old
label back after a change of language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import streamlit as st

from reseau.acquaintances import Acquaintance, WhoKnowsWhom, pair
from reseau.contact import Contact
from reseau.i18n import t_count
from reseau.network import Network
from reseau.scoring import Score
from reseau.ui.components.introduction import introduction, unique_names
from reseau.ui.components.modes import MODE, QualifyMode
from reseau.ui.markdown import escape_markdown
from reseau.ui.state import Workspace
from reseau.ui.widgets import labelled_key

MEMBERS = "links.members"  # scratch: the ids of the contacts the step asks about
VIEW = "links.view"  # scratch: "each" (contact by contact) or "grid" (pairs grid)
VIEWS: tuple[str, ...] = ("each", "grid")
SET_LIMIT = 30  # more names than this in one « connaît aussi… » list is no longer quick
GRID_LIMIT = 15  # 105 pairs: about what a grid on one screen can hold
FALLBACK_SIZE = 15  # the set when fewer than two contacts are qualified
UNKNOWN = "unknown"
PAIR_CHOICES: tuple[str, ...] = (UNKNOWN, Acquaintance.KNOW.value, Acquaintance.STRANGERS.value)


# --- who the step asks about ---
def _by_priority(scores: Mapping[str, Score], contacts: Iterable[Contact]) -> list[str]:
    def rank(contact: Contact) -> tuple[bool, int]:
        score = scores.get(contact.id)
        place = score.rank if score is not None else None
        return place is None, place or 0

    return [c.id for c in sorted(contacts, key=rank)]


def default_members(network: Network, scores: Mapping[str, Score]) -> list[str]:
    """The qualified contacts by priority (at most thirty), else the first fifteen by priority."""
    qualified = [c for c in network if c.is_qualified]
    if len(qualified) >= 2:
        return _by_priority(scores, qualified)[:SET_LIMIT]
    sorted_first = sorted(network, key=lambda c: not c.is_sorted)
    return _by_priority(scores, sorted_first)[:FALLBACK_SIZE]


def members(ws: Workspace) -> list[str]:
    """The contacts the step asks about, in priority order: the chosen ones or the default."""
    chosen = ws.scratch(MEMBERS)
    if chosen is None:
        return default_members(ws.network, ws.scores())
    kept = [ws.network.get(cid) for cid in chosen if cid in ws.network]
    return _by_priority(ws.scores(), kept)


def _save_members(ws: Workspace, key: str) -> None:
    chosen = [cid for cid in ws.widget_value(key) or () if cid in ws.network]
    ws.set_scratch(MEMBERS, chosen[:SET_LIMIT])


def _reset_members(ws: Workspace) -> None:
    ws.set_scratch(MEMBERS, None)


def member_choice(ws: Workspace, names: dict[str, str]) -> list[str]:
    """The multi-select of the contacts the step asks about; the qualified ones by default."""
    shown = members(ws)
    options = list(ws.network.ids)
    key = labelled_key("links.members", [names[cid] for cid in options])
    ws.set_widget_value(key, shown)
    with st.expander(t_count("links.members.title", ws.lang, len(shown)), icon=":material/group:"):
        st.multiselect(
            ws.t("links.members"),
            options,
            format_func=names.__getitem__,
            key=key,
            max_selections=SET_LIMIT,
            help=ws.t("links.members.help", limit=SET_LIMIT),
            on_change=_save_members,
            args=(ws, key),
            placeholder=ws.t("links.members.placeholder"),
        )
        st.button(
            ws.t("links.members.reset"),
            key="links.members.reset",
            icon=":material/restart_alt:",
            on_click=_reset_members,
            args=(ws,),
            disabled=ws.scratch(MEMBERS) is None,
        )
    return shown


# --- saving ---
def _save_known_by(ws: Workspace, contact_id: str, key: str, shown: Sequence[str]) -> None:
    """Saves a « connaît aussi… » answer; pairs with people outside the list stay as they were."""
    links = ws.workbook.links
    named = {cid for cid in ws.widget_value(key) or () if cid in ws.network}
    outside = {cid for cid in links.known_by(contact_id) if cid not in shown}
    ws.set_links(links.with_known_by(contact_id, named | outside))


def _save_pair(ws: Workspace, a: str, b: str, key: str) -> None:
    value = ws.widget_value(key)
    state = None if value in (None, UNKNOWN) else Acquaintance(value)
    if a in ws.network and b in ws.network:
        ws.set_links(ws.workbook.links.with_pair(a, b, state))


# --- contact by contact ---
def _answered_line(
    ws: Workspace, contact_id: str, shown: Sequence[str], names: dict[str, str]
) -> str:
    links = ws.workbook.links
    others = [cid for cid in shown if cid != contact_id]
    answered = [cid for cid in others if links.between(contact_id, cid) is not None]
    line = ws.t("links.answered", answered=len(answered), total=len(others))
    strangers = [
        names[cid] for cid in others if links.between(contact_id, cid) is Acquaintance.STRANGERS
    ]
    if strangers:
        line += " · " + ws.t("links.strangers", names=escape_markdown(", ".join(strangers)))
    return line


def contact_row(
    ws: Workspace, contact_id: str, shown: Sequence[str], names: dict[str, str]
) -> None:
    """One contact: « connaît aussi… », which pairs are answered, « Qui vous l'a présenté ? »."""
    contact = ws.network.get(contact_id)
    others = [cid for cid in shown if cid != contact_id]
    known = ws.workbook.links.known_by(contact_id)
    key = labelled_key(f"links.knows.{contact_id}", [names[cid] for cid in others])
    ws.set_widget_value(key, [cid for cid in others if cid in known])
    with st.container(border=True, key=f"links.row.{contact_id}"):
        knows_col, intro_col = st.columns([3, 2], gap="medium")
        with knows_col:
            st.multiselect(
                ws.t("links.knows", name=escape_markdown(names[contact_id])),
                others,
                format_func=names.__getitem__,
                key=key,
                placeholder=ws.t("links.knows.placeholder"),
                on_change=_save_known_by,
                args=(ws, contact_id, key, tuple(shown)),
            )
            st.caption(_answered_line(ws, contact_id, shown, names))
        with intro_col:
            introduction(ws, contact)


def each_contact(ws: Workspace, shown: Sequence[str], names: dict[str, str]) -> None:
    for contact_id in shown:
        contact_row(ws, contact_id, shown, names)


# --- the pairs grid ---
def pair_value(links: WhoKnowsWhom, a: str, b: str) -> str:
    state = links.between(a, b)
    return UNKNOWN if state is None else state.value


def grid_key(ws: Workspace, a: str, b: str) -> str:
    """The key of one pair's cell; it changes with the language of its three labels."""
    first, second = pair(a, b)
    labels = [ws.t(f"links.pair.{choice}") for choice in PAIR_CHOICES]
    return labelled_key(f"links.pair.{first}.{second}", labels)


def pairs_grid(ws: Workspace, shown: Sequence[str], names: dict[str, str], phone: bool) -> None:
    """Every pair of the first fifteen contacts, one cell each: Oui, Non or « ? » (unknown)."""
    people = list(shown[:GRID_LIMIT])
    if len(shown) > GRID_LIMIT:
        st.caption(ws.t("links.grid.first", limit=GRID_LIMIT))
    if len(people) < 2:
        st.info(ws.t("links.grid.too_few"), icon=":material/group_add:")
        return
    st.caption(ws.t("links.grid.reading"))
    labels = {choice: ws.t(f"links.pair.{choice}") for choice in PAIR_CHOICES}
    if phone:
        # Columns stack on a phone: each pair on its own line, named in full, no empty cells.
        for row, a in enumerate(people[1:], start=1):
            st.markdown(f"**{escape_markdown(names[a])}**")
            for b in people[:row]:
                _pair_cell(ws, a, b, names, labels, visible=True)
        return
    widths = [2.4] + [1] * (len(people) - 1)
    # One sign per cell (✓ ✗ ?): a column of fifteen holds no word. No tooltip either: a button
    # with one is no longer stretched to its column. The numbers and names say which pair.
    header = st.columns(widths, vertical_alignment="bottom", gap="small")
    for place in range(1, len(people)):
        header[place].markdown(f"**{place}**")
    for row, a in enumerate(people):
        cells = st.columns(widths, vertical_alignment="center", gap="small")
        cells[0].markdown(f"{row + 1}. {escape_markdown(names[a])}")
        for column, b in enumerate(people[:row]):
            with cells[column + 1]:
                _pair_cell(ws, a, b, names, labels, visible=False)


def _pair_cell(
    ws: Workspace, a: str, b: str, names: dict[str, str], labels: dict[str, str], visible: bool
) -> None:
    """One pair's answer, drawn from what the workbook holds and saved on change.

    On a phone, a drop-down under the pair's names; in the grid, a button showing the answer
    (a drop-down that narrow hides its value), each click moving to the next one: ? → Oui → Non.
    """
    current = pair_value(ws.workbook.links, a, b)
    # A widget's label is Markdown: the names are shown as typed.
    question = ws.t("links.pair", a=escape_markdown(names[a]), b=escape_markdown(names[b]))
    if visible:
        key = grid_key(ws, a, b)
        ws.set_widget_value(key, current)
        st.selectbox(
            question,
            PAIR_CHOICES,
            format_func=labels.__getitem__,
            key=key,
            on_change=_save_pair,
            args=(ws, a, b, key),
        )
        return
    first, second = pair(a, b)
    st.button(
        ws.t(f"links.cell.{current}"),
        key=f"links.cell.{first}.{second}",
        type=_CELL_LOOK[current],
        on_click=_next_answer,
        args=(ws, a, b, current),
        width="stretch",
    )


_CELL_LOOK: dict[str, Literal["primary", "secondary", "tertiary"]] = {
    UNKNOWN: "tertiary",
    Acquaintance.KNOW.value: "primary",
    Acquaintance.STRANGERS.value: "secondary",
}


def _next_answer(ws: Workspace, a: str, b: str, shown: str) -> None:
    """Moves a grid cell from the answer it showed to the next one (? → Oui → Non → ?)."""
    if a not in ws.network or b not in ws.network:
        return
    following = PAIR_CHOICES[(PAIR_CHOICES.index(shown) + 1) % len(PAIR_CHOICES)]
    state = None if following == UNKNOWN else Acquaintance(following)
    ws.set_links(ws.workbook.links.with_pair(a, b, state))


# --- the panel ---
def _view(ws: Workspace) -> str:
    view = ws.scratch(VIEW, "each")
    return view if view in VIEWS else "each"


def view_choice(ws: Workspace) -> str:
    view = _view(ws)
    key = f"links.view.{view}"
    st.segmented_control(
        ws.t("links.view"),
        VIEWS,
        default=view,
        format_func={v: ws.t(f"links.view.{v}") for v in VIEWS}.__getitem__,
        key=key,
        required=True,
        on_change=lambda: ws.set_scratch(VIEW, ws.widget_value(key)),
        label_visibility="collapsed",
    )
    return view


def progress(ws: Workspace, shown: Sequence[str]) -> str:
    """How many pairs of the set are answered, and how many introductions."""
    links = ws.workbook.links
    everyone = set(shown)
    answered = sum(1 for key in links.pairs if set(key) <= everyone)
    total = len(shown) * (len(shown) - 1) // 2
    introduced = sum(1 for cid in shown if links.introduction(cid) is not None)
    return ws.t(
        "links.progress", answered=answered, total=total, introduced=introduced, people=len(shown)
    )


def links_panel(ws: Workspace, phone: bool = False) -> None:
    """The « Qui connaît qui » step: the set, the progress, then contact by contact or the grid."""
    st.caption(ws.t("links.intro_text"))
    names = unique_names(ws)
    shown = member_choice(ws, names)
    if len(shown) < 2:
        st.info(ws.t("links.too_few"), icon=":material/group_add:")
        return
    st.markdown(progress(ws, shown))
    view = view_choice(ws)
    if view == "grid":
        pairs_grid(ws, shown, names, phone)
    else:
        each_contact(ws, shown, names)


def invitation_target(ws: Workspace) -> None:
    """Opens the Qualifier screen on the « Qui connaît qui » step (for links from other screens)."""
    ws.set_scratch(MODE, QualifyMode.LINKS)

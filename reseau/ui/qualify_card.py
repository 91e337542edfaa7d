"""The walkthrough card: one contact at a time, every criterion a few clicks, saved on change.

Every widget's key holds the contact's id, so moving to another contact shows that contact's
values, and every change is saved through the Workspace the moment it is made: nothing typed is
lost when the participant moves on, changes page or refreshes. Each saver is bound to the id of
the contact it was drawn for, never to the cursor or a place in the walk, and a selectbox whose
labels change gets a new key (`labelled_key`), so a browser never sends an old label back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import cache, partial
from typing import Any, Literal

import streamlit as st

from reseau import walkthrough
from reseau.charts.plotly_config import chart_config
from reseau.contact import SCALE_FIELDS, SHORT_TEXT_LIMIT, Contact
from reseau.contact_fields import FieldKind, field_spec
from reseau.errors import ReseauError
from reseau.explain import explain_potential, explain_quadrant, explain_rank, explain_strength
from reseau.i18n import Lang, label, t
from reseau.plan import FIRST_ACTION_DELAY_DAYS, first_action_changes
from reseau.sorting import assign, clear
from reseau.ui.components.choices import widget_choice
from reseau.ui.components.introduction import introduction
from reseau.ui.components.modes import FILTER
from reseau.ui.components.unchanged import unchanged_button
from reseau.ui.components.walkthrough_filter import filter_select
from reseau.ui.markdown import escape_lines, escape_markdown, problem_md
from reseau.ui.screen import PHONE_MAX_WIDTH
from reseau.ui.state import Workspace
from reseau.ui.widgets import date_format, labelled_key
from reseau.vocabulary import (
    ActionStatus,
    Circle,
    Role,
    Scale,
    roles_of,
)

SKIPPED = "qualify.skipped"
_DEFAULT_DUE = "qualify.default_due"  # contact id -> the due date the card chose for it
_DRAWN = "qualify.card.drawn"  # the contact whose card the last run drew


def _key(contact: Contact, name: str) -> str:
    return f"qualify.{contact.id}.{name}"


def _saver(ws: Workspace, contact_id: str, field: str, key: str) -> Callable[[], None]:
    """A callback saving one field of one contact from its widget, reporting a refusal kindly."""

    spec = field_spec(field)

    def save() -> None:
        value: Any = ws.widget_value(key)
        # Session state may hand back an option's plain value ("sponsor") rather than the
        # enum member.
        if spec.kind is FieldKind.CHOICES and spec.choices is not None:
            value = frozenset(spec.choices(item) for item in value or ())
        elif spec.kind is FieldKind.CHOICE and spec.choices is not None:
            value = widget_choice(ws, key, spec.choices)
        elif spec.kind is FieldKind.SCALE and value is not None:
            value = int(value)
        elif isinstance(value, str):
            value = value.strip()
        try:
            ws.update_contact(contact_id, **{field: value})
        except ReseauError as problem:
            ws.flash("error", problem_md(ws, problem))

    return save


# --- navigation ---
# The buttons to move between contacts, in pixels: wide enough for their words in both languages.
_MOVE_WIDTH = 160
_OPEN_WIDTH = 225
_FILTER_WIDTH = 320


def walk(ws: Workspace) -> tuple[tuple[str, ...], str | None]:
    """The ids of the walk under the chosen filter, and the contact to show."""
    network, wanted, cursor = ws.network, _current_filter(ws), ws.cursor
    # Made once per change: the card asks for it three times a run (filter row, both button rows).
    order = ws.derived(
        "qualify.walk",
        lambda: walkthrough.walk_order(network, wanted, cursor),
        network,
        wanted,
        cursor,
    )
    return order, walkthrough.current(order, cursor)


def _change_filter(ws: Workspace, wanted: str) -> None:
    """A new filter starts on its first contact unless the one shown already belongs to it."""
    ws.set_scratch(FILTER, wanted)
    order = walkthrough.walk_order(ws.network, wanted)
    if ws.cursor not in order:
        ws.set_cursor(walkthrough.current(order, None))


def _go(ws: Workspace, contact_id: str | None) -> None:
    ws.set_cursor(contact_id)


def _jump(ws: Workspace, key: str) -> None:
    """Opens the contact chosen in the jump list; anything else than a contact id is ignored."""
    chosen = ws.widget_value(key)
    if isinstance(chosen, str) and chosen in ws.network:
        ws.set_cursor(chosen)


def _go_next_open(ws: Workspace) -> None:
    order, here = walk(ws)
    skipped = ws.scratch(SKIPPED, frozenset())
    target = walkthrough.next_unqualified(ws.network, order, here, skipped)
    if target is None:
        ws.flash("success", ws.t("qualify.all_done"))
    else:
        ws.set_cursor(target)


def _skip(ws: Workspace) -> None:
    order, here = walk(ws)
    target, skipped = walkthrough.skip(ws.network, order, here, ws.scratch(SKIPPED, frozenset()))
    ws.set_scratch(SKIPPED, skipped)
    ws.set_cursor(target)


def _current_filter(ws: Workspace) -> str:
    wanted = ws.scratch(FILTER, walkthrough.ALL)
    return wanted if wanted in walkthrough.FILTERS else walkthrough.ALL


def navigation(ws: Workspace) -> str | None:
    """Filter, jump list, previous / next / skip / next not qualified; returns the contact shown."""
    order, here = walk(ws)
    row = st.container(horizontal=True, gap="medium")  # fewer messages than two columns
    filter_select(
        row, ws, FILTER, _current_filter(ws), partial(_change_filter, ws), width=_FILTER_WIDTH
    )
    if here is None:
        st.info(ws.t("qualify.filter.empty"))
        return None
    network = ws.network
    jump_labels = {cid: _jump_label(network.get(cid)) for cid in order}
    jump_key = labelled_key(f"qualify.jump.{here}", list(jump_labels.values()))
    row.selectbox(
        ws.t("qualify.jump"),
        order,
        index=order.index(here),
        format_func=jump_labels.__getitem__,
        key=jump_key,
        on_change=_jump,
        args=(ws, jump_key),
        width="stretch",
    )
    move_buttons(ws, "top")
    return here


def move_buttons(ws: Workspace, where: str) -> None:
    """Previous, next, (skip,) next not qualified and the place in the walk, on one row.

    The row is drawn above the card and again below its last required answer (`where` is
    "top" or "bottom"), so the way on is under the pointer when the contact is qualified.
    """
    order, here = walk(ws)
    place, total = walkthrough.position(order, here)
    # One flexible row rather than columns: half the messages to the browser on every click
    # on the card (benchmarks/loadtest.py); on a phone the buttons wrap two by two.
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    row.button(
        ws.t("qualify.previous"),
        key=f"qualify.{where}.previous",
        icon=":material/arrow_back:",
        disabled=place <= 1,
        on_click=_go,
        args=(ws, walkthrough.step(order, here, -1)),
        width=_MOVE_WIDTH,
    )
    row.button(
        ws.t("qualify.next"),
        key=f"qualify.{where}.next",
        icon=":material/arrow_forward:",
        disabled=place >= total,
        on_click=_go,
        args=(ws, walkthrough.step(order, here, +1)),
        width=_MOVE_WIDTH,
    )
    if where == "top":
        row.button(
            ws.t("qualify.skip"),
            key=f"qualify.{where}.skip",
            icon=":material/redo:",
            help=ws.t("qualify.skip.help"),
            on_click=_skip,
            args=(ws,),
            width=_MOVE_WIDTH,
        )
    row.button(
        ws.t("qualify.next_open"),
        key=f"qualify.{where}.next_open",
        icon=":material/fast_forward:",
        type="primary",
        on_click=_go_next_open,
        args=(ws,),
        width=_OPEN_WIDTH,
    )
    row.markdown(ws.t("qualify.position", place=place, total=total), width="content")


def _jump_label(contact: Contact) -> str:
    mark = "✓" if contact.is_qualified else "○"
    return f"{mark} {contact.display_name}"


# --- the card ---
# A criterion's row: its name, then its five points, in pixels (the rest holds what a point means).
_NAME_WIDTH = 260
_POINTS_WIDTH = 250
# The first action's due date, in pixels: a date and its calendar button.
_DUE_WIDTH = 180


# The card's tooltips depend only on the language: written once, not on every click.
@cache
def _scale_help(field: str, lang: Lang) -> str:
    scale = SCALE_FIELDS[field]
    anchors = "\n".join(
        "- " + t("qualify.anchor", lang, point=point, anchor=t(scale.anchor_key(point), lang))
        for point in scale.points
    )
    return f"{t(scale.help_key, lang)}\n\n{anchors}"


@cache
def _roles_help(circle: Circle, lang: Lang) -> str:
    return "\n".join(f"- **{label(r, lang)}** — {t(r.help_key, lang)}" for r in roles_of(circle))


def _scale(ws: Workspace, contact: Contact, field: str, scale: Scale) -> None:
    """One scored criterion on one line: its name, the five points, what the point chosen means."""
    key = _key(contact, field)
    # One flexible row rather than three columns: four messages to the browser instead of seven,
    # five times per click on the card (benchmarks/loadtest.py); on a phone the row wraps.
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        st.markdown(
            f"**{ws.t(scale.label_key)}**",
            help=_scale_help(field, ws.lang),
            width=_NAME_WIDTH,
        )
        value = st.segmented_control(
            ws.t(scale.label_key),
            list(scale.points),
            default=getattr(contact, field),
            key=key,
            on_change=_saver(ws, contact.id, field, key),
            label_visibility="collapsed",
            width=_POINTS_WIDTH,
        )
        chosen = getattr(contact, field) if value is None else value
        if chosen is None:
            st.caption(ws.t(scale.help_key), width="stretch")
        else:
            st.caption(
                ws.t("qualify.anchor", point=chosen, anchor=ws.t(scale.anchor_key(chosen))),
                width="stretch",
            )


def _choice(
    ws: Workspace,
    contact: Contact,
    field: str,
    title_key: str | None = None,
    *,
    help_key: str | None = None,
) -> None:
    """A field chosen from one of the method's lists, as pills: several for a set of items."""
    spec = field_spec(field)
    options = list(spec.choices or ())
    multi = spec.kind is FieldKind.CHOICES
    key = _key(contact, field)
    current = getattr(contact, field)
    st.pills(
        ws.t(title_key or spec.label_key),
        options,
        selection_mode="multi" if multi else "single",
        default=sorted(current, key=options.index) if multi else current,
        format_func=partial(label, lang=ws.lang),
        key=key,
        help=ws.t(help_key) if help_key else None,
        on_change=_saver(ws, contact.id, field, key),
        wrap=True,
    )


def _text(ws: Workspace, contact: Contact, field: str) -> None:
    key = _key(contact, field)
    st.text_input(
        ws.t(f"field.{field}"),
        value=getattr(contact, field),
        key=key,
        max_chars=SHORT_TEXT_LIMIT,
        on_change=_saver(ws, contact.id, field, key),
    )


def _date(
    ws: Workspace,
    contact: Contact,
    field: str,
    help: str | None = None,
    *,
    min_value: date,
    max_value: date | None = None,
    width: int | Literal["stretch"] = "stretch",
) -> None:
    key = _key(contact, field)
    value: date | None = getattr(contact, field)
    st.date_input(
        ws.t(f"field.{field}"),
        value=value,
        key=key,
        format=date_format(ws.lang),
        help=help,
        on_change=_saver(ws, contact.id, field, key),
        min_value=min_value,
        max_value=max_value,
        width=width,
    )


def _set_circle(ws: Workspace, contact_id: str, key: str) -> None:
    circle = widget_choice(ws, key, Circle)
    if circle is None:
        ws.set_network(clear(ws.network, [contact_id]).network)
    else:
        ws.set_network(assign(ws.network, [contact_id], circle).network)


def placement(ws: Workspace, contact: Contact) -> None:
    """Circle, then the roles of that circle with what each means, « Autre » with free text."""
    circle_col, role_col = st.columns(2, gap="medium")
    with circle_col:
        circle_key = _key(contact, "circle")
        st.segmented_control(
            ws.t("field.circle"),
            list(Circle),
            default=contact.circle,
            format_func=partial(label, lang=ws.lang),
            key=circle_key,
            on_change=_set_circle,
            args=(ws, contact.id, circle_key),
        )
        if contact.circle is None:
            st.caption(ws.t("qualify.circle.first"))
            return
        st.caption(ws.t(f"circle.{contact.circle.value}.help"))
    with role_col:
        role_key = _key(contact, f"role.{contact.circle.value}")
        roles = roles_of(contact.circle)
        st.pills(
            ws.t("field.role"),
            list(roles),
            default=contact.role,
            format_func=partial(label, lang=ws.lang),
            key=role_key,
            help=_roles_help(contact.circle, ws.lang),
            on_change=_saver(ws, contact.id, "role", role_key),
            wrap=True,
        )
        if contact.role is Role.OTHER:
            _text(ws, contact, "role_other")
        elif contact.role is not None:
            st.caption(ws.t(contact.role.help_key))


def _status(ws: Workspace, contact: Contact) -> None:
    score = ws.scores().get(contact.id)
    if contact.is_qualified and score is not None and score.rank is not None:
        st.success(
            ws.t(
                "qualify.status.ranked",
                rank=score.rank,
                quadrant=label(score.quadrant, ws.lang),
            ),
            icon=":material/check_circle:",
        )
    elif contact.is_qualified:
        st.success(ws.t("qualify.status.qualified"), icon=":material/check_circle:")
    else:
        missing = ", ".join(ws.t(f"field.{name}") for name in contact.missing_for_qualification)
        st.warning(ws.t("qualify.status.missing", missing=missing), icon=":material/pending:")


def _identity(ws: Workspace, contact: Contact) -> None:
    st.subheader(escape_markdown(contact.display_name))
    details = [contact.job_title, contact.company, contact.email, contact.phone]
    line = " · ".join(escape_markdown(part) for part in details if part)
    if line:
        st.caption(line)
    if contact.notes:
        st.caption(escape_lines(contact.notes))


# The card's head (name, details, status) as a keyed container: Streamlit gives it the class
# `st-key-<key>`; the style below pins its wrapper (Streamlit wraps each container in one, which
# would hold a sticky child in place) under the app's top bar on a phone-narrow screen, so the
# name stays in view down to the first action. Only a static style: no participant text.
CARD_HEAD = "reseau-card-head"
_STICKY_NAME_ON_A_PHONE = f"""<style>
@media (max-width: {PHONE_MAX_WIDTH}px) {{
  [data-testid="stLayoutWrapper"]:has(> .st-key-{CARD_HEAD}) {{
    position: sticky; top: 3.75rem; z-index: 3;
    background: var(--st-background-color, #ffffff);
    padding-bottom: 0.25rem; border-bottom: 1px solid rgba(49, 51, 63, 0.15);
  }}
  .st-key-{CARD_HEAD} [data-testid="stCaptionContainer"] {{
    display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
  }}
}}
</style>"""


def card_style() -> None:
    """The card's style, written by the page's run rather than the card's own runs.

    A style goes to the page's hidden event container and holds whatever the fragment redraws:
    sent again on every click on the card, it was one message more each time.
    """
    st.html(_STICKY_NAME_ON_A_PHONE)


def draw_whole(ws: Workspace) -> None:
    """The next card drawn is written whole, its second tab too (a page's run, another mode).

    The browser builds such a card afresh, and may show the second tab open after a reload:
    only the card's own runs, on its clicks, leave out a tab that is closed.
    """
    ws.set_scratch(_DRAWN, None)


def card(ws: Workspace, contact: Contact) -> None:
    """One contact in one screen: what qualifies it, the other criteria a tab away, the way on.

    The first tab holds circle, role, the five scored criteria and the first action, each a
    click; the second holds reciprocity, kinds of value and the last contact. Both sit inside
    the card above the row to the next contact, so the card keeps its place and its name stays
    in view whatever the participant opens. Each contact opens on the first tab.
    """
    with st.container(border=True, key=f"qualify-card-{contact.id}"):
        with st.container(key=CARD_HEAD):
            who_col, status_col = st.columns([3, 2], vertical_alignment="center")
            with who_col:
                _identity(ws, contact)
            with status_col:
                _status(ws, contact)
                # Re-assessing months later: the card offers « Inchangé » while a contact is unseen.
                unchanged_button(ws, contact.id)
        essential, more = st.tabs(
            [ws.t("qualify.tab.essential"), ws.t("qualify.tab.more")],
            key=f"qualify.{contact.id}.tabs",
            on_change="rerun",
        )
        with essential:
            placement(ws, contact)
            scales(ws, contact)
            first_action(ws, contact)
        # Written whenever a contact's card is first drawn, as if always there, and then while
        # the tab is open: the clicks on the first tab no longer send it again (a tenth of
        # their messages). Written only once opened, it moved the page under the pointer after
        # « Suivant non qualifié » from this tab (tests/e2e/test_card_orders.py).
        if more.open or ws.scratch(_DRAWN) != contact.id:
            with more:
                more_criteria(ws, contact)
        ws.set_scratch(_DRAWN, contact.id)
        move_buttons(ws, "bottom")
    _scroll_to_the_card(contact)
    explanations(ws, contact)


_SCROLL = """
<script>
(() => {
  // Brings a contact's card to the top of the screen when it is shown, once: every answer on
  // it then fits one 1440x900 screen, the name in view, the page's header scrolled away.
  const selector = %(selector)s;
  const started = performance.now();
  const bring = () => {
    const card = document.querySelector(selector);
    if (!card) {
      if (performance.now() - started < 5000) setTimeout(bring, 50);
      return;
    }
    if (card.dataset.reseauShown) return;
    card.dataset.reseauShown = "1";
    card.style.scrollMarginTop = "3.75rem";  // below Streamlit's own header bar
    card.scrollIntoView({ block: "start" });
  };
  bring();
})();
</script>
"""


def _scroll_to_the_card(contact: Contact) -> None:
    """Scrolls the card of the contact just opened to the top of the screen (once per card)."""
    selector = json.dumps(f".st-key-qualify-card-{contact.id}")
    # In the page, not the sidebar: the card is drawn by a fragment, which may not write there.
    st.html(_SCROLL % {"selector": selector}, unsafe_allow_javascript=True)


def scales(ws: Workspace, contact: Contact) -> None:
    """The five scored criteria, one per line: the relationship's two, then the mission's three."""
    for field, scale in SCALE_FIELDS.items():
        _scale(ws, contact, field, scale)


def more_criteria(ws: Workspace, contact: Contact) -> None:
    """Reciprocity, kinds of value, the last contact, who introduced them: the finer picture."""
    exchange_col, last_col = st.columns(2, gap="large")
    with exchange_col:
        _choice(
            ws,
            contact,
            "reciprocity",
            "criterion.reciprocity",
            help_key="criterion.reciprocity.help",
        )
        _choice(
            ws,
            contact,
            "value_kinds",
            "criterion.value_kinds",
            help_key="criterion.value_kinds.help",
        )
    with last_col:
        last_contact(ws, contact)
    introduction(ws, contact, where="card")


def last_contact(ws: Workspace, contact: Contact) -> None:
    _choice(ws, contact, "last_contact_nature")
    _date(ws, contact, "last_contact_date", max_value=ws.today, min_value=date(1950, 1, 1))
    _choice(ws, contact, "last_contact_result")
    _text(ws, contact, "last_contact_note")


def _save_action(ws: Workspace, contact_id: str, key: str) -> None:
    """Saves the first action; one typed without a date gets the default delay."""
    text = (ws.widget_value(key) or "").strip()
    contact = ws.network.get(contact_id)
    changes = first_action_changes(contact, text, ws.today)
    try:
        ws.update_contact(contact_id, **changes)
    except ReseauError as problem:
        ws.flash("error", problem_md(ws, problem))
        return
    if "action_due" in changes:
        # The date field keeps what it last showed unless told: show the date just chosen.
        ws.set_widget_value(_key(contact, "action_due"), changes["action_due"])
        chosen = dict(ws.scratch(_DEFAULT_DUE, {}))
        chosen[contact_id] = changes["action_due"]
        ws.set_scratch(_DEFAULT_DUE, chosen)


def _due_note(ws: Workspace, contact: Contact) -> str:
    """One short line under the due date: the date the card chose, or the one it would choose."""
    if contact.action_due is None:
        return ws.t("qualify.due.empty", days=FIRST_ACTION_DELAY_DAYS)
    if ws.scratch(_DEFAULT_DUE, {}).get(contact.id) == contact.action_due:
        return ws.t("qualify.due.chosen", days=FIRST_ACTION_DELAY_DAYS)
    return ""


def first_action(ws: Workspace, contact: Contact) -> None:
    """What to do next with this person, by when, and where it stands."""
    # One flexible row rather than three columns (as the criteria above): fewer messages per click.
    with st.container(horizontal=True, gap="medium"):
        key = _key(contact, "action_text")
        st.text_area(
            ws.t("criterion.first_action"),
            value=contact.action_text,
            key=key,
            height=68,
            help=ws.t("criterion.first_action.help"),
            on_change=_save_action,
            args=(ws, contact.id, key),
            width="stretch",
        )
        with st.container(width=_DUE_WIDTH, gap="small"):
            _date(
                ws,
                contact,
                "action_due",
                help=ws.t("qualify.due.help", days=FIRST_ACTION_DELAY_DAYS),
                min_value=date(2000, 1, 1),
                width=_DUE_WIDTH,
            )
            note = _due_note(ws, contact)
            if note:
                st.caption(note)
        key = _key(contact, "action_status")
        st.segmented_control(
            ws.t("field.action_status"),
            list(ActionStatus),
            default=contact.action_status,
            format_func=partial(label, lang=ws.lang),
            key=key,
            required=True,
            on_change=_saver(ws, contact.id, "action_status", key),
        )


def explanations(ws: Workspace, contact: Contact) -> None:
    """Why this score, this quadrant, this priority; and the radar against the circle."""
    # Written only while open: eight paragraphs sent again on every click on the card, for a
    # section seldom opened, were a tenth of the server's work per click (benchmarks/loadtest.py).
    why = st.expander(
        ws.t("qualify.why"), icon=":material/help:", key="qualify.why", on_change="rerun"
    )
    if why.open:
        with why:
            _why(ws, contact)
    # Drawn only when asked: building the radar was a third of the server's time per click on
    # the card (benchmarks/profile_card.py), even with its expander closed.
    if st.toggle(ws.t("qualify.radar"), key="qualify.radar.show"):
        _radar(ws, contact)


def _why(ws: Workspace, contact: Contact) -> None:
    scores = ws.scores()
    st.markdown(f"**{ws.t('field.rank')}**")
    lines = explain_rank(contact, ws.network, scores, ws.lang, escape_markdown)
    st.markdown("\n".join(f"- {line}" for line in lines))
    score = scores.get(contact.id)
    if score is not None:
        st.markdown(f"**{ws.t('field.quadrant')}**")
        st.markdown(explain_quadrant(score, ws.settings, ws.lang))
    st.markdown(f"**{ws.t('field.strength')}**")
    lines = explain_strength(contact, ws.settings, ws.today, ws.lang)
    st.markdown("\n".join(f"- {line}" for line in lines))
    st.markdown(f"**{ws.t('field.potential')}**")
    lines = explain_potential(contact, ws.settings, ws.lang)
    st.markdown("\n".join(f"- {line}" for line in lines))


def _radar(ws: Workspace, contact: Contact) -> None:
    try:
        from reseau.charts.radar import contact_radar
    except ImportError:  # the charts package is optional for this card
        st.caption(ws.t("qualify.radar.unavailable"))
        return
    figure = contact_radar(contact, ws.network, ws.scores(), ws.lang, today=ws.today)
    text = getattr(figure, "text", None)
    if callable(text):
        st.info(text(ws.lang))
    else:
        st.plotly_chart(
            figure,
            key=f"qualify.radar.{contact.id}",
            config=chart_config(ws.lang, file_name="radar"),
        )

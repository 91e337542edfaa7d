"""The Qualifier screen's header: progress, and the choice between its seven ways of working."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from reseau import walkthrough
from reseau.i18n import label, t_count
from reseau.ui import qualify_card, qualify_links, qualify_review, qualify_sort, qualify_table
from reseau.ui.components.modes import MODE, QualifyMode, chosen_mode
from reseau.ui.screen import on_phone
from reseau.ui.state import Workspace
from reseau.ui.widgets import reported_problems, show_flashes
from reseau.vocabulary import Circle


def progress_header(ws: Workspace) -> None:
    """Qualified N of M overall, and per circle, always in view.

    On the card it is folded into one line above the bar, so the card starts higher.
    """
    report = walkthrough.progress(ws.network)
    overall = report.overall
    headline = ws.t("qualify.progress", qualified=overall.qualified, total=overall.total)
    compact = current_mode(ws) is QualifyMode.CARD
    if not compact:
        st.markdown(headline)
        st.progress(overall.share)
    parts = [
        ws.t(
            "qualify.progress.circle",
            circle=label(circle, ws.lang),
            qualified=report.by_circle[circle].qualified,
            total=report.by_circle[circle].total,
        )
        for circle in Circle
    ]
    if report.unsorted:
        parts.append(t_count("qualify.progress.unsorted", ws.lang, report.unsorted))
    if compact:
        st.progress(overall.share, text=" · ".join([f"**{headline}**", *parts]))
    else:
        st.caption(" · ".join(parts))


def _default_mode(ws: Workspace) -> QualifyMode:
    # A saved walkthrough position means the participant was qualifying: a refresh resumes there.
    if ws.cursor is not None and ws.cursor in ws.network:
        return QualifyMode.CARD
    return QualifyMode.SORT if any(not c.is_sorted for c in ws.network) else QualifyMode.CARD


def current_mode(ws: Workspace) -> QualifyMode:
    """The mode chosen last (it survives moving between pages), else the one that fits."""
    return chosen_mode(ws) or _default_mode(ws)


def mode_choice(ws: Workspace) -> QualifyMode:
    """The segmented control of the seven modes; the choice survives moving between pages."""
    mode = current_mode(ws)
    key = f"qualify.mode.{mode.value}"
    st.segmented_control(
        ws.t("qualify.mode"),
        list(QualifyMode),
        default=mode,
        format_func={m: ws.t(m.label_key) for m in QualifyMode}.__getitem__,
        key=key,
        required=True,
        on_change=lambda: ws.set_scratch(MODE, ws.widget_value(key)),
        label_visibility="collapsed",
        width="stretch",
    )
    if mode is not QualifyMode.CARD:  # the card says what it is for itself, and needs the room
        st.caption(ws.t(mode.help_key))
    return mode


def _card_mode(ws: Workspace) -> None:
    shown = qualify_card.navigation(ws)
    if shown is not None:
        if ws.cursor != shown:
            ws.set_cursor(shown)
        qualify_card.card(ws, ws.network.get(shown))


PANELS: dict[QualifyMode, Callable[[Workspace], None]] = {
    QualifyMode.SORT: qualify_sort.sort_panel,
    QualifyMode.GAPS: qualify_sort.gaps_panel,
    QualifyMode.CARD: _card_mode,
    QualifyMode.TABLE: qualify_table.table,
    QualifyMode.LINKS: lambda ws: qualify_links.links_panel(ws, phone=on_phone()),
    QualifyMode.DIAGNOSIS: qualify_review.diagnosis_panel,
    QualifyMode.SETTINGS: qualify_review.settings_panel,
}


def show_mode(ws: Workspace, mode: QualifyMode) -> None:
    if mode is not QualifyMode.CARD:
        qualify_card.draw_whole(ws)
    PANELS.get(mode, _card_mode)(ws)


def qualifier(ws: Workspace) -> None:
    """The whole Qualifier below its title: the card's style, then the part a click reruns."""
    qualify_card.card_style()
    qualify_card.draw_whole(ws)
    _qualifier(ws)


@st.fragment
def _qualifier(ws: Workspace) -> None:
    """The Qualifier's part a click reruns, alone.

    A click on the card used to rerun the whole app (the workbook's lookup, the navigation, the
    sidebar and its store queries, the page's title) and send all of it again; as a fragment,
    a click costs what the card costs (`benchmarks/loadtest.py`, CPU per card interaction).
    What the app's end of run does for the whole page is done here for the fragment's runs: the
    messages callbacks leave, and the reload after another tab's changes were merged.
    """
    show_flashes(ws)
    with reported_problems(ws):
        progress_header(ws)
        show_mode(ws, mode_choice(ws))
    if ws.take_reload_request():
        st.rerun()

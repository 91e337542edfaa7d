"""Bilans: close a dated assessment, compare any two (or the last with now), and keep in touch."""

from __future__ import annotations

from datetime import date

import streamlit as st

from reseau.assessments import (
    Assessment,
    close_assessment,
    compare,
    last_assessment,
    not_looked_at,
    planned_reassessment,
    sentences,
    snapshot,
)
from reseau.cadence import Reminder, cadence_of, log_contact, set_cadence, to_reach
from reseau.charts.evolution import evolution_matrix
from reseau.charts.plotly_config import chart_config
from reseau.export.cadence_ics import cadence_calendar
from reseau.export.ics import ICS_MIME, reassessment_calendar
from reseau.i18n import day, label
from reseau.ui import my_data
from reseau.ui.components.unchanged import unchanged_button
from reseau.ui.downloads import deferred, on_download
from reseau.ui.markdown import escape_markdown, t_md
from reseau.ui.state import Workspace
from reseau.ui.widgets import date_format
from reseau.vocabulary import ActionStatus, ContactNature, ContactResult

_NOW = "now"


def intro(ws: Workspace) -> None:
    st.caption(ws.t("assess.intro"))


def close_section(ws: Workspace) -> None:
    """The button that closes today's assessment, and what the last one left to look at again."""
    today = ws.today
    st.subheader(ws.t("assess.close.heading"))
    already = any(a.day == today for a in ws.workbook.assessments)
    if already:
        st.caption(ws.t("assess.close.again", day=day(today, ws.lang)))
    if st.button(
        ws.t("assess.close.button", day=day(today, ws.lang)),
        key="assess.close",
        icon=":material/flag:",
        type="primary",
    ):
        ws.commit(close_assessment(ws.workbook, today))
        ws.flash("success", ws.t("assess.close.done", day=day(today, ws.lang)))
        st.rerun()
    _carried_forward(ws)


def _carried_forward(ws: Workspace) -> None:
    last = last_assessment(ws.workbook)
    if last is None:
        return
    waiting = not_looked_at(ws.workbook)
    if not waiting:
        st.success(ws.t("assess.carry.all_seen", day=day(last.day, ws.lang)))
        return
    st.info(ws.t("assess.carry.waiting", count=len(waiting), day=day(last.day, ws.lang)))
    names = {cid: ws.network.get(cid).display_name for cid in waiting}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        ws.t("assess.carry.pick"),
        options=list(waiting),
        format_func=lambda cid: names[cid],
        key="assess.carry.pick",
    )
    if chosen:
        with right:
            unchanged_button(ws, chosen)


def plan_section(ws: Workspace) -> None:
    """The next assessment's day (three months after the last by default), as a calendar event."""
    last = last_assessment(ws.workbook)
    if last is None:
        return
    st.subheader(ws.t("assess.plan.heading"))
    today = ws.today
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    # The key holds the last assessment's day, so a new assessment offers its own default.
    on = left.date_input(
        ws.t("assess.plan.day"),
        value=planned_reassessment(ws.workbook, today),
        min_value=today,
        format=date_format(ws.lang),
        help=ws.t("assess.plan.day.help"),
        key=f"assess.plan.day.{last.day.isoformat()}",
    )
    lang, mission, identity = ws.lang, ws.network.mission, ws.workbook_id or ""
    with right:
        st.download_button(
            ws.t("assess.plan.download"),
            data=deferred(
                ws,
                "re-assessment calendar",
                lambda: reassessment_calendar(
                    on, last.day, lang, mission=mission, identity=identity
                ),
            ),
            file_name=ws.t("assess.plan.file_name"),
            mime=ICS_MIME,
            icon=":material/event:",
            help=ws.t("assess.plan.download.help"),
            on_click=on_download(ws),
            key="assess.plan.download",
        )
    my_data.retention_notice(ws, where="plan", planned=on)


def history(ws: Workspace) -> None:
    """Every assessment closed so far, newest first."""
    st.subheader(ws.t("assess.history.heading"))
    assessments = ws.workbook.assessments
    if not assessments:
        st.caption(ws.t("assess.history.none"))
        return
    for assessment in reversed(assessments):
        st.markdown(
            ws.t(
                "assess.history.line",
                title=assessment.title(ws.lang),
                count=len(assessment.contacts),
            )
        )


def _choice_label(ws: Workspace, choice: str) -> str:
    if choice == _NOW:
        return ws.t("assess.compare.now", day=day(ws.today, ws.lang))
    return ws.t("assess.title_of", day=day(date.fromisoformat(choice), ws.lang))


def _assessment_for(ws: Workspace, choice: str) -> Assessment:
    if choice == _NOW:
        return snapshot(ws.network, ws.settings, ws.today, ws.workbook.links)
    return next(a for a in ws.workbook.assessments if a.day.isoformat() == choice)


def compare_section(ws: Workspace) -> None:
    """Two assessments side by side (the last and now by default), in sentences and arrows."""
    assessments = ws.workbook.assessments
    if not assessments:
        return
    st.subheader(ws.t("assess.compare.heading"))
    choices = [a.day.isoformat() for a in assessments] + [_NOW]
    left, right = st.columns(2)
    before = left.selectbox(
        ws.t("assess.compare.before"),
        options=choices,
        index=len(choices) - 2,
        format_func=lambda c: _choice_label(ws, c),
        key="assess.compare.before",
    )
    after = right.selectbox(
        ws.t("assess.compare.after"),
        options=choices,
        index=len(choices) - 1,
        format_func=lambda c: _choice_label(ws, c),
        key="assess.compare.after",
    )
    comparison = compare(_assessment_for(ws, before), _assessment_for(ws, after))
    with st.container(key="assess-sentences"):
        for sentence in sentences(comparison, ws.lang):
            st.markdown(f"- {escape_markdown(sentence)}")
    st.plotly_chart(
        evolution_matrix(comparison, ws.lang, ws.settings),
        width="stretch",
        theme=None,
        key="assess.chart",
        config=chart_config(ws.lang, file_name="evolution"),
    )


def _reminder_text(ws: Workspace, reminder: Reminder) -> str:
    if reminder.days_late is None:
        return t_md(ws, "reach.never", name=reminder.name)
    if reminder.days_late > 0:
        return t_md(ws, "reach.late", name=reminder.name, count=reminder.days_late)
    assert reminder.due is not None
    return t_md(ws, "reach.due", name=reminder.name, day=day(reminder.due, ws.lang))


def _reach_list(ws: Workspace) -> tuple[tuple[Reminder, ...], str]:
    """Whom to get back to, and the list as one Markdown text, made once per change.

    One element for the whole list, written again only when the workbook, the day or the
    language changes: a sentence and an element per person made the page's rerun grow with
    the network (4.7 times longer at 500 contacts than at 10, benchmarks/bench.py).
    """
    workbook, scores, today, lang = ws.workbook, ws.scores(), ws.today, ws.lang

    def made() -> tuple[tuple[Reminder, ...], str]:
        reminders = to_reach(
            workbook.network, workbook.cadences, scores, today, workbook.actions_done
        )
        text = "\n".join(f"- {_reminder_text(ws, reminder)}" for reminder in reminders)
        return reminders, text

    return ws.derived("reach.list", made, workbook, scores, today, lang)


def reach_section(ws: Workspace) -> None:
    """« Qui relancer maintenant ? » and one form to log a contact with one of them."""
    st.subheader(ws.t("reach.heading"))
    reminders, text = _reach_list(ws)
    if not reminders:
        st.success(ws.t("reach.none"))
        return
    with st.container(key="reach-list"):
        st.markdown(text)
    names = {r.contact_id: r.name for r in reminders}
    with st.form("reach.log", border=True):
        st.markdown(ws.t("reach.log.heading"))
        who = st.selectbox(
            ws.t("reach.log.who"),
            options=list(names),
            format_func=lambda cid: names[cid],
        )
        left, middle, right = st.columns(3)
        nature = left.selectbox(
            ws.t("reach.log.nature"),
            options=list(ContactNature),
            format_func=lambda item: label(item, ws.lang),
        )
        on = middle.date_input(
            ws.t("reach.log.date"),
            value=ws.today,
            max_value=ws.today,
            format=date_format(ws.lang),
        )
        result = right.selectbox(
            ws.t("reach.log.result"),
            options=list(ContactResult),
            format_func=lambda item: label(item, ws.lang),
        )
        note = st.text_input(ws.t("reach.log.note"))
        action_done = st.checkbox(ws.t("reach.log.action_done"))
        if st.form_submit_button(ws.t("reach.log.submit"), type="primary") and who:
            contact = ws.network.get(who)
            logged = log_contact(contact, on, nature, result, ws.today, note)
            workbook = ws.workbook
            if action_done and logged.has_action:
                logged = logged.with_changes(action_status=ActionStatus.DONE)
                if contact.action_status is not ActionStatus.DONE:
                    # Done in the exchange being logged: on its day, not on the day it is noted.
                    done = {**workbook.actions_done, who: on}
                    workbook = workbook.with_changes(actions_done=done)
            ws.commit(workbook.with_changes(network=workbook.network.replace(logged)))
            ws.flash("success", t_md(ws, "reach.log.done", name=contact.display_name))
            st.rerun()


def cadence_section(ws: Workspace) -> None:
    """A contact's rhythm, changed from the method's default, and the rhythms as reminders."""
    sorted_contacts = [c for c in ws.network if c.is_sorted]
    if not sorted_contacts:
        return
    network, cadences, lang, today = ws.network, ws.workbook.cadences, ws.lang, ws.today
    done = ws.workbook.actions_done
    st.download_button(
        ws.t("cadence.ics.download"),
        data=deferred(
            ws,
            "cadence calendar",
            lambda: cadence_calendar(network, cadences, lang, today, actions_done=done),
        ),
        file_name=ws.t("cadence.ics.file_name"),
        mime=ICS_MIME,
        icon=":material/event_repeat:",
        help=ws.t("cadence.ics.help"),
        on_click=on_download(ws),
    )
    with st.expander(ws.t("cadence.heading")):
        names = {c.id: c.display_name for c in sorted_contacts}
        who = st.selectbox(
            ws.t("cadence.who"),
            options=list(names),
            format_func=lambda cid: names[cid],
            key="cadence.who",
        )
        if who is None:
            return
        current = cadence_of(ws.network.get(who), ws.workbook.cadences)
        days = st.number_input(
            ws.t("cadence.days"),
            min_value=1,
            max_value=730,
            value=current,
            step=1,
            key=f"cadence.days.{who}",
        )
        if st.button(ws.t("cadence.save"), key="cadence.save"):
            cadences = set_cadence(ws.workbook.cadences, who, int(days))
            ws.commit(ws.workbook.with_changes(cadences=cadences))
            ws.flash("success", t_md(ws, "cadence.saved", name=names[who], count=int(days)))
            st.rerun()

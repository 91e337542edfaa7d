"""The diagnosis panel (with the five marks per circle) and the trainer's settings panel."""

from __future__ import annotations

import math
from collections.abc import Mapping

import streamlit as st

from reseau.diagnosis import Finding, Severity, diagnose
from reseau.explain import method_description
from reseau.i18n import label
from reseau.scoring import DEFAULT_SETTINGS, POTENTIAL_CRITERIA, STRENGTH_CRITERIA, ScoringSettings
from reseau.ui.components.modes import open_card
from reseau.ui.markdown import escape_markdown
from reseau.ui.state import Workspace
from reseau.vocabulary import FIVE_MARKS, Circle

_SHOW = {Severity.HIGH: st.error, Severity.MEDIUM: st.warning, Severity.INFO: st.info}
_ICONS = {
    Severity.HIGH: ":material/priority_high:",
    Severity.MEDIUM: ":material/visibility:",
    Severity.INFO: ":material/info:",
}


def findings(ws: Workspace) -> list[Finding]:
    """The diagnosis, made once per change: the network's shape alone can take a third of a
    second at 150 contacts, and the Qualifier reruns on every click."""
    return ws.derived(
        "qualify.findings",
        lambda: diagnose(ws.network, ws.scores(), ws.settings, ws.today, ws.workbook.links),
        ws.network,
        ws.settings,
        ws.today,
        ws.workbook.links,
    )


def diagnosis_panel(ws: Workspace) -> None:
    """Every finding with what to do, then the five marks of each circle."""
    found = findings(ws)
    if not found:
        st.success(ws.t("diagnosis.nothing"), icon=":material/check_circle:")
    for index, finding in enumerate(found):
        _SHOW[finding.severity](
            f"**{label(finding.severity, ws.lang)}** · {finding.message(ws.lang, escape_markdown)}",
            icon=_ICONS[finding.severity],
        )
        advice_col, open_col = st.columns([4, 1], vertical_alignment="center")
        advice_col.caption(finding.advice(ws.lang))
        if formula := finding.formula(ws.lang):
            advice_col.caption(escape_markdown(formula))
        if finding.contact_ids:
            open_col.button(
                ws.t("qualify.diagnosis.open"),
                key=f"qualify.diagnosis.open.{index}.{finding.code}",
                icon=":material/arrow_forward:",
                on_click=open_card,
                args=(ws, finding.contact_ids[0]),
            )
    st.divider()
    marks_panel(ws)


def _save_mark(ws: Workspace, circle: Circle, mark: str, key: str) -> None:
    marks = dict(ws.network.marks.get(circle, {}))
    value = ws.widget_value(key)
    if value is None:
        marks.pop(mark, None)
    else:
        marks[mark] = int(value)
    ws.set_marks(circle, marks)


def marks_panel(ws: Workspace) -> None:
    """The five marks of a network, self-assessed from 1 to 5 for each circle."""
    st.subheader(ws.t("qualify.marks.title"))
    st.caption(ws.t("qualify.marks.help"))
    columns = st.columns(len(Circle), gap="large")
    for column, circle in zip(columns, Circle, strict=True):
        current = ws.network.marks.get(circle, {})
        with column:
            st.markdown(f"**{label(circle, ws.lang)}**")
            for mark in FIVE_MARKS:
                key = f"qualify.marks.{circle.value}.{mark}"
                st.segmented_control(
                    ws.t(f"mark.{mark}"),
                    [1, 2, 3, 4, 5],
                    default=current.get(mark),
                    key=key,
                    help=ws.t(f"qualify.marks.{mark}.help"),
                    on_change=_save_mark,
                    args=(ws, circle, mark, key),
                )


# --- settings ---
DEFAULT_WEIGHTS = {**DEFAULT_SETTINGS.strength_weights, **DEFAULT_SETTINGS.potential_weights}


def _shown(value: object, low: float, high: float, default: float) -> float:
    """A saved setting as its widget can show it: within bounds, the default if not a number.

    Workbooks saved before save files were checked may hold `"abc"` or 1e308; the screen must
    open all the same so that the trainer can put things right.
    """
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high) if math.isfinite(number) else default


def _weight_inputs(
    ws: Workspace, title: str, criteria: tuple[str, ...], weights: Mapping[str, float]
) -> dict[str, float]:
    """One number input per criterion of a score, in the method's order, under its title."""
    st.markdown(f"**{ws.t(f'qualify.settings.{title}')}**")
    return {
        name: st.number_input(
            ws.t(f"explain.criterion.{name}"),
            min_value=0.0,
            max_value=100.0,
            step=5.0,
            value=_shown(weights.get(name), 0.0, 100.0, DEFAULT_WEIGHTS[name]),
            format="%g",  # « 30 », not « 30.00 »: weights are whole numbers in practice
        )
        for name in criteria
    }


def _settings_form(ws: Workspace) -> ScoringSettings | None:
    current = ws.settings
    with st.form("qualify.settings"):
        strength_col, potential_col, threshold_col = st.columns(3, gap="large")
        with strength_col:
            strength = _weight_inputs(
                ws, "strength_weights", STRENGTH_CRITERIA, current.strength_weights
            )
        with potential_col:
            potential = _weight_inputs(
                ws, "potential_weights", POTENTIAL_CRITERIA, current.potential_weights
            )
        with threshold_col:
            st.markdown(f"**{ws.t('qualify.settings.thresholds')}**")
            potential_threshold = st.slider(
                ws.t("qualify.settings.potential_threshold"),
                0.0,
                100.0,
                _shown(
                    current.potential_threshold, 0.0, 100.0, DEFAULT_SETTINGS.potential_threshold
                ),
                step=5.0,
                format="%g",
            )
            strength_threshold = st.slider(
                ws.t("qualify.settings.strength_threshold"),
                0.0,
                100.0,
                _shown(current.strength_threshold, 0.0, 100.0, DEFAULT_SETTINGS.strength_threshold),
                step=5.0,
                format="%g",
            )
            cold = st.number_input(
                ws.t("qualify.settings.cold_after_days"),
                min_value=7,
                max_value=3650,
                step=30,
                value=int(
                    _shown(current.cold_after_days, 7, 3650, DEFAULT_SETTINGS.cold_after_days)
                ),
            )
        if not st.form_submit_button(ws.t("qualify.settings.apply"), type="primary"):
            return None
    if sum(strength.values()) <= 0 or sum(potential.values()) <= 0:
        st.error(ws.t("qualify.settings.all_zero"))
        return None
    return ScoringSettings(
        strength_weights=strength,
        potential_weights=potential,
        strength_threshold=strength_threshold,
        potential_threshold=potential_threshold,
        cold_after_days=int(cold),
    )


def settings_panel(ws: Workspace) -> None:
    """Weights and thresholds a trainer may tune, and the whole method they feed, in words."""
    st.caption(ws.t("qualify.settings.help"))
    chosen = _settings_form(ws)
    if chosen is not None:
        ws.set_settings(chosen)
        ws.flash("success", ws.t("qualify.settings.saved"))
        st.rerun()
    if ws.settings != DEFAULT_SETTINGS and st.button(
        ws.t("qualify.settings.reset"), icon=":material/restart_alt:"
    ):
        ws.set_settings(DEFAULT_SETTINGS)
        ws.flash("info", ws.t("qualify.settings.was_reset"))
        st.rerun()
    st.subheader(ws.t("qualify.method.title"))
    for section in method_description(ws.settings, ws.lang):
        st.markdown(f"**{section.title}**")
        st.markdown("\n".join(f"- {line}" for line in section.lines))

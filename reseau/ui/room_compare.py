"""« Vous et la salle »: a participant's network beside the room's, once the trainer reveals it.

Only counts, medians, shares and averages cross from the room to a participant
(`reseau.room.compare_to_room`): never another participant's contacts, name or figures.
"""

from __future__ import annotations

import streamlit as st

from reseau.i18n import Lang, label, number, percent
from reseau.room import MIN_ROOM, ROOMS, Comparison, compare_to_room, profile_of
from reseau.ui.state import Workspace
from reseau.vocabulary import SCALES


def room_comparison(ws: Workspace) -> None:
    """The section, shown only to a workshop's participant and only when the room is revealed."""
    if ws.workbook_id is None:
        return
    membership = ws.store.membership(ws.workbook_id)
    if membership is None or not membership.workshop.revealed:
        return
    summary = ROOMS.summary(ws.store, membership.workshop.code, ws.today)
    own = profile_of(ws.network, ws.settings, ws.today)
    st.divider()
    st.subheader(ws.t("room.compare.title"), anchor=False)
    comparison = compare_to_room(own, summary.profiles)
    if comparison is None:
        st.info(ws.t("room.compare.waiting", count=MIN_ROOM), icon=":material/group:")
        return
    st.caption(ws.t("room.compare.intro", count=comparison.participants))
    _circles(ws, comparison)
    _roles(ws, comparison, own.sorted)
    shares_col, criteria_col = st.columns(2, gap="large")
    with shares_col:
        _quadrants(ws, comparison)
    with criteria_col:
        _criteria(ws, comparison)


def _circles(ws: Workspace, comparison: Comparison) -> None:
    lines = [
        ws.t(
            "room.compare.circle_line",
            circle=label(line.circle, ws.lang).lower(),
            count=line.yours,
            median=number(line.room_median, ws.lang, 1),
        )
        for line in comparison.circles
    ]
    st.markdown("\n".join(lines))


def _roles(ws: Workspace, comparison: Comparison, sorted_any: bool) -> None:
    st.markdown(f"**{ws.t('room.compare.roles')}**")
    if not sorted_any:
        st.caption(ws.t("room.compare.roles_unsorted"))
        return
    if not any(line.empty_for_you for line in comparison.roles):
        st.caption(ws.t("room.compare.roles_none"))
    lines = [
        ws.t(
            "room.compare.role_yours" if line.empty_for_you else "room.compare.role_room",
            role=label(line.role, ws.lang),
            share=percent(line.room_share, ws.lang),
        )
        for line in comparison.roles
    ]
    if lines:
        st.markdown("\n".join(lines))


def _share(value: float | None, lang: Lang) -> str:
    return label(None, lang) if value is None else percent(value, lang)


def _average(value: float | None, lang: Lang) -> str:
    return label(None, lang) if value is None else number(value, lang, 1, keep_zeros=True)


def _quadrants(ws: Workspace, comparison: Comparison) -> None:
    st.markdown(f"**{ws.t('room.compare.quadrants')}**")
    st.dataframe(
        {
            ws.t("workshop.col.quadrant"): [
                label(q.quadrant, ws.lang) for q in comparison.quadrants
            ],
            ws.t("room.compare.you"): [_share(q.yours, ws.lang) for q in comparison.quadrants],
            ws.t("room.compare.room"): [_share(q.room, ws.lang) for q in comparison.quadrants],
        },
        hide_index=True,
        width="stretch",
    )


def _criteria(ws: Workspace, comparison: Comparison) -> None:
    st.markdown(f"**{ws.t('room.compare.criteria')}**")
    by_code = {scale.code: scale for scale in SCALES}
    st.dataframe(
        {
            ws.t("room.compare.criterion"): [
                label(by_code[c.code], ws.lang) for c in comparison.criteria
            ],
            ws.t("room.compare.you"): [_average(c.yours, ws.lang) for c in comparison.criteria],
            ws.t("room.compare.room"): [_average(c.room, ws.lang) for c in comparison.criteria],
        },
        hide_index=True,
        width="stretch",
    )

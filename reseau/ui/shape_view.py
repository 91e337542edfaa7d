"""The trainer's view of the room's network shapes: medians and per participant numbers only."""

from __future__ import annotations

import streamlit as st

from reseau.i18n import Lang, label, number, t
from reseau.network_shape import MIN_ROOM, RoomShape
from reseau.ui.state import Workspace


def _size(value: float | None, lang: Lang) -> str:
    return label(None, lang) if value is None else number(value, lang, 1, keep_zeros=True)


def _share(value: float | None, lang: Lang) -> str:
    return (
        label(None, lang)
        if value is None
        else t("explain.percent", lang, value=number(100 * value, lang))
    )


def room_shape_panel(ws: Workspace, shape: RoomShape) -> None:
    """Nothing until a participant said who knows whom; below three of them, only how many."""
    if shape.is_empty:
        return
    st.subheader(ws.t("shape.room.title"), anchor=False)
    if not shape.shown:
        st.caption(ws.t("shape.room.too_few", answered=shape.answered, least=MIN_ROOM))
        return
    st.caption(ws.t("shape.room.reading", answered=shape.answered))
    lang = ws.lang
    columns = st.columns(3)
    columns[0].metric(
        ws.t("shape.room.median_of", what=ws.t("shape.room.col.effective_size")),
        _size(shape.median_effective_size, lang),
    )
    columns[1].metric(
        ws.t("shape.room.median_of", what=ws.t("shape.room.col.density")),
        _share(shape.median_density, lang),
    )
    columns[2].metric(
        ws.t("shape.room.median_of", what=ws.t("shape.room.col.self_introduced")),
        _share(shape.median_self_introduced, lang),
    )
    st.dataframe(
        {
            ws.t("shape.room.col.line"): list(range(1, len(shape.participants) + 1)),
            ws.t("shape.room.col.effective_size"): [
                _size(p.effective_size, lang) for p in shape.participants
            ],
            ws.t("shape.room.col.density"): [_share(p.density, lang) for p in shape.participants],
            ws.t("shape.room.col.self_introduced"): [
                _share(p.self_introduced, lang) for p in shape.participants
            ],
        },
        hide_index=True,
        width="stretch",
    )

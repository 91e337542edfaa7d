"""The baseline for the card's server cost: a bare Streamlit script with the card's widgets.

It shows what the Qualifier's « Fiche par fiche » shows (the same widgets, kinds, labels and
options, so the load client plays the same journey on it) with none of the app around them: no
navigation, no sidebar, no store, no scores, no explanations and no radar. Values live in
`st.session_state`; « Suivant » moves to the next name of the demo file. The load test runs it
in the same run as the app, so the ratio of their CPU per interaction travels between machines.

    streamlit run benchmarks/bare_card.py
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reseau.i18n import t  # noqa: E402

LANG = "fr"
MARKS = [1, 2, 3, 4, 5]
CIRCLES = ("information", "support", "operational")


@st.cache_resource
def names() -> list[str]:
    with (ROOT / "data" / "reseau_demo.csv").open(encoding="utf-8") as file:
        return [f"{row['Prénom']} {row['Nom']}" for row in csv.DictReader(file)]


def go(step: int) -> None:
    st.session_state.place = min(max(st.session_state.place + step, 0), len(names()) - 1)


if "place" not in st.session_state:
    st.session_state.place = 0
place = st.session_state.place
who = names()[place]

st.title(t("qualify.title", LANG))
st.segmented_control(
    t("qualify.mode", LANG),
    [t(f"qualify.mode.{m}", LANG) for m in ("sort", "gaps", "card", "table")],
    default=t("qualify.mode.card", LANG),
    key="mode",
)
left, right = st.columns([1, 2])
left.selectbox(t("qualify.filter", LANG), ["Tous"], key="filter")
right.selectbox(t("qualify.jump", LANG), names(), index=place, key=f"jump.{place}")
columns = st.columns(5)
columns[0].button(t("qualify.previous", LANG), on_click=go, args=(-1,), disabled=place == 0)
columns[1].button(
    t("qualify.next", LANG), on_click=go, args=(+1,), disabled=place == len(names()) - 1
)
columns[2].button(t("qualify.skip", LANG), on_click=go, args=(+1,))
columns[3].button(t("qualify.next_open", LANG), on_click=go, args=(+1,), type="primary")
columns[4].markdown(t("qualify.position", LANG, place=place + 1, total=len(names())))
with st.container(border=True):
    st.subheader(who)
    st.segmented_control(
        t("field.circle", LANG), [t(f"circle.{c}", LANG) for c in CIRCLES], key=f"{who}.circle"
    )
    st.pills(t("field.role", LANG), ["A", "B", "C", "D"], key=f"{who}.role")
    relation, mission = st.columns(2)
    with relation:
        for scale in ("frequency", "trust"):
            st.segmented_control(t(f"criterion.{scale}", LANG), MARKS, key=f"{who}.{scale}")
        st.pills(t("criterion.reciprocity", LANG), ["a", "b", "c", "d"], key=f"{who}.recip")
        st.pills(t("field.last_contact_nature", LANG), ["a", "b", "c"], key=f"{who}.nature")
        st.date_input(t("field.last_contact_date", LANG), value=None, key=f"{who}.date")
        st.pills(t("field.last_contact_result", LANG), ["a", "b", "c"], key=f"{who}.result")
        st.text_input(t("field.last_contact_note", LANG), key=f"{who}.note")
    with mission:
        st.pills(
            t("criterion.value_kinds", LANG),
            ["a", "b", "c", "d"],
            selection_mode="multi",
            key=f"{who}.kinds",
        )
        for scale in ("added_value", "interest", "power"):
            st.segmented_control(t(f"criterion.{scale}", LANG), MARKS, key=f"{who}.{scale}")
    st.text_area(t("field.action_text", LANG), key=f"{who}.action")
    st.date_input(t("field.action_due", LANG), value=date.today(), key=f"{who}.due")
    st.segmented_control(t("field.action_status", LANG), ["a", "b", "c"], key=f"{who}.status")

"""Accueil: the method in a few lines, and three ways to start."""

import streamlit as st

from reseau.overview import circle_summaries, quadrant_lines, qualified_count
from reseau.ui.contact_editor import contact_editor
from reseau.ui.home_view import participant_details, three_starts
from reseau.ui.state import workspace
from reseau.ui.widgets import page_title

ws = workspace()
page_title(ws, "home.title")
st.markdown(ws.t("home.intro"))

st.subheader(ws.t("home.start.title"))
three_starts(ws)
participant_details(ws)

st.divider()
circles_col, criteria_col, quadrants_col = st.columns(3, gap="large")
with circles_col:
    st.subheader(ws.t("home.circles.title"))
    for summary in circle_summaries(ws.lang):
        st.markdown(ws.t("home.term_line", term=summary.title, meaning=summary.purpose))
        st.caption(" · ".join(summary.roles))
with criteria_col:
    st.subheader(ws.t("home.criteria.title"))
    st.markdown(ws.t("home.criteria.body"))
with quadrants_col:
    st.subheader(ws.t("home.quadrants.title"))
    st.markdown(ws.t("home.quadrants.body"))
    for name, meaning in quadrant_lines(ws.lang):
        st.markdown("- " + ws.t("home.term_line", term=name, meaning=meaning))

st.divider()
st.subheader(ws.t("contacts.title"))
if len(ws.network):
    st.caption(ws.t("home.current", count=len(ws.network), qualified=qualified_count(ws.network)))
contact_editor(ws)

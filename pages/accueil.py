"""Accueil: the method in a few lines, and three ways to start."""

import streamlit as st

from reseau.demo import load_demo_network
from reseau.network import Network
from reseau.overview import circle_summaries, quadrant_lines, qualified_count
from reseau.ui import pages
from reseau.ui.contact_editor import contact_editor
from reseau.ui.state import workspace
from reseau.ui.widgets import page_title

ws = workspace()
page_title(ws, "home.title")
st.markdown(ws.t("home.intro"))

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
st.subheader(ws.t("home.start.title"))
demo_col, import_col, empty_col = st.columns(3)
with demo_col:
    load_demo = st.button(ws.t("home.start.demo"), icon=":material/slideshow:", type="primary")
    st.caption(ws.t("home.start.demo.help"))
with import_col:
    st.page_link(pages.IMPORT.path, label=ws.t("home.start.import"), icon=pages.IMPORT.icon)
    st.caption(ws.t("home.start.import.help"))
with empty_col:
    start_empty = st.button(ws.t("home.start.empty"), icon=":material/edit_note:")
    st.caption(ws.t("home.start.empty.help"))

if load_demo or start_empty:
    ws.set_scratch("home.pending_start", "demo" if load_demo else "empty")
pending = ws.scratch("home.pending_start")
if pending and len(ws.network):
    st.warning(ws.t("home.replace_warning", count=len(ws.network)))
    confirmed = st.button(ws.t("home.replace_confirm"), icon=":material/warning:")
else:
    confirmed = bool(pending)
if pending and confirmed:
    ws.set_scratch("home.pending_start", None)
    if pending == "demo":
        ws.set_network(load_demo_network())
        ws.flash("success", ws.t("home.demo_loaded", count=len(ws.network)))
    else:
        ws.set_network(Network())
        ws.flash("info", ws.t("home.empty_started"))
    st.rerun()

st.divider()
st.subheader(ws.t("contacts.title"))
if len(ws.network):
    st.caption(ws.t("home.current", count=len(ws.network), qualified=qualified_count(ws.network)))
contact_editor(ws)

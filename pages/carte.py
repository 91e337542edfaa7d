"""Carte du réseau: the network at a glance, in four charts that share the same filters."""

import streamlit as st

from reseau.ui.map_view import (
    MapChart,
    colour_choice,
    filter_controls,
    reading,
    show_chart,
    show_notices,
    show_radars,
    sunburst_list,
)
from reseau.ui.room_compare import room_comparison
from reseau.ui.state import workspace
from reseau.ui.widgets import needs_contacts, page_title, reported_problems

ws = workspace()
page_title(ws, "map.title")

if not needs_contacts(ws):
    chosen = filter_controls(ws)
    tabs = st.tabs(
        [
            ws.t("map.tab.sunburst"),
            ws.t("map.tab.concentric"),
            ws.t("map.tab.matrix"),
            ws.t("map.tab.radar"),
        ]
    )
    with reported_problems(ws):
        with tabs[0]:
            text, colour = st.columns([3, 2], vertical_alignment="bottom")
            text.caption(ws.t("map.chart.sunburst.reading"))
            with colour:
                colour_by = colour_choice(ws)
            show_chart(ws, MapChart.SUNBURST, chosen, colour_by)
            sunburst_list(ws, chosen)
        with tabs[1]:
            reading(ws, MapChart.CONCENTRIC)
            show_chart(ws, MapChart.CONCENTRIC, chosen)
        with tabs[2]:
            reading(ws, MapChart.MATRIX)
            show_chart(ws, MapChart.MATRIX, chosen)
        with tabs[3]:
            show_radars(ws, chosen)
    show_notices(ws, chosen)
room_comparison(ws)

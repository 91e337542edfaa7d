"""Carte du réseau: the network at a glance, in four charts that share the same filters."""

import streamlit as st

from reseau.ui.map_view import (
    MapChart,
    colour_choice,
    filter_controls,
    has_links,
    links_invitation,
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
    links = has_links(ws)
    names = ["map.tab.sunburst", "map.tab.concentric", "map.tab.matrix", "map.tab.radar"]
    tabs = st.tabs([ws.t(name) for name in names + (["map.tab.links"] if links else [])])
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
        if links:
            with tabs[4]:
                reading(ws, MapChart.LINKS)
                show_chart(ws, MapChart.LINKS, chosen)
    show_notices(ws, chosen)
    if not links:
        links_invitation(ws)
room_comparison(ws)

"""Room on touch screens for what Streamlit shows there at all times: a grid's toolbar.

A screen that cannot hover (a phone, a tablet) shows each grid's toolbar (search, download,
full screen) permanently, drawn in the 2.5 rem above the grid: over the last line of the title
just above it. Those screens alone get that room above each grid.
"""

from __future__ import annotations

import streamlit as st

_GRID_TOOLBAR_ROOM = """<style>
@media (hover: none) {
  [data-testid="stElementContainer"]:has(
    [data-testid="stDataFrame"] [data-testid="stElementToolbar"]
  ) {
    margin-top: 2.5rem;
  }
}
</style>"""


def keep_grid_toolbars_off_titles() -> None:
    """Makes room above each grid on touch screens, for the toolbar they always show."""
    # In the sidebar: a style-only element takes no room there, and reaches every page.
    st.sidebar.html(_GRID_TOOLBAR_ROOM)

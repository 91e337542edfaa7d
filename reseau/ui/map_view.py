"""The pieces of the « Carte du réseau » screen: filters, colour choice, one chart shown.

Figures are built by `reseau.charts` and kept for the session until the network, the settings,
the language or the filter change, so moving between tabs or pages does not rebuild them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from reseau.charts import (
    NO_FILTER,
    ChartData,
    ChartFilter,
    ChartUnavailable,
    ColourBy,
    concentric,
    marks_radar,
    matrix,
    notices,
    radar,
    sunburst,
)
from reseau.charts.links import links_figure
from reseau.charts.plotly_config import chart_config
from reseau.i18n import label
from reseau.network_shape import network_shape
from reseau.ui import pages
from reseau.ui.screen import on_phone
from reseau.ui.state import Level, Workspace
from reseau.vocabulary import QUADRANT_PRIORITY, Circle, Role, roles_of

QUALIFY_MODE = "qualify.mode"  # the Qualifier's mode, in the scratch (qualify_review.MODE)
_FILTER = "map.filter"
_FILTER_WIDGETS = "map.filter.widgets"
_COLOUR = "map.colour_by"
_MEMO_SIZE = 16


class MapChart(StrEnum):
    """The charts of the screen, each with its catalogue texts under `map.chart.<value>`."""

    SUNBURST = "sunburst"
    CONCENTRIC = "concentric"
    MATRIX = "matrix"
    RADAR = "radar"
    MARKS = "marks"
    LINKS = "links"


def _build(ws: Workspace, chart: MapChart, chosen: ChartFilter, colour_by: ColourBy, compact: bool):
    network, scores, lang = ws.network, ws.scores(), ws.lang
    builders: dict[MapChart, Callable[[], go.Figure | ChartUnavailable]] = {
        MapChart.SUNBURST: lambda: sunburst(
            network, scores, lang, chart_filter=chosen, colour_by=colour_by, compact=compact
        ),
        MapChart.CONCENTRIC: lambda: concentric(
            network, scores, lang, chart_filter=chosen, settings=ws.settings, compact=compact
        ),
        MapChart.MATRIX: lambda: matrix(
            network, scores, lang, chart_filter=chosen, settings=ws.settings, compact=compact
        ),
        MapChart.RADAR: lambda: radar(
            network, scores, lang, chart_filter=chosen, today=ws.today, compact=compact
        ),
        MapChart.MARKS: lambda: marks_radar(network, lang, chart_filter=chosen, compact=compact),
        MapChart.LINKS: lambda: links_figure(
            network,
            ws.workbook.links,
            network_shape(network, ws.workbook.links, scores),
            lang,
            scores=scores,
            chart_filter=chosen,
            settings=ws.settings,
            compact=compact,
        ),
    }
    return builders[chart]()


def figure_for(
    ws: Workspace, chart: MapChart, chosen: ChartFilter, colour_by: ColourBy = ColourBy.QUADRANT
) -> go.Figure | ChartUnavailable:
    """The chart for the current workbook, built once per change of what it depends on."""
    # One chart per filter, tab and screen size, for the workbook as it is now.
    figures: dict[tuple, go.Figure | ChartUnavailable] = ws.derived(
        "map.figures", dict, ws.network, ws.workbook.links, ws.settings, ws.lang, ws.today
    )
    compact = on_phone()
    key = (chart, chosen, colour_by if chart is MapChart.SUNBURST else None, compact)
    if key not in figures:
        if len(figures) >= _MEMO_SIZE:
            figures.clear()
        figures[key] = _build(ws, chart, chosen, colour_by, compact)
    return figures[key]


def show_chart(
    ws: Workspace, chart: MapChart, chosen: ChartFilter, colour_by: ColourBy = ColourBy.QUADRANT
) -> None:
    """The chart at full width, or the sentence saying why it cannot be drawn yet."""
    result = figure_for(ws, chart, chosen, colour_by)
    if isinstance(result, ChartUnavailable):
        st.info(result.text(ws.lang), icon=":material/insights:")
        return
    st.plotly_chart(
        result,
        width="stretch",
        theme=None,
        key=f"map.chart.{chart.value}",
        alt=ws.t(f"map.chart.{chart.value}.alt"),
        # On a phone the tool bar would cover the chart's corner titles.
        config=chart_config(
            ws.lang, file_name=chart.value, **({"displayModeBar": False} if on_phone() else {})
        ),
    )


def sunburst_list(ws: Workspace, chosen: ChartFilter) -> None:
    """The sunburst's people as a list under it, in its order (circle, then role).

    A name too long for its sector at a readable size (18 px on a projector) is left out of the
    chart; on a phone there is no room for names at all: the list holds every one of them.
    """
    table = _sunburst_table(ws, chosen)
    if table is None:
        return
    with st.expander(ws.t("map.sunburst.list"), icon=":material/list:"):
        st.dataframe(table, hide_index=True, width="stretch", placeholder="")


def _sunburst_table(ws: Workspace, chosen: ChartFilter) -> dict[str, list[str]] | None:
    """The list's columns, made once per change: at 500 contacts, writing its 2,000 cells on
    every rerun doubled the page's time (benchmarks/bench.py, page reruns)."""
    network, scores, lang = ws.network, ws.scores(), ws.lang
    cached = ws.scratch("map.sunburst_table")
    fresh = cached is not None and cached[0] is network and cached[1] is scores
    if fresh and cached[2:4] == (lang, chosen):
        return cached[4]
    data = ChartData.of(network, scores, lang, chosen)
    table = None
    if data.placed:
        circles: dict[Circle | None, int] = {circle: n for n, circle in enumerate(Circle)}
        people = sorted(
            data.placed,
            key=lambda c: (
                circles.get(c.circle, len(circles)),
                c.role is None,
                str(c.role or ""),
                c.display_name,
            ),
        )
        table = {
            ws.t("field.name"): [c.display_name for c in people],
            ws.t("field.circle"): [label(c.circle, lang) for c in people],
            ws.t("field.role"): [label(c.role, lang) for c in people],
            ws.t("field.quadrant"): [
                label(getattr(data.score(c), "quadrant", None), lang) for c in people
            ],
        }
    ws.set_scratch("map.sunburst_table", (network, scores, lang, chosen, table))
    return table


# A multiselect's list that Esc or a click elsewhere has closed fades out for 120 ms, invisible
# but still catching the pointer. The circle filter stands low in the sidebar, so its list opens
# upward over « Effacer les filtres »: a click on the button in that moment fell on the fading
# list and did nothing (tests/e2e/test_map_filters.py). A closing list lets the pointer through.
# Only a static style: no participant text.
_CLOSING_LISTS_LET_CLICKS_THROUGH = """<style>
[data-testid="stMultiSelectDropdown"][data-exiting],
[data-testid="stMultiSelectDropdown"][data-exiting] * { pointer-events: none !important; }
</style>"""


def _reset(ws: Workspace) -> None:
    """Clears the filters, as the click found them (its run carries their latest values)."""
    current: ChartFilter = ws.scratch(_FILTER, NO_FILTER)
    if not _filtering(ws, current, ws.resets(_FILTER_WIDGETS)):
        ws.flash(Level.TOAST, ws.t("map.filter.nothing_to_clear"))
        return
    ws.set_scratch(_FILTER, NO_FILTER)
    ws.reset_widgets(_FILTER_WIDGETS)


def _filtering(ws: Workspace, current: ChartFilter, version: int) -> bool:
    """Whether the filters, as the participant has just left them, keep anyone out.

    Read from the filters' values in the session, which the click's run already carries, so
    « Effacer les filtres » sees a filter set just before it even if the page did not yet; a
    filter not drawn yet under this version keeps what was chosen before.
    """

    def chosen(name: str, before: object) -> Any:
        value = ws.widget_value(f"map.filter.{name}.{version}")
        return before if value is None else value

    return ChartFilter.of(
        chosen("circles", list(current.circles)),
        chosen("roles", list(current.roles)),
        chosen("quadrants", list(current.quadrants)),
        chosen("qualified", current.qualified_only),
    ).is_active


def filter_controls(ws: Workspace) -> ChartFilter:
    """The filters, in the sidebar; what they keep is what every chart of the page shows."""
    current: ChartFilter = ws.scratch(_FILTER, NO_FILTER)
    version = ws.resets(_FILTER_WIDGETS)
    everything = ws.t("map.filter.all")
    with st.sidebar:
        st.subheader(ws.t("map.filters"), anchor=False)
        # The reset button always stands here, above the filters, and always takes a click: it
        # neither appears nor moves when a filter changes. It is never switched off while nothing
        # is filtered: the browser learns that a filter was just set only when the run it starts
        # is over, which takes seconds on a busy server, and a click in that moment fell on a
        # switched-off button (tests/e2e/test_map_filters.py). With nothing to clear it says so.
        st.button(
            ws.t("map.filter.reset"),
            key="map.filter.reset",
            icon=":material/filter_alt_off:",
            on_click=_reset,
            args=(ws,),
        )
        circles = st.multiselect(
            ws.t("field.circle"),
            list(Circle),
            default=[c for c in Circle if c in current.circles],
            format_func=lambda circle: label(circle, ws.lang),
            placeholder=everything,
            key=f"map.filter.circles.{version}",
        )
        role_options = [r for c in (circles or Circle) for r in roles_of(c, with_other=False)]
        role_options.append(Role.OTHER)
        roles = st.multiselect(
            ws.t("field.role"),
            role_options,
            default=[r for r in role_options if r in current.roles],
            format_func=lambda role: label(role, ws.lang),
            placeholder=everything,
            key=f"map.filter.roles.{version}",
        )
        quadrants = st.multiselect(
            ws.t("field.quadrant"),
            list(QUADRANT_PRIORITY),
            default=[q for q in QUADRANT_PRIORITY if q in current.quadrants],
            format_func=lambda quadrant: label(quadrant, ws.lang),
            placeholder=everything,
            key=f"map.filter.quadrants.{version}",
        )
        qualified_only = st.toggle(
            ws.t("map.filter.qualified_only"),
            value=current.qualified_only,
            key=f"map.filter.qualified.{version}",
        )
        chosen = ChartFilter.of(
            circles, [r for r in roles if r in role_options], quadrants, qualified_only
        )
        ws.set_scratch(_FILTER, chosen)
        if chosen.is_active:
            kept = len(chosen.apply(ws.network, ws.scores()))
            st.caption(ws.t("map.filter.kept", kept=kept, total=len(ws.network)))
        st.html(_CLOSING_LISTS_LET_CLICKS_THROUGH)
    return chosen


def colour_choice(ws: Workspace) -> ColourBy:
    """Whether the sunburst colours people by quadrant or by relationship strength."""
    choice = st.segmented_control(
        ws.t("map.colour_by"),
        options=list(ColourBy),
        default=ws.scratch(_COLOUR, ColourBy.QUADRANT),
        format_func=lambda option: ws.t(option.label_key),
        key=_COLOUR,
    )
    choice = choice or ColourBy.QUADRANT
    ws.set_scratch(_COLOUR, choice)
    return choice


def reading(ws: Workspace, chart: MapChart, *, with_title: bool = False) -> None:
    """How to read the chart, in one line above it."""
    if with_title:
        st.subheader(ws.t(f"map.chart.{chart.value}.title"), anchor=False)
    st.caption(ws.t(f"map.chart.{chart.value}.reading"))


def show_radars(ws: Workspace, chosen: ChartFilter) -> None:
    """The criteria radar, then the five-marks radar once the marks were assessed."""
    reading(ws, MapChart.RADAR, with_title=True)
    show_chart(ws, MapChart.RADAR, chosen)
    marks = figure_for(ws, MapChart.MARKS, chosen)
    if isinstance(marks, ChartUnavailable):
        st.caption(marks.text(ws.lang))
        return
    reading(ws, MapChart.MARKS, with_title=True)
    show_chart(ws, MapChart.MARKS, chosen)


def show_notices(ws: Workspace, chosen: ChartFilter) -> None:
    """What the charts leave out (contacts to place or to qualify, an empty circle), once."""
    found = notices(ChartData.of(ws.network, ws.scores(), ws.lang, chosen))
    if found:
        st.info("\n".join(f"- {notice.text(ws.lang)}" for notice in found), icon=":material/info:")


def has_links(ws: Workspace) -> bool:
    """Whether at least one pair of the network's contacts is answered (« Qui connaît qui »)."""
    return bool(ws.workbook.links.restricted_to(ws.network.ids).pairs)


def _open_links_step(ws: Workspace) -> None:
    ws.set_scratch(QUALIFY_MODE, "links")


def links_invitation(ws: Workspace) -> None:
    """One line inviting to say who knows whom, with the way to the step: no empty chart."""
    text_col, go_col = st.columns([3, 1], vertical_alignment="center")
    text_col.caption(ws.t("map.links.invitation"))
    if go_col.button(
        ws.t("map.links.go"),
        key="map.links.go",
        icon=":material/arrow_forward:",
        on_click=_open_links_step,
        args=(ws,),
    ):
        st.switch_page(pages.QUALIFY.path)

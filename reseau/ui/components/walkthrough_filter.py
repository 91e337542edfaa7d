"""The walkthrough filter (everyone, one circle, the unsorted) the card and the table share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from streamlit.delta_generator import DeltaGenerator

from reseau import walkthrough
from reseau.i18n import label
from reseau.ui.state import Workspace
from reseau.ui.widgets import labelled_key
from reseau.vocabulary import Circle


def filter_labels(ws: Workspace) -> dict[str, str]:
    """The name of each walkthrough filter, to show in a selectbox."""
    return {
        value: ws.t(f"qualify.filter.{value}")
        if value in (walkthrough.ALL, walkthrough.UNSORTED)
        else label(Circle(value), ws.lang)
        for value in walkthrough.FILTERS
    }


def filter_select(
    where: DeltaGenerator,
    ws: Workspace,
    base: str,
    current: str,
    on_pick: Callable[[str], None],
    width: int | Literal["stretch"] = "stretch",
) -> None:
    """The filter's selectbox; `on_pick` gets the filter chosen (never anything else)."""
    names = filter_labels(ws)
    key = labelled_key(base, [names[value] for value in walkthrough.FILTERS])

    def picked() -> None:
        wanted = ws.widget_value(key)
        if wanted in walkthrough.FILTERS:
            on_pick(wanted)

    where.selectbox(
        ws.t("qualify.filter"),
        walkthrough.FILTERS,
        index=walkthrough.FILTERS.index(current) if current in walkthrough.FILTERS else 0,
        format_func=names.__getitem__,
        key=key,
        on_change=picked,
        width=width,
    )

"""The walkthrough filter (everyone, one circle, the unsorted) the card and the table share."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from typing import Literal

from streamlit.delta_generator import DeltaGenerator

from reseau import walkthrough
from reseau.i18n import label
from reseau.ui.state import Workspace
from reseau.vocabulary import Circle


def labelled_key(base: str, labels: Sequence[str]) -> str:
    """A selectbox key that changes whenever one of its labels does.

    A browser sends back the label a selectbox last showed, not a value: once a label changes
    (a ✓ when a contact becomes qualified, another language), the old label no longer names an
    option and Streamlit hands it to the callback as if the participant had chosen it. A new
    key makes a new widget that starts on the option the app chooses.
    """
    digest = zlib.crc32("\x1f".join(labels).encode("utf-8"))
    return f"{base}.{digest:08x}"


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

"""The look every chart shares: projector-sized fonts, the palette's colours, escaped user text.

Colours come from `reseau.palette` only (tints are mixed from them), so a circle or a quadrant
has the same colour in every chart and in the Excel export.
"""

from __future__ import annotations

from typing import Any

from reseau.i18n import Lang
from reseau.palette import CENTRE_COLOUR, INK, UNQUALIFIED_COLOUR

FONT_FAMILY = '"Source Sans 3", "Source Sans Pro", "Segoe UI", Arial, sans-serif'
# Sizes chosen so the back row of a training room can read them on a projector: no chart text
# below 18 px at projector sizes.
BASE_FONT = 18
TITLE_FONT = 20
LABEL_FONT = 18
HOVER_FONT = 18
LEGEND_FONT = 18
# On a phone the same texts are smaller, and fewer (names come on tap).
COMPACT_FONT = 14
CHART_HEIGHT = 680
MUTED = "#5B6573"  # secondary text: INK lightened, still 6:1 on white
GRID = "#D5DAE1"
BACKGROUND = "#FFFFFF"


def escape(text: str) -> str:
    """User text made inert for plotly, which reads a subset of HTML in labels and hovers."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tint(colour: str, amount: float) -> str:
    """The colour mixed with white: 0 keeps it, 1 gives white."""
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#{:02X}{:02X}{:02X}".format(*mixed)


def rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red},{green},{blue},{alpha})"


# Relationship strength from weak (light) to strong (the centre's dark blue): one hue only,
# so it reads the same for every form of colour blindness and in greyscale.
STRENGTH_LOW = tint(CENTRE_COLOUR, 0.85)
STRENGTH_HIGH = CENTRE_COLOUR
STRENGTH_SCALE: list[list[Any]] = [[0.0, STRENGTH_LOW], [1.0, STRENGTH_HIGH]]


def strength_colour(score: float | None) -> str:
    """The colour of a relationship strength (0-100) on the strength scale."""
    if score is None:
        return UNQUALIFIED_COLOUR
    share = min(max(score / 100, 0.0), 1.0)
    low = [int(STRENGTH_LOW[i : i + 2], 16) for i in (1, 3, 5)]
    high = [int(STRENGTH_HIGH[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(lo + (hi - lo) * share) for lo, hi in zip(low, high, strict=True))
    return "#{:02X}{:02X}{:02X}".format(*mixed)


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on this background."""
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    channels = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return INK if luminance > 0.33 else "#FFFFFF"


def base_layout(lang: Lang, *, height: int = CHART_HEIGHT, **extra: Any) -> dict[str, Any]:
    """Layout settings shared by every chart; `extra` adds to them (dicts are merged)."""
    layout: dict[str, Any] = {
        "height": height,
        "font": {"family": FONT_FAMILY, "size": BASE_FONT, "color": INK},
        "paper_bgcolor": BACKGROUND,
        "plot_bgcolor": BACKGROUND,
        "margin": {"l": 20, "r": 20, "t": 30, "b": 20},
        "hoverlabel": {
            "font": {"family": FONT_FAMILY, "size": HOVER_FONT, "color": INK},
            "bgcolor": "#FFFFFF",
            "bordercolor": GRID,
            "align": "left",
        },
        "legend": {
            "font": {"size": LEGEND_FONT},
            "itemsizing": "constant",
            "bgcolor": "rgba(255,255,255,0.85)",
        },
        "separators": ", " if lang is Lang.FR else ".,",
    }
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(layout.get(key), dict):
            layout[key] = {**layout[key], **value}
        else:
            layout[key] = value
    return layout


def wrap(text: str, width: int = 12) -> str:
    """Catalogue text broken over two lines when long, so it fits a narrow sector."""
    if len(text) <= width or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, char in enumerate(text) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}<br>{text[cut + 1 :]}"


def hover_lines(*lines: str) -> str:
    """Hover text from lines already escaped; empty lines are left out."""
    return "<br>".join(line for line in lines if line)


def bold(text: str) -> str:
    return f"<b>{text}</b>"

"""One colour per circle and per quadrant, the same in every chart and in the Excel export.

Colours come from the Okabe-Ito palette, which stays distinct for the common forms of colour
blindness; circles and quadrants use different hues so the two are never confused.
"""

from __future__ import annotations

from reseau.vocabulary import Circle, Quadrant

CIRCLE_COLOURS: dict[Circle, str] = {
    Circle.INFORMATION: "#0072B2",  # blue
    Circle.SUPPORT: "#CC79A7",  # reddish purple
    Circle.OPERATIONAL: "#009E73",  # bluish green
}
QUADRANT_COLOURS: dict[Quadrant, str] = {
    Quadrant.DEVELOP: "#D55E00",  # vermillion: invest now
    Quadrant.MOBILISE: "#E69F00",  # orange
    Quadrant.MAINTAIN: "#56B4E9",  # sky blue
    Quadrant.WATCH: "#8C8C8C",  # grey
}
UNSORTED_COLOUR = "#BDBDBD"
UNQUALIFIED_COLOUR = "#D9D9D9"
INK = "#1C2430"
CENTRE_COLOUR = "#1F4E79"


def circle_colour(circle: Circle | None) -> str:
    return UNSORTED_COLOUR if circle is None else CIRCLE_COLOURS[circle]


def quadrant_colour(quadrant: Quadrant | None) -> str:
    return UNQUALIFIED_COLOUR if quadrant is None else QUADRANT_COLOURS[quadrant]


def hex_argb(colour: str) -> str:
    """'#0072B2' as openpyxl's 'FF0072B2'."""
    return "FF" + colour.lstrip("#").upper()

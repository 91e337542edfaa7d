"""Where to write a name beside its point so that no two names overlap.

Plotly draws text where it is told, overlaps included. This greedy placer tries the usual
positions around each point (most important points first) against the boxes already taken,
estimated in pixels, and leaves a name off when no position is free: the name stays in the hover.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

CHAR_WIDTH = 0.56  # average glyph width, as a share of the font size
LINE_HEIGHT = 1.2
PAD = 2.0


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    def overlaps(self, other: Box) -> bool:
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.top <= other.bottom
            or other.top <= self.bottom
        )


def _box_for(x: float, y: float, radius: float, width: float, height: float, where: str) -> Box:
    gap = radius + PAD
    if where == "middle right":
        return Box(x + gap, y - height / 2, x + gap + width, y + height / 2)
    if where == "middle left":
        return Box(x - gap - width, y - height / 2, x - gap, y + height / 2)
    if where == "top center":
        return Box(x - width / 2, y + gap, x + width / 2, y + gap + height)
    if where == "bottom center":
        return Box(x - width / 2, y - gap - height, x + width / 2, y - gap)
    diagonal = radius * 0.7 + PAD
    dx = diagonal if "right" in where else -diagonal - width
    dy = diagonal if "top" in where else -diagonal - height
    return Box(x + dx, y + dy, x + dx + width, y + dy + height)


def _preferred(dx: float, dy: float) -> list[str]:
    """Positions to try, the one pointing away from the chart's centre first."""
    side = "right" if dx >= 0 else "left"
    other = "left" if side == "right" else "right"
    vertical = "top" if dy >= 0 else "bottom"
    flip = "bottom" if vertical == "top" else "top"
    if abs(dx) >= abs(dy):
        first = [f"middle {side}", f"{vertical} {side}", f"{flip} {side}"]
    else:
        first = [f"{vertical} center", f"{vertical} {side}", f"{vertical} {other}"]
    rest = ["middle right", "middle left", "top center", "bottom center"]
    rest += ["top right", "top left", "bottom right", "bottom left"]
    return first + [p for p in rest if p not in first]


@dataclass(frozen=True)
class Placement:
    """A name beside its point (`position`), or away from it with a leader line (`offset`)."""

    text: str = ""
    position: str = "middle right"
    offset: tuple[float, float] | None = None


def _offset_candidates(dx: float, dy: float) -> list[tuple[float, float]]:
    """Spots farther from the point, pointing away from the centre first."""
    outward = math.atan2(dy, dx) if (dx or dy) else 0.0
    spots = []
    for distance in (34.0, 50.0, 68.0):
        for step in range(16):
            turn = (step + 1) // 2 * (1 if step % 2 else -1) * math.pi / 8
            spots.append((distance * math.cos(outward + turn), distance * math.sin(outward + turn)))
    return spots


def place_labels(
    points: Sequence[tuple[float, float]],
    texts: Sequence[str],
    radii: Sequence[float],
    *,
    font_size: float,
    order: Sequence[int] | None = None,
    centre: tuple[float, float] = (0.0, 0.0),
    obstacles: Sequence[Box] = (),
    bounds: Box | None = None,
    limit: int | None = None,
    fallbacks: Sequence[str] | None = None,
    leaders: bool = True,
) -> list[Placement]:
    """Where to write each point's text (points in pixels, y upwards); empty when none fits.

    `fallbacks` gives a shorter text per point (initials) tried where the full one does not fit;
    without `leaders`, a text is never moved away from its point.
    """
    placements = [Placement() for _ in points]
    taken: list[Box] = list(obstacles)
    taken += [Box(x - r, y - r, x + r, y + r) for (x, y), r in zip(points, radii, strict=True)]
    marker_count = len(taken)
    placed = 0
    for index in order if order is not None else range(len(points)):
        if limit is not None and placed >= limit:
            break
        x, y = points[index]
        own = marker_count - len(points) + index
        candidates = [texts[index]]
        if fallbacks is not None and fallbacks[index] != texts[index]:
            candidates.append(fallbacks[index])
        placement = _place_one(
            (x, y),
            radii[index],
            [text for text in candidates if text],
            font_size,
            centre,
            partial(_free, own=own, taken=taken, bounds=bounds),
            leaders,
        )
        if placement is not None:
            placements[index], box = placement
            taken.append(box)
            placed += 1
    return placements


def _free(box: Box, own: int, taken: Sequence[Box], bounds: Box | None) -> bool:
    inside = bounds is None or (
        bounds.left <= box.left
        and box.right <= bounds.right
        and bounds.bottom <= box.bottom
        and box.top <= bounds.top
    )
    return inside and not any(box.overlaps(other) for i, other in enumerate(taken) if i != own)


def _place_one(
    point: tuple[float, float],
    radius: float,
    texts: Sequence[str],
    font_size: float,
    centre: tuple[float, float],
    free: Callable[[Box], bool],
    leaders: bool,
) -> tuple[Placement, Box] | None:
    """The first free spot for the first text that fits one: beside the point, then away."""
    x, y = point
    height = font_size * LINE_HEIGHT
    for text in texts:
        width = len(text) * font_size * CHAR_WIDTH
        for where in _preferred(x - centre[0], y - centre[1]):
            box = _box_for(x, y, radius, width, height, where)
            if free(box):
                return Placement(text, where), box
    if not leaders:
        return None
    for text in texts:
        width = len(text) * font_size * CHAR_WIDTH
        for dx, dy in _offset_candidates(x - centre[0], y - centre[1]):
            cx, cy = x + dx, y + dy
            box = Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
            if free(box):
                return Placement(text, offset=(dx, dy)), box
    return None

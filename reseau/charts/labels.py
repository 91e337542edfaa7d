"""Where to write a name beside its point so that no two names overlap.

Plotly draws text where it is told, overlaps included. This greedy placer tries the usual
positions around each point (most important points first) against the boxes already taken,
estimated in pixels, and leaves a name off when no position is free: the name stays in the hover.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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
) -> list[Placement]:
    """Where to write each point's text (points in pixels, y upwards); empty when none fits."""
    placements = [Placement() for _ in points]
    taken: list[Box] = list(obstacles)
    taken += [Box(x - r, y - r, x + r, y + r) for (x, y), r in zip(points, radii, strict=True)]
    marker_count = len(taken)
    height = font_size * LINE_HEIGHT
    placed = 0
    for index in order if order is not None else range(len(points)):
        if limit is not None and placed >= limit:
            break
        text = texts[index]
        if not text:
            continue
        x, y = points[index]
        width = len(text) * font_size * CHAR_WIDTH
        own = marker_count - len(points) + index

        def free(box: Box, own: int = own) -> bool:
            inside = bounds is None or (
                bounds.left <= box.left
                and box.right <= bounds.right
                and bounds.bottom <= box.bottom
                and box.top <= bounds.top
            )
            return inside and not any(
                box.overlaps(other) for i, other in enumerate(taken) if i != own
            )

        for where in _preferred(x - centre[0], y - centre[1]):
            box = _box_for(x, y, radii[index], width, height, where)
            if free(box):
                taken.append(box)
                placements[index] = Placement(text, where)
                placed += 1
                break
        else:
            for dx, dy in _offset_candidates(x - centre[0], y - centre[1]):
                cx, cy = x + dx, y + dy
                box = Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
                if free(box):
                    taken.append(box)
                    placements[index] = Placement(text, offset=(dx, dy))
                    placed += 1
                    break
    return placements

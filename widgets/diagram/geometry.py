"""Plain geometry of diagrams (no Qt): where an arrow leaves a node, snapping, alignment and distribution."""

from __future__ import annotations

import math
from typing import Mapping

from app.shapes import exit_distance, outline

Point = tuple[float, float]
Size = tuple[float, float]

ALIGNMENTS = ("left", "center", "right", "top", "middle", "bottom")


def exit_point(shape: str, centre: Point, size: Size, toward: Point, gap: float = 0.0) -> Point:
    """Where the ray from `centre` toward `toward` leaves a node of `shape` and `size`, `gap` beyond its border."""
    cx, cy = centre
    dx, dy = toward[0] - cx, toward[1] - cy
    length = math.hypot(dx, dy)
    if length < 1e-9:
        return centre
    ux, uy = dx / length, dy / length
    hw, hh = size[0] / 2, size[1] / 2
    if shape == "ellipse":
        t = 1.0 / math.sqrt((ux / hw) ** 2 + (uy / hh) ** 2)
    elif shape in ("hexagon", "octagon"):
        t = exit_distance(outline(shape, size), 0.0, 0.0, ux, uy)
    else:
        tx = hw / abs(ux) if abs(ux) > 1e-9 else math.inf
        ty = hh / abs(uy) if abs(uy) > 1e-9 else math.inf
        t = min(tx, ty)
    t = min(t + gap, length)
    return cx + ux * t, cy + uy * t


def snap(value: float, step: float) -> float:
    """`value` rounded to the nearest multiple of `step`."""
    return round(value / step) * step if step > 0 else value


def align(positions: Mapping[str, Point], sizes: Mapping[str, Size], how: str) -> dict[str, Point]:
    """Centres after aligning the nodes' left, centre or right edges (or top, middle, bottom)."""
    if how not in ALIGNMENTS:
        raise ValueError(f"unknown alignment {how!r}")
    if len(positions) < 2:
        return dict(positions)
    horizontal = how in ("left", "center", "right")
    axis = 0 if horizontal else 1
    half = {n: sizes[n][axis] / 2 for n in positions}
    if how in ("left", "top"):
        edge = min(positions[n][axis] - half[n] for n in positions)
        target = {n: edge + half[n] for n in positions}
    elif how in ("right", "bottom"):
        edge = max(positions[n][axis] + half[n] for n in positions)
        target = {n: edge - half[n] for n in positions}
    else:
        lo = min(positions[n][axis] - half[n] for n in positions)
        hi = max(positions[n][axis] + half[n] for n in positions)
        target = {n: (lo + hi) / 2 for n in positions}
    return {n: ((target[n], y) if horizontal else (x, target[n])) for n, (x, y) in positions.items()}


def distribute(positions: Mapping[str, Point], sizes: Mapping[str, Size], axis: str) -> dict[str, Point]:
    """Centres after spacing the nodes evenly along "horizontal" or "vertical", the outermost two staying put.

    The gaps between neighbours' edges become equal, so nodes of different sizes look evenly spaced.
    """
    if axis not in ("horizontal", "vertical"):
        raise ValueError(f"unknown axis {axis!r}")
    if len(positions) < 3:
        return dict(positions)
    i = 0 if axis == "horizontal" else 1
    order = sorted(positions, key=lambda n: (positions[n][i], n))
    first, last = order[0], order[-1]
    start = positions[first][i] + sizes[first][i] / 2
    end = positions[last][i] - sizes[last][i] / 2
    inner = order[1:-1]
    gap = (end - start - sum(sizes[n][i] for n in inner)) / (len(inner) + 1)
    result = dict(positions)
    edge = start
    for n in inner:
        centre = edge + gap + sizes[n][i] / 2
        x, y = positions[n]
        result[n] = (centre, y) if i == 0 else (x, centre)
        edge = centre + sizes[n][i] / 2
    return result


def bounds(positions: Mapping[str, Point], sizes: Mapping[str, Size]) -> tuple[float, float, float, float] | None:
    """(left, top, right, bottom) around the nodes, or None when there are none."""
    if not positions:
        return None
    left = min(x - sizes[n][0] / 2 for n, (x, _) in positions.items())
    right = max(x + sizes[n][0] / 2 for n, (x, _) in positions.items())
    top = min(y - sizes[n][1] / 2 for n, (_, y) in positions.items())
    bottom = max(y + sizes[n][1] / 2 for n, (_, y) in positions.items())
    return left, top, right, bottom

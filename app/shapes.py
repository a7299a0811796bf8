"""Node outlines as polygons, shared by the diagram on screen and the exported pictures (pure geometry, no Qt)."""

from __future__ import annotations

import math

Point = tuple[float, float]


def outline(shape: str, size: tuple[float, float]) -> list[Point]:
    """The corners of a polygonal node shape ("hexagon", "octagon"; a box otherwise) centred on (0, 0)."""
    hw, hh = size[0] / 2, size[1] / 2
    if shape == "hexagon":
        i = min(22.0, size[0] / 6)
        return [(-hw + i, -hh), (hw - i, -hh), (hw, 0.0), (hw - i, hh), (-hw + i, hh), (-hw, 0.0)]
    if shape == "octagon":
        c = min(18.0, size[1] / 4)
        return [(-hw + c, -hh), (hw - c, -hh), (hw, -hh + c), (hw, hh - c), (hw - c, hh), (-hw + c, hh),
                (-hw, hh - c), (-hw, -hh + c)]
    return [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]


def exit_distance(corners: list[Point], ox: float, oy: float, ux: float, uy: float) -> float:
    """Distance from (ox, oy) inside a convex polygon along the unit direction (ux, uy) to its border."""
    best = math.inf
    for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1], strict=True):
        ex, ey = bx - ax, by - ay
        denom = ux * ey - uy * ex
        if abs(denom) < 1e-12:
            continue
        t = ((ax - ox) * ey - (ay - oy) * ex) / denom
        u = ((ax - ox) * uy - (ay - oy) * ux) / denom
        if t > 0 and -1e-9 <= u <= 1 + 1e-9:
            best = min(best, t)
    return 0.0 if best == math.inf else best

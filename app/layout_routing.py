"""Arrows routed around nodes: a straight line when it is clear, else a polyline bending round the nodes in its way."""

from __future__ import annotations

import heapq
import math
from typing import Iterable, Mapping, Sequence

from app.layout_geometry import BoxIndex, Point, Size

CLEARANCE = 14.0
"""How far a routed arrow keeps from the nodes it passes."""
MAX_BLOCKING = 6
"""An arrow whose straight line crosses more nodes than this stays straight (a long arrow over a crowded drawing
would take seconds to route and read no better)."""
MAX_CORNERS = 16
MAX_BENDS = 4
"""An arrow bends at most this many times."""
MAX_EXPANSIONS = 80
"""The search for a clear path gives up (the arrow stays straight) after this many corners tried."""
"""At most this many candidate corners are tried per arrow (those of the nodes nearest its straight line)."""


def segment_hits_box(a: Point, b: Point, centre: Point, size: Size, margin: float = 0.0) -> bool:
    """Whether the segment a–b passes through the box (grown by `margin` on every side)."""
    left, right = centre[0] - size[0] / 2 - margin, centre[0] + size[0] / 2 + margin
    top, bottom = centre[1] - size[1] / 2 - margin, centre[1] + size[1] / 2 + margin
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if abs(p) < 1e-12:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


class Obstacles:
    """Node boxes in a spatial index, to find those an arrow's leg would cross."""

    def __init__(self, boxes: Mapping[str, tuple[Point, Size]]) -> None:
        self.boxes = dict(boxes)
        self._index = BoxIndex(0.0)
        for key, (centre, size) in self.boxes.items():
            self._index.add(key, centre, size)

    def crossed(self, a: Point, b: Point, skip: Iterable[str] = (), margin: float = 0.0) -> list[str]:
        """Keys of the boxes the segment a–b passes through (grown by `margin`), but those in `skip`."""
        centre = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        size = (abs(b[0] - a[0]) + 2 * margin, abs(b[1] - a[1]) + 2 * margin)
        left_out = set(skip)
        return [str(k) for k in self._index.hits(centre, size)
                if k not in left_out and segment_hits_box(a, b, *self.boxes[str(k)], margin)]


def route(start: str, end: str, obstacles: Obstacles, clearance: float = CLEARANCE) -> list[Point]:
    """The bends of an arrow from node `start` to node `end` (centre to centre) that passes no other node.

    [] when the straight line is clear; else the shortest clear path found through corners of the nodes in the
    way (a best-first search from the start: from each corner reached, the corners of what blocks its line to the
    end); [] again when none is found within MAX_EXPANSIONS steps (a node boxed in on every side).
    """
    a, b = obstacles.boxes[start][0], obstacles.boxes[end][0]
    ends = (start, end)
    graze = clearance / 2  # a leg passing closer than this to a node counts as crossing it
    blocking = obstacles.crossed(a, b, ends, graze)
    if not blocking:
        return []
    if len(blocking) > MAX_BLOCKING:
        return []
    frontier: list[tuple[float, float, Point, tuple[Point, ...]]] = [(math.dist(a, b), 0.0, a, ())]
    seen: set[Point] = set()
    for _ in range(MAX_EXPANSIONS):
        if not frontier:
            break
        _, walked, here, bends = heapq.heappop(frontier)
        if here in seen:
            continue
        seen.add(here)
        ahead = blocking if here == a else obstacles.crossed(here, b, ends, graze)
        if not ahead:
            return list(bends)
        if len(bends) >= MAX_BENDS:
            continue
        for corner in _corners(ahead, obstacles, clearance, here, b):
            if corner not in seen and not obstacles.crossed(here, corner, ends, graze):
                so_far = walked + math.dist(here, corner)
                heapq.heappush(frontier, (so_far + math.dist(corner, b), so_far, corner, (*bends, corner)))
    return []


def _corners(keys: Sequence[str], obstacles: Obstacles, clearance: float, a: Point, b: Point) -> list[Point]:
    """The corners of the given boxes, `clearance` out, not inside any other box, nearest the line a–b first."""
    found: list[Point] = []
    for key in keys:
        (x, y), (w, h) = obstacles.boxes[key]
        dx, dy = w / 2 + clearance, h / 2 + clearance
        for corner in ((x - dx, y - dy), (x + dx, y - dy), (x + dx, y + dy), (x - dx, y + dy)):
            if not obstacles.crossed(corner, corner, margin=clearance / 2):
                found.append(corner)
    found.sort(key=lambda c: _distance_to_line(c, a, b))
    return found[:MAX_CORNERS]


def _distance_to_line(p: Point, a: Point, b: Point) -> float:
    length = math.dist(a, b) or 1.0
    return abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / length


def route_all(arrows: Iterable[tuple[str, str]], boxes: Mapping[str, tuple[Point, Size]],
              clearance: float = CLEARANCE) -> list[list[Point]]:
    """The bends of every arrow (from, to) among the nodes `boxes` (centre, size by id)."""
    obstacles = Obstacles(boxes)
    return [route(a, b, obstacles, clearance) if a in boxes and b in boxes else [] for a, b in arrows]


def crossings(arrows: Iterable[tuple[str, str]], routes: Sequence[Sequence[Point]],
              boxes: Mapping[str, tuple[Point, Size]]) -> int:
    """How many times an arrow (drawn through its bends) passes a node other than its two ends."""
    obstacles = Obstacles(boxes)
    count = 0
    for (a, b), bends in zip(arrows, routes, strict=True):
        points = [boxes[a][0], *bends, boxes[b][0]]
        hit: set[str] = set()
        for p, q in zip(points, points[1:], strict=False):
            hit.update(obstacles.crossed(p, q, (a, b)))
        count += len(hit)
    return count

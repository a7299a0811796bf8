"""Automatic layout, the geometry: packing a row without overlaps, finding overlapping boxes and free spots."""

from __future__ import annotations

import itertools
import math
from functools import lru_cache
from typing import Iterable, Mapping

Point = tuple[float, float]
Size = tuple[float, float]
Positions = dict[str, Point]
"""Node centres by node id."""

GAP = 40.0
"""Space between two boxes side by side."""
ROW_GAP = 30.0
"""Space between boxes stacked in a column (the rows of a wrapped layer, the council's column)."""
LAYER_GAP = 110.0
"""Space between layers, room for the arrows."""
COUNCIL_GAP = 160.0
"""Space between the drawing and the council's column beside it."""

CELL = 256.0
"""Side of a cell of the spatial hash that finds boxes near a point."""


def pack(targets: list[float], weights: list[float], spacing: list[float]) -> list[float]:
    """Positions in order, as near their targets as can be, each at least `spacing[i]` after the one before.

    Minimises the weighted sum of squared distances to the targets under those order and spacing constraints
    (isotonic regression by pooling adjacent violators, O(n)). `spacing[0]` is ignored.
    """
    offsets = []
    total = 0.0
    for i in range(len(targets)):
        if i:
            total += spacing[i]
        offsets.append(total)
    blocks: list[list[float]] = []  # [sum of weights, weighted sum of shifted targets, count]
    for target, weight, offset in zip(targets, weights, offsets, strict=True):
        blocks.append([weight, weight * (target - offset), 1])
        while len(blocks) > 1 and blocks[-2][1] * blocks[-1][0] > blocks[-1][1] * blocks[-2][0]:
            w, s, c = blocks.pop()
            blocks[-1][0] += w
            blocks[-1][1] += s
            blocks[-1][2] += c
    result: list[float] = []
    for w, s, c in blocks:
        value = s / w
        for _ in range(int(c)):
            result.append(value + offsets[len(result)])
    return result


def boxes_overlap(a: Point, a_size: Size, b: Point, b_size: Size, gap: float = 0.0) -> bool:
    """Whether two boxes given by centre and size come closer than `gap` on both axes (touching is not overlapping)."""
    return (abs(a[0] - b[0]) < (a_size[0] + b_size[0]) / 2 + gap - 1e-9
            and abs(a[1] - b[1]) < (a_size[1] + b_size[1]) / 2 + gap - 1e-9)


class BoxIndex:
    """Boxes (centre and size) in a spatial hash, to ask quickly whether a new box would overlap any."""

    def __init__(self, gap: float = 0.0) -> None:
        self.gap = gap
        self._cells: dict[tuple[int, int], list[tuple[object, Point, Size]]] = {}

    def _cell_range(self, centre: Point, size: Size, margin: float) -> Iterable[tuple[int, int]]:
        x0 = math.floor((centre[0] - size[0] / 2 - margin) / CELL)
        x1 = math.floor((centre[0] + size[0] / 2 + margin) / CELL)
        y0 = math.floor((centre[1] - size[1] / 2 - margin) / CELL)
        y1 = math.floor((centre[1] + size[1] / 2 + margin) / CELL)
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                yield cx, cy

    def add(self, key: object, centre: Point, size: Size) -> None:
        """Index the box of `key`."""
        for cell in self._cell_range(centre, size, 0.0):
            self._cells.setdefault(cell, []).append((key, centre, size))

    def hits(self, centre: Point, size: Size) -> list[object]:
        """Keys of the indexed boxes that a box here would overlap (closer than the index's gap)."""
        found: list[object] = []
        for cell in self._cell_range(centre, size, self.gap):
            for key, other, other_size in self._cells.get(cell, ()):
                if key not in found and boxes_overlap(centre, size, other, other_size, self.gap):
                    found.append(key)
        return found

    def is_free(self, centre: Point, size: Size) -> bool:
        """Whether a box here would keep the gap from every indexed box."""
        x, y = centre
        half_w, half_h = size[0] / 2 + self.gap, size[1] / 2 + self.gap
        cells = self._cells
        for cx in range(math.floor((x - half_w) / CELL), math.floor((x + half_w) / CELL) + 1):
            for cy in range(math.floor((y - half_h) / CELL), math.floor((y + half_h) / CELL) + 1):
                for _key, (ox, oy), (ow, oh) in cells.get((cx, cy), ()):
                    if abs(x - ox) < half_w + ow / 2 - 1e-9 and abs(y - oy) < half_h + oh / 2 - 1e-9:
                        return False
        return True

    def blocker(self, centre: Point, size: Size) -> tuple[Point, Size] | None:
        """Centre and size of one indexed box that a box here would come too close to, or None where it is free."""
        x, y = centre
        half_w, half_h = size[0] / 2 + self.gap, size[1] / 2 + self.gap
        cells = self._cells
        for cx in range(math.floor((x - half_w) / CELL), math.floor((x + half_w) / CELL) + 1):
            for cy in range(math.floor((y - half_h) / CELL), math.floor((y + half_h) / CELL) + 1):
                for _key, other, other_size in cells.get((cx, cy), ()):
                    if (abs(x - other[0]) < half_w + other_size[0] / 2 - 1e-9
                            and abs(y - other[1]) < half_h + other_size[1] / 2 - 1e-9):
                        return other, other_size
        return None


def overlapping_pairs(positions: Mapping[str, Point], sizes: Mapping[str, Size],
                      gap: float = 0.0) -> list[tuple[str, str]]:
    """Pairs of nodes whose boxes (centred at their positions) come closer than `gap`; [] for a clean layout."""
    index = BoxIndex(gap)
    pairs = []
    for node, centre in positions.items():
        for other in index.hits(centre, sizes[node]):
            pairs.append((str(other), node))
        index.add(node, centre, sizes[node])
    return pairs


@lru_cache(maxsize=8)
def _search_offsets(reach: int) -> tuple[tuple[int, int], ...]:
    """Grid offsets within `reach` steps, nearest first; a step sideways costs less than one up or down."""
    offsets = [(i, j) for i in range(-reach, reach + 1) for j in range(-reach, reach + 1)]
    offsets.sort(key=lambda o: (o[0] ** 2 + 4 * o[1] ** 2, abs(o[1]), o[1], o[0]))
    return tuple(offsets)


def free_spot(index: BoxIndex, wanted: Point, size: Size, reach: int = 24) -> Point | None:
    """The free place nearest `wanted` for a box of `size` (on a grid of half-box steps), or None within `reach`.

    A grid spot found taken marks every other grid spot the same box takes as taken too, so a crowded
    neighbourhood costs one look per box in it rather than one per grid spot (the answer is the same)."""
    step_x = (size[0] + index.gap) / 2
    step_y = (size[1] + index.gap) / 2
    wanted_x, wanted_y = wanted
    taken: set[tuple[int, int]] = set()
    for i, j in _search_offsets(reach):
        if (i, j) in taken:
            continue
        spot = (wanted_x + i * step_x, wanted_y + j * step_y)
        box = index.blocker(spot, size)
        if box is None:
            return spot
        taken.update(_spots_taken_by(box, index.gap, wanted, size, (step_x, step_y)))
    return None


def _spots_taken_by(box: tuple[Point, Size], gap: float, wanted: Point, size: Size,
                    step: tuple[float, float]) -> Iterable[tuple[int, int]]:
    """Grid offsets (as free_spot counts them from `wanted`) where a box of `size` would come too close to `box`.

    On each axis they form one run; its ends are tested with BoxIndex.blocker's own comparison, so the answer is
    exactly what it would say spot by spot."""
    (ox, oy), (ow, oh) = box
    columns = _run_within(wanted[0], step[0], ox, size[0] / 2 + gap + ow / 2 - 1e-9)
    rows = _run_within(wanted[1], step[1], oy, size[1] / 2 + gap + oh / 2 - 1e-9)
    return itertools.product(columns, rows)


def _run_within(start: float, step: float, centre: float, near: float) -> range:
    """The steps k with abs(start + k * step - centre) < near (one run, as the distance falls then grows)."""
    first = math.floor((centre - near - start) / step) - 1
    last = math.ceil((centre + near - start) / step) + 1
    while first <= last and not abs(start + first * step - centre) < near:
        first += 1
    while last >= first and not abs(start + last * step - centre) < near:
        last -= 1
    return range(first, last + 1)


def side_column(sizes: list[Size], left: float, middle: float, gap: float, per_column: int = 8) -> list[Point]:
    """Centres of boxes in balanced columns of at most `per_column` from `left`, the first centred on `middle`."""
    if not sizes:
        return []
    count = -(-len(sizes) // per_column)
    tall = -(-len(sizes) // count)
    columns = [sizes[i:i + tall] for i in range(0, len(sizes), tall)]
    top = middle - (sum(h for _, h in columns[0]) + gap * (len(columns[0]) - 1)) / 2
    centres: list[Point] = []
    for column in columns:
        width = max(w for w, _ in column)
        y = top
        for _, h in column:
            centres.append((left + width / 2, y + h / 2))
            y += h + gap
        left += width + gap
    return centres

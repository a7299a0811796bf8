"""Bundles for a zoomed-out diagram: the lines whose ends fall in the same two grid cells drawn as one.

Zoomed out, thousands of arrows between hundreds of parties are a haze in which nothing can be read. Grouping the
lines by the pair of grid cells their ends fall in (a cell being some 50 screen pixels) leaves a few hundred
bundles, each with a count, a number of problems and a dominant colour: a map of where the promises (or links)
run, thick where many do. No Qt here: numpy arrays in, numpy arrays out (30,000 lines in a few milliseconds).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, TypeVar

import numpy as np

T = TypeVar("T")
CELL_PIXELS = (40.0, 60.0)
"""A cell is this many screen pixels wide at the zoom it is chosen for (cell sizes step by their ratio, 1.5)."""
MAX_BUNDLES = 400
"""More bundles than this are a haze again (and cost more than a frame to stroke): the cells grow until fewer."""
MAX_CELL_PIXELS = 400.0
"""... but no wider than this on screen."""


@dataclass(frozen=True)
class Bundles:
    """One row per bundle: its ends (mean of its members' ends), how many lines (or their weight), how many of
    them with a problem, its dominant colour (an index into the caller's colours), and its group."""

    x1: np.ndarray
    y1: np.ndarray
    x2: np.ndarray
    y2: np.ndarray
    count: np.ndarray
    problems: np.ndarray
    colour: np.ndarray
    group: np.ndarray
    member: np.ndarray
    """For each line given, the row of its bundle."""

    def __len__(self) -> int:
        return len(self.count)

    def lengths(self) -> np.ndarray:
        """Each bundle's length in scene units."""
        return np.hypot(self.x2 - self.x1, self.y2 - self.y1)


def cell_size(scale: float, pixels: tuple[float, float] = CELL_PIXELS) -> float:
    """The cell size in scene units that is between `pixels` wide on screen at `scale` (a power of their ratio,
    so that nearby zooms share a cell size and its cached bundles)."""
    low, high = pixels
    ratio = high / low
    return float(ratio ** math.ceil(math.log(low / max(scale, 1e-9), ratio)))


def bundle_lines(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, cell: float, *,
                 problem: np.ndarray | None = None, weight: np.ndarray | None = None,
                 colour: np.ndarray | None = None, group: np.ndarray | None = None,
                 directed: bool = False) -> Bundles:
    """Group lines by the pair of `cell`-sized grid cells their ends fall in (either way round unless `directed`).

    `weight` counts each line as that many (a pair of parties with several promises), `problem` how many of them
    have a problem (summed), `colour` an integer code per line (the bundle takes the one with the most weight),
    `group` keeps lines of different groups apart (those faded by a focus, say)."""
    x1, y1, x2, y2 = (np.asarray(a, dtype=float).ravel() for a in (x1, y1, x2, y2))
    n = len(x1)
    ones = np.ones(n)
    weight = ones if weight is None else np.asarray(weight, dtype=float).ravel()
    problem = np.zeros(n) if problem is None else np.asarray(problem, dtype=float).ravel()
    colour = np.zeros(n, dtype=np.int64) if colour is None else np.asarray(colour, dtype=np.int64).ravel()
    group = np.zeros(n, dtype=np.int64) if group is None else np.asarray(group, dtype=np.int64).ravel()
    if n == 0:
        empty = np.zeros(0)
        no_ints = np.zeros(0, dtype=np.int64)
        return Bundles(empty, empty, empty, empty, empty, empty, no_ints, no_ints, no_ints)
    cx1, cy1 = np.floor(x1 / cell).astype(np.int64), np.floor(y1 / cell).astype(np.int64)
    cx2, cy2 = np.floor(x2 / cell).astype(np.int64), np.floor(y2 / cell).astype(np.int64)
    left, top = min(cx1.min(), cx2.min()), min(cy1.min(), cy2.min())
    rows = max(cy1.max(), cy2.max()) - top + 1
    first = (cx1 - left) * rows + (cy1 - top)
    second = (cx2 - left) * rows + (cy2 - top)
    if not directed:  # the same two cells either way round: the ends swapped so that their means agree
        swap = first > second
        first, second = np.where(swap, second, first), np.where(swap, first, second)
        x1, x2 = np.where(swap, x2, x1), np.where(swap, x1, x2)
        y1, y2 = np.where(swap, y2, y1), np.where(swap, y1, y2)
    cells = int(max(first.max(), second.max())) + 1
    groups = int(group.max()) + 1 if n else 1
    if cells * cells * groups < 2 ** 62:
        _keys, member = np.unique((group * cells + first) * cells + second, return_inverse=True)
    else:  # too many cells to pack in one integer
        _rows, member = np.unique(np.stack([group, first, second], axis=1), axis=0, return_inverse=True)
    member = member.ravel()
    size = int(member.max()) + 1
    lines = np.bincount(member, minlength=size)

    def mean(values: np.ndarray) -> np.ndarray:
        return np.bincount(member, weights=values, minlength=size) / lines

    count = np.bincount(member, weights=weight, minlength=size)
    problems = np.bincount(member, weights=problem, minlength=size)
    colours = _dominant(member, colour, weight, size)
    bundle_group = np.zeros(size, dtype=np.int64)
    bundle_group[member] = group
    return Bundles(mean(x1), mean(y1), mean(x2), mean(y2), count, problems, colours, bundle_group, member)


def _dominant(member: np.ndarray, colour: np.ndarray, weight: np.ndarray, size: int) -> np.ndarray:
    """The colour with the most weight in each bundle (the lowest code on a tie)."""
    if not len(colour) or colour.max() == colour.min():
        return np.full(size, colour[0] if len(colour) else 0, dtype=np.int64)
    low = int(colour.min())
    span = int(colour.max()) - low + 1
    keys, inverse = np.unique(member * span + (colour - low), return_inverse=True)
    totals = np.bincount(inverse.ravel(), weights=weight)
    bundle, code = keys // span, keys % span + low
    order = np.lexsort((-code, totals, bundle))  # by bundle, then weight; the last of each bundle wins
    last = np.ones(len(order), dtype=bool)
    last[:-1] = bundle[order][1:] != bundle[order][:-1]
    result = np.zeros(size, dtype=np.int64)
    result[bundle[order][last]] = code[order][last]
    return result


def fitting(cache: BundleCache, version: object, scale: float, make: Callable[[float], T],
            size: Callable[[T], int], budget: int = MAX_BUNDLES, max_pixels: float | None = MAX_CELL_PIXELS,
            start: float = 0.0) -> T:
    """The bundles at the finest cell (CELL_PIXELS wide on screen at `scale`, or `start` if wider: the cell found
    last time) that makes `size` at most `budget`, the cell growing by steps of 1.5 up to `max_pixels` on screen
    (no limit: None); each try is kept in `cache`."""
    cell = max(cell_size(scale), start)
    made = cache.get(version, cell, make)
    while size(made) > budget and (max_pixels is None or cell * 1.5 * scale <= max_pixels):
        cell *= 1.5
        made = cache.get(version, cell, make)
    return made


class BundleCache:
    """The bundles (or what a caller makes of them) of the last few (geometry version, cell size) keys, made by a
    function on a miss."""

    def __init__(self, keep: int = 12) -> None:
        self.keep = keep
        self._made: dict[tuple, object] = {}
        self.misses = 0
        """How many times the bundles were made afresh (for tests and benchmarks)."""

    def get(self, version: object, cell: float, make: Callable[[float], T]) -> T:
        """The bundles for `version` at `cell`, made by `make(cell)` when not kept."""
        key = (version, cell)
        if key not in self._made:
            self.misses += 1
            self._made[key] = make(cell)
            while len(self._made) > self.keep:
                del self._made[next(iter(self._made))]
        return self._made[key]  # type: ignore[return-value]

    def clear(self) -> None:
        """Forget every kept bundle."""
        self._made.clear()

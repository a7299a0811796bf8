"""A large promise map made lazily: arrow items only for the pairs of parties the view reaches at a readable zoom.

Above LAZY_PROMISES promises the map does not make an item per arrow when it opens (28,000 items took seconds).
A pair of parties gets its arrows (with numbers, signs, labels, hover cards) when the view shows it at a readable
zoom, when one of its promises is selected or revealed, or when one of its parties is pressed to be dragged.
Above KEEP_ARROWS items, the pairs reached longest ago give theirs back (not those of selected or dragged arrows
or parties): browsing a large map keeps a bounded number of items. Zoomed out, every promise is drawn in bundles
(widgets.diagram.bundles), and the overview says that it is a summary.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPainter, QPaintEvent

from widgets.diagram.lazy import LazyDiagramView, crossing, touching
from widgets.diagram.summary import draw_note

LAZY_PROMISES = 4000
"""From this many promises on, the map makes its arrow items lazily."""
KEEP_ARROWS = 4000
"""Above this many arrow items, those of the pairs reached longest ago (out of view) are released."""
PAIRS_PER_PAINT = 150
"""At most this many pairs get their arrow items before one paint (about 50 ms); the rest before the next ones."""

Pair = tuple[str, str]


class PairLines:
    """The summary lines of every pair of parties: both parties' centres, for drawing and for finding the pairs
    a rectangle reaches (numpy arrays, made again when the scene's geometry changes); `alive` marks the pairs
    without arrow items."""

    def __init__(self, pairs: list[Pair], centres: dict[str, tuple[float, float]],
                 drawn: set[Pair] | frozenset[Pair] = frozenset()) -> None:
        self.pairs = [p for p in pairs if p[0] in centres and p[1] in centres]
        ends = np.array([(*centres[a], *centres[b]) for a, b in self.pairs], dtype=float).reshape(-1, 4)
        self.x1, self.y1, self.x2, self.y2 = (np.ascontiguousarray(column) for column in ends.T)
        self.alive = np.array([p not in drawn for p in self.pairs], dtype=bool)
        """False for the pairs that have their arrow items."""
        self.index = {pair: i for i, pair in enumerate(self.pairs)}
        self.seen = np.zeros(len(self.pairs), dtype=np.int64)
        """For each pair, the last viewport (counted by the map) that reached it."""

    def drop(self, pairs: set[Pair]) -> None:
        """Leave out these pairs (they got their arrow items)."""
        for pair in pairs:
            i = self.index.get(pair)
            if i is not None:
                self.alive[i] = False

    def revive(self, pairs: set[Pair], centres: dict[str, tuple[float, float]]) -> bool:
        """Take these pairs back (their arrow items were released), at their parties' centres now; False when one
        of them is not among the lines (they must be made again)."""
        for pair in pairs:
            i = self.index.get(pair)
            if i is None or pair[0] not in centres or pair[1] not in centres:
                return False
            (self.x1[i], self.y1[i]), (self.x2[i], self.y2[i]) = centres[pair[0]], centres[pair[1]]
            self.alive[i] = True
        return True

    def near(self, rect: QRectF) -> np.ndarray:
        """Which pairs (items or not) have a party whose centre lies in `rect`, as a mask."""
        return touching(self.x1, self.y1, self.x2, self.y2, rect)

    def touching(self, rect: QRectF) -> list[Pair]:
        """The pairs with a party whose centre lies in `rect`."""
        if not self.pairs:
            return []
        inside = self.near(rect) & self.alive
        return [self.pairs[i] for i in np.nonzero(inside)[0]]

    def crossing(self, rect: QRectF) -> list[Pair]:
        """The pairs whose line runs through `rect`."""
        return [self.pairs[i] for i in self.crossing_at(rect)]

    def crossing_at(self, rect: QRectF) -> list[int]:
        """Where in `pairs` the pairs whose line runs through `rect` are: their boxes overlap, and the rectangle's
        corners do not all lie on one side of the line."""
        if not self.pairs:
            return []
        inside = crossing(self.x1, self.y1, self.x2, self.y2, rect) & self.alive
        return [int(i) for i in np.nonzero(inside)[0]]


class LazyPromiseView(LazyDiagramView):
    """The promise map's view: before painting at a readable zoom, and before a press, it lets the map make the
    arrow items that are about to be seen or dragged (widgets.diagram.lazy), and says what it leaves out."""

    left_out: Callable[[], int] | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        left_out = self.left_out() if self.left_out is not None and not self.in_overview() else 0
        if left_out:
            painter = QPainter(self.viewport())
            text = QCoreApplication.translate(
                "PromiseMap", "Arrows are drawn for the parties in view: %n promise(s) elsewhere are left out at this "
                              "zoom. Zoom out to see the whole map.", "", left_out)
            draw_note(painter, text, self.viewport().height())
            painter.end()

"""What a large diagram made lazily needs (the promise map's pairs, the structure's links): arrow items only for
what the view reaches, found with numpy over every arrow's two ends; a view that asks for them before it paints or
is pressed and draws lines under the items; arrows whose line that view draws, in one batch with all the others.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
from pyqtgraph.functions import arrayToQPath, create_qpolygonf, ndarray_from_qpolygonf
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from widgets.diagram.items import EdgeItem, NodeItem
from widgets.diagram.style import ARROW_SIZE, pens
from widgets.diagram.view import DiagramView

HAZE_PIXELS = 300_000
"""Above this many pixels of antialiased arrows (some 20 ms), the lines under the items are drawn at half resolution."""
Ends = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
"""Lines as four arrays: x1, y1, x2, y2 (scene units)."""


def touching(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, rect: QRectF) -> np.ndarray:
    """Which lines have an end in `rect` (a boolean mask)."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    return ((x1 >= left) & (x1 <= right) & (y1 >= top) & (y1 <= bottom)) \
        | ((x2 >= left) & (x2 <= right) & (y2 >= top) & (y2 <= bottom))


def crossing(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, rect: QRectF) -> np.ndarray:
    """Which lines run through `rect` (a boolean mask): their boxes overlap, and the rectangle's corners do not all
    lie on one side of the line."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    boxes = (np.minimum(x1, x2) <= right) & (np.maximum(x1, x2) >= left) \
        & (np.minimum(y1, y2) <= bottom) & (np.maximum(y1, y2) >= top)
    dx, dy = x2 - x1, y2 - y1
    sides = np.stack([dx * (cy - y1) - dy * (cx - x1)
                      for cx, cy in ((left, top), (right, top), (left, bottom), (right, bottom))])
    apart = (sides > 0).all(axis=0) | (sides < 0).all(axis=0)
    return boxes & ~apart


def clip_spans(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray,
               rect: QRectF) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where each line enters and leaves `rect` (0 at its start, 1 at its end) and whether it meets it at all
    (Liang–Barsky on every line at once)."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = np.zeros(len(x1)), np.ones(len(x1))
    missed = np.zeros(len(x1), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
            t = q / p
            missed |= (p == 0) & (q < 0)
            t0 = np.where(p < 0, np.maximum(t0, t), t0)
            t1 = np.where(p > 0, np.minimum(t1, t), t1)
    return t0, t1, ~missed & (t0 <= t1)


def strip_spans(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, r: np.ndarray,
                join: np.ndarray | float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The runs of the lines inside the rectangles `r` (rows of left, top, right, bottom): which line (ascending),
    from and to where along it (0 at its start, 1 at its end). Runs of one line that overlap, or lie less than `join`
    apart (per line, along it as a fraction of its length), make one: every part of a line is drawn once however
    many rectangles take it in, and nothing between rectangles far apart (a repaint along a changed arrow has dozens
    of small strips, each crossed by hundreds of lines)."""
    empty = np.zeros(0)
    if not len(x1) or not len(r):
        return np.zeros(0, dtype=np.int64), empty, empty
    meet = ((np.minimum(x1, x2)[:, None] <= r[None, :, 2]) & (np.maximum(x1, x2)[:, None] >= r[None, :, 0])
            & (np.minimum(y1, y2)[:, None] <= r[None, :, 3]) & (np.maximum(y1, y2)[:, None] >= r[None, :, 1]))
    line, rect = np.nonzero(meet)  # the pairs whose boxes meet, then Liang–Barsky on those alone
    sx, sy = x1[line], y1[line]
    dx, dy = x2[line] - sx, y2[line] - sy
    t0, t1 = np.zeros(len(line)), np.ones(len(line))
    missed = np.zeros(len(line), dtype=bool)
    box = r[rect]
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, sx - box[:, 0]), (dx, box[:, 2] - sx), (-dy, sy - box[:, 1]), (dy, box[:, 3] - sy)):
            t = q / p
            missed |= (p == 0) & (q < 0)
            t0 = np.where(p < 0, np.maximum(t0, t), t0)
            t1 = np.where(p > 0, np.minimum(t1, t), t1)
    hit = ~missed & (t0 <= t1)
    line, t0, t1 = line[hit], t0[hit], t1[hit]
    if not len(line):
        return line, t0, t1
    order = np.lexsort((t0, line))
    line, t0, t1 = line[order], t0[order], t1[order]
    reached = np.maximum.accumulate(t1 + 2.0 * line) - 2.0 * line  # the furthest run end so far on each line
    gap = np.broadcast_to(np.asarray(join, dtype=float), x1.shape)[line]
    starts = np.ones(len(line), dtype=bool)
    starts[1:] = (line[1:] != line[:-1]) | (t0[1:] > reached[:-1] + gap[1:])
    first = np.nonzero(starts)[0]
    last = np.append(first[1:], len(line)) - 1
    return line[first], t0[first], reached[last]


def span_ends(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, t0: np.ndarray, t1: np.ndarray,
              period: float = 0.0, measure: np.ndarray | None = None) -> np.ndarray:
    """The parts of the lines from `t0` to `t1` along each, as rows (x1, y1, x2, y2). With a dash `period`, each
    part starts a whole number of periods from its line's start (a little before `t0`), each line `measure` long in
    the period's units (widgets.diagram.dashes.dash_measure; scene units along it by default): Qt starts the dashes
    afresh at each line, and they then fall where they fall on the whole line."""
    dx, dy = x2 - x1, y2 - y1
    if period > 0 and len(x1):
        length = np.maximum(np.hypot(dx, dy) if measure is None else measure, 1e-9)
        t0 = np.floor(t0 * length / period) * period / length
    return np.column_stack([x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy])


def lines_path(ends: np.ndarray) -> QPainterPath:
    """The lines (rows x1, y1, x2, y2) as one path of separate strokes, for QPainter.strokePath: Qt strokes such a
    path in one pass, up to twice as fast as drawLines with the same pixels (solid lines: see line_pairs)."""
    if not len(ends):
        return QPainterPath()
    return arrayToQPath(ends[:, [0, 2]].ravel(), ends[:, [1, 3]].ravel(), connect="pairs")


def line_pairs(ends: np.ndarray) -> QPolygonF:
    """The lines (rows x1, y1, x2, y2) as point pairs for QPainter.drawLines, filled from numpy (a QLineF a line
    costs ~1 ms a thousand). Dashed lines go this way: each starts its dashes afresh, where a path of thin (one pixel
    or less on screen) dashed strokes carries the dashes on from one line to the next, so that a part painted again
    would not match its neighbours."""
    if not len(ends):
        return QPolygonF()
    pairs = create_qpolygonf(2 * len(ends))
    ndarray_from_qpolygonf(pairs).reshape(-1, 4)[:] = ends
    return pairs


def clipped_lines(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, rect: QRectF,
                  period: float = 0.0) -> np.ndarray:
    """The parts of the lines inside `rect` as rows (x1, y1, x2, y2); the lines that miss it are left out (see
    span_ends for `period`). Qt strokes a long antialiased line whole, so lines crossing a large diagram are drawn
    clipped."""
    t0, t1, hit = clip_spans(x1, y1, x2, y2, rect)
    return span_ends(x1[hit], y1[hit], x2[hit], y2[hit], t0[hit], t1[hit], period)


def shifted(ends: Ends, offsets: np.ndarray) -> Ends:
    """The lines moved sideways by `offsets` (to the left of their direction, as EdgeItem shifts an arrow)."""
    x1, y1, x2, y2 = ends
    length = np.hypot(x2 - x1, y2 - y1)
    length[length == 0] = 1.0
    nx, ny = -(y2 - y1) / length * offsets, (x2 - x1) / length * offsets
    return x1 + nx, y1 + ny, x2 + nx, y2 + ny


def draw_haze(painter: QPainter, ends: np.ndarray, pen: QPen, rect: QRectF, pixels: float) -> None:
    """Draw many lines (the painter in scene units, `rect` the scene area exposed, `pixels` the lines' length on
    screen): at full resolution while that is quick, else antialiased at half resolution and scaled up, as the
    overview draws a haze of long arrows (half the pixels to set: 2,500 lines across the view in 35 ms, not 150)."""
    if not len(ends):
        return
    lines = lines_path(ends)
    painter.setPen(pen)
    if pixels <= HAZE_PIXELS:
        painter.strokePath(lines, pen)
        return
    t = painter.transform()
    device = t.mapRect(rect).toAlignedRect()
    if device.isEmpty():
        return
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    factor = ratio / 2  # the same on both axes: Qt strokes lines under an uneven scale as paths (100 times slower)
    half = QImage(max(1, math.ceil(device.width() * factor)), max(1, math.ceil(device.height() * factor)),
                  QImage.Format.Format_ARGB32_Premultiplied)
    half.fill(Qt.GlobalColor.transparent)
    lines_painter = QPainter(half)
    lines_painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    lines_painter.setTransform(t * QTransform.fromTranslate(-device.left(), -device.top())
                               * QTransform.fromScale(factor, factor))
    lines_painter.setPen(pen)
    lines_painter.strokePath(lines, pen)
    lines_painter.end()
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(QRectF(device.left(), device.top(), half.width() / factor, half.height() / factor), half)
    painter.restore()


class HeadEdge(EdgeItem):
    """An arrow whose line the view draws in its background, in one batch with every other (a large diagram): the
    item draws its head, and draws itself whole only when selected, dragged or drawn into a picture."""

    draws_route = True

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        live = getattr(self.scene(), "live", ())
        if self.isSelected() or NodeItem.plain or self.source.node_id in live or self.target.node_id in live:
            super().paint(painter, option, widget)
        elif option.levelOfDetailFromTransform(painter.worldTransform()) * ARROW_SIZE >= 3 \
                and option.exposedRect.intersects(self.head.boundingRect()):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pens().edge_brush)
            painter.drawPolygon(self.head)


class LazyDiagramView(DiagramView):
    """A diagram view that, before painting at a readable zoom and before a press, lets its diagram make the arrow
    items about to be seen or dragged, and draws the arrows still without items under the items."""

    before_paint: Callable[[QRectF], None] | None = None
    """Called with the scene rectangle in view before each paint at a readable zoom."""
    before_press: Callable[[QPointF], None] | None = None
    """Called with the scene point pressed before the press is handled."""
    under_items: Callable[[QPainter, QRectF], None] | None = None
    """Draws what has no item in an exposed scene rectangle at a readable zoom (after the background and grid)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.before_paint is not None and not self.in_overview():
            self.before_paint(self.mapToScene(self.viewport().rect()).boundingRect())
        super().paintEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.before_press is not None:
            self.before_press(self.mapToScene(event.position().toPoint()))
        super().mousePressEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if self.under_items is not None and not self.in_overview():
            self.under_items(painter, rect)

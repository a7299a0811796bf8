"""Items drawn on the canvas chart: value curves, the grid behind them, the selected point and its value.

Every stroke is a 1 px cosmetic pen drawn in device coordinates: Qt's raster engine strokes antialiased pens wider
than 1 px 20–35× slower, so a bold curve is the same 1 px polyline drawn a few times, offset by a pixel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from widgets.canvas.common import DEAR_TINT, GRID, INK, RULE, SELECT, qcolor


@dataclass(frozen=True)
class CurveLook:
    """How a curve kind is drawn: pixel offsets of its 1 px strokes, dash pattern, marker shape and radius."""

    offsets: tuple[tuple[float, float], ...]
    dash: tuple[float, ...]
    marker: str
    radius: float


_PLUS = ((0.0, 0.0), (1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0), (0.7, 0.7), (-0.7, -0.7))
LOOKS: dict[str, CurveLook] = {
    "to_be": CurveLook(_PLUS, (), "circle", 6.0),  # bold: a ~3 px line
    "as_is": CurveLook(((0.0, 0.0), (0.6, 0.0), (0.0, 0.6), (-0.6, 0.0), (0.0, -0.6)), (), "circle", 5.0),
    "competitor": CurveLook(((0.0, 0.0), (0.45, 0.45)), (), "square", 4.2),
    "alternative": CurveLook(((0.0, 0.0), (0.45, 0.45)), (6.0, 4.0), "diamond", 5.0),
}


def look_of(kind: str) -> CurveLook:
    """The look of a curve kind (an unknown kind is drawn like a competitor)."""
    return LOOKS.get(kind, LOOKS["competitor"])


def marker_path(p: QPainter, shape: str, c: QPointF, r: float) -> None:
    """Draw one marker of `shape` centred on `c` with the painter's pen and brush."""
    if shape == "square":
        p.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
    elif shape == "diamond":
        p.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r * 1.25), QPointF(c.x() + r * 1.25, c.y()),
                                 QPointF(c.x(), c.y() + r * 1.25), QPointF(c.x() - r * 1.25, c.y())]))
    else:
        p.drawEllipse(c, r, r)


def draw_sample(p: QPainter, kind: str, color: QColor, left: QPointF, width: float) -> None:
    """A legend sample of a curve kind: a short stroke with its marker in the middle, in device pixels."""
    look = look_of(kind)
    pen = QPen(color, 1)
    pen.setCosmetic(True)
    if look.dash:
        pen.setDashPattern(list(look.dash))
    p.setPen(pen)
    for dx, dy in look.offsets:
        p.drawLine(QPointF(left.x() + dx, left.y() + dy), QPointF(left.x() + width + dx, left.y() + dy))
    p.setPen(QPen(QColor("white"), 1))
    p.setBrush(color)
    marker_path(p, look.marker, QPointF(left.x() + width / 2, left.y()), look.radius)


class CurveItem(pg.GraphicsObject):
    """One value curve: a polyline over the scored factors (gaps where unscored) with a marker per level."""

    def __init__(self, curve_id: str, n: int, low: float, high: float) -> None:
        super().__init__()
        self.curve_id = curve_id
        self.kind = "as_is"
        self.color = QColor("#0072B2")
        self.selected = False
        self._low, self._high = low, high
        self.ys = np.full(n, np.nan)
        self.xs = np.arange(n, dtype=float)
        self._cache: tuple[tuple, list[QPolygonF], QPainterPath] | None = None
        self.frozen = False  # drawn by the chart's snapshot while another curve is dragged

    # ---------------------------------------------------------------- data
    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 - the name pyqtgraph's data items use
        """The x (factor positions) and y (levels, NaN where unscored) drawn."""
        return self.xs, self.ys

    def set_data(self, ys: list[float | None], low: float, high: float) -> None:
        """Draw these levels (None = unscored) on a scale from `low` to `high`."""
        if len(ys) != len(self.ys) or (low, high) != (self._low, self._high):
            self.prepareGeometryChange()
        self._low, self._high = low, high
        self.ys = np.array([np.nan if y is None else float(y) for y in ys], dtype=float)
        self.xs = np.arange(len(ys), dtype=float)
        self.update()

    def set_level(self, index: int, level: float | None) -> None:
        """Change one drawn level (a drag preview) and repaint only the two segments around it."""
        self.ys[index] = np.nan if level is None else float(level)
        self.update(QRectF(index - 1.05, self._low - 1, 2.1, self._high - self._low + 2))

    def set_style(self, kind: str, color: str, selected: bool) -> None:
        """Draw as a curve of `kind` in `color`; the selected curve is drawn above the others."""
        self.kind, self.color, self.selected = kind, qcolor(color), selected
        self.update()

    # ---------------------------------------------------------------- draw
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        n = max(1, len(self.ys))
        return QRectF(-1.0, self._low - 1.0, n + 1.0, self._high - self._low + 2.0)

    def device_points(self, p: QPainter) -> list[QPointF | None]:
        """The markers' positions in device pixels (None where unscored)."""
        t = p.transform()
        return [None if math.isnan(y) else t.map(QPointF(x, y)) for x, y in zip(self.xs, self.ys, strict=True)]

    def _geometry(self, p: QPainter) -> tuple[list[QPolygonF], QPainterPath]:
        """The polylines and the markers' outline in device pixels, cached until the data or the view change."""
        t = p.transform()
        key = (t.m11(), t.m22(), t.dx(), t.dy(), self.ys.tobytes(), self.kind, self.selected)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1], self._cache[2]
        pts = self.device_points(p)
        runs: list[QPolygonF] = []
        run: list[QPointF] = []
        for q in pts + [None]:
            if q is None:
                if len(run) > 1:
                    runs.append(QPolygonF(run))
                run = []
            else:
                run.append(q)
        look = look_of(self.kind)
        radius = look.radius + (0.8 if self.selected else 0.0)
        markers = QPainterPath()
        for q in pts:
            if q is None:
                continue
            if look.marker == "square":
                markers.addRect(QRectF(q.x() - radius, q.y() - radius, 2 * radius, 2 * radius))
            elif look.marker == "diamond":
                r = radius * 1.25
                markers.addPolygon(QPolygonF([QPointF(q.x(), q.y() - r), QPointF(q.x() + r, q.y()),
                                              QPointF(q.x(), q.y() + r), QPointF(q.x() - r, q.y()),
                                              QPointF(q.x(), q.y() - r)]))
            else:
                markers.addEllipse(q, radius, radius)
        self._cache = (key, runs, markers)
        return runs, markers

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ANN001 - Qt override
        if self.frozen:
            return
        runs, markers = self._geometry(p)
        look = look_of(self.kind)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(self.color, 1)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if look.dash:
            pen.setDashPattern(list(look.dash))
        p.setPen(pen)
        for poly in runs:
            for dx, dy in look.offsets:
                p.drawPolyline(poly.translated(dx, dy))
        p.setPen(QPen(QColor("white"), 1))
        p.setBrush(QBrush(self.color))
        p.drawPath(markers)
        p.restore()


class GridItem(pg.GraphicsObject):
    """Behind the curves: the tint of price-like columns, the selected column, level lines, a line per factor."""

    def __init__(self) -> None:
        super().__init__()
        self.n = 0
        self.low, self.high = 0.0, 5.0
        self.levels: list[float] = []
        self.dear: list[bool] = []
        self.selected: int | None = None
        self.frozen = False
        self.setZValue(-10)

    def set_grid(self, n: int, low: float, high: float, levels: list[float], dear: list[bool],
                 selected: int | None) -> None:
        """Draw `n` factor columns on the scale [low, high] with lines at `levels`."""
        self.prepareGeometryChange()
        self.n, self.low, self.high, self.levels, self.dear, self.selected = n, low, high, levels, dear, selected
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        span = self.high - self.low
        return QRectF(-0.5, self.low - span, max(1, self.n), 3 * span)

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ANN001 - Qt override
        t = p.transform()
        view = self.getViewBox()
        if view is None or self.frozen:
            return
        (x0, x1), (y0, y1) = view.viewRange()
        p.save()
        p.resetTransform()
        top, bottom = t.map(QPointF(0, y1)).y(), t.map(QPointF(0, y0)).y()
        for i in range(self.n):
            tinted = self.dear[i] if i < len(self.dear) else False
            if tinted or i == self.selected:
                left, right = t.map(QPointF(i - 0.5, 0)).x(), t.map(QPointF(i + 0.5, 0)).x()
                color = QColor("#E4EEF8") if i == self.selected else QColor(DEAR_TINT)
                p.fillRect(QRectF(left, top, right - left, bottom - top), color)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(QColor(GRID), 1)
        pen.setCosmetic(True)
        p.setPen(pen)
        for i in range(self.n):
            x = round(t.map(QPointF(i, 0)).x())
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
        left, right = t.map(QPointF(x0, 0)).x(), t.map(QPointF(x1, 0)).x()
        for level in self.levels:
            y = round(t.map(QPointF(0, level)).y())
            p.setPen(QPen(QColor(RULE if level == self.low else GRID), 1))
            p.drawLine(QPointF(left, y), QPointF(right, y))
        p.restore()


class PointMarkItem(pg.GraphicsObject):
    """A ring around the selected point and a tag with its value (shown while dragging and once selected)."""

    def __init__(self, font: QFont) -> None:
        super().__init__()
        self.font = font
        self.point: tuple[float, float] | None = None
        self.text = ""
        self.color = QColor(INK)
        self.low, self.high, self.n = 0.0, 5.0, 1
        self.setZValue(1000)

    def show_at(self, x: float | None, y: float | None, text: str, color: QColor) -> None:
        """Ring the point (x, y) and tag it with `text`; None hides the mark."""
        self.point = None if x is None or y is None else (x, y)
        self.text, self.color = text, color
        self.update()

    def set_bounds(self, n: int, low: float, high: float) -> None:
        """The area the mark may be drawn in (the whole plot)."""
        self.prepareGeometryChange()
        self.n, self.low, self.high = n, low, high

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(-1, self.low - 1, max(1, self.n) + 1, self.high - self.low + 2)

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ANN001 - Qt override
        if self.point is None:
            return
        c = p.transform().map(QPointF(*self.point))
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for r in (10.0, 10.8):
            p.setPen(QPen(QColor(SELECT), 1))
            p.drawEllipse(c, r, r)
        if self.text:
            p.setFont(self.font)
            fm = QFontMetricsF(self.font)
            w, h = fm.horizontalAdvance(self.text) + 14, fm.height() + 6
            view_w = p.device().width() if p.device() is not None else 10_000
            x = c.x() + 15 if c.x() + 15 + w < view_w else c.x() - 15 - w
            box = QRectF(x, c.y() - h / 2, w, h)
            p.setPen(QPen(self.color, 1))
            p.setBrush(QColor("white"))
            p.drawRoundedRect(box, 4, 4)
            p.setPen(QColor(INK))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.text)
        p.restore()


class SnapshotItem(pg.GraphicsObject):
    """While a point is dragged: the grid and every other curve as one picture, drawn with one blit per step."""

    def __init__(self) -> None:
        super().__init__()
        self.pixmap: QPixmap | None = None
        self.n, self.low, self.high = 1, 0.0, 5.0
        self.setZValue(400)

    def set_pixmap(self, pixmap: QPixmap | None, n: int, low: float, high: float) -> None:
        """Show `pixmap` (in viewport pixels) or nothing."""
        self.prepareGeometryChange()
        self.pixmap, self.n, self.low, self.high = pixmap, n, low, high
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        span = self.high - self.low
        return QRectF(-1, self.low - span, max(1, self.n) + 1, 3 * span)

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ANN001 - Qt override
        if self.pixmap is None:
            return
        p.save()
        p.resetTransform()
        p.drawPixmap(0, 0, self.pixmap)
        p.restore()

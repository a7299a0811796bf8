"""Where Qt's dashes fall on a line, so that a part of a dashed line painted again matches the rest of it.

Qt starts a dashed line's pattern afresh at each line it draws, counted in pen widths along it. A pen one screen pixel
wide or less is drawn as a hairline, and its pattern is then counted in the device's pixels along the line's longer
axis, whatever the pen's width (measured: the usual count left the dashes of a part painted again out of step with the
rest when the map was zoomed out).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPaintEngine, QPainter


def hairline_scale(painter: QPainter) -> float:
    """The scale at which `painter` draws thin pens as hairlines, in the device's own pixels (two a point on a
    high-density screen): its transform's on a raster device (a window, an image); none elsewhere (infinite: a PDF
    or a picture counts dashes in pen widths at any scale)."""
    engine = painter.paintEngine()
    if engine is None or engine.type() != QPaintEngine.Type.Raster:
        return math.inf
    device = painter.device()
    return painter.worldTransform().m11() * (device.devicePixelRatioF() if device is not None else 1.0)


def hairline(width: float, scale: float) -> bool:
    """Whether Qt draws a pen `width` wide (scene units) at `scale` as a hairline."""
    return width * scale <= 1.0


def dash_measure(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, width: float,
                 scale: float) -> np.ndarray:
    """How long each line is in the units Qt counts the dashes of a pen `width` wide in, at `scale`."""
    dx, dy = x2 - x1, y2 - y1
    if hairline(width, scale):
        return np.maximum(np.abs(dx), np.abs(dy)) * scale
    return np.hypot(dx, dy) / max(width, 1e-9)


def dash_offset(start: QPointF, at: QPointF, width: float, scale: float) -> float:
    """The dash offset that makes a line drawn from `at` carry on the dashes of one drawn from `start` (on the same
    line, scene units) with a pen `width` wide at `scale`."""
    dx, dy = at.x() - start.x(), at.y() - start.y()
    if hairline(width, scale):
        return max(abs(dx), abs(dy)) * scale
    return float(np.hypot(dx, dy)) / max(width, 1e-9)

"""Thick curves drawn fast: segments as filled quads with round joints, markers as filled shapes on a white halo.

Qt's raster engine strokes an antialiased pen wider than 1 px through its path stroker, about 40 ms for eight
12-point curves at 1920×1080; filling the same outline as quads and discs costs about 7 ms.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF

# Line width (px), dash pattern (in line widths: on, off), marker shape and radius (px) per curve kind.
LOOKS: dict[str, tuple[float, tuple[float, ...], str, float]] = {
    "to_be": (6.0, (), "circle", 10.0),
    "as_is": (4.5, (), "circle", 8.5),
    "competitor": (3.2, (), "square", 7.0),
    "alternative": (3.2, (3.0, 2.0), "diamond", 7.5),
}
HALO = 2.5
"""White rim around a marker (px), so that crossing curves stay apart."""


def look(kind: str) -> tuple[float, tuple[float, ...], str, float]:
    """How a curve kind is drawn on the projector (an unknown kind like a competitor)."""
    return LOOKS.get(kind, LOOKS["competitor"])


def _quad(a: QPointF, b: QPointF, half: float) -> QPolygonF | None:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return None
    nx, ny = -dy / length * half, dx / length * half
    return QPolygonF([QPointF(a.x() + nx, a.y() + ny), QPointF(b.x() + nx, b.y() + ny),
                      QPointF(b.x() - nx, b.y() - ny), QPointF(a.x() - nx, a.y() - ny)])


def _dashes(a: QPointF, b: QPointF, on: float, off: float, phase: float) -> tuple[list[tuple[QPointF, QPointF]], float]:
    """The drawn pieces of segment a→b under a dash pattern starting `phase` pixels into it; the phase after it."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy)
    pieces: list[tuple[QPointF, QPointF]] = []
    period = on + off
    t = -phase
    while t < length:
        start, end = max(0.0, t), min(length, t + on)
        if end > start:
            pieces.append((QPointF(a.x() + dx * start / length, a.y() + dy * start / length),
                           QPointF(a.x() + dx * end / length, a.y() + dy * end / length)))
        t += period
    return pieces, (phase + length) % period


def draw_thick_polyline(p: QPainter, points: list[QPointF], color: QColor, width: float,
                        dash: tuple[float, ...] = ()) -> None:
    """A polyline `width` pixels wide in device pixels (round joints and ends; dashes in multiples of the width)."""
    if len(points) < 2:
        return
    half = width / 2
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    if dash:
        on, off, phase = dash[0] * width, dash[1] * width, 0.0
        for a, b in zip(points, points[1:], strict=False):
            pieces, phase = _dashes(a, b, on, off, phase)
            for start, end in pieces:
                quad = _quad(start, end, half)
                if quad is not None:
                    p.drawPolygon(quad)
        return
    for a, b in zip(points, points[1:], strict=False):
        quad = _quad(a, b, half)
        if quad is not None:
            p.drawPolygon(quad)
    for q in points:
        p.drawEllipse(q, half, half)


def draw_marker(p: QPainter, shape: str, c: QPointF, r: float, color: QColor, halo: float = HALO) -> None:
    """A marker of `shape` centred on `c`: the shape filled in `color` on a slightly larger white one."""
    p.setPen(Qt.PenStyle.NoPen)
    for size, fill in ((r + halo, QColor("white")), (r, color)):
        p.setBrush(fill)
        if shape == "square":
            p.drawRoundedRect(QRectF(c.x() - size, c.y() - size, 2 * size, 2 * size), size * 0.2, size * 0.2)
        elif shape == "diamond":
            d = size * 1.3
            p.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - d), QPointF(c.x() + d, c.y()),
                                     QPointF(c.x(), c.y() + d), QPointF(c.x() - d, c.y())]))
        else:
            p.drawEllipse(c, size, size)


def draw_curve(p: QPainter, kind: str, color: QColor, points: list[QPointF | None], scale: float,
               selected: bool = False) -> None:
    """A whole value curve in device pixels: its runs of scored points, then a marker on each."""
    width, dash, shape, radius = look(kind)
    run: list[QPointF] = []
    for q in points + [None]:
        if q is None:
            draw_thick_polyline(p, run, color, width * scale, dash)
            run = []
        else:
            run.append(q)
    r = (radius + (1.5 if selected else 0.0)) * scale
    for q in points:
        if q is not None:
            draw_marker(p, shape, q, r, color, HALO * scale)


def draw_sample(p: QPainter, kind: str, color: QColor, left: QPointF, length: float, scale: float) -> None:
    """A legend's sample of a curve kind: a short thick line with its marker in the middle."""
    width, dash, shape, radius = look(kind)
    draw_thick_polyline(p, [left, QPointF(left.x() + length, left.y())], color, width * scale, dash)
    draw_marker(p, shape, QPointF(left.x() + length / 2, left.y()), radius * scale, color, HALO * scale)

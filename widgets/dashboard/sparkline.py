"""Small pictures of the dashboard: a sparkline of the latest readings and a kept / broken chip."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from app import readings as r

LINE = QColor("#5B6673")


def paint_sparkline(painter: QPainter, rect: QRectF, points: list[float | None], states: list[str]) -> None:
    """The readings left to right: a line through the numbers, a dot per reading coloured met / not met (readings
    without a number sit on the middle line as dots only)."""
    if not states:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = rect.adjusted(5, 6, -5, -6)
    numbers = [p for p in points if p is not None]
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 0.0)
    step = rect.width() / max(1, len(states) - 1)
    spots: list[tuple[QPointF, str, bool]] = []
    for i, (value, state) in enumerate(zip(points, states, strict=True)):
        x = rect.left() + (i * step if len(states) > 1 else rect.width() / 2)
        if value is None or high == low:
            y = rect.center().y()
        else:
            y = rect.bottom() - (value - low) / (high - low) * rect.height()
        spots.append((QPointF(x, y), state, value is not None))
    path = QPainterPath()
    drawn = [p for p, _s, numeric in spots if numeric]
    for i, point in enumerate(drawn):
        path.moveTo(point) if i == 0 else path.lineTo(point)
    painter.setPen(QPen(LINE, 1.4))
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    for i, (point, state, _numeric) in enumerate(spots):
        radius = 3.6 if i == len(spots) - 1 else 2.4
        painter.setBrush(QColor(r.STATE_COLORS[state]))
        painter.drawEllipse(point, radius, radius)
    painter.restore()


def paint_chip(painter: QPainter, rect: QRectF, state: str, text: str) -> None:
    """A rounded chip in the state's colour with its mark and word ("✓ kept")."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(r.STATE_COLORS[state])
    metrics = painter.fontMetrics()
    label = f"{r.STATE_MARKS[state]} {text}".strip()
    width = min(rect.width() - 8, metrics.horizontalAdvance(label) + 18)
    chip = QRectF(rect.left() + 4, rect.center().y() - 11, width, 22)
    filled = state in (r.MET, r.NOT_MET)
    painter.setPen(QPen(color, 1.2))
    painter.setBrush(color if filled else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(chip, 11, 11)
    painter.setPen(QColor("#FFFFFF") if filled else color.darker(140))
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                                                             int(chip.width()) - 10))
    painter.restore()

"""How promises look: a colour and a line style per status, colours of root values, the empowerment warning.

Every status differs in line style as well as colour, so the map reads in greyscale and for colour-blind
viewers: draft dashed, negotiating dash-dot, accepted solid, kept solid and heavy with a tick, broken
dash-dot-dot with a cross, retired thin dotted and faded. Red means one thing on the map: a promise that
breaks the empowerment rule (a thick red halo and a warning sign); no status and no value is drawn red.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from app import model as m
from app import palette
from app.palette import STATUS_LOOKS


@dataclass(frozen=True)
class StatusStyle:
    """The look of one promise status: its colour, line style, width, opacity, the glyph on the arrow, its name."""

    color: str
    dash: Qt.PenStyle
    width: float
    opacity: float
    glyph: str
    label: str


_PEN_STYLES: dict[str, Qt.PenStyle] = {
    "solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine, "dashdot": Qt.PenStyle.DashDotLine,
    "dashdotdot": Qt.PenStyle.DashDotDotLine, "dot": Qt.PenStyle.DotLine,
}
_LABELS = {
    "draft": QT_TRANSLATE_NOOP("promise_status", "draft"),
    "negotiating": QT_TRANSLATE_NOOP("promise_status", "negotiating"),
    "accepted": QT_TRANSLATE_NOOP("promise_status", "accepted"),
    "kept": QT_TRANSLATE_NOOP("promise_status", "kept"),
    "broken": QT_TRANSLATE_NOOP("promise_status", "broken"),
    "retired": QT_TRANSLATE_NOOP("promise_status", "retired"),
}
STATUS_STYLES: dict[str, StatusStyle] = {
    status: StatusStyle(look.color, _PEN_STYLES[look.dash], look.width, look.opacity, look.glyph, _LABELS[status])
    for status, look in STATUS_LOOKS.items()
}
"""The looks of app.palette (shared with the exports) as Qt pen styles, with the statuses' names."""
PROBLEM = QColor(palette.PROBLEM)
"""Vermillion: the empowerment warning (halo, sign, banner) and nothing else."""
HALO_COLOR = palette.HALO
"""The halo under an unempowered promise: vermillion faded on white, opaque (a translucent wide line costs
fifteen times as much to draw)."""
MIXED = "#3B4652"
"""A collapsed bundle whose promises differ in status."""
PARENT_LINK = QColor("#5B6673")
VALUE_COLORS = ("#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#7A5195", "#8C6D31")
"""Okabe–Ito without vermillion (kept for problems), then two darker extras, for root values in list order."""
NO_VALUE = "#7A8591"
DIM_OPACITY = 0.12
"""Opacity of the arrows outside the focus (a selected team's chain)."""
NODE_DIM = 0.25
"""Opacity of the parties outside the focus (their names stay faintly readable)."""


def status_name(status: str) -> str:
    """The status in the user's language."""
    style = STATUS_STYLES.get(status)
    return QCoreApplication.translate("promise_status", style.label) if style else status


def value_color(w: m.Workshop, value_id: str | None) -> str:
    """The colour of a root value (by its place in the list), grey for a promise without a value."""
    if value_id is None:
        return NO_VALUE
    for i, v in enumerate(w.values):
        if v.id == value_id:
            return VALUE_COLORS[i % len(VALUE_COLORS)]
    return NO_VALUE


def faded(color: str, opacity: float) -> str:
    """`color` as it looks at `opacity` on white, as an opaque colour (opaque lines draw much faster)."""
    if opacity >= 1.0:
        return color
    c = QColor(color)
    mix = [round(v * opacity + 255 * (1 - opacity)) for v in (c.red(), c.green(), c.blue())]
    return "#{:02X}{:02X}{:02X}".format(*mix)


@lru_cache(maxsize=512)
def edge_pen(color: str, dash: Qt.PenStyle, width: float, opacity: float = 1.0) -> QPen:
    """A shared pen of an arrow (widths in scene units: cosmetic widths would not shrink when zoomed out)."""
    pen = QPen(QColor(faded(color, opacity)), width, dash)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


@lru_cache(maxsize=128)
def brush(color: str, opacity: float = 1.0) -> QBrush:
    """A shared solid brush."""
    return QBrush(QColor(faded(color, opacity)))


@lru_cache(maxsize=16)
def halo_pen(width: float, opacity: float = 1.0) -> QPen:
    """The thick pale red line under an unempowered promise (one opaque stroke: cheap to draw)."""
    pen = QPen(QColor(faded(HALO_COLOR, opacity)), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def warning_sign(size: float) -> QPainterPath:
    """A warning triangle centred on (0, 0), `size` across."""
    h = size * 0.87
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(0, -h / 2), QPointF(size / 2, h / 2), QPointF(-size / 2, h / 2),
                               QPointF(0, -h / 2)]))
    return path


def paint_warning(painter: QPainter, centre: QPointF, size: float) -> None:
    """The red warning triangle with a white "!" at `centre`."""
    painter.save()
    painter.translate(centre)
    painter.setPen(QPen(QColor("#FFFFFF"), size * 0.08))
    painter.setBrush(QBrush(PROBLEM))
    painter.drawPath(warning_sign(size))
    pen = QPen(QColor("#FFFFFF"), size * 0.13)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(0, -size * 0.13), QPointF(0, size * 0.12))
    painter.drawPoint(QPointF(0, size * 0.29))
    painter.restore()


@lru_cache(maxsize=32)
def status_icon(status: str, size: int = 16, color: str = "") -> QIcon:
    """A small icon that shows a status's colour (or `color`) and line style (for lists, menus and the legend)."""
    style = STATUS_STYLES[status]
    pix = QPixmap(size * 2, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = edge_pen(color or style.color, style.dash, max(1.5, style.width * size / 16 * 0.7), style.opacity)
    painter.setPen(pen)
    painter.drawLine(QPointF(1, size / 2), QPointF(size * 2 - 1, size / 2))
    painter.end()
    return QIcon(pix)


@lru_cache(maxsize=8)
def warning_icon(size: int = 16) -> QIcon:
    """The warning sign as an icon."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_warning(painter, QPointF(size / 2, size / 2 + 1), size - 2)
    painter.end()
    return QIcon(pix)


@lru_cache(maxsize=64)
def swatch_icon(color: str, size: int = 14) -> QIcon:
    """A filled rounded square of `color`."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(color)))
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 3, 3)
    painter.end()
    return QIcon(pix)

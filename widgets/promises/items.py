"""Promise map items: arrows with the status in the line (colour and dash), a red halo and sign when unempowered,
bundles with a count; parties that fade out of the focus; the dotted link from a promise to the one it supports.

Fading is done in paint() (not with the item's opacity, which the diagram scene uses to hide what is dragged);
the view paints with DontSavePainterState, so every paint() gives the painter back its opacity.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app import model as m
from app.promise_rules import is_unempowered
from widgets.diagram.items import EdgeItem, NodeItem, clip_line
from widgets.diagram.style import ARROW_SIZE, SELECTION, TEXT_LOD, diagram_font
from widgets.promises.style import (
    DIM_OPACITY,
    MIXED,
    NODE_DIM,
    PARENT_LINK,
    STATUS_STYLES,
    brush,
    edge_pen,
    halo_pen,
    paint_warning,
    value_color,
)

HALO = 13.0
"""How much wider than its arrow the red halo of an unempowered promise is, in scene units."""
HALO_WIDTH = 16.0
"""Width of the halos the HaloLayer draws under all the arrows."""
SIGN = 22.0
"""Size of the warning sign."""
GLYPH_LOD = 0.3
"""From this scale up the signs, ticks, crosses and counts are drawn on the arrows."""


@dataclass(frozen=True)
class EdgeLook:
    """How one arrow is drawn: colour, dash, width, opacity, glyph (✓ ✕ or none), a problem, how many promises."""

    color: str
    dash: Qt.PenStyle
    width: float
    opacity: float
    glyph: str = ""
    problem: bool = False
    count: int = 1
    status: str = ""
    """The members' common status, or "" for a bundle of mixed statuses."""


def look_of(w: m.Workshop, promises: list[m.Promise], by_value: bool) -> EdgeLook:
    """The look of an arrow that stands for `promises` (one, or a collapsed bundle between one pair)."""
    statuses = {p.status for p in promises}
    problem = any(is_unempowered(p) for p in promises)
    status = statuses.pop() if len(statuses) == 1 else ""
    style = STATUS_STYLES.get(status)
    if by_value:
        values = {p.value for p in promises}
        color = value_color(w, values.pop()) if len(values) == 1 else MIXED
    else:
        color = style.color if style else MIXED
    if style is None:
        return EdgeLook(color, Qt.PenStyle.SolidLine, 3.4, 1.0, "", problem, len(promises), "")
    return EdgeLook(color, style.dash, style.width + (1.0 if len(promises) > 1 else 0.0), style.opacity, style.glyph,
                    problem, len(promises), status)


class PromiseEdge(EdgeItem):
    """An arrow for one promise, or for a collapsed bundle of the promises between one pair of parties."""

    def __init__(self, edge_id: str, source: NodeItem, target: NodeItem, promise_ids: list[str], look: EdgeLook,
                 offset: float = 0.0) -> None:
        self.promise_ids = list(promise_ids)
        self.look = look
        self.dimmed = False
        self.emphasis = False
        super().__init__(edge_id, source, target, offset)
        self.setZValue(0.5 if look.problem else 0.0)

    @property
    def is_bundle(self) -> bool:
        """True for a collapsed bundle of several promises."""
        return len(self.promise_ids) > 1

    def set_look(self, look: EdgeLook) -> None:
        """Draw with a new look (status, value, problem or count changed)."""
        if look != self.look:
            self.look = look
            self.setZValue(0.5 if look.problem else 0.0)
            self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the arrow out of the focus (or back)."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        handler = getattr(self.scene(), "edge_activated", None)
        if handler is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            handler(self)
            return
        super().mouseDoubleClickEvent(event)

    def update_geometry(self) -> None:
        super().update_geometry()
        pad = max(HALO, SIGN) / 2 + 6
        self._bounds = self._bounds.adjusted(-pad, -pad, pad, pad)

    def _halo_is_mine(self) -> bool:
        """Whether this arrow draws its own halo: only while dragged (the HaloLayer draws the others, under all
        the arrows, and leaves out those being dragged), or on a scene without a HaloLayer."""
        scene = self.scene()
        if scene is None or not getattr(scene, "halo_layer", None):
            return True
        live = getattr(scene, "live", ())
        return self.source.node_id in live or self.target.node_id in live

    def middle(self) -> QPointF:
        """The middle of the arrow, where its signs and count sit (scene units)."""
        return self.line.pointAt(0.5)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        look = self.look
        fade = DIM_OPACITY if self.dimmed else 1.0
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected() and not NodeItem.plain
        visible = visible_rect(painter, widget) if widget is not None else _exposed(option)
        line = clip_line(self.line, visible)
        if line is None:
            return
        if look.problem and self._halo_is_mine():
            painter.setPen(halo_pen(look.width + HALO, fade))
            painter.drawLine(line)
        if selected or self.emphasis:
            glow = QColor(SELECTION if selected else PARENT_LINK)
            glow.setAlpha(110 if selected else 80)
            pen = QPen(glow, look.width + 9)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(line)
        pen = edge_pen(look.color, look.dash, look.width, look.opacity * fade)
        small = lod * ARROW_SIZE < 3
        shaft = line if small else clip_line(self.shaft, visible)
        if shaft is not None:
            if look.dash != Qt.PenStyle.SolidLine and shaft.p1() != self.line.p1():
                pen = QPen(pen)  # keep the dashes where they were before clipping
                pen.setDashOffset(QLineF(self.line.p1(), shaft.p1()).length() / look.width)
            painter.setPen(pen)
            painter.drawLine(shaft)
        if small:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(brush(look.color, look.opacity * fade))
        painter.drawPolygon(self.head)
        if not self.dimmed and lod >= GLYPH_LOD and self.line.length() > 60 and (
                visible is None or visible.contains(self.middle())):
            self._paint_marks(painter, lod)

    def _paint_marks(self, painter: QPainter, lod: float) -> None:
        look = self.look
        mid = self.middle()
        along = self.line.unitVector()
        ux, uy = along.dx(), along.dy()
        if look.count > 1:
            font = diagram_font(13, bold=True)
            text = f"×{look.count}"
            width = QFontMetricsF(font).horizontalAdvance(text) + 14
            pill = QRectF(mid.x() - width / 2, mid.y() - 11, width, 22)
            painter.setPen(QPen(QColor(look.color), 2.0))
            painter.setBrush(brush("#FFFFFF"))
            painter.drawRoundedRect(pill, 11, 11)
            if lod >= TEXT_LOD * 0.7:
                painter.setFont(font)
                painter.setPen(QPen(QColor("#1D2733")))
                painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            mid = mid + QPointF(ux, uy) * (width / 2 + SIGN * 0.7)
        if look.problem:
            paint_warning(painter, mid, SIGN)
        elif look.glyph and look.count == 1:
            painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
            painter.setBrush(brush(look.color))
            painter.drawEllipse(mid, 9.5, 9.5)
            if lod >= TEXT_LOD * 0.7:
                painter.setFont(diagram_font(13, bold=True))
                painter.setPen(QPen(QColor("#FFFFFF")))
                painter.drawText(QRectF(mid.x() - 9.5, mid.y() - 10, 19, 19), Qt.AlignmentFlag.AlignCenter,
                                 look.glyph)


_visible: tuple[tuple[float, ...], QRectF | None] = ((), None)
CLIP_MARGIN = 40.0


def visible_rect(painter: QPainter, widget: QWidget | None) -> QRectF | None:
    """What the widget being painted shows, in scene units (with a margin); None when painting a picture."""
    global _visible
    if widget is None:
        return None
    t = painter.worldTransform()
    key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), widget.width(), widget.height())
    if _visible[0] != key:
        inverse, ok = t.inverted()
        rect = inverse.mapRect(QRectF(widget.rect())) if ok else None
        margin = CLIP_MARGIN / max(abs(t.m11()), 1e-6)
        _visible = (key, rect.adjusted(-margin, -margin, margin, margin) if rect is not None else None)
    return _visible[1]


def _exposed(option: QStyleOptionGraphicsItem) -> QRectF | None:
    """The exposed rectangle a view passes when it paints an item itself (None when it passes none)."""
    rect = option.exposedRect
    return None if rect.isEmpty() else rect


class HaloLayer(QGraphicsItem):
    """The red halos of every unempowered promise, drawn in one batch under all the arrows.

    One opaque batch is cheap (a translucent wide line per arrow cost 0.5 ms each), and lying under every arrow
    it marks the problem without hiding the arrows that cross it. Arrows being dragged draw their own halo.
    """

    def __init__(self) -> None:
        super().__init__()
        self.edges: set[PromiseEdge] = set()
        self._rect = QRectF()
        self.setZValue(-1.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_edges(self, edges: set[PromiseEdge]) -> None:
        """Draw the halos of these arrows (the unempowered ones)."""
        if edges != self.edges:
            self.edges = set(edges)
            self.refit()

    def mark(self, edge: PromiseEdge) -> None:
        """Take an arrow whose look changed into account (a halo more, or one less)."""
        if edge.look.problem != (edge in self.edges):
            (self.edges.add if edge.look.problem else self.edges.discard)(edge)
            self.refit()
        elif edge.look.problem:
            self.update(edge.boundingRect())

    def refit(self) -> None:
        """Grow or shrink to the halos' arrows (after they moved or changed)."""
        rect = QRectF()
        for edge in self.edges:
            rect = rect.united(edge.boundingRect())
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scene = self.scene()
        live = getattr(scene, "live", set()) if scene is not None else set()
        visible = visible_rect(painter, widget) if widget is not None else _exposed(option)
        bright, faded = [], []
        for edge in self.edges:
            if edge.source.node_id in live or edge.target.node_id in live:
                continue
            if visible is not None and not visible.intersects(edge.boundingRect()):
                continue
            (faded if edge.dimmed else bright).append(edge.line)
        for lines, fade in ((faded, DIM_OPACITY), (bright, 1.0)):
            if lines:
                painter.setPen(halo_pen(HALO_WIDTH, fade))
                painter.drawLines(lines)


class PartyNode(NodeItem):
    """A segment or team on the promise map: a diagram node that can fade out of the focus."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.dimmed = False

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the party out of the focus (or back)."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.dimmed:
            super().paint(painter, option, widget)
            return
        opacity = painter.opacity()
        painter.setOpacity(opacity * NODE_DIM)
        try:
            super().paint(painter, option, widget)
        finally:
            painter.setOpacity(opacity)


class ParentLink(QGraphicsPathItem):
    """A thin dotted curve from the middle of a supporting promise to the middle of the promise it supports."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(PARENT_LINK, 2.2, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setZValue(2.0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def connect(self, child: PromiseEdge, parent: PromiseEdge) -> None:
        """Run from `child`'s middle to `parent`'s middle, bowed to one side, with a small arrow at the parent."""
        a, b = child.middle(), parent.middle()
        line = QLineF(a, b)
        normal = line.normalVector().unitVector()
        bow = min(80.0, line.length() * 0.25)
        control = line.pointAt(0.5) + QPointF(normal.dx(), normal.dy()) * bow
        path = QPainterPath(a)
        path.quadTo(control, b)
        path.addEllipse(b, 5, 5)
        path.addEllipse(a, 3, 3)
        self.setPath(path)


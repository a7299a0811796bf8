"""Promise map items: arrows with the status in the line (colour and dash), a red halo and sign when unempowered,
bundles with a count; parties that fade out of the focus; the dotted link from a promise to the one it supports.

Fading is done in paint() (not with the item's opacity, which the diagram scene uses to hide what is dragged);
the view paints with DontSavePainterState, so every paint() gives the painter back its opacity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
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
BADGE_PIXELS = 15
"""Height of a promise's number and a bundle's count on its arrow, in scene units."""
MIN_BADGE_PIXELS = 7.0
"""A promise's number shows from this height on screen up (pixels)."""
BADGE_HEIGHT = 22.0
LABEL_PIXELS = 14
"""Height of the label along an arrow (the promise's text), in scene units."""
MIN_LABEL_PIXELS = 10.0
"""The label along an arrow shows only from this height on screen up (pixels): readable, or not drawn."""
TAG_HEIGHT = 24.0
TAG_GAP = 8.0
"""Room kept free between the tags of parallel or opposite arrows, along the arrow (scene units)."""
MIN_LABEL = 72.0
MAX_LABEL = 320.0
"""The shortest and longest label along an arrow (scene units); the text is elided to fit."""


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
        self.number: int | None = None
        """The promise's row in the promise table (None for a bundle)."""
        self.caption = ""
        """The promise's text, drawn along the arrow when the zoom makes it readable."""
        self.group: list[PromiseEdge] = []
        """Every arrow between the same two parties, both ways (this one included), in the order of their tags."""
        self.forward = True
        self.tag = QPolygonF()
        """Where the number, signs and label were last drawn (scene units): hovering or clicking it hits the arrow."""
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
        pad = max(HALO, SIGN, BADGE_HEIGHT * 2) / 2 + 6  # upright badges on a slanted arrow reach out
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
        if not self.dimmed and lod >= GLYPH_LOD and self.line.length() > 60:
            if visible is None or visible.contains(self.tag_centre()):
                self._paint_marks(painter, lod)
        else:
            self.tag = QPolygonF()

    def set_caption(self, number: int | None, caption: str) -> None:
        """Show `number` (the promise's row in the table) and `caption` (its text) on the arrow."""
        if (number, caption) != (self.number, self.caption):
            self.number, self.caption = number, caption
            self.update()

    def set_group(self, group: list[PromiseEdge], forward: bool) -> None:
        """Share the stretch between two parties with the arrows of `group` (every arrow between them, both ways,
        in order; `forward`: this one runs from the group's first party): each gets its own part of it for its
        tag, so parallel and opposite arrows never put their tags on top of each other."""
        self.group, self.forward = group, forward
        self.update()

    def shape(self) -> QPainterPath:
        path = super().shape()
        if self.tag.isEmpty():
            return path
        tag = QPainterPath()
        tag.addPolygon(self.tag)
        return path.united(tag)  # the tag lies over the line: a union, no hole where they overlap

    def tag_stretch(self) -> tuple[float, float]:
        """Where along the shaft (0 at the source, 1 at the tip) this arrow's tag may lie: its part of the stretch
        that every arrow of its group runs along (measured on the line between the two parties' centres)."""
        group = self.group if self in self.group else [self]
        first, second = (self.source, self.target) if self.forward else (self.target, self.source)
        ax, ay = first.centre()
        bx, by = second.centre()
        length = math.hypot(bx - ax, by - ay)
        if length < 1e-6 or self.shaft.length() < 1e-6:
            return 0.0, 1.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        lo, hi = -math.inf, math.inf
        spans: dict[int, tuple[float, float]] = {}
        for edge in group:
            ends = sorted(((q.x() - ax) * ux + (q.y() - ay) * uy) for q in (edge.shaft.p1(), edge.shaft.p2()))
            spans[id(edge)] = (ends[0], ends[1])
            lo, hi = max(lo, ends[0]), min(hi, ends[1])
        if hi <= lo:
            return 0.0, 1.0
        k, n = group.index(self), len(group)
        a, b = lo + (hi - lo) * k / n, lo + (hi - lo) * (k + 1) / n
        mine_lo, mine_hi = spans[id(self)]
        span = max(mine_hi - mine_lo, 1e-6)
        ta, tb = (a - mine_lo) / span, (b - mine_lo) / span
        return (ta, tb) if self.forward else (1 - tb, 1 - ta)

    def tag_centre(self) -> QPointF:
        """The middle of this arrow's stretch, where its number, signs and label sit (scene units)."""
        a, b = self.tag_stretch()
        return self.shaft.pointAt((a + b) / 2)

    def _tag_parts(self, lod: float) -> tuple[list[tuple[str, float, float]], str, float]:
        """The badges (kind, width, reach along the arrow) drawn upright on the arrow, and the label along it with
        its length, in scene units. Everything together reaches no further along the arrow than this arrow's
        stretch, so the tags of parallel and opposite arrows never overlap."""
        look = self.look
        length = max(self.line.length(), 1e-6)
        run, rise = abs(self.line.dx()) / length, abs(self.line.dy()) / length
        bold = QFontMetricsF(diagram_font(BADGE_PIXELS, bold=True))
        widths: list[tuple[str, float, float]] = []
        if look.count > 1:
            widths.append(("count", bold.horizontalAdvance(f"×{look.count}") + 14, BADGE_HEIGHT))
        elif self.number is not None and lod * BADGE_PIXELS >= MIN_BADGE_PIXELS:
            widths.append(("number", max(BADGE_HEIGHT, bold.horizontalAdvance(str(self.number)) + 12), BADGE_HEIGHT))
        if look.problem:
            widths.append(("warning", SIGN + 2, SIGN + 2))
        elif look.glyph and look.count == 1:
            widths.append(("glyph", 21.0, 21.0))
        badges = [(kind, w, w * run + h * rise + 2) for kind, w, h in widths]
        a, b = self.tag_stretch()
        stretch = self.shaft.length() * (b - a) - TAG_GAP
        for least in ("glyph", "warning", "number", "count"):  # what has no room is left to the hover card
            if sum(reach for *_, reach in badges) > stretch:
                badges = [badge for badge in badges if badge[0] != least]
        room = min(stretch, MAX_LABEL) - sum(reach for *_, reach in badges)
        label, width = "", 0.0
        if self.caption and look.count == 1 and lod * LABEL_PIXELS >= MIN_LABEL_PIXELS and room >= MIN_LABEL:
            metrics = QFontMetricsF(diagram_font(LABEL_PIXELS))
            label = metrics.elidedText(self.caption, Qt.TextElideMode.ElideRight, room - 16)
            if label and label != "…":
                width = metrics.horizontalAdvance(label) + 16
            else:
                label = ""
        return badges, label, width

    def _paint_marks(self, painter: QPainter, lod: float) -> None:
        look = self.look
        badges, label, label_width = self._tag_parts(lod)
        total = sum(reach for *_, reach in badges) + label_width
        if not total:
            self.tag = QPolygonF()
            return
        angle = self.line.angle()  # counter-clockwise degrees with y up; the label is turned to read left to right
        flipped = 90 < angle <= 270
        unit = self.line.unitVector()
        d = QPointF(unit.dx(), unit.dy()) * (-1.0 if flipped else 1.0)
        normal = QPointF(-d.y(), d.x()) * (TAG_HEIGHT / 2)
        start = self.tag_centre() - d * (total / 2)
        end = start + d * total
        self.tag = QPolygonF([start + normal, end + normal, end - normal, start - normal])
        at = 0.0
        for kind, width, reach in badges:
            middle = start + d * (at + reach / 2)
            if kind in ("count", "number"):
                text = f"×{look.count}" if kind == "count" else str(self.number)
                pill = QRectF(middle.x() - width / 2 + 1, middle.y() - BADGE_HEIGHT / 2, width - 2, BADGE_HEIGHT)
                painter.setPen(QPen(QColor(look.color), 2.0))
                painter.setBrush(brush("#FFFFFF"))
                painter.drawRoundedRect(pill, BADGE_HEIGHT / 2, BADGE_HEIGHT / 2)
                if lod * BADGE_PIXELS >= MIN_BADGE_PIXELS:
                    painter.setFont(diagram_font(BADGE_PIXELS, bold=True))
                    painter.setPen(QPen(QColor("#1D2733")))
                    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            elif kind == "warning":
                paint_warning(painter, middle, SIGN)
            else:
                painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
                painter.setBrush(brush(look.color))
                painter.drawEllipse(middle, 9.5, 9.5)
                if lod >= TEXT_LOD * 0.7:
                    painter.setFont(diagram_font(13, bold=True))
                    painter.setPen(QPen(QColor("#FFFFFF")))
                    painter.drawText(QRectF(middle.x() - 9.5, middle.y() - 10, 19, 19), Qt.AlignmentFlag.AlignCenter,
                                     look.glyph)
            at += reach
        if label:
            middle = start + d * (at + label_width / 2)
            painter.save()
            painter.translate(middle)
            painter.rotate(-angle + (180 if flipped else 0))
            box = QRectF(-label_width / 2, -TAG_HEIGHT / 2, label_width, TAG_HEIGHT)
            painter.setPen(QPen(QColor(look.color), 1.5))
            painter.setBrush(brush("#FFFFFF"))
            painter.drawRoundedRect(box, TAG_HEIGHT / 2, TAG_HEIGHT / 2)
            painter.setFont(diagram_font(LABEL_PIXELS))
            painter.setPen(QPen(QColor("#1D2733")))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
            painter.restore()


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


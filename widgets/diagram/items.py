"""Diagram items: a party node (shape by kind, wrapped name, badge) and an arrow between two nodes.

Items never write the model and override no itemChange (it makes building a scene 1.4–1.7× slower): whoever
moves a node (the scene's drag, the editor following the document) calls `EdgeItem.update_geometry` itself.
Painting follows the level of detail: no text below a readable size, a plain rectangle when tiny.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from widgets.diagram.geometry import exit_point
from widgets.diagram.style import (
    ARROW_SIZE,
    FALLBACK_KIND,
    HANDLE_RADIUS,
    KIND_STYLES,
    MAX_NAME_LINES,
    NAME_PIXELS,
    SHAPE_LOD,
    TEXT_LOD,
    diagram_font,
    kind_style,
    pens,
    shape_path,
    text_width,
)


@dataclass(frozen=True)
class Badge:
    """What a node's badge shows: a count (members) and a status (indicator met True, not met False, None)."""

    count: int | None = None
    status: bool | None = None


class NodeItem(QGraphicsItem):
    """A party on a diagram, centred on its position: shape and colours by kind, name inside, badge at a corner."""

    plain = False
    """Set while a picture is rendered: no selection outline, no link handle."""

    def __init__(self, node_id: str, kind: str, name: str, badge: Badge | None = None,
                 can_link: bool = True) -> None:
        super().__init__()
        self.node_id = node_id
        self.edges: list[EdgeItem] = []
        self.can_link = can_link
        self.show_handle = False
        self.mark: QPen | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1.0)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._set(kind, name, badge)

    # ------------------------------------------------------------------ content
    def _set(self, kind: str, name: str, badge: Badge | None) -> None:
        style = kind_style(kind)
        self.kind = kind
        self.style_key = kind if kind in KIND_STYLES else FALLBACK_KIND
        self.shape_name = style.shape
        self.name = name
        self.badge = badge
        self.width, self.height = style.size
        w, h = self.width, self.height
        self.rect = QRectF(-w / 2, -h / 2, w, h)
        self.outline = shape_path(style.shape, w, h)
        self._bounds = self.rect.adjusted(-9, -HANDLE_RADIUS - 6, 16, 9)
        self._text: list[tuple[QPointF, QStaticText]] | None = None
        self._badge_parts: tuple[Any, ...] | None = None

    def set_content(self, kind: str, name: str, badge: Badge | None) -> bool:
        """Show a new kind, name or badge; True when the node's size or shape changed (its arrows must follow)."""
        if (kind, name, badge) == (self.kind, self.name, self.badge):
            return False
        reshaped = kind_style(kind) != kind_style(self.kind)
        if reshaped:
            self.prepareGeometryChange()
        self._set(kind, name, badge)
        self.update()
        return reshaped

    @property
    def size(self) -> tuple[float, float]:
        return self.width, self.height

    def centre(self) -> tuple[float, float]:
        """The node's centre in scene units (its position)."""
        p = self.pos()
        return p.x(), p.y()

    def body_contains(self, scene_point: QPointF) -> bool:
        """True when `scene_point` lies on the node's body (its rectangle)."""
        return self.rect.contains(scene_point - self.pos())

    def handle_centre(self) -> QPointF:
        """Where the link handle sits, in scene units: the middle of the top edge."""
        return self.pos() + QPointF(0, -self.height / 2)

    def handle_contains(self, scene_point: QPointF, scale: float = 1.0) -> bool:
        """True when `scene_point` is on the link handle (drawn, and so usable, only where names are readable)."""
        if not self.can_link or scale < TEXT_LOD:
            return False
        reach = HANDLE_RADIUS + 4 / scale
        d = scene_point - self.handle_centre()
        return d.x() * d.x() + d.y() * d.y() <= reach * reach

    # ------------------------------------------------------------------ painting
    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        p = pens()
        key = self.style_key
        selected = self.isSelected() and not NodeItem.plain
        if lod < SHAPE_LOD:
            painter.fillRect(self.rect, p.solid[key])
            if selected:
                painter.setPen(p.selected)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.rect)
            return
        painter.setPen(p.selected if selected else p.border[key])
        painter.setBrush(p.fill[key])
        painter.drawPath(self.outline)
        if self.mark is not None and not NodeItem.plain:
            painter.setPen(self.mark)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect.adjusted(-6, -6, 6, 6))
        if lod >= TEXT_LOD:
            if self._text is None:
                self._text = self._layout_name()
            painter.setPen(p.text[key])
            painter.setFont(self._font)
            for point, text in self._text:
                painter.drawStaticText(point, text)
        if self.badge is not None and (self.badge.count is not None or self.badge.status is not None):
            self._paint_badge(painter, lod)
        if self.show_handle and self.can_link and not NodeItem.plain and lod >= TEXT_LOD:
            painter.setPen(p.handle_pen)
            painter.setBrush(p.handle_brush)
            centre = QPointF(0, -self.height / 2)
            painter.drawEllipse(centre, HANDLE_RADIUS, HANDLE_RADIUS)
            painter.drawLine(QLineF(centre.x() - 3.5, centre.y(), centre.x() + 3.5, centre.y()))
            painter.drawLine(QLineF(centre.x(), centre.y() - 3.5, centre.x(), centre.y() + 3.5))

    def _layout_name(self) -> list[tuple[QPointF, QStaticText]]:
        """The name wrapped into at most MAX_NAME_LINES lines (the last one elided), centred in the body."""
        bold = self.kind in ("segment", "council")
        self._font = diagram_font(NAME_PIXELS, bold)
        metrics = QFontMetricsF(self._font)
        width = text_width(self.shape_name, self.width)
        lines = wrap_lines(self.name, self._font, width, MAX_NAME_LINES)
        line_height = metrics.lineSpacing()
        top = -len(lines) * line_height / 2
        placed = []
        for i, line in enumerate(lines):
            text = QStaticText(line)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            x = -metrics.horizontalAdvance(line) / 2
            placed.append((QPointF(x, top + i * line_height), text))
        return placed

    def _paint_badge(self, painter: QPainter, lod: float) -> None:
        """The badge on the top-right corner: a person glyph with the members count, and the indicator mark."""
        p = pens()
        if self._badge_parts is None:
            self._badge_parts = self._layout_badge()
        pill, count_at, count_text, person_at, status_centre = self._badge_parts
        if lod < TEXT_LOD:  # too small to read: only the indicator's colour, as the overview draws it
            if status_centre is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(p.met if self.badge and self.badge.status else p.not_met)
                painter.drawEllipse(status_centre, 7.5, 7.5)
            return
        painter.setPen(p.badge_pen)
        painter.setBrush(p.badge_brush)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        if person_at is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(p.edge_brush)
            painter.drawEllipse(person_at + QPointF(0, -3.2), 2.9, 2.9)
            painter.drawChord(QRectF(person_at.x() - 5, person_at.y() + 0.4, 10, 9.5), 0, 180 * 16)
            painter.setPen(p.badge_text)
            painter.setFont(self._badge_font)
            painter.drawStaticText(count_at, count_text)
        if status_centre is not None:
            status = self.badge.status if self.badge else None
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(p.met if status else p.not_met)
            painter.drawEllipse(status_centre, 7.5, 7.5)
            painter.setPen(p.white_pen)
            c = status_centre
            if status:
                tick = [c + QPointF(-3.6, 0.2), c + QPointF(-1.0, 2.9), c + QPointF(3.8, -2.6)]
                painter.drawPolyline(QPolygonF(tick))
            else:
                painter.drawLine(QLineF(c + QPointF(-3, -3), c + QPointF(3, 3)))
                painter.drawLine(QLineF(c + QPointF(-3, 3), c + QPointF(3, -3)))

    def status_centre(self) -> QPointF | None:
        """Where the indicator mark of the badge sits (node coordinates), or None without one."""
        if self.badge is None or self.badge.status is None:
            return None
        if self._badge_parts is None:
            self._badge_parts = self._layout_badge()
        return self._badge_parts[4]

    def _layout_badge(self) -> tuple[Any, ...]:
        badge = self.badge or Badge()
        self._badge_font = diagram_font(12, bold=True)
        metrics = QFontMetricsF(self._badge_font)
        height = 21.0
        x = 7.0
        person_at = count_at = count_text = status_centre = None
        if badge.count is not None:
            person_at = QPointF(x + 5, 0)
            text = str(badge.count)
            count_text = QStaticText(text)
            count_text.setTextFormat(Qt.TextFormat.PlainText)
            count_at = QPointF(x + 13, -metrics.height() / 2)
            x += 13 + metrics.horizontalAdvance(text) + 5
        if badge.status is not None:
            status_centre = QPointF(x + 7, 0)
            x += 14 + 4
        width = x + 3
        right = self.width / 2 + 10
        top = -self.height / 2
        dx, dy = right - width, top
        pill = QRectF(dx, dy - height / 2, width, height)
        shift = QPointF(dx, dy)
        return (pill, count_at + shift if count_at else None, count_text,
                person_at + shift if person_at else None, status_centre + shift if status_centre else None)


def wrap_lines(text: str, font: Any, width: float, max_lines: int) -> list[str]:
    """`text` broken into lines no wider than `width` (at words, or anywhere in a long word); the last elided."""
    text = " ".join(text.split()) or " "
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start:start + length].strip() for start, length in spans]
    if len(lines) > max_lines:
        rest = text[spans[max_lines - 1][0]:].strip()
        lines = lines[:max_lines - 1] + [QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return lines or [""]


class EdgeItem(QGraphicsItem):
    """An arrow from `source` to `target` that ends at their borders; `offset` shifts it sideways (parallel arrows).

    It runs straight, or through `bends` round the nodes in its way when its class draws routes (`draws_route`).
    """

    draws_route = True
    """Whether this class paints `legs` (a routed arrow); a subclass with its own paint() and no say is not routed."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "paint" in cls.__dict__ and "draws_route" not in cls.__dict__:
            cls.draws_route = False

    def __init__(self, edge_id: str, source: NodeItem, target: NodeItem, offset: float = 0.0) -> None:
        super().__init__()
        self.edge_id = edge_id
        self.source = source
        self.target = target
        self.offset = offset
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setZValue(0.0)
        self.bends: list[QPointF] = []
        self.routed = False
        """Whether the scene has routed the arrow since it was made."""
        """Where the arrow bends to pass round other nodes (scene units), set by the scene's router."""
        self.line = QLineF()
        """The arrow's last leg, to its tip (the whole arrow when it runs straight)."""
        self.legs: list[QLineF] = []
        """Every straight piece of the arrow, from the source to the tip."""
        self.shaft = QLineF()
        self.head = QPolygonF()
        self._bounds = QRectF()
        self.live_bounds = QRectF()
        """Where the arrow is now, also during a live drag (when `boundingRect` still gives where it was)."""
        self._shape: QPainterPath | None = None
        source.edges.append(self)
        target.edges.append(self)
        self.update_geometry()

    def unhook(self) -> None:
        """Leave the two nodes' lists of arrows (before the arrow leaves the scene; the model is not concerned)."""
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)

    def update_geometry(self) -> None:
        """Recompute where the arrow runs after either node moved or changed shape."""
        self._compute(live=False)

    def follow_live(self) -> None:
        """Recompute the line during a drag that the view draws itself (the arrow is transparent to Qt then).

        Only the line, head and `live_bounds` change: Qt's index keeps the old bounds until the drag ends and
        `update_geometry` runs (re-indexing a long arrow at every step costs more than the rest of the step).
        """
        self._compute(live=True)

    def set_bends(self, bends: list[QPointF]) -> bool:
        """Route the arrow through `bends` (none: straight); True when that changed it."""
        if not self.draws_route or [(p.x(), p.y()) for p in bends] == [(p.x(), p.y()) for p in self.bends]:
            return False
        self.bends = list(bends)
        self.update_geometry()
        return True

    def _compute(self, live: bool) -> None:
        s, t = self.source, self.target
        sx, sy = s.centre()
        tx, ty = t.centre()
        bends = [] if live else [(p.x(), p.y()) for p in self.bends]
        if self.offset:  # the whole arrow, bends too, shifted sideways
            length = math.hypot(tx - sx, ty - sy) or 1.0
            nx, ny = -(ty - sy) / length * self.offset, (tx - sx) / length * self.offset
            sx, sy, tx, ty = sx + nx, sy + ny, tx + nx, ty + ny
            bends = [(x + nx, y + ny) for x, y in bends]
        first, last = bends[0] if bends else (tx, ty), bends[-1] if bends else (sx, sy)
        x1, y1 = exit_point(s.shape_name, (sx, sy), s.size, first, 2.0)
        x2, y2 = exit_point(t.shape_name, (tx, ty), t.size, last, 4.0)
        if not live:
            self.prepareGeometryChange()
        points = [(x1, y1), *bends, (x2, y2)]
        self.legs = [QLineF(*a, *b) for a, b in zip(points, points[1:], strict=False)]
        self.line = self.legs[-1]
        lx, ly = self.line.x1(), self.line.y1()
        self.head = arrow_head(lx, ly, x2, y2)
        shorten = min(ARROW_SIZE * 0.7, self.line.length())
        self.shaft = QLineF(self.line.p1(), self.line.pointAt(1 - shorten / self.line.length())) \
            if self.line.length() > 1e-6 else self.line
        pad = ARROW_SIZE
        xs, ys = [x for x, _ in points], [y for _, y in points]
        bounds = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
        self.live_bounds = bounds
        if not live:
            self._bounds = bounds
            self._shape = None

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath(self.legs[0].p1() if self.legs else self.line.p1())
            for leg in self.legs or [self.line]:
                path.lineTo(leg.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(12)
            self._shape = stroker.createStroke(path)
            self._shape.addPolygon(self.head)
        return self._shape

    def paint_bends(self, painter: QPainter, visible: QRectF | None) -> None:
        """Draw the legs before the last one (a routed arrow's) with the painter's pen, clipped to `visible`.

        A subclass that paints itself and sets `draws_route = True` calls this, then draws `line`/`shaft` and `head`
        (the last leg) as for a straight arrow.
        """
        for leg in self.legs[:-1]:
            line = clip_line(leg, visible)
            if line is not None:
                painter.drawLine(line)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        # Only the part of each leg inside the exposed area is drawn: Qt strokes a long antialiased line whole
        # (over 100 µs for one crossing the diagram), and a drag step exposes many long arrows.
        p = pens()
        selected = self.isSelected() and not NodeItem.plain
        exposed = option.exposedRect.adjusted(-4, -4, 4, 4)
        full = option.levelOfDetailFromTransform(painter.worldTransform()) * ARROW_SIZE < 3
        painter.setPen(p.edge_selected if selected else p.edge)
        self.paint_bends(painter, exposed)
        line = clip_line(self.line if full else self.shaft, exposed)
        if line is not None:
            painter.drawLine(line)
        if not full and exposed.intersects(self.head.boundingRect()):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(p.selected_brush if selected else p.edge_brush)
            painter.drawPolygon(self.head)


def clip_line(line: QLineF, rect: QRectF | None) -> QLineF | None:
    """The part of `line` inside `rect` (Liang–Barsky), the line itself without a rect, None when it misses."""
    if rect is None:
        return line
    x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    if left <= x1 <= right and left <= x2 <= right and top <= y1 <= bottom and top <= y2 <= bottom:
        return line
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return None
            t0 = max(t0, t)
        else:
            if t < t0:
                return None
            t1 = min(t1, t)
    return QLineF(x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy)


def arrow_head(x1: float, y1: float, x2: float, y2: float, size: float = ARROW_SIZE) -> QPolygonF:
    """The triangle at the tip (x2, y2) of an arrow coming from (x1, y1)."""
    length = math.hypot(x2 - x1, y2 - y1)
    if length < 1e-6:
        return QPolygonF()
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bx, by = x2 - ux * size, y2 - uy * size
    half = size * 0.45
    return QPolygonF([QPointF(x2, y2), QPointF(bx - uy * half, by + ux * half),
                      QPointF(bx + uy * half, by - ux * half)])

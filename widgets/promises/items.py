"""Promise map items: arrows with the status in the line (colour and dash), a red halo and sign when unempowered,
bundles with a count; parties that fade out of the focus; the dotted link from a promise to the one it supports.

Fading is done in paint() (not with the item's opacity, which the diagram scene uses to hide what is dragged);
the view paints with DontSavePainterState, so every paint() gives the painter back its opacity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable

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
from app import readings
from app.promise_rules import is_unempowered
from widgets.diagram.dashes import dash_offset, hairline_scale
from widgets.diagram.geometry import exit_point
from widgets.diagram.items import EdgeItem, NodeItem, arrow_head, clip_line
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
TAG_REACH = max(HALO, SIGN, BADGE_HEIGHT * 2) / 2 + 6
"""How far from its line an arrow draws (its glow, upright badges on a slanted arrow reach out), in scene units."""
LINE_REACH = max(HALO_WIDTH, max(style.width for style in STATUS_STYLES.values()) + 1.0 + HALO) / 2
"""How far from its line an arrow's stroke, selection glow or red halo reaches (scene units, before antialiasing;
a bundle's line is one unit wider)."""
BAND_PIECE = 60.0
BAND_PIECES = 16
"""An arrow that changed is painted again in pieces of its legs this long (scene units), at most this many a leg."""
LABEL_PIXELS = 14
"""Height of the label along an arrow (the promise's text), in scene units."""
MIN_LABEL_PIXELS = 10.0
"""The label along an arrow shows only from this height on screen up (pixels): readable, or not drawn."""
TAG_HEIGHT = 24.0
TAG_GAP = 8.0
"""Room kept free between the tags of parallel or opposite arrows, along the arrow (scene units)."""
SIDE_BY_SIDE = 80.0
"""Arrows of one pair whose tag legs run parallel within this distance share their stretch (scene units)."""
MIN_LABEL = 72.0
MAX_LABEL = 320.0
"""The shortest and longest label along an arrow (scene units); the text is elided to fit."""
TAG_SPAN_ALONG = MAX_LABEL / 2 + TAG_REACH
"""How far from its centre an arrow's number, signs and label reach (scene units): the label is at most MAX_LABEL
long, the badges beside it share that length."""


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
    """An arrow for one promise, or for a collapsed bundle of the promises between one pair of parties.

    It is routed round the parties in its way; its number, signs and label sit on its longest leg.
    """

    draws_route = True

    def __init__(self, edge_id: str, source: NodeItem, target: NodeItem, promise_ids: list[str], look: EdgeLook,
                 offset: float = 0.0) -> None:
        self.promise_ids = list(promise_ids)
        self.look = look
        self.dimmed = False
        self._emphasis = False
        self.number: str | None = None
        """The promise's row in the promise table (None for a bundle)."""
        self.caption = ""
        """The promise's text, drawn along the arrow when the zoom makes it readable."""
        self.reading = ""
        """The state of the promise's latest figure (readings.MET, NOT_MET, UNKNOWN) or "" without figures."""
        self.group: list[PromiseEdge] = []
        """Every arrow between the same two parties, both ways (this one included), in the order of their tags."""
        self.forward = True
        self.tag = QPolygonF()
        """Where the number, signs and label were last drawn (scene units): hovering or clicking it hits the arrow."""
        self._centre: QPointF | None = None
        super().__init__(edge_id, source, target, offset)
        self.setZValue(0.5 if look.problem else 0.0)

    @property
    def emphasis(self) -> bool:
        """Whether the arrow is outlined (the promise the selected one supports)."""
        return self._emphasis

    @emphasis.setter
    def emphasis(self, on: bool) -> None:
        if on != self._emphasis:
            self._emphasis = on
            lines = self._lines()
            if lines is not None:
                lines.follow_state(self)  # an outlined arrow paints itself whole

    def _lines(self) -> Any:
        """The layer that draws the arrows of a large map in batches (widgets.promises.lines), or None."""
        scene = self.scene()
        return getattr(scene, "arrow_lines", None) if scene is not None else None

    def _batched(self) -> bool:
        """Whether the layer draws this arrow (it paints nothing itself then)."""
        lines = self._lines()
        return lines is not None and lines.batched(self)

    @property
    def is_bundle(self) -> bool:
        """True for a collapsed bundle of several promises."""
        return len(self.promise_ids) > 1

    def set_look(self, look: EdgeLook) -> None:
        """Draw with a new look (status, value, problem or count changed)."""
        if look != self.look:
            self.look = look
            self.setZValue(0.5 if look.problem else 0.0)
            self._restyled()

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the arrow out of the focus (or back)."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self._restyled()

    def _restyled(self) -> None:
        """Paint again where the arrow is, and let the layer that draws it file it under its new pen."""
        lines = self._lines()
        if lines is not None:
            lines.changed(self)
        self.repaint()

    def band(self, within: list[QRectF] | None = None, pixel: float = 1.0) -> list[QRectF]:
        """Where the arrow draws, as rectangles along its legs (scene units). A long slanted arrow's box takes in a
        good part of the map, and every arrow crossing it would be painted again with it. The legs' pieces reach as
        far as its widest stroke (its halo or glow); its head and tag, which reach further, have pieces of their
        own. With `within` (what the views show), only the parts there: an arrow running far beyond the view would
        otherwise come in pieces as large as the view. `pixel` is a screen pixel in scene units (the largest among
        the views): the strokes' antialiased edges reach that much further."""
        line_reach = LINE_REACH + 2.0 * pixel
        rects = self._pieces(self.legs or [self.line], line_reach, within)
        tag = self.tag_line()
        length = tag.length()
        if length > 1e-6:  # its number, signs and label: along the tag leg about its centre, reaching further out
            centre = self._fraction_along(tag, self.tag_centre())
            half = TAG_SPAN_ALONG / length
            stretch = QLineF(tag.pointAt(max(0.0, centre - half)), tag.pointAt(min(1.0, centre + half)))
            rects += self._pieces([stretch], TAG_REACH, within)
        head = self.head.boundingRect().adjusted(-2.0, -2.0, 2.0, 2.0)
        if within is None or any(head.intersects(rect) for rect in within):
            rects.append(head)
        return rects

    @staticmethod
    def _fraction_along(line: QLineF, point: QPointF) -> float:
        """How far along `line` (0 at its start, 1 at its end) `point` lies, projected on it."""
        length_squared = line.dx() ** 2 + line.dy() ** 2
        return ((point.x() - line.x1()) * line.dx() + (point.y() - line.y1()) * line.dy()) / max(length_squared, 1e-12)

    @staticmethod
    def _pieces(legs: list[QLineF], reach: float, within: list[QRectF] | None) -> list[QRectF]:
        """`legs` cut into pieces of about BAND_PIECE (at most BAND_PIECES a leg), each grown by `reach`; only
        their parts inside `within` when given."""
        rects: list[QRectF] = []
        for whole in legs:
            for leg in [whole] if within is None else [clip_line(whole, rect) for rect in within]:
                if leg is None:
                    continue
                pieces = max(1, min(BAND_PIECES, math.ceil(leg.length() / BAND_PIECE)))
                for k in range(pieces):
                    a, b = leg.pointAt(k / pieces), leg.pointAt((k + 1) / pieces)
                    rects.append(QRectF(a, b).normalized().adjusted(-reach, -reach, reach, reach))
        return rects

    def repaint(self) -> None:
        """Have the views paint the arrow again where it draws (its band, not its whole box: Qt would join the
        pieces an item is told into one box, a scene keeps them apart)."""
        scene = self.scene()
        if scene is not None:
            reach = TAG_REACH + ARROW_SIZE
            shown = [view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-reach, -reach, reach, reach)
                     for view in scene.views() if view.isVisible()]
            if not shown:
                return  # a view shown later paints all it shows (a map being built asks here for every arrow)
            scale = min(view.transform().m11() for view in scene.views() if view.isVisible())
            for rect in self.band(shown, 1.0 / max(scale, 1e-6)):
                scene.update(rect)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        handler = getattr(self.scene(), "edge_activated", None)
        if handler is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            handler(self)
            return
        super().mouseDoubleClickEvent(event)

    def update_geometry(self) -> None:
        batched = self._batched()
        if batched:  # Qt repaints no item without contents: where it was and is now are asked for here
            self.repaint()
        super().update_geometry()
        pad = TAG_REACH
        self._bounds = self._bounds.adjusted(-pad, -pad, pad, pad)
        lines = self._lines()
        if lines is not None:
            for edge in [self, *self.group]:  # their tags' stretches follow this one's leg
                lines.changed(edge)
        if batched:
            self.repaint()

    def _halo_is_mine(self) -> bool:
        """Whether this arrow draws its own halo: only while dragged (the HaloLayer draws the others, under all
        the arrows, and leaves out those being dragged), or on a scene without a HaloLayer."""
        scene = self.scene()
        if scene is None or not getattr(scene, "halo_layer", None):
            return True
        live = getattr(scene, "live", ())
        return self.source.node_id in live or self.target.node_id in live

    def _compute(self, live: bool) -> None:
        for edge in [self, *self.group]:  # the stretches of its group's tags follow its tag leg
            edge._centre = None
        if live or not self.bends or not self.offset:
            super()._compute(live)
            return
        s, t = self.source, self.target
        points = offset_polyline([s.centre(), *[(p.x(), p.y()) for p in self.bends], t.centre()], self.offset)
        x1, y1 = exit_point(s.shape_name, points[0], s.size, points[1], 2.0)
        x2, y2 = exit_point(t.shape_name, points[-1], t.size, points[-2], 4.0)
        self.prepareGeometryChange()
        points = [(x1, y1), *points[1:-1], (x2, y2)]
        self.legs = [QLineF(*a, *b) for a, b in zip(points, points[1:], strict=False)]
        self.line = self.legs[-1]
        self.head = arrow_head(self.line.x1(), self.line.y1(), x2, y2)
        shorten = min(ARROW_SIZE * 0.7, self.line.length())
        self.shaft = QLineF(self.line.p1(), self.line.pointAt(1 - shorten / self.line.length())) \
            if self.line.length() > 1e-6 else self.line
        xs, ys = [x for x, _ in points], [y for _, y in points]
        pad = ARROW_SIZE
        self._bounds = self.live_bounds = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                                                 max(ys) - min(ys) + 2 * pad)
        self._shape = None

    def tag_line(self) -> QLineF:
        """The leg that carries the number, signs and label: the longest one (the shaft when that is the last)."""
        legs = self.legs or [self.line]
        longest = max(range(len(legs)), key=lambda i: legs[i].length() + (1e-3 if i == len(legs) - 1 else 0.0))
        return self.shaft if longest == len(legs) - 1 else legs[longest]

    def middle(self) -> QPointF:
        """The middle of the arrow's tag leg, where its signs and count sit (scene units)."""
        return self.tag_line().pointAt(0.5)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        # Only the pieces of the legs inside what is painted again are stroked: a changed arrow is painted again
        # along its band, and each of the hundreds of arrows crossing it then strokes a short piece, not its length.
        parts = _repainted(option, widget)
        visible = visible_rect(painter, widget) if widget is not None else _exposed(option)
        area = visible
        if parts is not None:
            box, legs = self._bounds, self.legs or [self.line]
            parts = [part for part in _grown(parts) if part.intersects(box)
                     and any(clip_line(leg, part) is not None for leg in legs)]
            if not parts:
                return  # only its box meets what is painted again (an arrow that changed crosses this box)
            around = parts[0]
            for part in parts[1:]:
                around = around.united(part)
            area = around if visible is None else around.intersected(visible)
        look = self.look
        fade = DIM_OPACITY if self.dimmed else 1.0
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected() and not NodeItem.plain
        line = clip_line(self.line, area)
        if line is None and all(clip_line(leg, area) is None for leg in self.legs[:-1]):
            return
        if look.problem and self._halo_is_mine():
            painter.setPen(halo_pen(look.width + HALO, fade))
            self._paint_path(painter, line, area)
        if selected or self.emphasis:
            glow = QColor(SELECTION if selected else PARENT_LINK)
            glow.setAlpha(110 if selected else 80)
            pen = QPen(glow, look.width + 9)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            self._paint_path(painter, line, area)
        pen = edge_pen(look.color, look.dash, look.width, look.opacity * fade)
        painter.setPen(pen)
        dashed = look.dash != Qt.PenStyle.SolidLine
        for leg in self.legs[:-1]:
            self._stroke(painter, pen, leg, clip_line(leg, area), dashed)
        small = lod * ARROW_SIZE < 3
        self._stroke(painter, pen, self.line, line if small else clip_line(self.shaft, area), dashed)
        if small:
            return
        if area is None or area.intersects(self.head.boundingRect()):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(brush(look.color, look.opacity * fade))
            painter.drawPolygon(self.head)
        self.paint_tag(painter, lod, parts, visible)

    def paint_tag(self, painter: QPainter, lod: float, parts: list[QRectF] | None,
                  visible: QRectF | None) -> bool | None:
        """Draw the number, signs and label when the zoom shows them and the tag leg runs through `parts` (the
        parts painted again, grown; None: all) with the tag's centre in `visible` (None: anywhere). True when
        drawn (where: `tag`), False when there is nothing to draw at this zoom, None when it was left out here."""
        if not self.dimmed and lod >= GLYPH_LOD and self.tag_line().length() > 60:
            if (parts is None or any(clip_line(self.tag_line(), part) is not None for part in parts)) and (
                    visible is None or visible.contains(self.tag_centre())):
                self._paint_marks(painter, lod)
                return not self.tag.isEmpty()
            return None
        self.tag = QPolygonF()
        return False

    def _stroke(self, painter: QPainter, pen: QPen, leg: QLineF, piece: QLineF | None, dashed: bool) -> None:
        """Stroke `piece` of `leg` with `pen` (set on the painter), its dashes where they fall on the whole leg."""
        if piece is None:
            return
        if dashed and piece.p1() != leg.p1():
            shifted = QPen(pen)
            shifted.setDashOffset(dash_offset(leg.p1(), piece.p1(), pen.widthF(), hairline_scale(painter)))
            painter.setPen(shifted)
            painter.drawLine(piece)
            painter.setPen(pen)
        else:
            painter.drawLine(piece)

    def _paint_path(self, painter: QPainter, last: QLineF | None, visible: QRectF | None) -> None:
        """Stroke every leg with the painter's pen (the last one already clipped to `visible`, or None)."""
        self.paint_bends(painter, visible)
        if last is not None:
            painter.drawLine(last)

    def set_caption(self, number: str | None, caption: str) -> None:
        """Show `number` (the promise's number in the tree of promises) and `caption` (its text) on the arrow."""
        if (number, caption) != (self.number, self.caption):
            self.number, self.caption = number, caption
            self._retagged()

    def set_reading(self, state: str) -> None:
        """Mark the arrow with its latest figure's state: met, not met, without a verdict, or no mark ("")."""
        if state != self.reading:
            self.reading = state
            self._retagged()

    def _retagged(self) -> None:
        """Paint the tag again (the layer that draws it measures it again)."""
        lines = self._lines()
        if lines is not None:
            lines.retagged(self)
        self.repaint()

    def set_group(self, group: list[PromiseEdge], forward: bool) -> None:
        """Share the stretch between two parties with the arrows of `group` (every arrow between them, both ways,
        in order; `forward`: this one runs from the group's first party): each gets its own part of it for its
        tag, so parallel and opposite arrows never put their tags on top of each other."""
        self.group, self.forward = group, forward
        self._centre = None
        lines = self._lines()
        if lines is not None:
            lines.changed(self)  # its tag's centre moved
        self.repaint()

    def shape(self) -> QPainterPath:
        path = super().shape()
        if self.tag.isEmpty():
            return path
        tag = QPainterPath()
        tag.addPolygon(self.tag)
        return path.united(tag)  # the tag lies over the line: a union, no hole where they overlap

    def tag_stretch(self) -> tuple[float, float]:
        """Where along the tag leg (0 at its start, 1 at its end) this arrow's tag may lie: its part of the stretch
        that the arrows of its group run along side by side (those whose tag legs lie parallel and close to it)."""
        mine = self.tag_line()
        length = mine.length()
        if length < 1e-6:
            return 0.0, 1.0
        ux, uy = mine.dx() / length, mine.dy() / length
        if ux < -1e-9 or (abs(ux) <= 1e-9 and uy < 0):  # one direction for the whole group, opposite arrows too
            ux, uy = -ux, -uy
        ax, ay = mine.x1(), mine.y1()
        lo, hi = -math.inf, math.inf
        alongside: list[PromiseEdge] = []
        for edge in self.group if self in self.group else [self]:
            leg = mine if edge is self else edge.tag_line()
            if leg.length() < 1e-6:
                continue
            across = (leg.dx() * uy - leg.dy() * ux) / leg.length()
            apart = abs((leg.x1() - ax) * uy - (leg.y1() - ay) * ux)
            if abs(across) > 0.05 or apart > SIDE_BY_SIDE:
                continue
            ends = sorted(((q.x() - ax) * ux + (q.y() - ay) * uy) for q in (leg.p1(), leg.p2()))
            lo, hi = max(lo, ends[0]), min(hi, ends[1])
            alongside.append(edge)
        if hi <= lo:
            return 0.0, 1.0
        k, n = alongside.index(self), len(alongside)
        a, b = lo + (hi - lo) * k / n, lo + (hi - lo) * (k + 1) / n
        end = mine.dx() * ux + mine.dy() * uy  # where the leg's end lies on the axis (its start is at 0)
        ta, tb = a / end, b / end
        return (min(ta, tb), max(ta, tb))

    def tag_centre(self) -> QPointF:
        """The middle of this arrow's stretch, where its number, signs and label sit (scene units); kept until an
        arrow of its group moves or the group changes."""
        if self._centre is None:
            a, b = self.tag_stretch()
            self._centre = self.tag_line().pointAt((a + b) / 2)
        return self._centre

    def _tag_parts(self, lod: float) -> tuple[list[tuple[str, float, float]], str, float]:
        """The badges (kind, width, reach along the arrow) drawn upright on the arrow, and the label along it with
        its length, in scene units. Everything together reaches no further along the arrow than this arrow's
        stretch, so the tags of parallel and opposite arrows never overlap."""
        look = self.look
        leg = self.tag_line()
        length = max(leg.length(), 1e-6)
        run, rise = abs(leg.dx()) / length, abs(leg.dy()) / length
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
        if self.reading in readings.STATE_MARKS and self.reading != readings.NO_READINGS and look.count == 1:
            widths.append(("reading", 21.0, 21.0))
        badges = [(kind, w, w * run + h * rise + 2) for kind, w, h in widths]
        a, b = self.tag_stretch()
        stretch = leg.length() * (b - a) - TAG_GAP
        for least in ("reading", "glyph", "warning", "number", "count"):  # what has no room is left to the hover card
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
        leg = self.tag_line()
        angle = leg.angle()  # counter-clockwise degrees with y up; the label is turned to read left to right
        flipped = 90 < angle <= 270
        unit = leg.unitVector()
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
            elif kind == "reading":  # the latest figure: a square, where the status's glyph is a disc
                color = readings.STATE_COLORS[self.reading]
                painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
                painter.setBrush(brush(color))
                painter.drawRoundedRect(QRectF(middle.x() - 9, middle.y() - 9, 18, 18), 4, 4)
                if lod >= TEXT_LOD * 0.7:
                    painter.setFont(diagram_font(12, bold=True))
                    painter.setPen(QPen(QColor("#FFFFFF")))
                    painter.drawText(QRectF(middle.x() - 9, middle.y() - 9.5, 18, 18), Qt.AlignmentFlag.AlignCenter,
                                     readings.STATE_MARKS[self.reading])
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


def _repainted(option: QStyleOptionGraphicsItem, widget: QWidget | None) -> list[QRectF] | None:
    """The parts of the scene a view is painting again now (scene units), or None when not known (a picture).

    Qt tells an item only the box around all of them (`exposedRect`): an arrow that changed gives a few
    rectangles along it, and the arrows that merely cross their box need not be painted."""
    parts = getattr(widget.parent(), "repainting", None) if widget is not None else None
    if parts is None:
        exposed = _exposed(option)
        return None if exposed is None else [exposed]
    return parts


_grown_parts: tuple[list[QRectF] | None, list[QRectF]] = (None, [])


def _grown(parts: list[QRectF]) -> list[QRectF]:
    """The parts painted again, grown by how far an arrow draws from its line (its head, glow and tags): an arrow
    none of whose legs runs through them draws nothing there. Made once per paint (kept with the list it grew)."""
    global _grown_parts
    if _grown_parts[0] is not parts:
        reach = TAG_REACH + ARROW_SIZE
        _grown_parts = (parts, [part.adjusted(-reach, -reach, reach, reach) for part in parts])
    return _grown_parts[1]


def _exposed(option: QStyleOptionGraphicsItem) -> QRectF | None:
    """The exposed rectangle a view passes when it paints an item itself (None when it passes none)."""
    rect = option.exposedRect
    return None if rect.isEmpty() else rect


class MapLayer(QGraphicsItem):
    """An item that draws for many arrows of the map at once: it grows to reach them and never shrinks (telling Qt
    of a new size repaints all of it, the whole map; a rectangle too large only costs a few arrows looked at)."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def _grow_to(self, edges: Iterable[PromiseEdge]) -> None:
        """Grow to reach these arrows."""
        rect = QRectF(self._rect)
        for edge in edges:
            rect = rect.united(edge.boundingRect())
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect


class HaloLayer(MapLayer):
    """The red halos of every unempowered promise, drawn in one batch under all the arrows.

    One opaque batch is cheap (a translucent wide line per arrow cost 0.5 ms each), and lying under every arrow
    it marks the problem without hiding the arrows that cross it. Arrows being dragged draw their own halo.
    """

    def __init__(self) -> None:
        super().__init__()
        self.edges: set[PromiseEdge] = set()
        self.setZValue(-1.0)

    def set_edges(self, edges: set[PromiseEdge]) -> None:
        """Draw the halos of these arrows (the unempowered ones): only where halos came or went is painted again."""
        if edges != self.edges:
            changed = self.edges.symmetric_difference(edges)
            self.edges = set(edges)
            self._grow_to(changed)
            for edge in changed:
                self._repaint_under(edge)

    def mark(self, edge: PromiseEdge) -> None:
        """Take an arrow whose look changed into account (a halo more, or one less). The arrow asked for its band
        to be painted again when its look changed (asking twice would double the rectangles a view is told of: past
        50 a view repaints their whole box, most of a view for a long slanted arrow)."""
        if edge.look.problem != (edge in self.edges):
            (self.edges.add if edge.look.problem else self.edges.discard)(edge)
            self._grow_to([edge])

    def _repaint_under(self, edge: PromiseEdge) -> None:
        """Paint the halo under `edge` again (along it, not in its whole box)."""
        edge.repaint()

    def refit(self) -> None:
        """Reach the halos' arrows after they moved or changed (an arrow that moves repaints where it was and is,
        the halo under it too: the layer itself is not painted again, it spans the whole map). Not while the
        arrows' layer draws the halos (a large map: a look over every halo after each drop)."""
        if not self._drawn_by_lines():
            self._grow_to(self.edges)

    def _drawn_by_lines(self) -> bool:
        """Whether the layer that draws a large map's arrows draws their halos under them."""
        scene = self.scene()
        lines = getattr(scene, "arrow_lines", None)
        return lines is not None and lines.enabled

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._drawn_by_lines():
            return
        scene = self.scene()
        live = getattr(scene, "live", set()) if scene is not None else set()
        visible = visible_rect(painter, widget) if widget is not None else _exposed(option)
        parts = getattr(widget.parent(), "repainting", None) if widget is not None else None
        if parts and visible is not None:  # only the halos under what is painted again (an arrow that changed)
            around = parts[0]
            for part in parts[1:]:
                around = around.united(part)
            visible = visible.intersected(around)
        bright, faded = [], []
        for edge in self.edges:
            if edge.source.node_id in live or edge.target.node_id in live:
                continue
            box = edge.boundingRect()
            if visible is not None and not (visible.intersects(box) and (
                    parts is None or any(part.intersects(box) for part in parts))):
                continue
            (faded if edge.dimmed else bright).extend(edge.legs or [edge.line])
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



def offset_polyline(points: list[tuple[float, float]], offset: float) -> list[tuple[float, float]]:
    """The polyline through `points` moved `offset` to its left, every leg parallel to its own (mitred corners)."""
    normals = []
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        normals.append((-(y2 - y1) / length, (x2 - x1) / length))
    moved = [(points[0][0] + normals[0][0] * offset, points[0][1] + normals[0][1] * offset)]
    for (x, y), (ax, ay), (bx, by) in zip(points[1:-1], normals, normals[1:], strict=False):
        mx, my = ax + bx, ay + by
        cos = (mx * bx + my * by) / (math.hypot(mx, my) or 1.0)
        scale = offset / max(cos, 0.3) / (math.hypot(mx, my) or 1.0)
        moved.append((x + mx * scale, y + my * scale))
    moved.append((points[-1][0] + normals[-1][0] * offset, points[-1][1] + normals[-1][1] * offset))
    return moved

"""The zoomed-out promise map: arrows batched by colour, unempowered ones under one red halo, the focus kept.

The diagram's OverviewPainter draws every arrow in one grey; here the arrows keep their status (or value)
colour, problems stay unmistakable as a batch of thick translucent red lines, and what is outside the focus
is drawn faded. Nodes, the selection, the link being drawn and the rubber band are drawn as in the diagram.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from widgets.diagram.items import NodeItem
from widgets.diagram.overview import Geometry, OverviewPainter, draw_nodes, draw_selection
from widgets.diagram.style import ARROW_SIZE, KIND_STYLES, SELECTION, SHAPE_LOD, pens
from widgets.promises.items import HALO, PromiseEdge
from widgets.promises.style import DIM_OPACITY, NODE_DIM, PROBLEM

if TYPE_CHECKING:
    from widgets.diagram.view import DiagramView


class PromiseOverviewPainter(OverviewPainter):
    """Paints the promise map in batches below the readable scale, caching what stands still."""

    def paint(self, view: DiagramView, painter: QPainter) -> None:
        scene = view.diagram()
        viewport = view.viewport()
        t = view.viewportTransform()
        dpr = viewport.devicePixelRatioF()
        key = (scene.revision, t.m11(), t.m22(), t.dx(), t.dy(), viewport.width(), viewport.height(), dpr,
               view.backgroundBrush().color().rgba())
        if key != self._key or self._image is None:
            self._image = self._render_still(view, t, dpr)
            self._key = key
            self.renders += 1
        painter.drawImage(QPointF(0, 0), self._image)
        painter.setTransform(t)
        scale = t.m11()
        if scene.live:
            nodes = [scene.nodes[i] for i in scene.live if i in scene.nodes]
            draw_promise_edges(painter, {e for n in nodes for e in n.edges}, scale)
            draw_nodes(painter, nodes, scale)
        selected = scene.selectedItems()
        if selected:
            draw_selection(painter, selected, scale)
        line = scene.link_line()
        if line is not None:
            pen = QPen(SELECTION, 2.0, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(line)
        band = view.rubberBandRect()
        if not band.isNull():
            painter.resetTransform()
            painter.setPen(QPen(SELECTION, 1.0))
            painter.setBrush(QColor(0, 114, 178, 40))
            painter.drawRect(QRect(band))

    def _render_still(self, view: DiagramView, t: QTransform, dpr: float) -> QImage:
        viewport = view.viewport()
        image = QImage(round(viewport.width() * dpr), round(viewport.height() * dpr),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(view.backgroundBrush().color())
        geometry = self.geometry(view.diagram())
        painter = QPainter(image)
        painter.setTransform(t)
        scale = t.m11()
        draw_promise_edges(painter, geometry.edges, scale)
        faded = [n for n in geometry.nodes if getattr(n, "dimmed", False)]
        if faded:
            painter.setOpacity(NODE_DIM)
            draw_node_group(painter, faded, scale)
            painter.setOpacity(1.0)
            draw_node_group(painter, [n for n in geometry.nodes if not getattr(n, "dimmed", False)], scale)
        else:
            draw_still_nodes(painter, geometry, scale)
        painter.end()
        return image


def _border_pen(key: str, scale: float) -> QPen:
    pen = QPen(QColor(KIND_STYLES[key].border), max(1.0, 2.5 * scale))
    pen.setCosmetic(True)
    return pen


def draw_still_nodes(painter: QPainter, geometry: Geometry, scale: float) -> None:
    """Every still node from the overview's cached geometry: outlines by kind, or rectangles when tiny."""
    p = pens()
    if scale >= SHAPE_LOD:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for key, path in geometry.outlines().items():
            painter.setPen(_border_pen(key, scale))
            painter.setBrush(p.fill[key])
            painter.drawPath(path)
    else:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for key, rects in geometry.rects.items():
            painter.setBrush(QBrush(p.solid[key]))
            painter.drawRects(rects)


def draw_node_group(painter: QPainter, nodes: list[NodeItem], scale: float) -> None:
    """Some nodes in one batch per kind (used while the focus fades part of the map)."""
    p = pens()
    by_kind: dict[str, list[NodeItem]] = {}
    for node in nodes:
        by_kind.setdefault(node.style_key, []).append(node)
    if scale >= SHAPE_LOD:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for key, group in by_kind.items():
            path = QPainterPath()
            for node in group:
                path.addPath(node.outline.translated(node.pos()))
            painter.setPen(_border_pen(key, scale))
            painter.setBrush(p.fill[key])
            painter.drawPath(path)
    else:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for key, group in by_kind.items():
            painter.setBrush(QBrush(p.solid[key]))
            painter.drawRects([node.rect.translated(node.pos()) for node in group])


def draw_promise_edges(painter: QPainter, edges: Iterable, scale: float) -> None:
    """Arrows in a few batches: faded ones first, then the problems' red borders, then a batch per colour.

    While a focus fades part of the map, the arrows in it are drawn wider so that the chain stands out."""
    groups: dict[tuple[bool, str], list] = {}
    halos = []
    focus = False
    for edge in edges:
        look = getattr(edge, "look", None)
        color = look.color if look is not None else "#4A5562"
        faded = isinstance(edge, PromiseEdge) and edge.dimmed
        focus |= faded
        groups.setdefault((not faded, color), []).append(edge)
        if look is not None and look.problem and not faded:
            halos.append(edge.line)
    if not groups:
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, scale >= SHAPE_LOD)
    with_heads = scale * ARROW_SIZE >= 2.5
    width = max(2.5 if focus else 1.0, 2.6 * scale)
    for (clear, color), group in sorted(groups.items()):
        if clear and halos:  # vermillion under the line: a red border that survives the smallest scale
            pen = QPen(PROBLEM, max(width + 2.5, HALO * scale * 0.6))
            pen.setCosmetic(True)
            painter.setOpacity(1.0)
            painter.setPen(pen)
            painter.drawLines(halos)
            halos = []
        painter.setOpacity(1.0 if clear else DIM_OPACITY)
        pen = QPen(QColor(color), width if clear else max(1.0, 2.6 * scale))
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLines([e.line for e in group])
        if with_heads:
            heads = QPainterPath()
            for e in group:
                heads.addPolygon(e.head)
            painter.fillPath(heads, QColor(color))
    painter.setOpacity(1.0)

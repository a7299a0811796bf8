"""The zoomed-out drawing: every node and arrow in a few batched calls, no text (none would be readable).

Painting item by item costs the view a Python call per item (21 ms for 1,000 plain items, 78 ms for 5,000);
below OVERVIEW_SCALE the view asks this painter instead. Two things are kept between paints: the drawing's
geometry in scene units (lines, rectangles, outlines by kind), rebuilt when the scene's `revision` changes,
and the image of what stands still, redrawn when the geometry, the zoom or the scroll position changes. Above
BUNDLE_LINKS_ABOVE arrows, they are drawn as bundles (widgets.diagram.bundles) with a note saying so.
Nodes being dragged, the selection, a link being drawn and the rubber band are drawn on top at every paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from widgets.diagram.bundles import BundleCache, Bundles, bundle_lines, fitting
from widgets.diagram.items import EdgeItem, NodeItem
from widgets.diagram.style import ARROW_SIZE, EDGE_COLOR, EDGE_WIDTH, KIND_STYLES, SELECTION, SHAPE_LOD, pens
from widgets.diagram.summary import clipped, draw_bundle_labels, draw_bundles, draw_corner_note

BUNDLE_LINKS_ABOVE = 2000
"""A diagram with more arrows than this is drawn zoomed out as bundles: thousands of lines are a haze."""
HALF_RESOLUTION_PIXELS = 1_000_000
"""Above this many pixels of arrows (about 5 ms of drawing), the still image draws them at half resolution."""

if TYPE_CHECKING:
    from widgets.diagram.scene import DiagramScene
    from widgets.diagram.view import DiagramView


class Geometry:
    """What the overview draws of a scene's still part, in scene units, built once per scene revision."""

    def __init__(self, scene: DiagramScene) -> None:
        live = scene.live
        self.nodes = [n for n in scene.nodes.values() if n.node_id not in live]
        self.edges = [e for e in scene.edges.values()
                      if e.source.node_id not in live and e.target.node_id not in live]
        self.lines = [leg for e in self.edges for leg in e.legs or [e.line]]
        self.line_length = sum(line.length() for line in self.lines)
        """Total length of the arrows in scene units (how many pixels drawing them costs, times the scale)."""
        self.rects: dict[str, list[QRectF]] = {}
        for node in self.nodes:
            self.rects.setdefault(node.style_key, []).append(node.rect.translated(node.pos()))
        self._heads: QPainterPath | None = None
        self._ends: np.ndarray | None = None
        self._outlines: dict[str, QPainterPath] | None = None
        self._marks: dict[bool, QPainterPath] | None = None

    def bundles(self, cell: float) -> Bundles:
        """The arrows' lines bundled by the `cell`-sized grid cells of their ends (widgets.diagram.bundles)."""
        if self._ends is None or len(self._ends) != len(self.lines):
            self._ends = np.array([(line.x1(), line.y1(), line.x2(), line.y2()) for line in self.lines],
                                  dtype=float).reshape(-1, 4)
        ends = self._ends
        return bundle_lines(ends[:, 0], ends[:, 1], ends[:, 2], ends[:, 3], cell)

    def heads(self) -> QPainterPath:
        """Every arrow head in one path (made on first use: only zoomed in enough to see them)."""
        if self._heads is None:
            self._heads = QPainterPath()
            for edge in self.edges:
                self._heads.addPolygon(edge.head)
        return self._heads

    def outlines(self) -> dict[str, QPainterPath]:
        """Every node's shape in one path per kind (made on first use: only where shapes are big enough)."""
        if self._outlines is None:
            self._outlines = {}
            for node in self.nodes:
                path = self._outlines.setdefault(node.style_key, QPainterPath())
                path.addPath(node.outline.translated(node.pos()))
        return self._outlines

    def marks(self) -> dict[bool, QPainterPath]:
        """The badges' indicator marks, met and not met, as two paths."""
        if self._marks is None:
            self._marks = {True: QPainterPath(), False: QPainterPath()}
            for node in self.nodes:
                centre = node.status_centre()
                if centre is not None:
                    self._marks[bool(node.badge and node.badge.status)].addEllipse(centre + node.pos(), 7.5, 7.5)
        return self._marks


class OverviewPainter:
    """Paints a diagram scene into a view's viewport in batches, caching the part that stands still."""

    bundle_above = BUNDLE_LINKS_ABOVE
    """With more lines of arrows than this, the still arrows are drawn as bundles (widgets.diagram.bundles)."""

    def __init__(self) -> None:
        self._bundles = BundleCache()
        self.last_strokes = 0
        """How many lines the last still image stroked for its arrows (bundles, or arrows), for tests."""
        self.last_note = ""
        """The note the last still image showed ("" when none)."""
        self._key: tuple | None = None
        self._image: QImage | None = None
        self._geometry: Geometry | None = None
        self._revision = -1
        self.renders = 0
        """How many times the still part was drawn afresh (for tests and benchmarks)."""

    def invalidate(self, geometry: bool = False) -> None:
        """Forget the cached image (and, with `geometry`, the cached geometry): the next paint redraws."""
        self._key = None
        self._image = None
        if geometry:
            self._geometry = None
            self._revision = -1

    def geometry(self, scene: DiagramScene) -> Geometry:
        """The still part's geometry for the scene's current revision."""
        if self._geometry is None or self._revision != scene.revision:
            self._geometry = Geometry(scene)
            self._revision = scene.revision
        return self._geometry

    def paint(self, view: DiagramView, painter: QPainter) -> None:
        """Paint the whole viewport of `view`."""
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
        live = scene.live
        if live:
            nodes = [scene.nodes[i] for i in live if i in scene.nodes]
            self.draw_edges(painter, {e for n in nodes for e in n.edges}, scale)
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
        painter = QPainter(image)
        painter.setTransform(t)
        self.draw_still(painter, self.geometry(view.diagram()), view, t, dpr)
        painter.end()
        return image

    def draw_edges(self, painter: QPainter, edges: Iterable[EdgeItem], scale: float) -> None:
        """Hook: draw some arrows (the moving ones); here all in one grey batch of shafts and heads."""
        edges = list(edges)
        draw_lines(painter, [leg for e in edges for leg in e.legs or [e.line]], scale)
        if scale * ARROW_SIZE >= 2.5:
            heads = QPainterPath()
            for edge in edges:
                heads.addPolygon(edge.head)
            painter.fillPath(heads, pens().edge_brush)

    def draw_still(self, painter: QPainter, geometry: Geometry, view: DiagramView, t: QTransform,
                   dpr: float) -> None:
        """Hook: draw the still part into the cached image (painter already set to the view's transform)."""
        scale = t.m11()
        viewport = view.viewport()
        self.last_note = ""
        if len(geometry.lines) > self.bundle_above:
            area = t.inverted()[0].mapRect(QRectF(viewport.rect())).adjusted(-50, -50, 50, 50)
            bundles = fitting(self._bundles, (view.diagram().revision, id(geometry)), scale, geometry.bundles,
                              lambda made: int(clipped(made, area)[1].sum()))
            self.last_strokes = draw_bundles(painter, bundles, [EDGE_COLOR], area=area)
            self.last_note = link_note(len(geometry.lines), len(bundles))
        elif geometry.line_length * scale * dpr > HALF_RESOLUTION_PIXELS:
            # A haze of long arrows: drawn at half resolution and scaled up (half the pixels to set).
            half = QImage(max(1, round(viewport.width() * dpr) // 2), max(1, round(viewport.height() * dpr) // 2),
                          QImage.Format.Format_ARGB32_Premultiplied)
            half.fill(Qt.GlobalColor.transparent)
            lines = QPainter(half)
            lines.setTransform(t * QTransform.fromScale(half.width() / viewport.width(),
                                                        half.height() / viewport.height()))
            draw_lines(lines, geometry.lines, scale)
            lines.end()
            painter.resetTransform()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QRectF(0, 0, viewport.width(), viewport.height()), half)
            painter.setTransform(t)
        else:
            draw_lines(painter, geometry.lines, scale)
        if not self.last_note:
            self.last_strokes = len(geometry.lines)
            if scale * ARROW_SIZE >= 2.5:
                painter.fillPath(geometry.heads(), pens().edge_brush)
        draw_still_nodes(painter, geometry, scale)
        if scale >= SHAPE_LOD:
            p = pens()
            painter.setPen(Qt.PenStyle.NoPen)
            for status, path in geometry.marks().items():
                if not path.isEmpty():
                    painter.fillPath(path, p.met if status else p.not_met)
        if self.last_note:
            draw_bundle_labels(painter, bundles, t, QRectF(viewport.rect()), [EDGE_COLOR])
            draw_corner_note(painter, self.last_note, viewport.height())


def link_note(links: int, bundles: int) -> str:
    """What a zoomed-out diagram shows of its links: so many in so many bundles, and how to see each."""
    drawn = QCoreApplication.translate("DiagramView", "%Ln bundle(s)", "", bundles)
    return QCoreApplication.translate(
        "DiagramView", "Summary: %Ln link(s) in %1. Zoom in to see each link.", "", links).replace("%1", drawn)


def _border_pen(key: str, scale: float) -> QPen:
    pen = QPen(QColor(KIND_STYLES[key].border), max(1.0, 2.5 * scale))
    pen.setCosmetic(True)
    return pen


def draw_node_batches(painter: QPainter, scale: float, outlines: Callable[[], dict[str, QPainterPath]],
                      rects: dict[str, list[QRectF]]) -> None:
    """Nodes in one batch per kind: outlines with fill and border (asked for only when shapes show), or rectangles."""
    p = pens()
    if scale >= SHAPE_LOD:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for key, path in outlines().items():
            painter.setPen(_border_pen(key, scale))
            painter.setBrush(p.fill[key])
            painter.drawPath(path)
    else:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for key, group in rects.items():
            painter.setBrush(QBrush(p.solid[key]))
            painter.drawRects(group)


def draw_still_nodes(painter: QPainter, geometry: Geometry, scale: float) -> None:
    """Every still node from the overview's cached geometry: outlines by kind, or rectangles when tiny."""
    draw_node_batches(painter, scale, geometry.outlines, geometry.rects)


def draw_lines(painter: QPainter, lines: list[QLineF], scale: float) -> None:
    """Arrow shafts as one batch of cosmetic lines (antialiased only where shapes are drawn too)."""
    if not lines:
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, scale >= SHAPE_LOD)
    pen = QPen(EDGE_COLOR, max(1.0, EDGE_WIDTH * scale))
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.drawLines(lines)


def draw_nodes(painter: QPainter, nodes: Iterable[NodeItem], scale: float) -> None:
    """A few nodes as the overview shows them: shapes with fill and border, or plain rectangles when tiny."""
    p = pens()
    for node in nodes:
        key = node.style_key
        if scale >= SHAPE_LOD:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(_border_pen(key, scale))
            painter.setBrush(p.fill[key])
            painter.drawPath(node.outline.translated(node.pos()))
        else:
            painter.fillRect(node.rect.translated(node.pos()), p.solid[key])


def draw_selection(painter: QPainter, items: list, scale: float) -> None:
    """Outlines around the selected nodes and the selected arrows in the selection colour."""
    pen = QPen(SELECTION, 2.0)
    pen.setCosmetic(True)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    margin = 3.0 / max(scale, 1e-3)
    rects: list[QRectF] = []
    lines = []
    for item in items:
        if isinstance(item, NodeItem):
            rects.append(item.rect.translated(item.pos()).adjusted(-margin, -margin, margin, margin))
        elif isinstance(item, EdgeItem):
            lines.extend(item.legs or [item.line])
    if rects:
        painter.drawRects(rects)
    if lines:
        painter.drawLines(lines)

"""The zoomed-out promise map: arrows batched by colour, unempowered ones under one red halo, the focus kept.

The diagram's OverviewPainter draws every arrow in one grey; here the arrows keep their status (or value)
colour, problems stay unmistakable as a batch of thick translucent red lines, and what is outside the focus
is drawn faded. Nodes, the selection, the link being drawn and the rubber band are drawn as in the diagram.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from widgets.diagram.items import NodeItem
from widgets.diagram.overview import Geometry, OverviewPainter, draw_node_batches, draw_still_nodes
from widgets.diagram.style import ARROW_SIZE, SHAPE_LOD, diagram_font
from widgets.promises.items import HALO, PromiseEdge
from widgets.promises.style import DIM_OPACITY, NODE_DIM, PROBLEM

if TYPE_CHECKING:
    from widgets.diagram.view import DiagramView


Summary = tuple[dict[tuple[bool, str], list[QLineF]], list[QLineF], int]
"""The pairs of parties drawn as one line each (no arrow items yet): lines by (in focus, colour), the lines of
those with a problem, how many pairs."""


class PromiseOverviewPainter(OverviewPainter):
    """Paints the promise map in batches below the readable scale, caching what stands still."""

    def __init__(self, summary: Callable[[], Summary] | None = None) -> None:
        super().__init__()
        self.summary = summary
        """Gives the summary lines of a large map's pairs without arrow items (widgets.promises.lazy)."""

    def draw_edges(self, painter: QPainter, edges: Iterable, scale: float) -> None:
        """The moving arrows in their status colours."""
        draw_promise_edges(painter, edges, scale)

    def draw_still(self, painter: QPainter, geometry: Geometry, view: DiagramView, t: QTransform,
                   dpr: float) -> None:
        """The still arrows in their colours, then the nodes (those outside the focus faded)."""
        scale = t.m11()
        groups, problems, pairs = self.summary() if self.summary is not None else ({}, [], 0)
        draw_summary(painter, groups, problems, scale)
        draw_promise_edges(painter, geometry.edges, scale)
        faded = [n for n in geometry.nodes if getattr(n, "dimmed", False)]
        if faded:
            painter.setOpacity(NODE_DIM)
            draw_node_group(painter, faded, scale)
            painter.setOpacity(1.0)
            draw_node_group(painter, [n for n in geometry.nodes if not getattr(n, "dimmed", False)], scale)
        else:
            draw_still_nodes(painter, geometry, scale)
        if pairs:
            draw_summary_note(painter, view, pairs)


def draw_node_group(painter: QPainter, nodes: list[NodeItem], scale: float) -> None:
    """Some nodes in one batch per kind (used while the focus fades part of the map)."""
    by_kind: dict[str, list[NodeItem]] = {}
    for node in nodes:
        by_kind.setdefault(node.style_key, []).append(node)

    def outlines() -> dict[str, QPainterPath]:
        paths = {}
        for key, group in by_kind.items():
            path = paths[key] = QPainterPath()
            for node in group:
                path.addPath(node.outline.translated(node.pos()))
        return paths

    rects = {key: [node.rect.translated(node.pos()) for node in group] for key, group in by_kind.items()}
    draw_node_batches(painter, scale, outlines, rects)


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
            halos.extend(edge.legs or [edge.line])
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
        painter.drawLines([leg for e in group for leg in (e.legs or [e.line])])
        if with_heads:
            heads = QPainterPath()
            for e in group:
                heads.addPolygon(e.head)
            painter.fillPath(heads, QColor(color))
    painter.setOpacity(1.0)


def draw_summary(painter: QPainter, groups: dict[tuple[bool, str], list[QLineF]], problems: list[QLineF],
                 scale: float) -> None:
    """The summary lines (one per pair of parties, from centre to centre): faded ones first, the problems' red
    border, then a batch per colour."""
    if not groups:
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, scale >= SHAPE_LOD)
    width = max(1.0, 2.6 * scale)
    for (clear, color), lines in sorted(groups.items()):
        if clear and problems:
            pen = QPen(PROBLEM, max(width + 2.5, HALO * scale * 0.6))
            pen.setCosmetic(True)
            painter.setOpacity(1.0)
            painter.setPen(pen)
            painter.drawLines(problems)
            problems = []
        painter.setOpacity(1.0 if clear else DIM_OPACITY)
        pen = QPen(QColor(color), width)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLines(lines)
    painter.setOpacity(1.0)


def draw_summary_note(painter: QPainter, view: DiagramView, pairs: int) -> None:
    """Say in the corner of the overview that it is a summary: one line per pair of parties, zoom in to read."""
    text = QCoreApplication.translate(
        "PromiseMap", "Summary: %n pair(s) of parties drawn as one line each. Zoom in to see each promise.", "",
        pairs)
    painter.save()
    painter.resetTransform()
    draw_note(painter, text, view.viewport().height())
    painter.restore()


def draw_note(painter: QPainter, text: str, height: int) -> None:
    """A dark note in the lower left corner of a view (painter in viewport pixels)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(diagram_font(13))
    width = painter.fontMetrics().horizontalAdvance(text) + 24
    box = QRectF(12, height - 44, width, 30)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(29, 39, 51, 215))
    painter.drawRoundedRect(box, 6, 6)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

"""The zoomed-out promise map: arrows batched by colour, unempowered ones under one red halo, the focus kept.

The diagram's OverviewPainter draws every arrow in one grey; here the arrows keep their status (or value)
colour, problems stay unmistakable as a batch of thick translucent red lines, and what is outside the focus
is drawn faded. A large map (or one too dense to tell its arrows apart) is drawn as bundles instead
(widgets.diagram.bundles): one line per pair of grid cells, as wide as the log of its promises, «×N» on it.
Nodes, the selection, the link being drawn and the rubber band are drawn as in the diagram.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from widgets.diagram.bundles import Bundles
from widgets.diagram.items import NodeItem
from widgets.diagram.overview import Geometry, OverviewPainter, draw_node_batches, draw_still_nodes
from widgets.diagram.style import ARROW_SIZE, SHAPE_LOD
from widgets.diagram.summary import draw_bundle_labels, draw_bundles, draw_corner_note
from widgets.promises.items import HALO, PromiseEdge
from widgets.promises.style import DIM_OPACITY, NODE_DIM, PROBLEM

if TYPE_CHECKING:
    from widgets.diagram.view import DiagramView


@dataclass(frozen=True)
class BundleSummary:
    """What the zoomed-out map draws of its promises: bundles (widgets.diagram.bundles) with their colours, the
    group of the faded ones (None when nothing is faded), how many promises they stand for, their cell size."""

    bundles: Bundles
    colours: list[QColor]
    faded: int | None
    promises: int
    cell: float


class PromiseOverviewPainter(OverviewPainter):
    """Paints the promise map in batches below the readable scale, caching what stands still."""

    def __init__(self, summary: Callable[[float, Geometry, QRectF], BundleSummary | None] | None = None) -> None:
        super().__init__()
        self.summary = summary
        """Gives the bundles of a large (or dense) map at a scale for a visible area, or None to draw each arrow."""
        self.last_strokes = 0
        """How many promise lines the last still image stroked (bundles, or arrows), for tests."""
        self.last_note = ""
        """The note the last still image showed ("" when none)."""
        self._faded: tuple[Geometry, list] | None = None

    def draw_edges(self, painter: QPainter, edges: Iterable, scale: float) -> None:
        """The moving arrows in their status colours."""
        draw_promise_edges(painter, edges, scale)

    def draw_still(self, painter: QPainter, geometry: Geometry, view: DiagramView, t: QTransform,
                   dpr: float) -> None:
        """The still arrows in their colours (or their bundles), then the nodes (those outside the focus faded)."""
        scale = t.m11()
        area = t.inverted()[0].mapRect(QRectF(view.viewport().rect())).adjusted(-50, -50, 50, 50)
        summary = self.summary(scale, geometry, area) if self.summary is not None else None
        if summary is None:
            draw_promise_edges(painter, geometry.edges, scale)
            self.last_strokes = sum(len(e.legs or [e.line]) for e in geometry.edges)
        else:
            self.last_strokes = draw_bundles(painter, summary.bundles, summary.colours, halo=PROBLEM,
                                             faded=summary.faded, faded_opacity=DIM_OPACITY, area=area)
        if self._faded is None or self._faded[0] is not geometry:  # a focus change invalidates the geometry
            self._faded = (geometry, [n for n in geometry.nodes if getattr(n, "dimmed", False)])
        faded = self._faded[1]
        if faded:
            painter.setOpacity(NODE_DIM)
            draw_node_group(painter, faded, scale)
            painter.setOpacity(1.0)
            draw_node_group(painter, [n for n in geometry.nodes if not getattr(n, "dimmed", False)], scale)
        else:
            draw_still_nodes(painter, geometry, scale)
        self.last_note = ""
        if summary is not None:
            draw_bundle_labels(painter, summary.bundles, t, QRectF(view.viewport().rect()), summary.colours,
                               summary.faded)
            self.last_note = summary_note(summary.promises, len(summary.bundles))
            draw_corner_note(painter, self.last_note, view.viewport().height())


def summary_note(promises: int, bundles: int) -> str:
    """What the zoomed-out map shows: so many promises in so many bundles, and how to see each."""
    lines = QCoreApplication.translate("PromiseMap", "%Ln bundle(s)", "", bundles)
    return QCoreApplication.translate(
        "PromiseMap", "Summary: %Ln promise(s) in %1. Zoom in to see each promise.", "", promises).replace("%1", lines)


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

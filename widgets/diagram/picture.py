"""Pictures of a diagram for the clipboard: what the view shows, or only the selection, at a good resolution."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from widgets.diagram.items import NodeItem
from widgets.diagram.scene import DiagramScene
from widgets.diagram.view import DiagramView

MAX_SIDE = 8000
"""The longest side of a picture in pixels (a whole large organisation is scaled down to it)."""
PICTURE_SCALE = 2.0
"""Pixels per scene unit: twice what the screen shows at 100 %, sharp on slides and in messengers."""


def render_scene(scene: DiagramScene, source: QRectF, only: set[QGraphicsItem] | None = None,
                 scale: float = PICTURE_SCALE, max_side: int = MAX_SIDE) -> QImage:
    """`source` (scene units) drawn on white at `scale` pixels per unit (less if a side would pass `max_side`).

    With `only`, the other items in `source` are left out. Selection outlines and link handles are not drawn.
    """
    scale = min(scale, max_side / max(source.width(), 1.0), max_side / max(source.height(), 1.0))
    width, height = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    hidden: list[QGraphicsItem] = []
    if only is not None:
        for item in scene.items(source):
            if item not in only and item.isVisible():
                item.setVisible(False)
                hidden.append(item)
    NodeItem.plain = True
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, width, height), source, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        painter.end()
        NodeItem.plain = False
        for item in hidden:
            item.setVisible(True)
    return image


def view_picture(view: DiagramView) -> QImage:
    """What the view shows now, at PICTURE_SCALE pixels per scene unit (or more, when zoomed in)."""
    source = view.mapToScene(view.viewport().rect()).boundingRect()
    return render_scene(view.diagram(), source, scale=max(PICTURE_SCALE, view.zoom * 2))


def selection_picture(scene: DiagramScene) -> QImage | None:
    """The selected nodes with the arrows among them (and selected arrows) cut out on white; None if none."""
    nodes = scene.selected_nodes()
    edges = scene.selected_edges()
    if not nodes and not edges:
        return None
    chosen: set[QGraphicsItem] = set(nodes)
    ids = {n.node_id for n in nodes}
    for node in nodes:
        for edge in node.edges:
            if edge.source.node_id in ids and edge.target.node_id in ids:
                chosen.add(edge)
    for edge in edges:
        chosen.update((edge, edge.source, edge.target))
    source = QRectF()
    for item in chosen:
        source = source.united(item.sceneBoundingRect())
    return render_scene(scene, source.adjusted(-24, -24, 24, 24), only=chosen)


def copy_picture(view: DiagramView, selection_only: bool = False) -> QImage:
    """Put a picture of the selection (or, without one, of the view) on the clipboard; returns it."""
    image = selection_picture(view.diagram()) if selection_only else None
    if image is None:
        image = view_picture(view)
    QGuiApplication.clipboard().setImage(image)
    return image


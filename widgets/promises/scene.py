"""The promise map's scene and view: a card on hover over an arrow, and a fit that keeps the names readable."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsSceneHelpEvent, QGraphicsView, QToolTip

from widgets.diagram.scene import DiagramScene
from widgets.diagram.style import NAME_PIXELS
from widgets.diagram.view import DiagramView
from widgets.promises.items import PromiseEdge

READABLE_PIXELS = 11.0
"""The smallest height of a party's name on screen after a fit, in pixels."""
READABLE_ZOOM = READABLE_PIXELS / NAME_PIXELS
"""A fit never zooms out further than this: a map too large to be read whole is shown from its top, centred."""


class PromiseScene(DiagramScene):
    """A diagram scene whose arrows answer a hover with the card of their promise (or bundle)."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.edge_card: Callable[[PromiseEdge], str] | None = None
        """Gives the card of an arrow (made when asked for, in the current language)."""

    def edge_at(self, pos: QPointF, transform: QTransform) -> PromiseEdge | None:
        """The arrow (or its label) under a scene point, the topmost first."""
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder,
                               transform):
            if isinstance(item, PromiseEdge):
                return item
        return None

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        pos = event.scenePos()
        view = event.widget().parentWidget() if event.widget() is not None else None
        transform = view.transform() if isinstance(view, QGraphicsView) else QTransform()
        edge = None if self.node_at(pos) is not None else self.edge_at(pos, transform)
        text = self.edge_card(edge) if edge is not None and self.edge_card is not None else ""
        if not text:
            super().helpEvent(event)
            return
        QToolTip.showText(event.screenPos(), text, event.widget())
        event.accept()


class PromiseView(DiagramView):
    """The map's view: fitting shows the whole map when its names stay readable, else as much of it as they allow."""

    def fit_all(self) -> None:
        """Show every party, but never with names under READABLE_PIXELS (then the top of the map, centred)."""
        rect = self.diagram().nodes_rect().adjusted(-20, -30, 20, 20)
        if rect.isEmpty():
            return
        self.fit_rect(rect)
        if self.zoom >= READABLE_ZOOM:
            return
        self.setTransform(QTransform.fromScale(READABLE_ZOOM, READABLE_ZOOM))
        self.update_scroll_area()
        area = self.viewport().rect()
        half_height = area.height() / 2 / READABLE_ZOOM
        top = QPointF(rect.center().x(), rect.top() + half_height)
        self.centerOn(top if rect.height() > 2 * half_height else QPointF(rect.center()))
        self.zoom_changed.emit(READABLE_ZOOM)

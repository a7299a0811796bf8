"""The promise map's scene: a card on hover over an arrow."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsSceneHelpEvent, QGraphicsView, QToolTip

from widgets.diagram.remote import with_note
from widgets.diagram.scene import DiagramScene
from widgets.promises.items import PromiseEdge


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
        if text and edge is not None:
            text = with_note(text, self.remote_note(edge.edge_id))
        if not text:
            super().helpEvent(event)
            return
        QToolTip.showText(event.screenPos(), text, event.widget())
        event.accept()

"""The promise map's scene: a card on hover over an arrow."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsSceneHelpEvent, QGraphicsView, QToolTip

from widgets.diagram.items import EdgeItem
from widgets.diagram.remote import with_note
from widgets.diagram.scene import DiagramScene
from widgets.promises.items import PromiseEdge
from widgets.promises.lines import ArrowLines


class PromiseScene(DiagramScene):
    """A diagram scene whose arrows answer a hover with the card of their promise (or bundle)."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.edge_card: Callable[[PromiseEdge], str] | None = None
        """Gives the card of an arrow (made when asked for, in the current language)."""
        self.arrow_lines = ArrowLines()
        """Draws a large map's arrows in batches (widgets.promises.lines); off until the map says how large it is."""
        self.addItem(self.arrow_lines)
        self._selected_arrows: set[PromiseEdge] = set()
        self.selectionChanged.connect(self._follow_selection)

    # ------------------------------------------------------------------ the arrows drawn in batches
    def add_edge(self, edge: EdgeItem) -> EdgeItem:
        super().add_edge(edge)
        if isinstance(edge, PromiseEdge):
            self.arrow_lines.add(edge)
            if self.arrow_lines.batched(edge):
                edge.repaint()  # Qt repaints no item without contents
        return edge

    def remove_edge(self, edge_id: str) -> None:
        edge = self.edges.get(edge_id)
        if isinstance(edge, PromiseEdge):
            if self.arrow_lines.batched(edge):
                edge.repaint()
            self.arrow_lines.remove(edge)
            self._selected_arrows.discard(edge)
        super().remove_edge(edge_id)

    def _follow_selection(self) -> None:
        """Selected arrows paint themselves whole (with their glow); those no longer selected go back to the layer."""
        selected = {item for item in self.selectedItems() if isinstance(item, PromiseEdge)}
        for edge in selected.symmetric_difference(self._selected_arrows):
            self.arrow_lines.follow_state(edge)
        self._selected_arrows = selected

    def _go_live(self, drag: Any) -> None:
        super()._go_live(drag)
        self.arrow_lines.dragging([edge for edge in self.live_edges if isinstance(edge, PromiseEdge)])
        for edge in self.live_edges:
            if isinstance(edge, PromiseEdge):
                self.arrow_lines.follow_state(edge)  # dragged arrows paint themselves

    def _end_live(self) -> None:
        edges = self.live_edges
        super()._end_live()
        for edge in edges:
            if isinstance(edge, PromiseEdge):
                self.arrow_lines.follow_state(edge)

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

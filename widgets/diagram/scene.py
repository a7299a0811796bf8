"""The diagram scene: nodes and arrows by id, dragging many nodes, linking by drag, nudging, snapping.

Gestures end in signals (one per gesture, on release); the editor turns them into edits. Moves are tracked
here, in the scene's mouse handlers, not with itemChange. `revision` counts changes of the drawing's geometry
outside a running drag so that a view can cache what stands still.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from app.layout_routing import Obstacles, route
from widgets.diagram.geometry import snap
from widgets.diagram.items import EdgeItem, NodeItem
from widgets.diagram.remote import RemoteMarks, with_note
from widgets.diagram.style import GRID, NOT_MET, SELECTION

ROUTE_UP_TO = 200
"""Arrows are routed round nodes on diagrams up to this many nodes (past it routing would slow every edit)."""
LIVE_LAYER_LIMIT = 60
"""Dragging more nodes than this paints them item by item (drawing many by hand would cost more)."""

Moves = dict[str, tuple[tuple[float, float], tuple[float, float]]]
"""Node id -> (old centre, new centre)."""
LinkRule = Callable[[str, str], "str | None"]
"""(from id, to id) -> why that link may not be made, or None."""


@dataclass
class _Drag:
    """A press on a node that may become a drag of the selected nodes."""

    press: QPointF
    press_screen: QPointF
    anchor: NodeItem
    start: dict[str, QPointF]
    edges: list[EdgeItem]
    started: bool = False


@dataclass
class _Link:
    """A link being drawn from `source` (started on its handle or with Shift/Alt)."""

    source: NodeItem
    press_screen: QPointF
    line: QGraphicsLineItem
    from_handle: bool = True
    target: NodeItem | None = None
    problem: str | None = None
    started: bool = False
    marks: list[NodeItem] = field(default_factory=list)


class DiagramScene(QGraphicsScene):
    """Nodes and edges of one diagram, with the gestures that move and link them."""

    nodes_moved = Signal(dict)
    """A drag or nudge ended: {node id: ((old x, old y), (new x, new y))} (the items stand there already)."""
    link_dragged = Signal(str, str)
    """A link was drawn from the first node to the second, and the link rule allows it."""
    link_refused = Signal(str)
    """A link was drawn to a node the rule refuses (the reason), or dropped on nothing ("")."""
    link_hovered = Signal(str)
    """While a link is drawn: why the node under the cursor cannot take it, or "" when it can (or there is none)."""
    node_activated = Signal(str)
    """A node was double-clicked."""
    geometry_changed = Signal()
    """Nodes or edges were added, removed, moved or reshaped (emitted once per turn of the event loop)."""
    looks_changed = Signal()
    """Items changed how they look, not where they are (a status's colour): views drop their cached pictures."""
    live_moved = Signal()
    """A drag step moved the live nodes (views that draw them themselves repaint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.link_rule: LinkRule = lambda _from, _to: None
        self.help_requested: Callable[[str], str] | None = None
        """Gives a node's tooltip text from its id (tooltips are made when asked for, not stored on items)."""
        self.snapping = False
        self.grid = GRID
        self.revision = 0
        self._reach: QRectF | None = None
        """A rectangle around every node (larger after nodes moved in: it only grows until measured again)."""
        self.live: set[str] = set()
        """Nodes being dragged: views cache everything else and draw these on top at each step."""
        self.live_edges: list[EdgeItem] = []
        self._routed_boxes: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {}
        """Where the nodes stood when the arrows were last routed."""
        """The arrows attached to the live nodes."""
        self._straight = False
        """Whether every arrow was made straight (past ROUTE_UP_TO nodes; a touch need not look at each again)."""
        self.live_hidden = False
        """True while the live nodes and arrows are transparent to Qt's painting and views draw them instead
        (a drag step then costs a blit and a few items, however many long arrows cross the view)."""
        self.handle_hovered = False
        self._drag: _Drag | None = None
        self._link: _Link | None = None
        self._hovered: NodeItem | None = None
        self._geometry_pending = False
        self.remote = RemoteMarks(self)
        """Other participants' selections in a live session (drawn over the items, never in the workshop)."""

    # ------------------------------------------------------------------ others' selections
    def show_remote_selection(self, participant: str, colour: str, ids: Iterable[str], name: str = "") -> None:
        """Mark the nodes and arrows `participant` (called `name`) selected with a halo in `colour`; no ids: none."""
        self.remote.show(participant, colour, ids, name)

    def remote_note(self, item_id: str) -> str:
        """"Selected by …" for a node or arrow others have selected ("" when none has)."""
        names = self.remote.names_on(item_id)
        return QCoreApplication.translate("DiagramScene", "Selected by {names}").format(
            names=", ".join(names)) if names else ""

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt override
        self.remote.paint(painter, rect)

    # ------------------------------------------------------------------ content
    def add_node(self, node: NodeItem, centre: tuple[float, float]) -> NodeItem:
        """Put `node` on the scene centred on `centre`."""
        node.setPos(centre[0], centre[1])
        self.addItem(node)
        self.nodes[node.node_id] = node
        self._reach_to([node])
        self.touch()
        return node

    def remove_node(self, node_id: str) -> None:
        """Take a node (and any arrow still attached to it) off the scene."""
        node = self.nodes.get(node_id)
        if node is None:
            return
        if self._drag is not None and node_id in self._drag.start:
            self.cancel_gesture()  # an edit (an undo, say) took away a node being dragged
        if self._link is not None and node in (self._link.source, self._link.target):
            self._end_link()
        del self.nodes[node_id]
        self._reach = None  # measured again when next asked
        for edge in list(node.edges):
            self.remove_edge(edge.edge_id)
        if node is self._hovered:
            self._hovered = None
        self.removeItem(node)
        self.touch()

    def add_edge(self, edge: EdgeItem) -> EdgeItem:
        """Put an arrow on the scene (its nodes are on it already)."""
        self.addItem(edge)
        self.edges[edge.edge_id] = edge
        self.touch()
        return edge

    def remove_edge(self, edge_id: str) -> None:
        """Take an arrow off the scene."""
        edge = self.edges.get(edge_id)
        if edge is None:
            return
        if self._drag is not None and edge in self._drag.edges:
            self.cancel_gesture()
        del self.edges[edge_id]
        edge.unhook()
        self.removeItem(edge)
        self.touch()

    def move_node(self, node_id: str, centre: tuple[float, float]) -> None:
        """Centre a node on `centre` and let its arrows follow."""
        node = self.nodes.get(node_id)
        if node is None:
            return
        pos = node.pos()
        if pos.x() == centre[0] and pos.y() == centre[1]:
            return
        node.setPos(centre[0], centre[1])
        for edge in node.edges:
            edge.update_geometry()
        self._reach_to([node])
        self.touch()

    def touch(self) -> None:
        """Note that the drawing's geometry changed (views drop what they cached; one signal per event-loop turn)."""
        self.revision += 1
        if not self._geometry_pending:
            self._geometry_pending = True
            QTimer.singleShot(0, self, self._emit_geometry_changed)

    def restyled(self) -> None:
        """Note that items changed their looks only: views drop their cached pictures; nothing is routed or measured
        again (at 5,000 nodes the drawing's extent alone took milliseconds after every change of a status)."""
        self.revision += 1
        self.looks_changed.emit()

    def _emit_geometry_changed(self) -> None:
        self._geometry_pending = False
        if self._drag is None:
            self.reroute()
        self.geometry_changed.emit()

    def reroute(self) -> None:
        """Route the arrows round the nodes in their way (straight when clear; all straight past ROUTE_UP_TO nodes).

        Only the arrows that may have changed are routed again: those of nodes that moved, came or went, and those
        passing where such a node stands or stood.
        """
        if len(self.nodes) > ROUTE_UP_TO:
            if not self._straight:  # once straight, arrows stay so (a new one is made straight) till routing resumes
                for edge in self.edges.values():
                    if edge.draws_route:
                        edge.set_bends([])
                self._straight = True
            self._routed_boxes = {}
            return
        self._straight = False
        edges = [e for e in self.edges.values() if e.draws_route]
        boxes = {i: (n.centre(), n.size) for i, n in self.nodes.items()}
        before = self._routed_boxes
        changed = {i for i in boxes.keys() | before.keys() if boxes.get(i) != before.get(i)}
        self._routed_boxes = boxes
        areas = [QRectF(x - w / 2, y - h / 2, w, h).adjusted(-20, -20, 20, 20)
                 for i in changed for (x, y), (w, h) in filter(None, (boxes.get(i), before.get(i)))]
        obstacles: Obstacles | None = None
        for edge in edges:
            ends = (edge.source.node_id, edge.target.node_id)
            if edge.routed and not changed.intersection(ends):
                bounds = edge.boundingRect()
                if not any(bounds.intersects(area) for area in areas):
                    continue
            obstacles = obstacles or Obstacles(boxes)
            edge.set_bends([QPointF(x, y) for x, y in route(*ends, obstacles)])
            edge.routed = True

    def centres(self, ids: Iterable[str] | None = None) -> dict[str, tuple[float, float]]:
        """Centres of the given nodes (all when None)."""
        nodes = self.nodes if ids is None else {i: self.nodes[i] for i in ids if i in self.nodes}
        return {i: n.centre() for i, n in nodes.items()}

    def sizes(self, ids: Iterable[str] | None = None) -> dict[str, tuple[float, float]]:
        """Sizes (width, height) of the given nodes (all when None)."""
        nodes = self.nodes if ids is None else {i: self.nodes[i] for i in ids if i in self.nodes}
        return {i: n.size for i, n in nodes.items()}

    def reach_rect(self) -> QRectF:
        """A rectangle around every node, for a view's scroll area: measured once, then grown as nodes come or move
        (measuring 5,000 nodes after every drop took ~13 ms); measured again after a node goes or `nodes_rect()`."""
        if self._reach is None:
            self._reach = self.nodes_rect()
        return self._reach

    def _reach_to(self, nodes: list[NodeItem]) -> None:
        """Grow the reach over these nodes' new places."""
        if self._reach is None or not nodes:
            return
        rect = QRectF(self._reach)
        for node in nodes:
            p, hw, hh = node.pos(), node.width / 2, node.height / 2
            rect = rect.united(QRectF(p.x() - hw, p.y() - hh, 2 * hw, 2 * hh))  # a null rect yields the other
        self._reach = rect

    def nodes_rect(self, ids: Iterable[str] | None = None) -> QRectF:
        """The rectangle around the given nodes' bodies (all when None); empty when there are none."""
        nodes = self.nodes.values() if ids is None else [self.nodes[i] for i in ids if i in self.nodes]
        left = top = float("inf")
        right = bottom = float("-inf")
        for node in nodes:
            p = node.pos()
            x, y, hw, hh = p.x(), p.y(), node.width / 2, node.height / 2
            left, right = min(left, x - hw), max(right, x + hw)
            top, bottom = min(top, y - hh), max(bottom, y + hh)
        if left == float("inf"):
            return QRectF()
        rect = QRectF(left, top, right - left, bottom - top)
        if ids is None:
            self._reach = QRectF(rect)  # measured: the reach is exact again
        return rect

    def selected_nodes(self) -> list[NodeItem]:
        """The selected nodes, in the scene's order."""
        return [i for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[EdgeItem]:
        """The selected arrows."""
        return [i for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_all(self) -> None:
        """Select every node and arrow (one selectionChanged)."""
        area = QPainterPath()
        area.addRect(self.itemsBoundingRect().adjusted(-10, -10, 10, 10))
        self.setSelectionArea(area, Qt.ItemSelectionOperation.ReplaceSelection,
                              Qt.ItemSelectionMode.IntersectsItemBoundingRect, QTransform())

    def select_ids(self, ids: Iterable[str]) -> None:
        """Select exactly the nodes and arrows with these ids (one selectionChanged)."""
        wanted = set(ids)
        blocked = self.blockSignals(True)
        try:
            self.clearSelection()
            for item_id in wanted:
                item = self.nodes.get(item_id) or self.edges.get(item_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(blocked)
        self.selectionChanged.emit()

    def node_at(self, pos: QPointF, exclude: NodeItem | None = None) -> NodeItem | None:
        """The topmost node whose body holds `pos`."""
        probe = QRectF(pos.x() - 0.5, pos.y() - 0.5, 1.0, 1.0)
        for item in self.items(probe, Qt.ItemSelectionMode.IntersectsItemBoundingRect, Qt.SortOrder.DescendingOrder):
            if isinstance(item, NodeItem) and item is not exclude and item.body_contains(pos):
                return item
        return None

    def free_spot(self, near: QPointF, size: tuple[float, float], gap: float = 30.0) -> QPointF:
        """The centre closest to `near` (on a grid of node-sized steps) where a node of `size` overlaps none."""
        w, h = size
        step_x, step_y = w + gap, h + gap
        for ring in range(0, 30):
            spots = [(i, j) for i in range(-ring, ring + 1) for j in range(-ring, ring + 1)
                     if max(abs(i), abs(j)) == ring]
            spots.sort(key=lambda ij: (ij[0] * step_x) ** 2 + (ij[1] * step_y) ** 2)
            for i, j in spots:
                spot = near + QPointF(i * step_x, j * step_y)
                box = QRectF(spot.x() - w / 2 - gap / 2, spot.y() - h / 2 - gap / 2, w + gap, h + gap)
                if not any(isinstance(item, NodeItem) for item in self.items(
                        box, Qt.ItemSelectionMode.IntersectsItemBoundingRect)):
                    return spot
        return near

    # ------------------------------------------------------------------ nudging
    def nudge(self, dx: float, dy: float) -> Moves:
        """Move the selected nodes by (dx, dy) and announce it as one gesture; returns the moves."""
        moves: Moves = {}
        for node in self.selected_nodes():
            old = node.centre()
            new = (old[0] + dx, old[1] + dy)
            node.setPos(*new)
            moves[node.node_id] = (old, new)
        for edge in {e for node_id in moves for e in self.nodes[node_id].edges}:
            edge.update_geometry()
        if moves:
            self._reach_to([self.nodes[node_id] for node_id in moves])
            self.touch()
            self.nodes_moved.emit(moves)
        return moves

    # ------------------------------------------------------------------ mouse
    def _view_scale(self, event: QGraphicsSceneMouseEvent) -> float:
        widget = event.widget()
        view = widget.parent() if widget is not None else None
        return view.transform().m11() if isinstance(view, QGraphicsView) else 1.0

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._drag or self._link:
            super().mousePressEvent(event)
            return
        pos = event.scenePos()
        node = self.node_at(pos)
        wants_link = bool(event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier))
        if node is not None and (wants_link or node.handle_contains(pos, self._view_scale(event))):
            self._start_link(node, event, from_handle=node.handle_contains(pos, self._view_scale(event)))
            event.accept()
            return
        if node is None:
            handle = self._handle_at(pos, self._view_scale(event))
            if handle is not None:
                self._start_link(handle, event)
                event.accept()
                return
        super().mousePressEvent(event)
        if node is None:
            return
        chosen = {n.node_id: n for n in self.selected_nodes()}
        chosen[node.node_id] = node
        edges = list({e for n in chosen.values() for e in n.edges})
        self._drag = _Drag(pos, event.screenPos(), node, {i: n.pos() for i, n in chosen.items()}, edges)

    def _handle_at(self, pos: QPointF, scale: float) -> NodeItem | None:
        """The node whose link handle (drawn just above its top edge) is under `pos`."""
        hovered = self._hovered
        if hovered is not None and hovered.handle_contains(pos, scale):
            return hovered
        return None

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link is not None:
            self._move_link(event)
            return
        drag = self._drag
        if drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._move_drag(drag, event)
            return
        if not event.buttons():
            self._hover(event.scenePos(), self._view_scale(event))
        super().mouseMoveEvent(event)

    def _move_drag(self, drag: _Drag, event: QGraphicsSceneMouseEvent) -> None:
        delta = event.scenePos() - drag.press
        if not drag.started:
            moved = event.screenPos() - drag.press_screen
            if abs(moved.x()) + abs(moved.y()) < QApplication.startDragDistance():
                return
            drag.started = True
            self._go_live(drag)
        if self.snapping:
            anchor = drag.start[drag.anchor.node_id] + delta
            delta += QPointF(snap(anchor.x(), self.grid) - anchor.x(), snap(anchor.y(), self.grid) - anchor.y())
        nodes = self.nodes
        for node_id, start in drag.start.items():
            nodes[node_id].setPos(start + delta)
        if self.live_hidden:
            for edge in drag.edges:
                edge.follow_live()
        else:
            for edge in drag.edges:
                edge.update_geometry()
        self.live_moved.emit()

    def _go_live(self, drag: _Drag) -> None:
        self.live = set(drag.start)
        self.live_edges = list(drag.edges)
        self.live_hidden = len(drag.start) <= LIVE_LAYER_LIMIT
        if self.live_hidden:
            for node_id in drag.start:
                self.nodes[node_id].setOpacity(0.0)
            for edge in drag.edges:
                edge.setOpacity(0.0)
        self.revision += 1  # what stands still changed (not the drawing's extent: no geometry_changed)

    def _end_live(self) -> None:
        if self.live_hidden:
            for node_id in self.live:
                if node_id in self.nodes:
                    self.nodes[node_id].setOpacity(1.0)
            for edge in self.live_edges:
                edge.update_geometry()  # Qt learns the arrow's bounds only now (see EdgeItem.update_geometry)
                edge.setOpacity(1.0)
        self.live = set()
        self.live_edges = []
        self.live_hidden = False
        self.touch()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link is not None and event.button() == Qt.MouseButton.LeftButton:
            self._finish_link(event)
            return
        drag, self._drag = self._drag, None
        super().mouseReleaseEvent(event)
        if drag is None or not drag.started:
            return
        self._reach_to([self.nodes[node_id] for node_id in drag.start if node_id in self.nodes])
        self._end_live()
        moves: Moves = {}
        for node_id, start in drag.start.items():
            node = self.nodes.get(node_id)
            if node is not None and node.pos() != start:
                moves[node_id] = ((start.x(), start.y()), node.centre())
        if moves:
            self.nodes_moved.emit(moves)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        node = self.node_at(event.scenePos()) if event.button() == Qt.MouseButton.LeftButton else None
        if node is None:
            super().mouseDoubleClickEvent(event)
            return
        event.accept()
        self.node_activated.emit(node.node_id)

    def cancel_gesture(self) -> None:
        """Abandon a drag (nodes go back) or a link being drawn, e.g. on Escape."""
        if self._drag is not None and self._drag.started:
            for node_id, start in self._drag.start.items():
                if node_id in self.nodes:
                    self.nodes[node_id].setPos(start)
            for edge in self._drag.edges:
                edge.update_geometry()
            self._end_live()
        self._drag = None
        if self._link is not None:
            self._end_link()

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        node = self.node_at(event.scenePos())
        text = self.help_requested(node.node_id) if node is not None and self.help_requested else ""
        text = with_note(text, self.remote_note(node.node_id) if node is not None else "")
        if text:
            QToolTip.showText(event.screenPos(), text, event.widget())
        else:
            QToolTip.hideText()
        event.accept()

    # ------------------------------------------------------------------ hover and handle
    def _hover(self, pos: QPointF, scale: float) -> None:
        node = self.node_at(pos)
        if node is None and self._hovered is not None and self._hovered.handle_contains(pos, scale):
            node = self._hovered
        if node is not self._hovered:
            if self._hovered is not None:
                self._hovered.show_handle = False
                self._hovered.update()
            self._hovered = node
            if node is not None:
                node.show_handle = True
                node.update()
        self.handle_hovered = node is not None and node.handle_contains(pos, scale)

    # ------------------------------------------------------------------ linking
    def _start_link(self, source: NodeItem, event: QGraphicsSceneMouseEvent, from_handle: bool = True) -> None:
        line = QGraphicsLineItem()
        line.setZValue(100.0)
        pen = QPen(SELECTION, 2.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        line.setPen(pen)
        self._link = _Link(source, event.screenPos(), line, from_handle)
        line.setLine(QLineF(self._link_start(), event.scenePos()))
        line.setVisible(False)
        self.addItem(line)

    def _link_start(self) -> QPointF:
        """Where the line of a link being drawn starts: the handle, or the node's centre (Shift/Alt)."""
        link = self._link
        assert link is not None
        return link.source.handle_centre() if link.from_handle else link.source.pos()

    def _move_link(self, event: QGraphicsSceneMouseEvent) -> None:
        link = self._link
        assert link is not None
        if not link.started:
            moved = event.screenPos() - link.press_screen
            if abs(moved.x()) + abs(moved.y()) < QApplication.startDragDistance():
                return
            link.started = True
            link.line.setVisible(True)
        pos = event.scenePos()
        link.line.setLine(QLineF(self._link_start(), pos))
        target = self.node_at(pos, exclude=None)
        if target is link.target:
            return
        for node in link.marks:
            node.mark = None
            node.update()
        link.marks = []
        link.target = target
        link.problem = self.link_rule(link.source.node_id, target.node_id) if target is not None else None
        pen = link.line.pen()
        pen.setColor(NOT_MET if link.problem else SELECTION)
        link.line.setPen(pen)
        if target is not None:
            mark = QPen(QColor(NOT_MET if link.problem else SELECTION), 3.0, Qt.PenStyle.DashLine)
            target.mark = mark
            target.update()
            link.marks.append(target)
        self.link_hovered.emit(link.problem or "")

    def _finish_link(self, event: QGraphicsSceneMouseEvent) -> None:
        link = self._link
        assert link is not None
        self._end_link()
        event.accept()
        if not link.started:
            if not link.source.isSelected() or len(self.selectedItems()) > 1:
                self.select_ids([link.source.node_id])
            return
        target = self.node_at(event.scenePos())
        if target is None:
            self.link_refused.emit("")
            return
        problem = self.link_rule(link.source.node_id, target.node_id)
        if problem:
            self.link_refused.emit(problem)
        else:
            self.link_dragged.emit(link.source.node_id, target.node_id)

    def _end_link(self) -> None:
        link, self._link = self._link, None
        if link is None:
            return
        for node in link.marks:
            node.mark = None
            node.update()
        self.removeItem(link.line)
        self.link_hovered.emit("")

    def link_line(self) -> QLineF | None:
        """The line of a link being drawn (for views that paint the scene themselves), or None."""
        link = self._link
        return link.line.line() if link is not None and link.started else None

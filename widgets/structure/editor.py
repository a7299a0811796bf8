"""The "structure from the client" editor: segments, teams and the council on a diagram, arrows "serves".

Every gesture is one edit through widgets.base.undo.push_edit; the diagram follows the document leaf by leaf.

Nodes without a stored position are shown where app.layout.place_missing puts them, without writing
anything (looking at a workshop must not modify it or fill the undo history). Their positions are stored,
in the same batch, by the first gesture on this diagram that moves, adds, links or removes something (and
by an automatic layout): from then on the arrangement is the user's and no longer shifts when the
structure changes. Until then they are placed again whenever the structure changes elsewhere, so the
screen always shows what place_missing (and so an export) gives for the current workshop.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app import model as m
from app.document import Document
from app.edits import Delete, Edit, Insert, Leaf, SetPosition, Update
from widgets.base.undo import push_edit
from widgets.diagram import geometry
from widgets.diagram.editor_tools import DiagramEditorTools
from widgets.diagram.gestures import DiagramGestures
from widgets.diagram.inline_edit import InlineNameEditor
from widgets.diagram.items import EdgeItem, NodeItem
from widgets.diagram.palette import Palette, PaletteEntry
from widgets.diagram.scene import DiagramScene, Moves
from widgets.diagram.style import kind_style
from widgets.diagram.view import DiagramView
from widgets.structure.inspector import PartyInspector
from widgets.structure.parties import (
    KIND_LABELS,
    KIND_TIPS,
    NEW_NAMES,
    PALETTE_LABELS,
    badge_for,
    link_problem,
    node_kind,
    tooltip,
)

DIAGRAM = "structure"
REVERSE_OFFSET = 9.0
"""How far apart two arrows between the same two parties (A serves B, B serves A) run."""


class StructureEditor(QWidget, DiagramEditorTools, DiagramGestures):
    """The structure diagram with its palette, toolbar and inspector (the editor contract of the shell)."""

    selection_changed = Signal(list)
    """The ids of the selected segments, teams and links."""
    DIAGRAM = DIAGRAM
    BATCH_SINGLE = True

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.provisional: set[str] = set()
        """Nodes shown where place_missing puts them, with no stored position yet."""
        self._quiet = False
        self._renaming: InlineNameEditor | None = None
        self.scene = DiagramScene(self)
        self.scene.link_rule = partial(link_problem, document)
        self.view = DiagramView(self.scene)
        self.kind_palette = Palette([PaletteEntry(k, self.tr(PALETTE_LABELS[k]), self.tr(KIND_TIPS[k]))
                                for k in ("segment", "client_facing", "service", "council")])
        self.inspector = PartyInspector(document, undo_stack)
        self._build_actions()
        self._build_layout()
        self._populate()

        self.scene.nodes_moved.connect(self._on_nodes_moved)
        self.scene.link_dragged.connect(self._on_link_dragged)
        self.scene.link_refused.connect(self._on_link_refused)
        self.scene.link_hovered.connect(self.view.show_hint)
        self.scene.node_activated.connect(self.rename)
        self.scene.selectionChanged.connect(self._on_selection)
        self.scene.help_requested = self._tooltip_for
        self.view.kind_dropped.connect(self.add_party)
        self.view.delete_requested.connect(self.delete_selected)
        self.kind_palette.kind_clicked.connect(self._add_in_view)
        self.inspector.refused.connect(self.view.show_hint)

        self._subscriber = self._on_edit
        document.subscribe(self._subscriber)
        self.destroyed.connect(partial(_unsubscribe, document, self._subscriber))

    def detach(self) -> None:
        """Stop following the document (also done when the editor is destroyed)."""
        _unsubscribe(self.document, self._subscriber)

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        self.layers_action = self._action(self.tr("Layers"), lambda: self.apply_layout("layers"),
                                          tip=self.tr("Segments on top, then the teams that serve them, and so on"))
        self.rings_action = self._action(self.tr("Rings"), lambda: self.apply_layout("rings"),
                                         tip=self.tr("Segments in the centre, the teams in rings around them"))
        self.fit_action = self._action(self.tr("Fit to window"), self.view.fit_all, "Ctrl+0")
        self.zoom_in_action = self._action(self.tr("Zoom in"), self.view.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom out"), self.view.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.snap_action = self._action(self.tr("Snap to grid"), self.set_snapping, checkable=True,
                                        tip=self.tr("Nodes snap to a grid while you drag them"))
        self.copy_action = self._action(self.tr("Copy picture"), self.copy_picture, "Ctrl+Shift+C",
                                        self.tr("Copy the selection (or the whole view) as a picture"))
        self.delete_action = self._action(self.tr("Delete"), self.delete_selected,
                                          tip=self.tr("Delete the selection with its links"))
        self.align_actions = {
            how: self._action(text, partial(self.align_selected, how)) for how, text in (
                ("left", self.tr("Align left")), ("center", self.tr("Align centres")),
                ("right", self.tr("Align right")), ("top", self.tr("Align top")),
                ("middle", self.tr("Align middles")), ("bottom", self.tr("Align bottom")))}
        self.distribute_actions = {
            axis: self._action(text, partial(self.distribute_selected, axis)) for axis, text in (
                ("horizontal", self.tr("Distribute horizontally")), ("vertical", self.tr("Distribute vertically")))}

    def _build_layout(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("structureToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.layout_button = self._menu_button(self.tr("Layout"), [self.layers_action, self.rings_action])
        toolbar.addWidget(self.layout_button)
        self.align_button = self._menu_button(
            self.tr("Align"), [*self.align_actions.values(), None, *self.distribute_actions.values()])
        toolbar.addWidget(self.align_button)
        toolbar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action, self.snap_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.copy_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.zoom_label = QLabel(toolbar)
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setToolTip(self.tr("Zoom: the wheel zooms around the cursor; drag with the middle button "
                                           "or with Space held to pan"))
        self.zoom_label.setContentsMargins(8, 0, 12, 0)
        toolbar.addWidget(self.zoom_label)
        self.view.zoom_changed.connect(self._show_zoom)
        self._show_zoom(self.view.zoom)
        self.toolbar = toolbar
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.kind_palette)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([128, 900, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)

    def _menu_button(self, text: str, actions: list[QAction | None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        button.setMenu(menu)
        return button

    def _populate(self) -> None:
        """Put every segment, team and link on the scene (once; afterwards the scene follows edits)."""
        model = self.document.model
        stored = model.layouts.get(DIAGRAM, {})
        missing = [o.id for o in [*model.segments, *model.teams] if o.id not in stored]
        placed = self._placements() if missing else {}
        for obj in [*model.segments, *model.teams]:
            centre = stored.get(obj.id) or placed.get(obj.id) or (0.0, 0.0)
            self.scene.add_node(self._make_node(obj), centre)
            if obj.id not in stored:
                self.provisional.add(obj.id)
        pairs = {(link.from_, link.to) for link in model.links}
        for link in model.links:
            self._add_edge(link, (link.to, link.from_) in pairs)

    def _make_node(self, obj: Any) -> NodeItem:
        return NodeItem(obj.id, node_kind(obj), obj.name, badge_for(obj), can_link=isinstance(obj, m.Team))

    def _add_edge(self, link: m.Link, reversed_too: bool | None = None) -> None:
        source, target = self.scene.nodes.get(link.from_), self.scene.nodes.get(link.to)
        if source is None or target is None:
            return
        if reversed_too is None:
            reverse = [e for e in source.edges if e.source is target]
            for edge in reverse:
                edge.offset = REVERSE_OFFSET
                edge.update_geometry()
            reversed_too = bool(reverse)
        self.scene.add_edge(EdgeItem(link.id, source, target, REVERSE_OFFSET if reversed_too else 0.0))

    def _remove_edge(self, link_id: str) -> None:
        edge = self.scene.edges.get(link_id)
        if edge is None:
            return
        for other in edge.target.edges:
            if other.target is edge.source and other.source is edge.target:
                other.offset = 0.0
                other.update_geometry()
        self.scene.remove_edge(link_id)

    def _placements(self) -> dict[str, tuple[float, float]]:
        """Where place_missing puts the nodes without a stored position (a simple grid if app.layout is missing)."""
        sizes = {i: n.size for i, n in self.scene.nodes.items()}
        try:
            from app.layout import place_missing
        except ImportError:
            return _grid_places(self.document.model)
        return place_missing(self.document.model, DIAGRAM, sizes or None)

    def _place_provisional(self) -> None:
        """Move the nodes without a stored position to where place_missing puts them now."""
        if not self.provisional:
            return
        placed = self._placements()
        for node_id in self.provisional:
            if node_id in placed:
                self.scene.move_node(node_id, placed[node_id])

    # ------------------------------------------------------------------ following the document
    def _on_edit(self, document: Document, edit: Edit, applied: list[Leaf]) -> None:
        """Mirror the applied leaves onto the scene, item by item."""
        replace = False
        refresh_inspector = False
        stored = document.model.layouts.get(DIAGRAM, {})
        for leaf in applied:
            if isinstance(leaf, Insert) and leaf.kind in ("segment", "team"):
                obj = document.find(leaf.id)
                if obj is not None and leaf.id not in self.scene.nodes:
                    self.scene.add_node(self._make_node(obj), stored.get(leaf.id, (0.0, 0.0)))
                    if leaf.id not in stored:
                        self.provisional.add(leaf.id)
                replace = True
            elif isinstance(leaf, Insert) and leaf.kind == "link":
                link = document.find(leaf.id)
                if link is not None and leaf.id not in self.scene.edges:
                    self._add_edge(link)
                replace = True
            elif isinstance(leaf, Delete) and leaf.kind in ("segment", "team"):
                self.scene.remove_node(leaf.id)
                self.provisional.discard(leaf.id)
                refresh_inspector |= leaf.id == self.inspector.party_id
                replace = True
            elif isinstance(leaf, Delete) and leaf.kind == "link":
                self._remove_edge(leaf.id)
                replace = True
            elif isinstance(leaf, Update) and leaf.kind in ("segment", "team"):
                self._refresh_node(leaf.id)
                refresh_inspector |= leaf.id == self.inspector.party_id
                replace |= "kind" in leaf.changes
            elif isinstance(leaf, Update) and leaf.kind == "link":
                self._remove_edge(leaf.id)
                link = document.find(leaf.id)
                if link is not None:
                    self._add_edge(link)
                replace = True
            elif isinstance(leaf, SetPosition) and leaf.diagram == DIAGRAM:
                if leaf.new is None:
                    if leaf.node in self.scene.nodes:
                        self.provisional.add(leaf.node)
                else:
                    self.provisional.discard(leaf.node)
                    self.scene.move_node(leaf.node, leaf.new)
                replace = True
        if replace and self.provisional:
            self._place_provisional()
        if refresh_inspector:
            self.inspector.refresh()

    def _refresh_node(self, node_id: str) -> None:
        node, obj = self.scene.nodes.get(node_id), self.document.find(node_id)
        if node is None or obj is None:
            return
        before = (node.kind, node.badge)
        reshaped = node.set_content(node_kind(obj), obj.name, badge_for(obj))
        if reshaped:
            for edge in node.edges:
                edge.update_geometry()
        if (node.kind, node.badge) != before:  # the zoomed-out drawing shows kinds and indicator marks
            self.scene.touch()

    # ------------------------------------------------------------------ edits
    def _push_edit(self, edit: Edit, label: str) -> str | None:
        return push_edit(self.undo_stack, self.document, edit, label)

    def rename_label(self) -> str:
        """The undo label of a rename."""
        return self.tr("Rename")

    def _on_nodes_moved(self, moves: Moves) -> None:
        self.move_nodes(moves, self.tr("Move %n part(ies)", "", len(moves)))

    def _on_link_dragged(self, from_id: str, to_id: str) -> None:
        link = m.Link(changes.new_id(), from_id, to_id)
        if self.push([changes.insert(self.document, link)], self.tr("Add link")) is None:
            self.view.hide_hint()

    def _on_link_refused(self, reason: str) -> None:
        self.view.show_hint(reason or self.tr("Drop the arrow on the team or client segment this team serves."))

    def add_party(self, kind: str, where: QPointF) -> str | None:
        """Create a party of `kind` centred at `where` (one undo step) and start typing its name; returns its id."""
        name = self.tr(NEW_NAMES.get(kind, NEW_NAMES["service"]))
        new_id = changes.new_id()
        obj: Any = m.Segment(new_id, name) if kind == "segment" else m.Team(new_id, name, kind)
        x, y = where.x(), where.y()
        if self.scene.snapping:
            x, y = geometry.snap(x, self.scene.grid), geometry.snap(y, self.scene.grid)
        edits: list[Edit] = [changes.insert(self.document, obj), SetPosition(DIAGRAM, new_id, None, (x, y))]
        if self.push(edits, self.tr("Add %1").replace("%1", self.tr(KIND_LABELS[kind]).lower())):
            return None
        self.select_ids([new_id])
        self.rename(new_id)
        return new_id

    def _add_in_view(self, kind: str) -> None:
        """A palette click: add the party in the middle of what the view shows, clear of other nodes."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        self.add_party(kind, self.scene.free_spot(centre, kind_style(kind).size))

    def delete_selected(self) -> None:
        """Delete the selected parties and links with everything that hangs on them, as one undo step."""
        nodes = [n.node_id for n in self.scene.selected_nodes()]
        gone = set(nodes)
        links = [e.edge_id for e in self.scene.selected_edges()
                 if e.source.node_id not in gone and e.target.node_id not in gone]
        ids = links + nodes
        if not ids:
            return
        label = self.tr("Delete %n item(s)", "", len(ids))
        if len(ids) == 1:
            self.push([changes.delete(self.document, ids[0])], label, exclude=gone)
            return
        self.delete_items(ids, gone, label, self.undo_stack)

    def apply_layout(self, which: str) -> None:
        """Arrange every node by layers or rings from the client: one undo step."""
        from app import layout

        arrange = layout.layered_layout if which == "layers" else layout.ring_layout
        sizes = {i: n.size for i, n in self.scene.nodes.items()}
        label = self.tr("Arrange in layers") if which == "layers" else self.tr("Arrange in rings")
        self.store_layout(arrange(self.document.model, DIAGRAM, sizes or None), label)

    def align_selected(self, how: str) -> None:
        """Line the selected nodes up along an edge or centre line (one undo step)."""
        self.align_nodes(how, self.tr("Align"), self.tr("Select two or more parties to align them."))

    def distribute_selected(self, axis: str) -> None:
        """Space the selected nodes evenly (one undo step)."""
        self.distribute_nodes(axis, self.tr("Distribute"), self.tr("Select three or more parties to distribute them."))

    def _show_zoom(self, scale: float) -> None:
        self.zoom_label.setText(self.tr("%1 %").replace("%1", str(round(scale * 100))))

    def selected_ids(self) -> list[str]:
        """Ids of the selected segments, teams and links."""
        ids = []
        for item in self.scene.selectedItems():
            if isinstance(item, NodeItem):
                ids.append(item.node_id)
            elif isinstance(item, EdgeItem):
                ids.append(item.edge_id)
        return ids

    def _on_selection(self) -> None:
        ids = self.selected_ids()
        nodes = [i for i in ids if i in self.scene.nodes]
        self.inspector.show_party(nodes[0] if len(ids) == 1 and nodes else None, len(ids))
        if not self._quiet:
            self.selection_changed.emit(ids)

    def select_ids(self, ids: list[str]) -> None:
        """Select these segments, teams and links (others are ignored) and bring the first into view."""
        self._quiet = True
        try:
            self.scene.select_ids(ids)
        finally:
            self._quiet = False
        for item_id in ids:
            if item_id in self.scene.nodes:
                self.view.ensure_node_visible(item_id)
                break

    def _tooltip_for(self, node_id: str) -> str:
        obj = self.document.find(node_id)
        return tooltip(obj) if obj is not None else ""

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            self.view.fit_all()


def _unsubscribe(document: Document, subscriber: Any, *_args: Any) -> None:
    """Stop a subscriber, if it still listens."""
    try:
        document.unsubscribe(subscriber)
    except ValueError:
        pass


def _grid_places(workshop: m.Workshop) -> dict[str, tuple[float, float]]:
    """A plain grid for nodes without positions (used only while app.layout is not available)."""
    stored = workshop.layouts.get(DIAGRAM, {})
    ids = [o.id for o in [*workshop.segments, *workshop.teams] if o.id not in stored]
    top = max((y for _x, y in stored.values()), default=-160.0) + 160.0
    return {node_id: (i % 10 * 240.0, top + i // 10 * 140.0) for i, node_id in enumerate(ids)}

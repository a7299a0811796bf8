"""The "structure from the client" editor: segments, teams and the council on a diagram, arrows "serves".

Every gesture is one edit through widgets.base.undo.push_edit; the diagram follows what each edit changed, item
by item (widgets.structure.drawing), through the document's change channel.

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

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
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
from app.edits import Edit, SetPosition
from widgets.base.editor_api import EditorAction
from widgets.base.live import changes_of
from widgets.base.remote_selection import RemoteSelection
from widgets.base.undo import push_edit
from widgets.diagram import geometry
from widgets.diagram.editor_tools import DiagramEditorTools
from widgets.diagram.gestures import DiagramGestures, UndoName
from widgets.diagram.inline_edit import InlineNameEditor
from widgets.diagram.items import EdgeItem, NodeItem
from widgets.diagram.lazy import LazyDiagramView
from widgets.diagram.palette import Palette, PaletteEntry
from widgets.diagram.remote import show_remote_selections
from widgets.diagram.scene import DiagramScene, Moves
from widgets.diagram.style import kind_style
from widgets.diagram.view import MAX_ZOOM, MIN_ZOOM
from widgets.structure.dependence import DependenceMarks
from widgets.structure.drawing import DIAGRAM, REVERSE_OFFSET, StructureDrawing
from widgets.structure.inspector import PartyInspector
from widgets.structure.lazy_links import LazyLinks
from widgets.structure.parties import (
    KIND_LABELS,
    KIND_TIPS,
    NEW_NAMES,
    PALETTE_LABELS,
    link_problem,
    tooltip,
)

PALETTE_KINDS = ("segment", "client_facing", "service", "council")


class StructureEditor(QWidget, DiagramEditorTools, DiagramGestures, StructureDrawing):
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
        self.view = LazyDiagramView(self.scene)
        self.links = LazyLinks(self.scene, self.view, self._model_links, self._make_link_item, REVERSE_OFFSET)
        self.kind_palette = Palette([PaletteEntry(kind, kind) for kind in PALETTE_KINDS])
        self.inspector = PartyInspector(document, undo_stack)
        self._build_actions()
        self._build_layout()
        self.retranslate()
        self._populate()
        self.dependence = DependenceMarks(document, self.scene, self)  # duplication: teams all rests on

        self.scene.nodes_moved.connect(self._on_nodes_moved)
        self.scene.link_dragged.connect(self._on_link_dragged)
        self.scene.link_refused.connect(self._on_link_refused)
        self.scene.link_hovered.connect(self.view.show_hint)
        self.scene.node_activated.connect(self.rename)
        self.scene.selectionChanged.connect(self._on_selection)
        self.scene.help_requested = self._tooltip_for
        self.view.kind_dropped.connect(self.add_party)
        self.view.delete_requested.connect(self.delete_selection)
        self.kind_palette.kind_clicked.connect(self._add_in_view)
        self.inspector.refused.connect(self.view.show_hint)
        changes_of(document).changed.connect(self._on_changes)

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        """The toolbar's actions (their texts are set by `retranslate`)."""
        self.layers_action = self._action("", lambda: self.apply_layout("layers"))
        self.rings_action = self._action("", lambda: self.apply_layout("rings"))
        # Fit, zoom and copy picture have their keys in the shell's menus, which call this editor.
        self.fit_action = self._action("", self.zoom_fit)
        self.zoom_in_action = self._action("", self.zoom_in)
        self.zoom_out_action = self._action("", self.zoom_out)
        self.snap_action = self._action("", self.set_snapping, checkable=True)
        self.copy_action = self._action("", self.copy_picture)
        self.delete_action = self._action("", self.delete_selection)
        self.align_actions = {how: self._action("", partial(self.align_selected, how))
                              for how in ("left", "center", "right", "top", "middle", "bottom")}
        self.distribute_actions = {axis: self._action("", partial(self.distribute_selected, axis))
                                   for axis in ("horizontal", "vertical")}

    def _build_layout(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("structureToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.layout_button = self._menu_button([self.layers_action, self.rings_action])
        toolbar.addWidget(self.layout_button)
        self.align_button = self._menu_button([*self.align_actions.values(), None, *self.distribute_actions.values()])
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
        self.zoom_label.setContentsMargins(8, 0, 12, 0)
        toolbar.addWidget(self.zoom_label)
        self.view.zoom_changed.connect(self._show_zoom)
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

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Every text the editor shows (toolbar, palette, inspector, zoom) in the current language."""
        texts = [
            (self.layers_action, self.tr("Layers"),
             self.tr("Segments on top, then the teams that serve them, and so on")),
            (self.rings_action, self.tr("Rings"),
             self.tr("Segments in the centre, client-facing teams around them, service teams on the next ring, "
                     "the council beside")),
            (self.fit_action, self.tr("Fit to window"), ""),
            (self.zoom_in_action, self.tr("Zoom in"), ""),
            (self.zoom_out_action, self.tr("Zoom out"), ""),
            (self.snap_action, self.tr("Snap to grid"), self.tr("Nodes snap to a grid while you drag them")),
            (self.copy_action, self.tr("Copy picture"), self.tr("Copy the selection (or the whole view) as a picture")),
            (self.delete_action, self.tr("Delete"), self.tr("Delete the selection with its links")),
            (self.align_actions["left"], self.tr("Align left"), ""),
            (self.align_actions["center"], self.tr("Align centres"), ""),
            (self.align_actions["right"], self.tr("Align right"), ""),
            (self.align_actions["top"], self.tr("Align top"), ""),
            (self.align_actions["middle"], self.tr("Align middles"), ""),
            (self.align_actions["bottom"], self.tr("Align bottom"), ""),
            (self.distribute_actions["horizontal"], self.tr("Distribute horizontally"), ""),
            (self.distribute_actions["vertical"], self.tr("Distribute vertically"), ""),
        ]
        for action, text, tip in texts:
            self.set_action_texts(action, text, tip)
        self.layout_button.setText(self.tr("Layout"))
        self.align_button.setText(self.tr("Align"))
        self.zoom_label.setToolTip(self.tr("Zoom: the wheel zooms around the cursor; drag with the middle button "
                                           "or with Space held to pan"))
        self._show_zoom(self.view.zoom)
        self.kind_palette.set_entries([PaletteEntry(kind, self.tr(PALETTE_LABELS[kind]), self.tr(KIND_TIPS[kind]))
                                       for kind in PALETTE_KINDS])
        self.inspector.retranslate()
        self.view.hide_hint()  # a hint in the language just left would be read as part of the screen

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _menu_button(self, actions: list[QAction | None]) -> QToolButton:
        button = QToolButton(self)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        button.setMenu(menu)
        return button

    # ------------------------------------------------------------------ edits
    # An undo step's name is a function of no widget: the undo history names it again in the language shown, and
    # the history may outlive the editor.
    def _push_edit(self, edit: Edit, name: UndoName) -> str | None:
        return push_edit(self.undo_stack, self.document, edit, name)

    def rename_label(self) -> UndoName:
        """Names the undo step of a rename."""
        return lambda: QCoreApplication.translate("StructureEditor", "Rename")

    def _on_nodes_moved(self, moves: Moves) -> None:
        count = len(moves)
        self.move_nodes(moves, lambda: QCoreApplication.translate("StructureEditor", "Move %n part(ies)", None, count))

    def _on_link_dragged(self, from_id: str, to_id: str) -> None:
        link = m.Link(changes.new_id(), from_id, to_id)
        if self.push([changes.insert(self.document, link)],
                     lambda: QCoreApplication.translate("StructureEditor", "Add link")) is None:
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
        if self.push(edits, partial(adding_name, kind)):
            return None
        self.select_ids([new_id])
        self.rename(new_id)
        return new_id

    def _add_in_view(self, kind: str) -> None:
        """A palette click: add the party in the middle of what the view shows, clear of other nodes."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        self.add_party(kind, self.scene.free_spot(centre, kind_style(kind).size))

    def delete_selection(self) -> None:
        """Delete the selected parties and links with everything that hangs on them, as one undo step."""
        nodes = [n.node_id for n in self.scene.selected_nodes()]
        gone = set(nodes)
        links = [e.edge_id for e in self.scene.selected_edges()
                 if e.source.node_id not in gone and e.target.node_id not in gone]
        ids = links + nodes
        if not ids:
            return
        count = len(ids)

        def name() -> str:
            return QCoreApplication.translate("StructureEditor", "Delete %n item(s)", None, count)

        if count == 1:
            self.push([changes.delete(self.document, ids[0])], name, exclude=gone)
            return
        self.delete_items(ids, gone, name, self.undo_stack)

    def apply_layout(self, which: str) -> None:
        """Arrange every node by layers or rings from the client: one undo step."""
        from app import layout

        arrange = layout.layered_layout if which == "layers" else layout.ring_layout
        sizes = {i: n.size for i, n in self.scene.nodes.items()}
        self.store_layout(arrange(self.document.model, DIAGRAM, sizes or None), partial(arranging_name, which))

    def align_selected(self, how: str) -> None:
        """Line the selected nodes up along an edge or centre line (one undo step)."""
        hint = self.tr("Select two or more parties to align them.")
        self.align_nodes(how, lambda: QCoreApplication.translate("StructureEditor", "Align"), hint)

    def distribute_selected(self, axis: str) -> None:
        """Space the selected nodes evenly (one undo step)."""
        hint = self.tr("Select three or more parties to distribute them.")
        self.distribute_nodes(axis, lambda: QCoreApplication.translate("StructureEditor", "Distribute"), hint)

    def _show_zoom(self, scale: float) -> None:
        self.zoom_label.setText(self.tr("%1 %").replace("%1", str(round(scale * 100))))

    def selected_ids(self) -> list[str]:
        """Ids of the selected segments, teams and links: parties first, each in the diagram's order."""
        chosen = {item.node_id if isinstance(item, NodeItem) else item.edge_id
                  for item in self.scene.selectedItems() if isinstance(item, (NodeItem, EdgeItem))}
        if len(chosen) < 2:
            return list(chosen)
        return [i for i in (*self.scene.nodes, *self.scene.edges) if i in chosen]

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
            self.links.make(ids)  # a large structure's link selected elsewhere gets its item
            self.scene.select_ids(ids)
        finally:
            self._quiet = False
        for item_id in ids:
            if item_id in self.scene.nodes:
                self.view.ensure_node_visible(item_id)
                break

    # ------------------------------------------------------------------ the shell's editor interface
    def show_remote_selections(self, selections: list[RemoteSelection]) -> None:
        """Mark what the other participants of a live session selected, each in their colour."""
        self.links.make({i for selection in selections for i in selection.ids})
        show_remote_selections(self.scene, selections)

    def unavailable(self, action: EditorAction) -> str | None:
        """Why `action` cannot be used now (in the current language), or None when it can."""
        if action is EditorAction.DELETE:
            return None if self.scene.selectedItems() else self.tr("Nothing is selected.")
        if not self.scene.nodes:
            return self.tr("The diagram is empty.")
        if action is EditorAction.ZOOM_IN and self.view.zoom >= MAX_ZOOM:
            return self.tr("Already at the largest zoom.")
        if action is EditorAction.ZOOM_OUT and self.view.zoom <= MIN_ZOOM:
            return self.tr("Already at the smallest zoom.")
        return None

    def select_all(self) -> None:
        """Select every segment, team and link."""
        self.links.make_for(set(self.scene.nodes))
        self.scene.select_all()

    def copy_picture(self) -> None:
        """Copy the selection (or the view) as a picture, with the links in it (a large structure's get items)."""
        if self.scene.selectedItems():
            self.links.make_for({n.node_id for n in self.scene.selected_nodes()})
        else:
            self.links.make_crossing(self.view.mapToScene(self.view.viewport().rect()).boundingRect())
        super().copy_picture()

    def find(self, text: str) -> int:  # type: ignore[override]  # the Editor interface's, not QWidget.find(WId)
        """Select the parties whose name contains `text` (any case) and centre the first; returns how many."""
        wanted = text.strip().casefold()
        if not wanted:
            return 0
        model = self.document.model
        found = [o.id for o in [*model.segments, *model.teams]
                 if wanted in o.name.casefold() and o.id in self.scene.nodes]
        self.scene.select_ids(found)
        if found:
            self.view.centerOn(self.scene.nodes[found[0]])
        return len(found)

    def _tooltip_for(self, node_id: str) -> str:
        obj = self.document.find(node_id)
        return tooltip(obj, self._latest(node_id)) + self.dependence.tip(node_id) if obj is not None else ""

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            self.view.fit_all_while_unzoomed()


def adding_name(kind: str) -> str:
    """The undo step of adding a party of `kind`, in the language shown ("Add service team")."""
    what = QCoreApplication.translate("StructureEditor", KIND_LABELS[kind]).lower()
    return QCoreApplication.translate("StructureEditor", "Add %1").replace("%1", what)


def arranging_name(which: str) -> str:
    """The undo step of an automatic layout ("layers" or "rings"), in the language shown."""
    if which == "layers":
        return QCoreApplication.translate("StructureEditor", "Arrange in layers")
    return QCoreApplication.translate("StructureEditor", "Arrange in rings")

"""The promise map editor: the map, the promise inspector and the promise table, sharing one selection.

It is an `Editor` of widgets.base.editor_api for the shell: PromiseMapEditor(document, undo_stack, parent),
`selection_changed(list)`, the Edit and View actions, find, and `retranslate()` (also on LanguageChange).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QEvent,
    QPoint,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QImage, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import model as m
from app.changed import Changes
from app.checks import Finding
from app.document import Document
from app.promise_rules import fix_all, fix_for
from widgets.base.editor_api import EditorAction
from widgets.base.live import changes_of
from widgets.base.remote_selection import RemoteSelection
from widgets.diagram.editor_tools import DiagramEditorTools
from widgets.diagram.gestures import UndoName
from widgets.diagram.items import NodeItem
from widgets.diagram.picture import render_scene, selection_picture
from widgets.promises.context import PromiseContext
from widgets.promises.diagram import PromiseDiagram
from widgets.promises.gestures import tr
from widgets.promises.inspector import PromiseInspector
from widgets.promises.items import PromiseEdge
from widgets.promises.legend import Legend
from widgets.promises.table import PromiseTablePanel
from widgets.promises.tree import PromiseTreePanel

if TYPE_CHECKING:
    from widgets.promises.import_preview import ImportPreview

FIX_NAMES = (
    QT_TRANSLATE_NOOP("PromiseMap", "Add promise"),
    QT_TRANSLATE_NOOP("PromiseMap", "Add structure link"),
    QT_TRANSLATE_NOOP("PromiseMap", "Add structure links"),
    QT_TRANSLATE_NOOP("PromiseMap", "Draft missing promises"),
)
"""The names app.promise_rules gives its fixes, listed here so that they reach the translation file."""
MAP_MARGIN = 24.0
"""Blank border around the whole map in a copied picture (scene units)."""
SPLIT_KEY = "promiseMap/tableSplit"
"""Where the user left the handle between the map and the promise table (in the app's settings file)."""


def split_settings() -> QSettings:
    """The app's settings file (the one the shell keeps in the data folder)."""
    from app.workfile import data_dir

    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class PromiseMapEditor(QWidget, DiagramEditorTools):
    """The promise map with its toolbar, legend, inspector and table (stages 4 and 5 of the method)."""

    selection_changed = Signal(list)
    """Ids of the selected promises, teams and segments."""

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promiseMapEditor")
        self.document = document
        self.undo_stack = undo_stack
        self.ctx = PromiseContext(document, undo_stack, self)
        self.diagram = PromiseDiagram(self.ctx, self)
        self.view = self.diagram.view
        self.scene = self.diagram.scene
        self.inspector = PromiseInspector(self.ctx)
        self.table_panel = PromiseTablePanel(self.ctx)
        self.table = self.table_panel.table
        self.tree_panel = PromiseTreePanel(self.ctx)
        self.legend = Legend()
        self._syncing = False
        self._shown_once = False
        self._message: QMessageBox | None = None
        """The open message box (it deletes itself on close: forgotten when it finishes)."""
        self._message_texts: tuple[Callable[[], str], Callable[[], str]] | None = None
        self._build_actions()
        self._build_layout()
        self.legend.show_for(document.model, False)
        self._retranslate_own()

        self.ctx.hinted.connect(self.view.show_hint)
        self.ctx.selection_changed.connect(self._selection_from_context)
        self.table.selection_changed.connect(self._selection_from_table)
        self.table.source.edit_refused.connect(self.view.show_hint)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        changes_of(document).changed.connect(self._on_changes)

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        self.layout_action = self._action("", self.diagram.apply_layout)
        # The zoom keys and Ctrl+Shift+C belong to the shell's View and Edit menus, which call the editor in front:
        # the same keys here would make them ambiguous.
        self.fit_action = self._action("", self.zoom_fit)
        self.zoom_in_action = self._action("", self.zoom_in)
        self.zoom_out_action = self._action("", self.zoom_out)
        self.snap_action = self._action("", self.set_snapping, checkable=True)
        self.value_action = self._action("", self.set_color_by_value, checkable=True)
        self.expand_action = self._action("", self.diagram.expand_all, checkable=True)
        self.copy_action = self._action("", self.copy_picture)
        self.import_action = self._action("", self.import_table)
        self.export_action = self._action("", self.export_table)
        self.align_actions = {how: self._action("", partial(self.diagram.align_selected, how))
                              for how in ("left", "center", "right", "top", "middle", "bottom")}
        self.distribute_actions = {axis: self._action("", partial(self.diagram.distribute_selected, axis))
                                   for axis in ("horizontal", "vertical")}

    def _build_layout(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("promiseToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.layout_action)
        self.align_button = QToolButton(self)
        self.align_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.align_button)
        menu.addActions(list(self.align_actions.values()))
        menu.addSeparator()
        menu.addActions(list(self.distribute_actions.values()))
        self.align_button.setMenu(menu)
        toolbar.addWidget(self.align_button)
        for action in (None, self.zoom_out_action, self.zoom_in_action, self.fit_action,
                       self.snap_action, None, self.value_action, self.expand_action, None, self.copy_action,
                       self.import_action, self.export_action):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.toolbar = toolbar
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 6, 6)
        column.addWidget(self.inspector, 1)
        column.addWidget(self.legend)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.view)
        top.addWidget(side)
        top.setStretchFactor(0, 1)
        top.setCollapsible(0, False)
        top.setSizes([900, 340])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("promiseSplitter")
        self.splitter.addWidget(top)
        self.lower = QTabWidget(self)  # the table and the tree of promises, one above the other's tab
        self.lower.setObjectName("promiseLower")
        self.lower.setDocumentMode(True)
        self.lower.addTab(self.table_panel, "")
        self.lower.addTab(self.tree_panel, "")
        self.splitter.addWidget(self.lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        # The map keeps three fifths, so the sample fits whole at readable names on a 1080p projector; the table
        # shows a dozen rows and can be dragged to half the height or more (remembered).
        self.splitter.setSizes([600, 400])
        remembered = split_settings().value(SPLIT_KEY)
        if isinstance(remembered, QByteArray) and not remembered.isEmpty():
            self.splitter.restoreState(remembered)
        self.splitter.splitterMoved.connect(self._remember_split)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)

    def _remember_split(self, *_args: Any) -> None:
        """Keep where the user dragged the handle between the map and the table (for the next editor too)."""
        split_settings().setValue(SPLIT_KEY, self.splitter.saveState())

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_own()  # the inspector, table and legend are widgets: each gets the event itself
            self.ctx.retranslate()
            self.diagram.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every fixed text of the promise map in the current language (toolbar, panels, legend, findings)."""
        self._retranslate_own()
        self.ctx.retranslate()
        self.diagram.retranslate()
        self.inspector.retranslate()
        self.table_panel.retranslate()
        self.tree_panel.retranslate()
        self.legend.retranslate()

    def _retranslate_own(self) -> None:
        """The actions (texts, tooltips, status tips), the Align button and an open message box."""
        texts: list[tuple[QAction, str, str]] = [
            (self.layout_action, self.tr("Layout"),
             self.tr("Arrange the parties in layers from the client along the promises")),
            (self.fit_action, self.tr("Fit to window"), ""),
            (self.zoom_in_action, self.tr("Zoom in"), ""),
            (self.zoom_out_action, self.tr("Zoom out"), ""),
            (self.snap_action, self.tr("Snap to grid"), self.tr("Parties snap to a grid while you drag them")),
            (self.value_action, self.tr("Colour by value"),
             self.tr("Colour the arrows by root value instead of status (the line style still shows the status)")),
            (self.expand_action, self.tr("Expand bundles"),
             self.tr("Draw every promise between the same two parties separately")),
            (self.copy_action, self.tr("Copy picture"),
             self.tr("Copy the selection (or the whole map) as a picture")),
            (self.import_action, self.tr("Import table…"), self.tr("Add promises from an Excel (.xlsx) or CSV table")),
            (self.export_action, self.tr("Export table…"), self.tr("Save the promise table as Excel (.xlsx) or CSV")),
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
            action.setText(text)
            action.setToolTip(tip or text)
            action.setStatusTip(tip or text)
        self.lower.setTabText(0, self.tr("Table"))
        self.lower.setTabText(1, self.tr("Tree of promises"))
        self.lower.setTabToolTip(1, self.tr("Value → root promise → supporting promises, numbered 1, 1.1, 1.1.1; "
                                            "drag a promise onto another to make it support that one"))
        self.align_button.setText(self.tr("Align"))
        self.align_button.setToolTip(self.tr("Line up or space out the selected parties"))
        self.align_button.setStatusTip(self.align_button.toolTip())
        if self._message is not None and self._message_texts is not None:
            title, text = self._message_texts
            self._message.setWindowTitle(title())
            self._message.setText(text())

    # ------------------------------------------------------------------ the shell's editor interface
    def unavailable(self, action: EditorAction) -> str | None:
        """Why `action` does not apply to the map now (in the current language), or None when it does."""
        if action is EditorAction.DELETE and not self.ctx.selection:
            return self.tr("Select promises or parties on the map to delete them.")
        if action in (EditorAction.SELECT_ALL, EditorAction.COPY_PICTURE, EditorAction.ZOOM_FIT,
                      EditorAction.FIND) and not self.scene.nodes:
            return self.tr("The promise map is empty.")
        return None

    def delete_selection(self) -> None:
        """Delete the selected promises and parties (with what hangs on them) as one undo step."""
        self.diagram.delete_selection()

    def select_all(self) -> None:
        """Select every party and promise on the map."""
        self.ctx.select([*(o.id for o in self._parties()), *(p.id for p in self.document.model.promises)])

    def copy_picture(self) -> None:
        """Put a PNG of the selection (or, with nothing selected, of the whole map) on the clipboard."""
        image = selection_picture(self.scene) if self.scene.selectedItems() else None
        if image is None:
            image = self.map_picture()
        # setImage: Qt owns the clipboard's data (offered as PNG too); mime data made in Python crashes at exit
        QGuiApplication.clipboard().setImage(image)
        self.view.show_hint(self.tr("Picture copied to the clipboard."), 2000)

    def map_picture(self) -> QImage:
        """The whole map, every party and arrow, on white."""
        area = self.scene.nodes_rect()
        for edge in self.scene.edges.values():
            area = area.united(edge.sceneBoundingRect())
        return render_scene(self.scene, area.adjusted(-MAP_MARGIN, -MAP_MARGIN, MAP_MARGIN, MAP_MARGIN))

    def find(self, text: str) -> int:
        """Select the parties whose name and the promises whose text contain `text` (any case); show the first."""
        wanted = text.casefold().strip()
        if not wanted:
            return 0
        found = [o.id for o in self._parties() if wanted in o.name.casefold()]
        found += [p.id for p in self.document.model.promises if wanted in p.text.casefold()]
        if found:
            self.select_ids(found)
        return len(found)

    def selected_ids(self) -> list[str]:
        """The shared selection."""
        return list(self.ctx.selection)

    def show_remote_selections(self, selections: list[RemoteSelection]) -> None:
        """Mark on the map what the other participants of a live session selected, each in their colour (a
        promise on its arrow, or on its bundle's)."""
        self.diagram.show_remote_selections(selections)

    def select_ids(self, ids: list[str]) -> None:
        """Select these promises, teams and segments on the map and in the table (others are ignored); show the
        first."""
        known = [i for i in ids if self.document.kind_of(i) in ("promise", "team", "segment")]
        self.ctx.select(known)
        if known:
            self.diagram.reveal(known[0])

    def _parties(self) -> list[m.Segment | m.Team]:
        return [*self.document.model.segments, *self.document.model.teams]

    # ------------------------------------------------------------------ selection
    def _selection_from_table(self, ids: list[str]) -> None:
        if not self._syncing:
            self.ctx.select(ids)

    def _selection_from_context(self, ids: list[str]) -> None:
        promises = [i for i in ids if self.document.kind_of(i) == "promise"]
        if set(promises) != set(self.table.selected_ids()):
            self._syncing = True
            try:
                self.table.select_ids(promises)
            finally:
                self._syncing = False
        self.selection_changed.emit(list(ids))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("value"):
            self.legend.show_for(self.document.model, self.diagram.by_value)

    # ------------------------------------------------------------------ actions
    def set_color_by_value(self, on: bool) -> None:
        """Colour arrows by root value (True) or by status."""
        self.diagram.set_color_by_value(on)
        self.value_action.setChecked(on)
        self.legend.show_for(self.document.model, on)

    def apply_fix(self, finding: Finding) -> str | None:
        """Apply the one-click fix of a finding (add the missing link, draft the missing promise) as one undo step."""
        edit = fix_for(self.document, finding)
        if edit is None:
            return self.tr("This finding has no automatic fix.")
        return self.diagram.push([edit], self._fix_name(edit.label))

    def _fix_name(self, label: str) -> UndoName:
        """Names the undo step of a fix (the core names it in English: FIX_NAMES) in the language shown."""
        return lambda: tr(label) if label else self.tr("Fix")

    def fix_all(self, code: str) -> str | None:
        """Fix every finding of `code` that has a fix, as one undo step."""
        self.ctx.flush()
        batch = fix_all(self.document, self.ctx.findings, code)
        return self.diagram.push([batch], self._fix_name(batch.label)) if batch is not None else None

    def import_table(self, path: str | None = None) -> ImportPreview | None:
        """Preview the import of a .xlsx or .csv table; its OK adds the promises as one undo step, Cancel nothing."""
        from app.promise_sheet import SheetError
        from app.promise_tree_sheet import read_promise_table
        from widgets.promises.import_preview import ImportPreview, reason_text

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import promises"), "",
                                                  self.tr("Promise tables (*.xlsx *.csv)"))
            if not path:
                return None
        name = Path(path).name
        try:
            table = read_promise_table(path)  # flat, or the practitioners' tree workbook
        except SheetError as e:
            reason = e.reason
            self._tell(QMessageBox.Icon.Warning, lambda: self.tr("Import promises"),
                       lambda: f"«{name}»: {reason_text(reason)}")
            return None
        except OSError as e:
            error = str(e)
            self._tell(QMessageBox.Icon.Warning, lambda: self.tr("Import promises"), lambda: error)
            return None
        sizes = {i: n.size for i, n in self.scene.nodes.items()}
        preview = ImportPreview(self.document, table, path, sizes, self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.setWindowModality(Qt.WindowModality.WindowModal)

        def accepted() -> None:
            batch, taken = preview.batch, preview.result.taken
            if batch is not None and not self.diagram.push([batch], lambda: self.tr("Import promises")):
                self.view.show_hint(self.tr("%n promise(s) imported.", "", taken), 4000)

        preview.accepted.connect(accepted)
        preview.open()
        return preview

    def _tell(self, icon: QMessageBox.Icon, title: Callable[[], str], text: Callable[[], str]) -> None:
        """A message box that does not block (the map stays live behind it); none while the editor is hidden.

        `title` and `text` give the texts in the current language: they are asked again when it changes.
        The box deletes itself on close; the editor forgets it as soon as it finishes.
        """
        if not self.isVisible():
            return
        if self._message is not None:
            self._message.close()
        box = QMessageBox(icon, title(), text(), QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("promiseMessage")
        box.finished.connect(self._message_closed)
        self._message, self._message_texts = box, (title, text)
        box.open()

    def _message_closed(self, *_args: Any) -> None:
        self._message, self._message_texts = None, None

    def export_table(self, path: str | None = None, tree: bool = False) -> None:
        """Save every promise as a .xlsx or .csv table (`tree`: the practitioners' tree of promises, .xlsx)."""
        from app.promise_sheet import write_sheet
        from app.promise_tree_sheet import write_tree_xlsx

        if not path:
            tree_filter = self.tr("Excel, tree of promises (*.xlsx)")
            path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export promises"), "promises.xlsx",
                                                       self.tr("Excel (*.xlsx);;CSV (*.csv)") + ";;" + tree_filter)
            if not path:
                return
            tree = chosen == tree_filter
            if Path(path).suffix.lower() not in (".xlsx", ".csv") or (tree and Path(path).suffix.lower() != ".xlsx"):
                path += ".csv" if "csv" in chosen.lower() else ".xlsx"
        try:
            if tree:
                write_tree_xlsx(self.document.model, path)
            else:
                write_sheet(self.document.model, path)
        except OSError as e:
            error = str(e)
            self._tell(QMessageBox.Icon.Warning, lambda: self.tr("Export promises"), lambda: error)
            return
        self.view.show_hint(self.tr("Promise table saved: %1").replace("%1", Path(path).name), 2500)

    def show_in_table(self, node_id: str) -> None:
        """Show a party's promises in the table (made and received by a team, made to a segment)."""
        kind = self.document.kind_of(node_id)
        if kind in ("team", "segment"):
            self.table_panel.set_filter(**{kind: node_id})

    def _context_menu(self, pos: QPoint) -> None:
        scene_pos = self.view.mapToScene(pos)
        item = self.scene.itemAt(scene_pos, self.view.transform())
        if isinstance(item, (PromiseEdge, NodeItem)) and not item.isSelected():
            self.scene.select_ids([item.edge_id if isinstance(item, PromiseEdge) else item.node_id])
        menu = QMenu(self)
        self.ctx.flush()
        if isinstance(item, PromiseEdge):
            self._edge_menu(menu, item)
        elif isinstance(item, NodeItem):
            self._node_menu(menu, item)
        else:
            self._background_menu(menu)
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def _edge_menu(self, menu: QMenu, edge: PromiseEdge) -> None:
        pair = self.diagram.pair_of_edge(edge)
        if edge.is_bundle:
            menu.addAction(self.tr("Expand bundle (%n promises)", "", len(edge.promise_ids)),
                           lambda: self.diagram.set_expanded(pair, True))
        elif pair in self.diagram.expanded or pair in self.diagram.auto_expanded:
            menu.addAction(self.tr("Collapse bundle"), lambda: self.diagram.set_expanded(pair, False))
        for pid in edge.promise_ids[:1] if not edge.is_bundle else []:
            for f in self.ctx.findings_of.get(pid, []):
                if f.code == "promise-without-link" and f.ids[0] == pid:
                    menu.addAction(self.tr("Add the missing structure link"), partial(self.apply_fix, f))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self.delete_selection)

    def _node_menu(self, menu: QMenu, node: NodeItem) -> None:
        node_id = node.node_id
        kind = self.document.kind_of(node_id)
        if kind in ("team", "segment"):
            menu.addAction(self.tr("Show its promises in the table"), partial(self.show_in_table, node_id))
        drafts = [f for f in self.ctx.findings if f.code == "link-without-promise" and f.ids[1] == node_id]
        links = [f for f in self.ctx.findings if f.code == "promise-without-link" and f.ids[1] == node_id]
        if drafts:
            menu.addAction(self.tr("Draft the promises its structure links lack (%n)", "", len(drafts)),
                           partial(self._fix_these, drafts, "link-without-promise"))
        if links:
            menu.addAction(self.tr("Add structure links for its promises (%n)", "", len(links)),
                           partial(self._fix_these, links, "promise-without-link"))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self.delete_selection)

    def _background_menu(self, menu: QMenu) -> None:
        counts = {code: sum(f.code == code for f in self.ctx.findings)
                  for code in ("promise-without-link", "link-without-promise")}
        if counts["promise-without-link"]:
            menu.addAction(self.tr("Add every missing structure link (%n)", "", counts["promise-without-link"]),
                           partial(self.fix_all, "promise-without-link"))
        if counts["link-without-promise"]:
            menu.addAction(self.tr("Draft every missing promise (%n)", "", counts["link-without-promise"]),
                           partial(self.fix_all, "link-without-promise"))
        menu.addAction(self.layout_action)
        menu.addAction(self.fit_action)

    def _fix_these(self, findings: list[Finding], code: str) -> None:
        batch = fix_all(self.document, findings, code)
        if batch is not None:
            self.diagram.push([batch], self._fix_name(batch.label))

    # ------------------------------------------------------------------ showing
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.view.fit_all_while_unzoomed()

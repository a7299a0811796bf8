"""The promise map editor: the map, the promise inspector and the promise table, sharing one selection.

Editor contract of the shell: PromiseMapEditor(document, undo_stack, parent), `selection_changed(list)`,
`select_ids(ids)`, `detach()` (also done when the editor is destroyed).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.checks import Finding
from app.document import Document
from app.edits import Edit
from app.promise_rules import fix_all, fix_for
from widgets.diagram.editor_tools import DiagramEditorTools
from widgets.diagram.items import NodeItem
from widgets.promises.context import PromiseContext
from widgets.promises.diagram import PromiseDiagram
from widgets.promises.inspector import PromiseInspector
from widgets.promises.items import PromiseEdge
from widgets.promises.legend import Legend
from widgets.promises.table import PromiseTablePanel


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
        self.legend = Legend()
        self._syncing = False
        self._build_actions()
        self._build_layout()
        self.legend.show_for(document.model, False)

        self.ctx.hinted.connect(self.view.show_hint)
        self.ctx.selection_changed.connect(self._selection_from_context)
        self.table.selection_changed.connect(self._selection_from_table)
        self.table.source.edit_refused.connect(self.view.show_hint)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        document.subscribe(self._on_edit)
        self.destroyed.connect(partial(_detach_all, document, self._on_edit, self.ctx, self.diagram,
                                       self.inspector, self.table_panel))

    def detach(self) -> None:
        """Stop following the document (also done when the editor is destroyed)."""
        _detach_all(self.document, self._on_edit, self.ctx, self.diagram, self.inspector, self.table_panel)

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        self.layout_action = self._action(self.tr("Layout"), self.diagram.apply_layout,
                                          tip=self.tr("Arrange the parties in layers from the client along the "
                                                      "promises"))
        self.fit_action = self._action(self.tr("Fit to window"), self.view.fit_all, "Ctrl+0")
        self.zoom_in_action = self._action(self.tr("Zoom in"), self.view.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom out"), self.view.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.snap_action = self._action(self.tr("Snap to grid"), self.set_snapping, checkable=True,
                                        tip=self.tr("Parties snap to a grid while you drag them"))
        self.value_action = self._action(self.tr("Colour by value"), self.set_color_by_value, checkable=True,
                                         tip=self.tr("Colour the arrows by root value instead of status (the line "
                                                     "style still shows the status)"))
        self.expand_action = self._action(self.tr("Expand bundles"), self.diagram.expand_all, checkable=True,
                                          tip=self.tr("Draw every promise between the same two parties separately"))
        self.copy_action = self._action(self.tr("Copy picture"), self.copy_picture, "Ctrl+Shift+C",
                                        self.tr("Copy the selection (or the whole view) as a picture"))
        self.import_action = self._action(self.tr("Import table…"), self.import_table,
                                          tip=self.tr("Add promises from an Excel (.xlsx) or CSV table"))
        self.export_action = self._action(self.tr("Export table…"), self.export_table,
                                          tip=self.tr("Save the promise table as Excel (.xlsx) or CSV"))
        self.align_actions = [
            self._action(text, partial(self.diagram.align_selected, how)) for how, text in (
                ("left", self.tr("Align left")), ("center", self.tr("Align centres")),
                ("right", self.tr("Align right")), ("top", self.tr("Align top")),
                ("middle", self.tr("Align middles")), ("bottom", self.tr("Align bottom")))]
        self.distribute_actions = [
            self._action(text, partial(self.diagram.distribute_selected, axis)) for axis, text in (
                ("horizontal", self.tr("Distribute horizontally")), ("vertical", self.tr("Distribute vertically")))]

    def _build_layout(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("promiseToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.layout_action)
        align = QToolButton(self)
        align.setText(self.tr("Align"))
        align.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(align)
        menu.addActions(self.align_actions)
        menu.addSeparator()
        menu.addActions(self.distribute_actions)
        align.setMenu(menu)
        toolbar.addWidget(align)
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
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.table_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)

    # ------------------------------------------------------------------ selection
    def select_ids(self, ids: list[str]) -> None:
        """Select these promises, teams and segments on the map and in the table (others are ignored)."""
        known = [i for i in ids if self.document.kind_of(i) in ("promise", "team", "segment")]
        self.ctx.select(known)

    def selected_ids(self) -> list[str]:
        """The shared selection."""
        return list(self.ctx.selection)

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

    def _on_edit(self, document: Document, _edit: Edit, applied: list[Any]) -> None:
        if any(getattr(leaf, "kind", None) == "value" for leaf in applied):
            self.legend.show_for(document.model, self.diagram.by_value)

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
        return self.diagram.push([edit], edit.label or self.tr("Fix"))

    def fix_all(self, code: str) -> str | None:
        """Fix every finding of `code` that has a fix, as one undo step."""
        self.ctx.flush()
        batch = fix_all(self.document, self.ctx.findings, code)
        return self.diagram.push([batch], batch.label) if batch is not None else None

    def import_table(self, path: str | None = None) -> str | None:
        """Add the promises of a .xlsx or .csv table (one undo step) and report the rows that were not taken."""
        from app.promise_import import import_sheet
        from app.promise_sheet import SheetError

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import promises"), "",
                                                  self.tr("Promise tables (*.xlsx *.csv)"))
            if not path:
                return None
        try:
            result = import_sheet(self.document, path)
        except (SheetError, OSError) as e:
            self._tell(QMessageBox.Icon.Warning, self.tr("Import promises"), str(e))
            return str(e)
        reason = self.diagram.push([result.batch], self.tr("Import promises")) if result.batch else None
        lines = [self.tr("%n promise(s) added.", "", result.taken)]
        if result.created_teams or result.created_segments:
            lines.append(self.tr("New teams: %1. New segments: %2.").replace(
                "%1", ", ".join(result.created_teams) or "—").replace("%2", ", ".join(result.created_segments) or "—"))
        for problem in result.skipped:
            lines.append(self.tr("Row %1 not imported: %2").replace("%1", str(problem.row)).replace(
                "%2", problem.message))
        for problem in result.warnings:
            lines.append(self.tr("Row %1: %2").replace("%1", str(problem.row)).replace("%2", problem.message))
        self.last_import = result
        self._tell(QMessageBox.Icon.Information, self.tr("Import promises"), "\n".join(lines[:40]))
        return reason

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A message box that does not block (the map stays live behind it); none while the editor is hidden."""
        if not self.isVisible():
            return
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("promiseMessage")
        box.open()

    def export_table(self, path: str | None = None) -> None:
        """Save every promise as a .xlsx or .csv table."""
        from app.promise_sheet import write_sheet

        if not path:
            path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export promises"), "promises.xlsx",
                                                       self.tr("Excel (*.xlsx);;CSV (*.csv)"))
            if not path:
                return
            if Path(path).suffix.lower() not in (".xlsx", ".csv"):
                path += ".csv" if "csv" in chosen.lower() else ".xlsx"
        try:
            write_sheet(self.document.model, path)
        except OSError as e:
            self._tell(QMessageBox.Icon.Warning, self.tr("Export promises"), str(e))
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
        menu.addAction(self.tr("Delete"), self.diagram.delete_selected)

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
        menu.addAction(self.tr("Delete"), self.diagram.delete_selected)

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
            self.diagram.push([batch], batch.label)

    # ------------------------------------------------------------------ showing
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            self.view.fit_all()


def _detach_all(document: Document, subscriber: Any, *parts: Any) -> None:
    """Unsubscribe the editor and its parts from the document (safe to call twice)."""
    try:
        document.unsubscribe(subscriber)
    except ValueError:
        pass
    for part in parts:
        try:
            part.detach()
        except RuntimeError:  # the Qt object is already gone
            pass

"""Snapshots panel: keep the workshop's state under a name inside its file, look at one read-only, restore, export,
rename or delete.

A restore is one undoable edit on the shared undo stack. A snapshot is shown in a window of its own (beside the
current state) through the presentation's pages, on a separate document that refuses every edit.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import model as m
from app.document import Document, EditRefused
from app.edits import Edit
from app.store import Snapshot
from widgets.base.undo import push_edit
from widgets.shell.export_runner import EXPORTS, ExportRunner, ExportSpec, export_available

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole
CREATED_ROLE = Qt.ItemDataRole.UserRole + 1


def when(created: str) -> str:
    """A snapshot's time as the user's locale writes it (the stored text when it is not a time)."""
    moment = QDateTime.fromString(created, "yyyy-MM-dd HH:mm:ss")
    return QLocale().toString(moment, "d MMM yyyy, HH:mm") if moment.isValid() else created


def restore_name(name: str) -> str:
    """The undo history's name of restoring the snapshot `name`, in the current language."""
    return QCoreApplication.translate("SnapshotsPanel", "Restore snapshot “%1”").replace("%1", name)


class ReadOnlyDocument(Document):
    """A document that nothing edits: every edit is refused (the editors show the refusal as a hint)."""

    def apply(self, edit: Edit) -> None:
        raise EditRefused(QCoreApplication.translate("SnapshotsPanel", "A snapshot is read-only."))


class SqueezableNote(QLabel):
    """A wrapped note that a short dock may cut: it never asks for the height its lines need."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False


class SnapshotsPanel(QWidget):
    """The open workshop's snapshots, newest first: Save, Open read-only, Restore, Export, Rename, Delete."""

    snapshot_saved = Signal(str)
    """A snapshot was stored, renamed or deleted (its id): the file now has something unsaved."""
    restored = Signal(str)
    """A snapshot was restored (its id) as one edit on the undo stack."""

    def __init__(self, work_file: Any, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotsPanel")
        self.work_file = work_file
        self.undo_stack = undo_stack
        self.viewers: list[SnapshotViewer] = []
        self.exporter = ExportRunner(self)
        self.exporter.finished.connect(self._export_finished)
        self.exporter.failed.connect(self._export_failed)
        self.list = QTreeWidget(self)
        self.list.setObjectName("snapshotsList")
        self.list.setColumnCount(2)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.installEventFilter(self)  # Delete and F2 on the list
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(lambda: self.save_snapshot())
        self.snapshot_actions = {key: QAction(self) for key in ("open", "restore", "export", "rename", "delete")}
        """The buttons' actions: in a narrow dock an overflowed one is still in the bar's » menu."""
        self.snapshot_actions["open"].triggered.connect(lambda: self.open_read_only())
        self.snapshot_actions["restore"].triggered.connect(lambda: self.restore())
        self.export_menu = QMenu(self)
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        self.snapshot_actions["export"].setMenu(self.export_menu)
        self.snapshot_actions["rename"].triggered.connect(lambda: self.rename())
        self.snapshot_actions["delete"].triggered.connect(lambda: self.delete())
        self.message = QLabel(self)
        self.message.setObjectName("snapshotsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it names snapshots: the user's words, never markup
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #5b6673;")
        self.empty = SqueezableNote(self)
        self.empty.setObjectName("snapshotsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5b6673;")
        buttons = QToolBar(self)  # in a narrow dock the last buttons go into its » menu, the dock stays narrow
        buttons.setObjectName("snapshotsButtons")
        buttons.setMovable(False)
        buttons.setFloatable(False)
        buttons.setStyleSheet("QToolBar { border: none; padding: 0px; spacing: 4px; }")
        buttons.addWidget(self.save_button)
        spring = QWidget(buttons)
        spring.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        buttons.addWidget(spring)
        for key in ("open", "restore", "export"):
            buttons.addAction(self.snapshot_actions[key])
        buttons.addSeparator()
        for key in ("rename", "delete"):
            buttons.addAction(self.snapshot_actions[key])
        button = {key: cast(QToolButton, buttons.widgetForAction(act)) for key, act in self.snapshot_actions.items()}
        self.open_button, self.restore_button, self.export_button = button["open"], button["restore"], button["export"]
        self.rename_button, self.delete_button = button["rename"], button["delete"]
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for squeezable in (self.list, self.empty):  # a dock one line tall (1280×720) keeps the buttons
            squeezable.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.message.hide()  # shown while it says something
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        layout.addWidget(self.message)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.list.setHeaderLabels([self.tr("Snapshot"), self.tr("Saved")])
        self.save_button.setText(self.tr("Save snapshot…"))
        self.save_button.setToolTip(self.tr("Keep the workshop as it is now under a name, inside its file"))
        act = self.snapshot_actions
        act["open"].setText(self.tr("Open read-only"))
        act["open"].setToolTip(self.tr("Look at the snapshot in a window of its own, beside the current state"))
        act["restore"].setText(self.tr("Restore"))
        act["restore"].setToolTip(self.tr("Make the workshop what it was in the snapshot (Undo goes back)"))
        act["export"].setText(self.tr("Export"))
        act["export"].setToolTip(self.tr("Handouts or slides of the snapshot, not of the current state"))
        act["rename"].setText(self.tr("Rename…"))
        act["rename"].setToolTip(self.tr("Give the snapshot another name (F2, or double-click its name)"))
        act["delete"].setText(self.tr("Delete"))
        act["delete"].setToolTip(self.tr("Remove the snapshot from the workshop's file (Delete)"))
        self.empty.setText(self.tr("No snapshots yet. “Save snapshot…” keeps the workshop as it is now, inside its "
                                   "file, to compare with or to come back to."))
        for item in (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())):
            item.setText(1, when(item.data(1, CREATED_ROLE)))  # dates in the new language's words

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ binding
    def bind(self, work_file: Any) -> None:
        """Show the snapshots of another workshop (None: no workshop is open)."""
        for viewer in list(self.viewers):
            viewer.close()
        self.work_file = work_file
        self.say("")
        self.refresh()

    @property
    def document(self) -> Document | None:
        """The open workshop's document."""
        return self.work_file.document if self.work_file is not None else None

    def snapshots(self) -> list[Snapshot]:
        """The file's snapshots, oldest first."""
        return self.work_file.store.snapshots() if self.work_file is not None else []

    def refresh(self) -> None:
        """List the snapshots again, newest first (keeping the selection)."""
        selected = self.selected_id()
        self.list.clear()
        for snap in reversed(self.snapshots()):
            item = QTreeWidgetItem([snap.name, when(snap.created)])
            item.setData(0, ID_ROLE, snap.id)
            item.setData(1, CREATED_ROLE, snap.created)
            item.setToolTip(0, snap.name)
            self.list.addTopLevelItem(item)
            if snap.id == selected:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.setEnabled(self.work_file is not None)
        self.list.setVisible(self.list.topLevelItemCount() > 0)
        self.empty.setVisible(self.list.topLevelItemCount() == 0)
        self._update_buttons()

    def selected_id(self) -> str | None:
        """The id of the snapshot chosen in the list (None when none is)."""
        items = self.list.selectedItems()
        if items:
            return items[0].data(0, ID_ROLE)
        return None

    def _target(self, snapshot_id: str | None) -> Snapshot | None:
        wanted = snapshot_id or self.selected_id()
        return next((s for s in self.snapshots() if s.id == wanted), None)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for action in self.snapshot_actions.values():
            action.setEnabled(chosen)

    def say(self, text: str) -> None:
        """A short note under the list (what was done, or why not)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------------ actions
    def save_snapshot(self, name: str | None = None) -> Snapshot | None:
        """Keep the workshop's current state under `name` (asked for when None); returns the snapshot."""
        if self.work_file is None:
            return None
        if name is None:
            count = len(self.snapshots()) + 1
            name, ok = QInputDialog.getText(self, self.tr("Save snapshot"),
                                            self.tr("A name for the workshop as it is now (e.g. “as-is agreed”):"),
                                            text=self.tr("Snapshot %1").replace("%1", str(count)))
            if not ok:
                return None
        name = " ".join(name.split())
        if not name:
            self.say(self.tr("A snapshot needs a name."))
            return None
        snap = self.work_file.store.save_snapshot(name, self.work_file.document.model)
        self.refresh()
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            item.setSelected(item.data(0, ID_ROLE) == snap.id)
        self.say(self.tr("Snapshot “%1” saved in the workshop (save the file to keep it).").replace("%1", name))
        self.snapshot_saved.emit(snap.id)
        return snap

    def rename(self, snapshot_id: str | None = None, name: str | None = None) -> Snapshot | None:
        """Give the snapshot another name (asked for when None); returns the renamed snapshot, or None if not."""
        snap = self._target(snapshot_id)
        if snap is None or self.work_file is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename snapshot"),
                                            self.tr("A new name for the snapshot “%1”:").replace("%1", snap.name),
                                            text=snap.name)
            if not ok:
                return None
        name = " ".join(name.split())
        if not name:
            self.say(self.tr("A snapshot needs a name."))
            return None
        if name == snap.name:
            return snap
        renamed = self.work_file.store.rename_snapshot(snap.id, name)
        self.refresh()
        for viewer in self.viewers:
            if viewer.snapshot.id == snap.id:
                viewer.show_name(renamed)
        self.say(self.tr("Snapshot “%1” renamed to “%2” (save the file to keep it).")
                 .replace("%1", snap.name).replace("%2", name))
        self.snapshot_saved.emit(snap.id)
        return renamed

    def delete(self, snapshot_id: str | None = None) -> bool:
        """Remove the snapshot from the file once the user confirms; returns whether it was deleted."""
        snap = self._target(snapshot_id)
        if snap is None or self.work_file is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete snapshot"),
            self.tr("Delete the snapshot “%1”? Undo does not bring it back.").replace("%1", snap.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        row = self.list.indexOfTopLevelItem(self.list.currentItem()) if self.list.currentItem() else 0
        self.work_file.store.delete_snapshot(snap.id)
        for viewer in [v for v in self.viewers if v.snapshot.id == snap.id]:
            viewer.close()
        self.refresh()
        following = self.list.topLevelItem(min(max(row, 0), self.list.topLevelItemCount() - 1))
        if following is not None:  # keep a row chosen so Delete can go on down the list
            following.setSelected(True)
            self.list.setCurrentItem(following)
        self.say(self.tr("Snapshot “%1” deleted (save the file to make it final).").replace("%1", snap.name))
        self.snapshot_saved.emit(snap.id)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Delete deletes the chosen snapshot and F2 renames it, while the list has the keyboard."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress and self.selected_id() is not None:
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete()
                return True
            if event.key() == Qt.Key.Key_F2 and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.rename()
                return True
        return super().eventFilter(watched, event)

    def _double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        """Double-click on the name renames the snapshot; on its time, opens it read-only."""
        snapshot_id = item.data(0, ID_ROLE)
        if column == 0:
            self.rename(snapshot_id)
        else:
            self.open_read_only(snapshot_id)

    def workshop_of(self, snapshot_id: str) -> m.Workshop:
        """The workshop as the snapshot holds it (a separate model)."""
        return self.work_file.store.load_snapshot(snapshot_id)

    def restore(self, snapshot_id: str | None = None) -> str | None:
        """Turn the workshop into the snapshot as one undoable edit; returns why not, or None when done."""
        snap = self._target(snapshot_id)
        if snap is None or self.work_file is None:
            return self.tr("Choose a snapshot first.")
        doc = self.work_file.document
        edit = self.work_file.store.restore_snapshot(doc, snap.id, f"Restore snapshot “{snap.name}”")
        if not edit.edits:
            self.say(self.tr("The workshop already is as in “%1”.").replace("%1", snap.name))
            return None
        reason = push_edit(self.undo_stack, doc, edit, partial(restore_name, snap.name))
        if reason:
            self.say(reason)
            return reason
        self.say(self.tr("Restored “%1”. Undo brings back the state before.").replace("%1", snap.name))
        self.restored.emit(snap.id)
        return None

    def open_read_only(self, snapshot_id: str | None = None) -> SnapshotViewer | None:
        """Show the snapshot in a window of its own, read-only, beside the current state."""
        snap = self._target(snapshot_id)
        if snap is None:
            return None
        viewer = SnapshotViewer(snap, self.workshop_of(snap.id), self)
        self.viewers.append(viewer)
        viewer.destroyed.connect(lambda *_a, v=viewer: self.viewers.remove(v) if v in self.viewers else None)
        viewer.show()
        return viewer

    def _fill_export_menu(self) -> None:
        self.export_menu.clear()
        for spec in EXPORTS:
            if export_available(spec):
                text = QCoreApplication.translate("exports", spec.text)
                action = self.export_menu.addAction(text)
                action.setEnabled(not self.exporter.busy)
                action.triggered.connect(lambda _c=False, s=spec: self.export(s))

    def export(self, spec: ExportSpec, snapshot_id: str | None = None, target: Path | None = None) -> bool:
        """Write an export of the snapshot (asking where when `target` is None), in the background."""
        snap = self._target(snapshot_id)
        if snap is None or self.exporter.busy:
            return False
        if target is None:
            target = self._ask_target(spec, snap)
            if target is None:
                return False
        self.exporter.start(spec, self.workshop_of(snap.id), Path(target))
        self.say(self.tr("Exporting “%1”…").replace("%1", snap.name))
        return True

    def _ask_target(self, spec: ExportSpec, snap: Snapshot) -> Path | None:
        from widgets.shell import files
        from widgets.shell.settings import Settings

        settings = Settings()
        title = QCoreApplication.translate("exports", spec.text).replace("&", "").rstrip("…")
        stem = "-".join(t for t in (self.work_file.document.model.info.title, snap.name) if t) or "snapshot"
        stem = stem.replace("/", "-")
        if spec.to_folder:
            return files.ask_export_folder(self, settings, title)
        return files.ask_export_path(self, settings, title, stem, spec.suffix,
                                     QCoreApplication.translate("exports", spec.file_filter))

    def _export_finished(self, key: str, written: object) -> None:
        where = written[0].parent if isinstance(written, list) and written else written
        self.say(self.tr("Exported to %1").replace("%1", str(where)))

    def _export_failed(self, key: str, error: BaseException) -> None:
        self.say(self.tr("The export failed: %1").replace("%1", str(error)))


class SnapshotViewer(QWidget):
    """A snapshot in a window of its own: the presentation's pages, read-only, to compare with the current state."""

    def __init__(self, snap: Snapshot, workshop: m.Workshop, panel: SnapshotsPanel) -> None:
        super().__init__(panel, Qt.WindowType.Window)
        from widgets.presentation.story_view import StoryView

        self.setObjectName("snapshotViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.snapshot = snap
        self.panel = panel
        self.document = ReadOnlyDocument(workshop)
        self.undo_stack = QUndoStack(self)
        self.show_name(snap)
        self.story = StoryView(self.document, self.undo_stack, self)
        self.story.reveal = False
        self.story.lock.laser = False
        self.story.lock.set_on(True)
        self.pages = QComboBox(self)
        self.pages.setObjectName("snapshotPages")
        self.pages.activated.connect(lambda i: self.story.go_to(i, forward=False))
        self.back_button = back = QToolButton(self)
        back.setText("‹")
        back.clicked.connect(self.story.previous)
        self.forward_button = forward = QToolButton(self)
        forward.setText("›")
        forward.clicked.connect(self.story.next)
        self.restore_button = restore = QPushButton(self)
        restore.clicked.connect(lambda: panel.restore(snap.id))
        self.note = note = QLabel(self)
        note.setStyleSheet("color: #5b6673;")
        self.retranslate()
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 6)
        for widget in (back, self.pages, forward):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(note, 1)
        bar.addWidget(restore)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.story, 1)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.story.next)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.story.previous)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.story.page_changed.connect(self._show_page)
        self.story.go_to(0, forward=False)
        self.resize(1280, 800)

    def show_name(self, snap: Snapshot) -> None:
        """Follow the snapshot's (new) name in the window title."""
        self.snapshot = snap
        self.setWindowTitle(self.tr("Snapshot “%1” (read-only)").replace("%1", snap.name))

    def retranslate(self) -> None:
        """Texts in the current language (the pages' titles follow the story's own retranslation)."""
        self.show_name(self.snapshot)
        self.back_button.setToolTip(self.tr("Previous page (PageUp)"))
        self.forward_button.setToolTip(self.tr("Next page (PageDown)"))
        self.restore_button.setText(self.tr("Restore this snapshot"))
        self.note.setText(self.tr("Saved %1 · read-only").replace("%1", when(self.snapshot.created)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show_page()
        super().changeEvent(event)

    def _show_page(self) -> None:
        titles = self.story.titles()
        if [self.pages.itemText(i) for i in range(self.pages.count())] != titles:
            self.pages.clear()
            self.pages.addItems(titles)
        self.pages.setCurrentIndex(self.story.index)

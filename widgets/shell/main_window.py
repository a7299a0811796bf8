"""The main window: one open workshop, its stage navigator, pages, checks and undo history, menus and files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

from app import model as m
from app.changed import Changes
from app.document import Document
from app.workfile import WorkFile
from widgets.base.editor_api import EditorAction
from widgets.base.emoji_font import install_emoji_font
from widgets.base.live import changes_of
from widgets.base.text_size import text_scale, text_size
from widgets.base.undo import retranslate_commands
from widgets.base.wheel_guard import install_wheel_guard
from widgets.collab.control import LiveControl
from widgets.shell import files, heap, merge_dialog
from widgets.shell.checks_panel import ChecksPanel
from widgets.shell.editor_pages import EDITORS, EditorPage, editor_available
from widgets.shell.export_runner import EXPORTS, ExportRunner, ExportSpec, export_available
from widgets.shell.history import HistoryView
from widgets.shell.i18n import Translations
from widgets.shell.menus import TEXT_SIZE_KEYS, build_menus, menu_status_tip, retranslate_menus
from widgets.shell.settings import Settings
from widgets.shell.snapshots_panel import SnapshotsPanel
from widgets.shell.stages import GOAL, StageNavigator
from widgets.shell.style import STYLE, size_fonts
from widgets.shell.welcome import WelcomePage
from widgets.shell.workspace import PAGES, Workspace

if TYPE_CHECKING:
    from app.checks import Finding

log = logging.getLogger(__name__)


def same_file(a: Path | None, b: Path) -> bool:
    """Whether `a` and `b` name the same file (symbolic links and relative parts resolved)."""
    if a is None:
        return False
    try:
        return a.resolve() == Path(b).resolve()
    except OSError:
        return False

# Where a finding's object is worked on: the editor page first (when it exists), else the table.
FINDING_PLACES: dict[str, tuple[str | None, str]] = {
    "promise-no-metric": ("promises", "promises"),
    "promise-unempowered": ("promises", "promises"),
    "promise-from-client": ("promises", "promises"),
    "team-no-client-promise": ("promises", "teams"),
    "team-not-serving-client": ("promises", "teams"),
    "team-no-indicator": (None, "results"),
    "team-no-motivation": (None, "economics"),
    "motivation-shares": (None, "economics"),
    "link-without-promise": ("structure", "teams"),
    "promise-without-link": ("structure", "promises"),
    "canvas-factor-count": ("canvas", "propositions"),
    "errc-contradicts-curves": ("canvas", "propositions"),
    "curve-unscored": ("canvas", "propositions"),
}
TABLE_OF_KIND = {"segment": "segments", "pain": "pains", "proposition": "propositions", "team": "teams",
                 "promise": "promises", "experiment": "experiments", "value": "details"}
# Stage n: (editor page or None, table, column to put the keyboard on)
STAGE_PLACES: dict[int, tuple[str | None, str, str | None]] = {
    1: (None, "segments", None), 2: (None, "pains", None), 3: ("canvas", "propositions", None),
    4: ("promises", "promises", None), 5: ("promises", "promises", None), 6: ("structure", "teams", None),
    7: (None, "economics", "revenue"), 8: (None, "results", "indicator"), 9: (None, "experiments", None),
}
# Checks, history and snapshots get this short (a row or two, the lists scroll): a 1280×720 screen leaves the
# editor its height.
BOTTOM_DOCK_MIN_HEIGHT = 24
BOTTOM_DOCK_HEIGHT = 190  # their usual height
SHORT_WINDOW = 800  # a window less tall than this gets its bottom panels at their smallest (they can be dragged)
# Fields whose own text Select All selects while they have the keyboard.
TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
# Menu actions that act on the editor in front, on an editor page.
EDITOR_ACTIONS: dict[str, EditorAction] = {
    "delete": EditorAction.DELETE,
    "select_all": EditorAction.SELECT_ALL,
    "copy_picture": EditorAction.COPY_PICTURE,
    "find": EditorAction.FIND,
    "zoom_in": EditorAction.ZOOM_IN,
    "zoom_out": EditorAction.ZOOM_OUT,
    "zoom_reset": EditorAction.ZOOM_FIT,
}


class MainWindow(QMainWindow):
    """A workshop's window. `set_work` shows a workshop; closing asks before anything unsaved is lost."""

    def __init__(self, settings: Settings | None = None, translations: Translations | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        install_wheel_guard()  # before any combo box is made: the wheel never gives one the keyboard
        install_emoji_font()  # «🚀» in a team's name is a rocket, not a box, even without a system emoji font
        self.settings = settings or Settings()
        self.translations = translations
        self.work: WorkFile | None = None
        self.workspace: Workspace | None = None
        self.ask_before_closing = True
        self._last_find = ""
        self._baseline_modified = False
        self.undo_stack = QUndoStack(self)
        self.exporter = ExportRunner(self)
        text_size().changed.connect(self._text_size_changed)
        self.setStyleSheet(STYLE)
        self.resize(1600, 1000)

        self.welcome = WelcomePage(self.settings)
        size_fonts(self.welcome, text_scale())
        self.center = QStackedWidget()
        self.center.addWidget(self.welcome)
        self.setCentralWidget(self.center)
        self.navigator = StageNavigator()
        self.checks = ChecksPanel()
        self.history = HistoryView(self.undo_stack)
        self.history.setObjectName("history")
        self.snapshots = SnapshotsPanel(None, self.undo_stack)
        self._presentation: QWidget | None = None  # deletes itself when it closes: cleared by its `destroyed`
        self.docks = {
            "stages": self._dock("stagesDock", self.navigator, Qt.DockWidgetArea.LeftDockWidgetArea),
            "checks": self._dock("checksDock", self.checks, Qt.DockWidgetArea.BottomDockWidgetArea),
            "history": self._dock("historyDock", self.history, Qt.DockWidgetArea.BottomDockWidgetArea),
            "snapshots": self._dock("snapshotsDock", self.snapshots, Qt.DockWidgetArea.BottomDockWidgetArea),
        }
        for key in ("checks", "history", "snapshots"):
            self.docks[key].widget().setMinimumHeight(BOTTOM_DOCK_MIN_HEIGHT)
        self.splitDockWidget(self.docks["checks"], self.docks["history"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(self.docks["history"], self.docks["snapshots"])
        self.docks["history"].raise_()
        self.resizeDocks([self.docks["stages"]], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["checks"], self.docks["history"]], [900, 380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["checks"]], [BOTTOM_DOCK_HEIGHT], Qt.Orientation.Vertical)

        self.recent_menu = files.RecentMenu(self.settings, self.open_path, self)
        self.menus = build_menus(self, self.recent_menu)
        self.live = LiveControl(self)  # File ▸ Share on this network… and Join…: live co-editing
        self.live.remote_applied.connect(self._remote_edits)
        for dock in self.docks.values():
            self.menus.menus["panels"].addAction(dock.toggleViewAction())
        self._connect()
        self.retranslate()
        self.settings.set_text_zoom(text_size().set_steps(self.settings.text_zoom()))
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.set_work(None)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self, objectName=name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        a = self.menus.actions
        a["new"].triggered.connect(self.new_workshop)
        a["new_sample"].triggered.connect(self.new_from_sample)
        a["open"].triggered.connect(lambda: self.open_path())
        a["save"].triggered.connect(self.save)
        a["save_as"].triggered.connect(self.save_as)
        a["import_json"].triggered.connect(self.import_json)
        a["share_copy"].triggered.connect(lambda: merge_dialog.share_copy(self))
        a["merge_copy"].triggered.connect(lambda: merge_dialog.merge_copy(self))
        a["share"].triggered.connect(self.live.share)
        a["join"].triggered.connect(self.live.join)
        a["close"].triggered.connect(self.close_workshop)
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(self.undo_stack.undo)
        a["redo"].triggered.connect(self.undo_stack.redo)
        a["delete"].triggered.connect(self.delete_selection)
        a["select_all"].triggered.connect(self.select_all)
        a["copy_picture"].triggered.connect(self.copy_picture)
        a["find"].triggered.connect(lambda: self.find())
        for key in PAGES:
            a[f"page_{key}"].triggered.connect(lambda _c=False, k=key: self.show_page(k))
        a["zoom_in"].triggered.connect(lambda: self.zoom(+1))
        a["zoom_out"].triggered.connect(lambda: self.zoom(-1))
        a["zoom_reset"].triggered.connect(lambda: self.zoom(0))
        a["text_larger"].triggered.connect(lambda: self.change_text_size(+1))
        a["text_smaller"].triggered.connect(lambda: self.change_text_size(-1))
        a["text_normal"].triggered.connect(lambda: self.change_text_size(0))
        a["full_screen"].toggled.connect(self.set_full_screen)
        a["present"].triggered.connect(self.present)
        self.snapshots.snapshot_saved.connect(self._snapshot_saved)
        a["guide"].triggered.connect(self.show_guide)
        a["about"].triggered.connect(self.show_about)
        for spec in EXPORTS:
            a[f"export_{spec.key}"].triggered.connect(lambda _c=False, s=spec: self.export(s))
        a["branding"].triggered.connect(self.edit_branding)
        self.menus.menus["export"].aboutToShow.connect(self._update_exports)
        self.menus.menus["file"].aboutToShow.connect(self._update_exports)
        self.menus.languages.triggered.connect(lambda action: self.set_language(action.data()))
        self.undo_stack.canUndoChanged.connect(a["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(a["redo"].setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda _t: self._name_undo_actions())
        self.undo_stack.redoTextChanged.connect(lambda _t: self._name_undo_actions())
        self.undo_stack.cleanChanged.connect(lambda _c: self.update_modified())
        self.navigator.stage_activated.connect(self.go_to_stage)
        self.checks.findings_changed.connect(self._findings_changed)
        self.checks.finding_activated.connect(self.go_to_finding)
        self.exporter.finished.connect(self._export_finished)
        self.exporter.failed.connect(self._export_failed)
        self.welcome.new_requested.connect(self.new_workshop)
        self.welcome.sample_requested.connect(self.new_from_sample)
        self.welcome.open_requested.connect(lambda: self.open_path())
        self.welcome.recent_chosen.connect(self.open_path)

    # --------------------------------------------------------------- workshop
    @property
    def document(self) -> Document | None:
        """The open workshop's document, or None."""
        return self.work.document if self.work is not None else None

    @property
    def work_file(self) -> WorkFile | None:
        """The open workshop (a WorkFile), or None."""
        return self.work

    def set_work(self, work: WorkFile | None, restored: bool = False) -> None:
        """Show `work` (None: the welcome page); the previous workshop is closed without asking."""
        old, old_space = self.work, self.workspace
        try:
            self.close_presentation()
            if old is not None:
                changes_of(old.document).changed.disconnect(self._on_changes)
            if old_space is not None:
                self.center.removeWidget(old_space)
                old_space.deleteLater()  # its views and editors go with it, and so do their connections
            self.undo_stack.clear()
        finally:
            if old is not None and old is not work:
                old.close()  # whatever failed above, the working copy of a closed workshop goes
        if old is not None:
            heap.collect_what_was_closed(self)
        if work is not None:
            heap.keep_out_of_collector()  # before its views are made: their many new objects start scans
        self.work, self.workspace = work, None
        self._baseline_modified = restored
        if work is not None:
            changes_of(work.document).changed.connect(self._on_changes)  # as long as self.work is this workshop
            self.workspace = Workspace(work.document, self.undo_stack)
            self.workspace.hint.connect(self.show_hint)
            self.workspace.page_changed.connect(self._update_edit_actions)
            self.workspace.workshop.currentChanged.connect(self._update_edit_actions)
            self.workspace.selection_changed.connect(self._update_edit_actions)
            self.center.addWidget(self.workspace)
            size_fonts(self.workspace, text_scale())
            self.center.setCurrentWidget(self.workspace)
        else:
            self.welcome.refresh()
            self.center.setCurrentWidget(self.welcome)
        self.checks.bind(work.document if work is not None else None)
        self.navigator.bind(work.document if work is not None else None)
        self.snapshots.bind(work)
        for dock in self.docks.values():
            dock.widget().setEnabled(work is not None)
        self.live.work_changed()  # a live session belongs to the workshop it was started with
        self._update_actions()
        self.update_title()

    @property
    def presentation(self) -> QWidget | None:
        """The presentation window while it is open (None once it closed: it deletes itself then)."""
        window = self._presentation
        if window is None or not shiboken6.isValid(window) or not window.isVisible():
            return None
        return window

    def present(self) -> None:
        """Open the presentation (F5) on the page in front, on the projector when a second screen is there;
        F5 while presenting leaves, as the presentation's own F5 does."""
        if self.presentation is not None:
            self.close_presentation()
            return
        if self.work is None:
            return
        self.finish_typing(keep_keyboard=False)
        from widgets.presentation import open_presentation

        start = self.workspace.current_page() if self.workspace is not None else None
        page = self.workspace.current_editor() if self.workspace is not None else None
        selected = page.editor.selected_ids() if page is not None and page.editor is not None else []
        window = open_presentation(self.work.document, self.undo_stack, self.work, start=start, parent=self,
                                   selected=selected)
        window.destroyed.connect(self._presentation_destroyed)
        self._presentation = window

    def _presentation_destroyed(self) -> None:
        """Forget a presentation that is gone (not a newer one opened while the old one was being deleted)."""
        if self._presentation is not None and not shiboken6.isValid(self._presentation):
            self._presentation = None

    def close_presentation(self) -> None:
        """Leave the presentation if it is open (it is bound to the open workshop's document)."""
        window = self.presentation
        self._presentation = None
        if window is not None:
            window.close()

    def _snapshot_saved(self, _snapshot_id: str) -> None:
        """A snapshot changes the file although the undo stack stays clean: mark it modified."""
        self._baseline_modified = True
        self.update_modified()

    def _on_changes(self, changed: Changes) -> None:
        self.update_modified()
        self._update_edit_actions()

    def _remote_edits(self, _count: int) -> None:
        """Others' edits are in the working copy but not on the undo stack: the workshop is modified (and a joined
        workshop's title, shown until it is saved, is the room's)."""
        self._baseline_modified = True
        self.update_title()

    def is_modified(self) -> bool:
        """Whether closing now would lose changes that are not in the user's file."""
        if self.work is None or not self.work.modified:
            return False
        return self._baseline_modified or not self.undo_stack.isClean()

    def update_title(self) -> None:
        """The file name (or the workshop's title) and the modified marker in the title bar."""
        if self.work is None:
            self.setWindowTitle("")
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.work.display_name}[*]")
        self.update_modified()

    def update_modified(self) -> None:
        """Follow the working copy and the undo stack's clean state in the title's marker."""
        self.setWindowModified(self.is_modified())

    def finish_typing(self, keep_keyboard: bool = True) -> None:
        """Commit what is being typed in the field with the keyboard (a field commits when it loses it, a table's
        cell editor too): what is then saved, asked about, presented or exported holds it. With `keep_keyboard`,
        the field has the keyboard again after (a cell editor that closed does not)."""
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return
        focus.clearFocus()
        if keep_keyboard and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def maybe_save(self) -> bool:
        """Before the workshop goes away: True when nothing is lost (saved, discarded or unchanged)."""
        self.finish_typing()
        if self.work is None or not self.ask_before_closing or not self.is_modified():
            return True
        from widgets.shell import dialogs  # message boxes load when first needed, not at start-up

        answer = dialogs.ask_save_changes(self, self.work.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_workshop(self) -> None:
        """Start an empty workshop."""
        if self.maybe_save():
            title = self.tr("New workshop")
            self._open_with(lambda: WorkFile.new(m.Workshop(info=m.WorkshopInfo(title=title))), title)

    def new_from_sample(self) -> None:
        """Start a workshop from the bundled sample."""
        if self.maybe_save():
            from app.resources import sample_path
            from app.workfile import read_workshop

            self._open_with(lambda: WorkFile.new(read_workshop(sample_path())), sample_path().name)

    def open_path(self, path: Path | str | None = None) -> bool:
        """Open a workshop file (asking for one when `path` is None); the current one stays if it fails. A file
        this app already has open in one of its windows is brought forward there, never reported as locked."""
        if path is not None and self._bring_forward_window_of(Path(path)):
            return True
        if not self.maybe_save():
            return False
        if path is None:
            path = files.ask_open_path(self, self.settings)
            if path is None:
                return False
            if self._bring_forward_window_of(path):
                return True
        path = Path(path)
        if self._open_with(lambda: WorkFile.open(path), path.name):
            self.settings.add_recent(path)
            return True
        return False

    def _bring_forward_window_of(self, path: Path) -> bool:
        """When a window of this app has `path` open, bring it forward and return True."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.work is not None and same_file(widget.work.path, path):
                widget.bring_forward()
                self.settings.add_recent(path)
                return True
        return False

    def bring_forward(self) -> None:
        """Raise this window above the others and give it the keyboard."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def import_json(self) -> bool:
        """Open a workshop from a JSON interchange file (it becomes a new, unsaved workshop)."""
        path = files.ask_import_path(self, self.settings)
        return self.open_path(path) if path is not None else False

    def _open_with(self, make: object, name: str) -> bool:
        try:
            with heap.reading():
                work = make()  # type: ignore[operator]
        except Exception as error:  # a file that does not open is a dialog, never a traceback
            log.info("could not open %s", name, exc_info=True)
            from widgets.shell import dialogs

            dialogs.show_open_error(self, name, error)
            return False
        self.set_work(work)
        return True

    def save(self) -> bool:
        """Save to the workshop's file (asking for a name when it has none); False when not saved."""
        if self.work is None:
            return False
        self.finish_typing()
        if self.work.path is None:
            return self.save_as()
        return self._save_to(self.work.path)

    def save_as(self) -> bool:
        """Save under a name the user chooses; False when cancelled or failed."""
        if self.work is None:
            return False
        self.finish_typing()
        suggested = self.work.path.stem if self.work.path else (self.work.document.model.info.title or "workshop")
        path = files.ask_save_path(self, self.settings, files.safe_file_stem(suggested))
        return self._save_to(path) if path is not None else False

    def _save_to(self, path: Path) -> bool:
        try:
            self.work.save(path)
        except Exception as error:  # the work stays safe in the working copy; say why it was not saved
            log.info("could not save %s", path, exc_info=True)
            from widgets.shell import dialogs

            dialogs.show_save_error(self, path, error)
            return False
        self._baseline_modified = False
        self.undo_stack.setClean()
        self.settings.add_recent(path)
        self.update_title()
        self.show_hint(self.tr("Saved to {path}").format(path=path))
        return True

    def close_workshop(self) -> bool:
        """Close the workshop (asking about unsaved changes) and show the welcome page."""
        if not self.maybe_save():
            return False
        self.set_work(None)
        return True

    # -------------------------------------------------------------- navigating
    def show_page(self, key: str) -> None:
        """Bring a page of the workspace forward."""
        if self.workspace is not None:
            self.workspace.show_page(key)

    def go_to_stage(self, stage: int) -> None:
        """Open the place where a stage is worked on: its editor when this build has it, else its table or form."""
        if self.workspace is None:
            return
        if stage == GOAL:
            self.workspace.show_details("evolutionary_goal")
            return
        editor, table, column = STAGE_PLACES[stage]
        if editor is not None and editor_available(EDITORS[editor]):
            self.workspace.show_page(editor)
            return
        page = self.workspace.show_table(table)
        if column:
            current = page.table.current_id() or (page.model.id_at(0) if page.model.rowCount() else None)
            if current:
                page.select_ids([current], column)

    def go_to_finding(self, finding: Finding) -> None:
        """Go to the object of a finding: select it in its editor, or its row in a table."""
        if self.workspace is None:
            return
        if finding.code == "no-evolutionary-goal" or not finding.ids:
            self.workspace.show_details("evolutionary_goal")
            return
        self.go_to_ids(list(finding.ids), *FINDING_PLACES.get(finding.code, (None, "")))

    def go_to_ids(self, ids: list[str], editor: str | None = None, table: str = "") -> None:
        """Select objects where they are worked on: an editor page when given and present, else the table (the
        preferred one when it lists the object) of the first object that has one."""
        if self.workspace is None or not ids:
            return
        if editor is not None and editor_available(EDITORS[editor]):
            page = self.workspace.editors[editor]
            self.workspace.show_page(editor)
            if page.select_ids(ids):
                return
        specs = self.workspace.workshop.specs
        for obj_id in ids:
            kind = self.document.kind_of(obj_id) or ""
            key = table if table in specs and specs[table].kind == kind else TABLE_OF_KIND.get(kind, "")
            if key:
                self.workspace.show_table(key, [obj_id], "indicator" if key == "results" else None)
                return
        self.show_hint(self.tr("This is drawn in an editor that is coming; it cannot be shown yet."))

    # ------------------------------------------------------------------ editing
    def _editor_in_front(self) -> EditorPage | None:
        return self.workspace.current_editor() if self.workspace is not None else None

    def _act_on_editor(self, name: str) -> bool:
        """Carry out the menu action `name` on the editor in front; False when no editor page is in front."""
        page = self._editor_in_front()
        if page is None:
            return False
        editor = page.ensure_built()
        if editor is None or editor.unavailable(EDITOR_ACTIONS[name]) is not None:
            return True  # an editor page, where the action does not apply now
        {"delete": editor.delete_selection, "select_all": editor.select_all, "copy_picture": editor.copy_picture,
         "zoom_in": editor.zoom_in, "zoom_out": editor.zoom_out, "zoom_reset": editor.zoom_fit}[name]()
        return True

    def delete_selection(self) -> None:
        """Delete what is selected where the keyboard is: rows of the table, or the editor's selection."""
        if self.workspace is None or self._act_on_editor("delete"):
            return
        focus = QApplication.focusWidget()
        table = self.workspace.current_table()
        if table is not None and focus is not None and (focus is table.table or table.table.isAncestorOf(focus)):
            table.table.delete_selected()

    def select_all(self) -> None:
        """Select all the text of the field with the keyboard; else every object of the editor in front; else all
        the rows of the list with the keyboard, or of the table in front."""
        focus = QApplication.focusWidget()
        inside = focus is not None and self.isAncestorOf(focus)
        if inside and isinstance(focus, TEXT_FIELDS):
            focus.selectAll()
            return
        if self._act_on_editor("select_all"):
            return
        if inside and isinstance(focus, QAbstractItemView):
            focus.selectAll()
            return
        table = self.workspace.current_table() if self.workspace is not None else None
        if table is not None:
            table.table.selectAll()

    def copy_picture(self) -> None:
        """Put a picture of what the editor in front shows on the clipboard."""
        self._act_on_editor("copy_picture")

    def find(self, text: str | None = None) -> int:
        """Select the objects of the editor in front whose text contains `text` (asked for when None); says in the
        status bar how many were found, and returns that."""
        page = self._editor_in_front()
        editor = page.ensure_built() if page is not None else None
        if editor is None or editor.unavailable(EditorAction.FIND) is not None:
            return 0
        if text is None:
            text, ok = QInputDialog.getText(self, self.tr("Find"), self.tr("Find objects whose text contains:"),
                                            text=self._last_find)
            if not ok:
                return 0
        text = text.strip()
        if not text:
            return 0
        self._last_find = text
        found = editor.find(text)
        if found:
            self.show_hint(self.tr("%n object(s) found", "", found))
        else:
            self.show_hint(self.tr("Nothing found for “{text}”").format(text=text))
        return found

    def show_hint(self, text: str) -> None:
        """A short message in the status bar (a refused edit says why here)."""
        self.statusBar().showMessage(text, 8000)

    def _name_undo_actions(self) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        a = self.menus.actions
        a["undo"].setText(self.tr("&Undo {edit}").format(edit=undo) if undo else self.tr("&Undo"))
        a["redo"].setText(self.tr("&Redo {edit}").format(edit=redo) if redo else self.tr("&Redo"))

    def _update_actions(self) -> None:
        has = self.work is not None
        for name in ("save", "save_as", "share_copy", "merge_copy", "close", "present", "page_workshop", "page_canvas",
                     "page_structure", "page_promises"):
            self.menus[name].setEnabled(has)
        self.menus["share"].setEnabled(has)
        self.menus["undo"].setEnabled(self.undo_stack.canUndo())
        self.menus["redo"].setEnabled(self.undo_stack.canRedo())
        self._name_undo_actions()
        self._update_edit_actions()
        self._update_exports()

    def _update_edit_actions(self, *_args: object) -> None:
        """On an editor page, each editor action is enabled when the editor says it applies now, and otherwise says
        why in its status tip; on the workshop page, Delete and Select All act on the table, zoom on the text."""
        page = self._editor_in_front()
        actions = self.menus.actions
        for name, action in EDITOR_ACTIONS.items():
            if page is not None:
                reason = page.unavailable(action)
            elif self.workspace is None and name in ("delete", "select_all"):
                reason = self.tr("Open a workshop first.")
            elif name in ("copy_picture", "find"):
                reason = self.tr("This works in a drawing editor: the strategy canvas, the structure or the "
                                 "promise map.")
            else:
                reason = None
            actions[name].setEnabled(reason is None)
            actions[name].setStatusTip(reason if reason is not None else menu_status_tip(name))
        self._share_zoom_keys(on_editor=page is not None)

    def _share_zoom_keys(self, on_editor: bool) -> None:
        """Ctrl++, Ctrl+- and Ctrl+0 zoom the drawing on an editor page, and change the text size elsewhere; the
        text size's menu items are always there (without the keys on an editor page)."""
        actions = self.menus.actions
        for name, text in (("zoom_in", self.tr("Zoom &in")), ("zoom_out", self.tr("Zoom &out")),
                           ("zoom_reset", self.tr("&Fit to window"))):
            actions[name].setText(text)
            actions[name].setToolTip(text.replace("&", ""))
            actions[name].setVisible(on_editor)
        for name, key in TEXT_SIZE_KEYS.items():
            keys = ([QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)) if not on_editor \
                else []
            if actions[name].shortcuts() != keys:
                actions[name].setShortcuts(keys)

    def _update_exports(self) -> None:
        for spec in EXPORTS:
            available = export_available(spec)
            action = self.menus[f"export_{spec.key}"]
            action.setEnabled(self.work is not None and available and not self.exporter.busy)
            action.setVisible(available)
        self.menus.menus["export"].setEnabled(any(export_available(s) for s in EXPORTS))

    def _findings_changed(self, findings: list[Finding]) -> None:
        if self.document is not None:
            self.navigator.show_findings(findings, self.checks.changed_codes)

    # ------------------------------------------------------------------ exports
    def export(self, spec: ExportSpec) -> None:
        """Ask where, then write an export of the workshop in the background."""
        if self.work is None or self.exporter.busy:
            return
        self.finish_typing()
        title = QCoreApplication.translate("exports", spec.text).replace("&", "").rstrip("…")
        stem = (self.work.path.stem if self.work.path else self.work.document.model.info.title) or "workshop"
        if spec.to_folder:
            target = files.ask_export_folder(self, self.settings, title)
        else:
            target = files.ask_export_path(self, self.settings, title, files.safe_file_stem(stem), spec.suffix,
                                           QCoreApplication.translate("exports", spec.file_filter))
        if target is None:
            return
        self.exporter.start(spec, self.work.document.model, target, self.settings.branding(),
                            full=self.menus["export_full"].isChecked())
        self.show_hint(self.tr("Exporting to {path}…").format(path=target))
        self._update_exports()

    def edit_branding(self) -> None:
        """The logo and accent colour of handouts, slides and decks, kept in the settings."""
        from widgets.shell.branding_dialog import BrandingDialog

        BrandingDialog(self.settings, self).exec()

    def _export_failed(self, key: str, error: BaseException) -> None:
        from widgets.shell import dialogs

        dialogs.show_export_error(self, error)
        self._update_exports()

    def _export_finished(self, key: str, written: object) -> None:
        where = written[0].parent if isinstance(written, list) and written else written
        self.show_hint(self.tr("Exported to {path}").format(path=where))
        self._update_exports()

    # --------------------------------------------------------------------- view
    def zoom(self, step: int) -> None:
        """On an editor page the editor's own zoom in (+1), zoom out (-1) and fit to window (0); elsewhere the
        text size."""
        if not self._act_on_editor({1: "zoom_in", -1: "zoom_out", 0: "zoom_reset"}[step]):
            self.change_text_size(step)

    def change_text_size(self, step: int) -> None:
        """Larger (+1), smaller (-1) or normal (0) text everywhere in the app, remembered for the next start."""
        size = text_size()
        self.settings.set_text_zoom(size.set_steps(0 if step == 0 else size.steps + step))

    def _text_size_changed(self, scale: float) -> None:
        """The shell's larger texts (the header's title and goal, the welcome page) and the stages' width follow
        the text size."""
        size_fonts(self, scale)
        self.resizeDocks([self.docks["stages"]], [round(300 * scale)], Qt.Orientation.Horizontal)

    def set_full_screen(self, on: bool) -> None:
        """Full screen on or off."""
        self.showFullScreen() if on else self.showNormal()

    def set_language(self, code: str) -> None:
        """Switch the language now ("" follows the system) and remember it."""
        self.settings.set_language(code)
        if self.translations is None:
            self.translations = Translations()
        self.translations.apply(code)

    def show_guide(self) -> None:
        """A short guide to the method's 9 stages and where the app works on each."""
        from widgets.shell.guide import guide_html

        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("The method's 9 stages"), guide_html(), parent=self)
        box.setObjectName("guideDialog")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 640px; }")
        box.exec()

    def show_about(self) -> None:
        """Version and purpose of the app."""
        from app import __version__

        QMessageBox.about(self, self.tr("About Clientocracy Studio"), self.tr(
            "<h3>Clientocracy Studio {version}</h3><p>For consultants who run Clientocracy workshops with a "
            "company's leadership: client segments and pains, the strategy canvas, the structure from the client, "
            "promises, team economics, indicators and experiments.</p><p>Fonts: PT Sans (SIL Open Font License), "
            "DejaVu Sans, Symbola.</p>").format(version=__version__))

    def retranslate(self) -> None:
        """Every text of the window in the current language (the undo history's names too)."""
        retranslate_menus(self.menus)
        retranslate_commands(self.undo_stack)
        self.history.viewport().update()
        self._name_undo_actions()
        self._update_edit_actions()
        self.docks["stages"].setWindowTitle(self.tr("Stages"))
        self.docks["checks"].setWindowTitle(self.tr("Checks"))
        self.docks["history"].setWindowTitle(self.tr("History"))
        self.docks["snapshots"].setWindowTitle(self.tr("Snapshots"))
        self.history.set_empty_label(self.tr("Opened"))
        code = self.settings.language()
        self.menus[f"language_{code or 'system'}"].setChecked(True)
        self.update_title()

    # ------------------------------------------------------------------ events
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        short, was_short = (0 <= size.height() < SHORT_WINDOW for size in (event.size(), event.oldSize()))
        if short != was_short:
            # on a 1280×720 screen the bottom panels get as short as they can, the editor keeps its drawing area;
            # back on a taller screen they get their usual height again
            height = 1 if short else BOTTOM_DOCK_HEIGHT
            self.resizeDocks([self.docks["checks"]], [height], Qt.Orientation.Vertical)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange:
            self.menus["full_screen"].blockSignals(True)
            self.menus["full_screen"].setChecked(self.isFullScreen())
            self.menus["full_screen"].blockSignals(False)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        try:
            self.exporter.wait(30)
            self.settings.set_window_state(self.saveGeometry(), self.saveState())
            self.settings.sync()
        finally:
            self.set_work(None)  # closes the working copy: the next start offers no restore
        event.accept()

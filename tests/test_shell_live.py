"""The shell in a live session: editor actions through the Editor interface, presenting again and again, a clean
quit, the undo history in the current language, and failures that neither lose an edit nor repeat a dialog."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, qInstallMessageHandler
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from app import changes
from app import model as m
from app.document import Document
from app.workfile import WorkFile, data_dir, find_recoverable, working_dir, write_workshop_file
from tests.session_support import Trouble
from tests.test_shell_dialogs import open_window, rename_segment, small_workshop
from widgets.base.editor_api import EditorAction
from widgets.base.live import changes_of
from widgets.base.undo import push_edit
from widgets.shell.editor_pages import EDITORS, EditorSpec
from widgets.shell.errors import ErrorHandler
from widgets.shell.i18n import Translations
from widgets.shell.main_window import EDITOR_ACTIONS, MainWindow


def settle() -> None:
    """Let Qt delete what asked to be deleted and run what is queued, as its event loop would."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def press(widget: QWidget, key: Qt.Key) -> None:
    """A key press as the user makes it, to the widget with the keyboard (or `widget` when it has none)."""
    focus = QApplication.focusWidget()
    target = focus if focus is not None and (focus is widget or widget.isAncestorOf(focus)) else widget
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))
    QApplication.processEvents()


# ------------------------------------------------------------------------------------ an editor, as the shell sees it
class FakeEditor(QWidget):
    """A drawing editor that offers the Editor interface over the workshop's segments, and records the calls."""

    selection_changed = Signal(list)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selected: list[str] = []
        self.calls: list[str] = []

    def unavailable(self, action: EditorAction) -> str | None:
        if action in (EditorAction.DELETE, EditorAction.COPY_PICTURE) and not self.selected:
            return "Select a segment first."
        return None

    def delete_selection(self) -> None:
        self.calls.append("delete")

    def select_all(self) -> None:
        self.select_ids([s.id for s in self.document.model.segments])

    def copy_picture(self) -> None:
        self.calls.append("copy_picture")

    def zoom_in(self) -> None:
        self.calls.append("zoom_in")

    def zoom_out(self) -> None:
        self.calls.append("zoom_out")

    def zoom_fit(self) -> None:
        self.calls.append("zoom_fit")

    def find(self, text: str) -> int:
        found = [s.id for s in self.document.model.segments if text.casefold() in s.name.casefold()]
        self.select_ids(found)
        return len(found)

    def selected_ids(self) -> list[str]:
        return list(self.selected)

    def select_ids(self, ids: list[str]) -> None:
        self.selected = list(ids)
        self.selection_changed.emit(self.selected)

    def retranslate(self) -> None:
        pass


@pytest.fixture
def fake_canvas(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = EDITORS["canvas"]
    monkeypatch.setitem(EDITORS, "canvas", EditorSpec("canvas", __name__, "FakeEditor", spec.title, spec.about))


def test_editor_actions_follow_what_the_editor_in_front_says(qtbot, fake_canvas, window: MainWindow) -> None:
    actions = window.menus.actions
    window.show_page("canvas")
    editor = window.workspace.editors["canvas"].editor
    assert isinstance(editor, FakeEditor)
    assert not actions["delete"].isEnabled() and actions["delete"].statusTip() == "Select a segment first."
    assert not actions["copy_picture"].isEnabled()
    assert actions["select_all"].isEnabled() and actions["find"].isEnabled()
    actions["select_all"].trigger()
    assert editor.selected == ["s1", "s2"]
    assert actions["delete"].isEnabled() and actions["delete"].statusTip() != "Select a segment first."
    actions["delete"].trigger()
    actions["copy_picture"].trigger()
    size = window.font().pointSizeF()
    for name in ("zoom_in", "zoom_out", "zoom_reset"):
        actions[name].trigger()
    assert editor.calls == ["delete", "copy_picture", "zoom_in", "zoom_out", "zoom_fit"]
    assert window.font().pointSizeF() == size, "on an editor page, zoom is the editor's, not the text size"
    assert actions["zoom_reset"].text() == "&Fit to window"


def test_find_selects_in_the_editor_and_says_how_many(qtbot, fake_canvas, window: MainWindow) -> None:
    assert window.menus["find"].shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.show_page("canvas")
    editor = window.workspace.editors["canvas"].editor
    assert window.find("офис") == 1 and editor.selected == ["s2"]
    assert window.statusBar().currentMessage().startswith("1 object")
    assert window.find("нет такого") == 0
    assert window.statusBar().currentMessage() == "Nothing found for “нет такого”"


def test_on_a_table_the_editor_actions_keep_to_the_table(qtbot, fake_canvas, window: MainWindow) -> None:
    page = window.workspace.show_table("segments")
    actions = window.menus.actions
    assert actions["delete"].isEnabled() and actions["select_all"].isEnabled()
    assert not actions["find"].isEnabled() and "drawing editor" in actions["find"].statusTip()
    assert not actions["copy_picture"].isEnabled()
    size = window.font().pointSizeF()
    actions["zoom_in"].trigger()
    assert window.font().pointSizeF() > size
    actions["zoom_reset"].trigger()
    page.table.setFocus()
    actions["select_all"].trigger()
    assert page.table.selected_ids() == ["s1", "s2"]


def test_every_editor_page_enables_exactly_what_its_editor_offers(qtbot, window: MainWindow) -> None:
    for key, page in window.workspace.editors.items():
        window.show_page(key)
        if page.editor is None:
            continue
        for name, action in EDITOR_ACTIONS.items():
            reason = page.editor.unavailable(action)
            assert window.menus[name].isEnabled() == (reason is None), f"{key}: {name}"
            if reason is not None:
                assert window.menus[name].statusTip() == reason, f"{key}: {name}"


# ------------------------------------------------------------------------------------------- lifetimes
def leave(qtbot, window: MainWindow, how: int) -> None:
    """Leave the presentation by Esc, by its ×, or by F5 again (pressed in it, as on the projector)."""
    presentation = window.presentation
    assert presentation is not None and presentation.isVisible()
    presentation.activateWindow()
    qtbot.waitUntil(presentation.isActiveWindow)
    if how == 0:
        press(presentation, Qt.Key.Key_Escape)
        if window.presentation is not None:  # the first Esc let go of a selection
            press(presentation, Qt.Key.Key_Escape)
    elif how == 1:
        presentation.close()
    else:
        press(presentation, Qt.Key.Key_F5)
    settle()


def test_presenting_ten_times_then_open_close_and_quit_is_clean(qtbot, window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.clientocracy"
    write_workshop_file(other, m.Workshop(info=m.WorkshopInfo(title="Другая сессия")))
    with Trouble() as trouble:
        for round_ in range(10):
            window.menus["present"].trigger()
            leave(qtbot, window, round_ % 3)
            assert window.presentation is None, f"round {round_ + 1}"
        window.menus["present"].trigger()
        window.menus["present"].trigger()  # F5 again, from the laptop's window, leaves
        assert window.presentation is None
        window.menus["present"].trigger()
        assert window.presentation is not None
        rename_segment(window, "Семьи с детьми")
        window.ask_before_closing = False
        assert window.open_path(other)  # while presenting
        settle()
        assert window.presentation is None and window.document.model.info.title == "Другая сессия"
        window.menus["present"].trigger()
        assert window.close_workshop()
        settle()
        window.menus["present"].trigger()  # nothing to present: nothing happens
        window.open_path(other)
        window.menus["present"].trigger()
        window.menus["quit"].trigger()
        settle()
    assert trouble.errors == []
    assert not window.isVisible()
    assert list(working_dir().glob("*.clientocracy")) == [], "a clean quit leaves no working copy"
    assert find_recoverable() == []


def test_a_quit_after_unsaved_edits_discarded_offers_no_restore(qtbot, tmp_path: Path, english: Translations) -> None:
    work = WorkFile.new(small_workshop(), tmp_path / "bakery.clientocracy")
    window = open_window(qtbot, work, english)
    rename_segment(window, "Молодые семьи")
    assert window.is_modified()
    window.ask_before_closing = False  # the user answered "Don't Save"
    window.menus["quit"].trigger()
    assert not work.working_copy.exists()
    assert find_recoverable() == []


# ---------------------------------------------------------------------------------------- the undo history
def test_the_undo_history_is_named_in_the_language_shown(qtbot, window: MainWindow) -> None:
    rename_segment(window, "Семьи с детьми")
    window.snapshots.save_snapshot("до перерыва")
    rename_segment(window, "Семьи")
    assert window.snapshots.restore() is None
    stack = window.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Change segment name", "Change segment name", "Restore snapshot “до перерыва”"]
    file_menu = window.menus.menus["file"]
    window.menus["language_ru"].trigger()
    qtbot.waitUntil(lambda: file_menu.title() == "&Файл")
    assert [stack.text(i) for i in range(stack.count())] == [
        "Изменить название сегмента", "Изменить название сегмента", "Вернуть снимок «до перерыва»"]
    assert window.menus["undo"].text() == "&Отменить: Вернуть снимок «до перерыва»"
    assert window.history.model().index(1, 0).data() == "Изменить название сегмента"
    stack.undo()
    assert window.menus["redo"].text() == "&Повторить: Вернуть снимок «до перерыва»"
    window.menus["language_en"].trigger()
    qtbot.waitUntil(lambda: file_menu.title() == "&File")
    assert stack.text(0) == "Change segment name"
    assert window.menus["redo"].text() == "&Redo Restore snapshot “до перерыва”"


# ---------------------------------------------------------------------------------------------- failures
def fail_in_a_view() -> None:
    raise RuntimeError("a view failed")


def fail_elsewhere() -> None:
    raise KeyError("something else")


def test_every_error_is_logged_and_each_failure_is_shown_once(qapp) -> None:
    shown: list[Path] = []
    handler = ErrorHandler(show=shown.append)
    for failing in (fail_in_a_view, fail_in_a_view, fail_elsewhere, fail_in_a_view, fail_elsewhere):
        try:
            failing()
        except Exception:
            handler(*sys.exc_info())
    log = (data_dir() / "logs" / "clientocracy.log").read_text(encoding="utf-8")
    assert log.count("RuntimeError: a view failed") == 3 and log.count("KeyError: 'something else'") == 2
    assert len(shown) == 2, "one dialog per distinct failure, not one per edit"


class BrokenView(QObject):
    """A view whose slot raises on every edit."""

    def follow(self, _changes: object) -> None:
        fail_in_a_view()


class CountingView(QObject):
    """A view connected after the broken one: it must still hear of every edit."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[object] = []

    def follow(self, changed: object) -> None:
        self.seen.append(changed)


def test_a_view_that_raises_loses_no_undo_step_and_no_later_view(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: errors.append(f"{kind.__name__}: {value}"))
    doc = Document(small_workshop())
    stack = QUndoStack()
    broken, later = BrokenView(), CountingView()
    changes_of(doc).changed.connect(broken.follow)
    changes_of(doc).changed.connect(later.follow)
    assert push_edit(stack, doc, changes.update(doc, "s1", name="Семьи с детьми")) is None
    assert stack.count() == 1 and doc.get("s1").name == "Семьи с детьми"
    stack.undo()
    assert doc.get("s1").name == "Семьи"
    stack.redo()
    assert doc.get("s1").name == "Семьи с детьми"
    assert len(later.seen) == 3, "the views after the broken one follow every edit"
    assert errors == ["RuntimeError: a view failed"] * 3, "each failure reaches the error handler"


def test_the_view_keys_reach_the_editor_in_front_once(qtbot, window: MainWindow) -> None:
    """Ctrl+0 fits the drawing of the editor in front, Ctrl+- zooms out, Ctrl+Shift+C copies its picture: one
    owner of each key (the shell's menus), never an "ambiguous shortcut" that does nothing."""
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    keys = {"zoom_fit": (Qt.Key.Key_0, control), "zoom_out": (Qt.Key.Key_Minus, control),
            "copy_picture": (Qt.Key.Key_C, control | shift)}
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for page in ("canvas", "structure", "promises"):
        window.show_page(page)
        editor = window.workspace.editors[page].editor
        if editor is None:
            continue
        qtbot.waitUntil(editor.isVisible)
        views = editor.findChildren(QGraphicsView)  # the user clicked into the drawing
        (views[0] if views else editor).setFocus(Qt.FocusReason.MouseFocusReason)
        calls: list[str] = []
        for name in keys:  # what the menus call
            setattr(editor, name, lambda name=name, calls=calls: calls.append(name))
        messages: list[str] = []
        previous = qInstallMessageHandler(lambda mode, context, message, seen=messages: seen.append(message))
        try:
            for name, (key, modifiers) in keys.items():
                if editor.unavailable(EDITOR_ACTIONS[{"zoom_fit": "zoom_reset"}.get(name, name)]) is None:
                    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
                    assert calls[-1:] == [name], f"{page}: {name} by its key did not reach the editor"
        finally:
            qInstallMessageHandler(previous)
        assert [m for m in messages if "mbiguous" in m] == [], page


# ------------------------------------------------------------------------------------------- first show
def test_a_diagram_editor_opens_with_its_whole_drawing_in_view(qtbot, window: MainWindow) -> None:
    """The first show of the structure and the promise map fits the drawing to the page the user sees, not to the
    few pixels the view had before the window laid it out (it opened at 2 % once)."""
    window.resize(1920, 1080)  # the consultant's projector
    window.show()
    qtbot.waitExposed(window)
    for key in ("structure", "promises"):
        window.show_page(key)
        settle()
        view = window.workspace.editors[key].editor.view
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        drawing = view.diagram().nodes_rect()
        assert shown.contains(drawing), f"{key}: part of the drawing is out of view"
        fill = max(drawing.width() * view.zoom / view.viewport().width(),
                   drawing.height() * view.zoom / view.viewport().height())
        assert fill > 0.5, f"{key}: the drawing fills {fill:.0%} of the view"

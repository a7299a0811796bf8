"""Text still being typed into a field (a field commits when it loses the keyboard) is not left behind when the
workshop is saved, closed or the app quits: it is committed first, then saved or asked about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit

from app.workfile import read_workshop
from tests.test_canvas_factor_details import type_text
from tests.test_shell_dialogs import answering
from widgets.shell.main_window import MainWindow


def _type_notes(qtbot, window: MainWindow, text: str) -> QPlainTextEdit:
    window.show_page("workshop")
    notes = window.findChild(QPlainTextEdit, "notesField")
    assert notes is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    notes.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(notes.hasFocus, timeout=2000)
    type_text(notes, list(text))
    assert notes.toPlainText().endswith(text)
    return notes


def test_notes_typed_then_save_are_in_the_file_and_the_field_keeps_the_keyboard(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    notes = _type_notes(qtbot, window, "Сессия 5 декабря")

    assert window.save()

    assert read_workshop(tmp_path / "bakery.clientocracy").info.notes == "Сессия 5 декабря"
    assert not window.isWindowModified()
    assert notes.hasFocus(), "the consultant goes on typing where they were"


def test_notes_typed_then_quit_asks_to_save_them(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _type_notes(qtbot, window, "Не потерять")

    with answering("saveChangesDialog", QMessageBox.StandardButton.Save) as seen:
        window.close()

    assert [d.text for d in seen] == ["Save the changes to “bakery.clientocracy”?"]
    assert read_workshop(tmp_path / "bakery.clientocracy").info.notes == "Не потерять"


def test_a_cell_being_edited_when_saving_is_saved(qtbot, window: MainWindow, tmp_path: Path) -> None:
    assert window.workspace is not None
    page = window.workspace.show_table("segments")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    index = page.table.proxy.mapFromSource(page.model.index(0, page.model.column_of("name")))
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, list("Семьи с детьми"))

    assert window.save()

    assert read_workshop(tmp_path / "bakery.clientocracy").segments[0].name == "Семьи с детьми"
    assert page.model.index(0, page.model.column_of("name")).data() == "Семьи с детьми"

"""The Factor tab: the selected factor's name, description, price-like mark, ERRC action and note, each one edit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.canvas_support import click, double_click, make_editor, sample_document

FRESH, READY = "fac-014", "fac-019"


def type_text(widget, chars: list[str]) -> None:  # noqa: ANN001
    """Type characters key by key (QTest.keyClicks takes ASCII only)."""
    for char in chars:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def open_details(qtbot, doc, factor_id: str = FRESH):  # noqa: ANN001, ANN201
    """The editor with the Factor tab shown and `factor_id` selected."""
    editor, stack = make_editor(qtbot, doc)
    editor.show_factor_details()
    editor.ctx.select(factor_id=factor_id)
    QApplication.processEvents()
    return editor, stack


def test_the_tab_shows_the_selected_factor_and_follows_the_selection(qtbot) -> None:
    doc = sample_document()
    editor, _stack = open_details(qtbot, doc)
    panel = editor.details
    assert panel.pages.currentIndex() == 1 and panel.name.text() == doc.get(FRESH).name
    assert panel.action_buttons[doc.get(FRESH).errc].isChecked()
    editor.ctx.select(factor_id=None)
    assert panel.pages.currentIndex() == 0  # "select a factor" instead of fields
    editor.tabs.setCurrentWidget(editor.errc)
    QApplication.processEvents()
    grid = editor.errc.grid
    click(grid, grid.chip_rect(READY).center().toPoint())
    editor.show_factor_details()
    QApplication.processEvents()
    assert panel.name.text() == doc.get(READY).name


def test_typing_a_description_is_one_undoable_edit_and_undo_shows_in_the_field(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_details(qtbot, doc)
    panel = editor.details
    before = doc.get(FRESH).description
    panel.description.setFocus()
    panel.description.selectAll()
    type_text(panel.description, ["П", "р", "и", "в", "е", "з", "л", "и", " ", "🌿"])
    qtbot.keyClick(panel.description, Qt.Key.Key_Return)
    type_text(panel.description, list("вторая строка"))
    assert stack.count() == 0 and doc.get(FRESH).description == before  # not per keystroke
    panel.name.setFocus()  # focus leaves the description: editing is finished
    QApplication.processEvents()
    assert doc.get(FRESH).description == "Привезли 🌿\nвторая строка"
    assert stack.count() == 1
    stack.undo()
    assert doc.get(FRESH).description == before
    assert panel.description.toPlainText() == before
    stack.redo()
    assert panel.description.toPlainText() == "Привезли 🌿\nвторая строка"


def test_name_note_and_price_mark_are_edits_the_table_and_chart_show(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_details(qtbot, doc)
    panel = editor.details
    panel.name.setText("  Свежесть   овощей ")
    panel.name.editingFinished.emit()
    assert doc.get(FRESH).name == "Свежесть овощей"
    row = editor.table.levels.factor_ids.index(FRESH)
    assert editor.table.model().index(row, 0).data() == "Свежесть овощей"
    panel.name.setText("   ")
    panel.name.editingFinished.emit()  # an empty name is not taken
    assert doc.get(FRESH).name == "Свежесть овощей" and panel.name.text() == "Свежесть овощей"
    panel.errc_note.setText("Главный повод прийти")
    panel.errc_note.editingFinished.emit()
    assert doc.get(FRESH).errc_note == "Главный повод прийти"
    click(panel.dear, QPoint(8, panel.dear.height() // 2))
    assert doc.get(FRESH).higher_is_costlier is True
    assert stack.count() == 3
    stack.undo()
    assert not panel.dear.isChecked() and doc.get(FRESH).higher_is_costlier is False
    stack.undo()
    assert panel.errc_note.text() == ""


def test_choosing_an_errc_action_there_moves_the_chip_in_the_grid(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_details(qtbot, doc)
    panel = editor.details
    button = panel.action_buttons["eliminate"]
    click(button, button.rect().center())
    assert doc.get(FRESH).errc == "eliminate" and stack.count() == 1
    editor.tabs.setCurrentWidget(editor.errc)
    QApplication.processEvents()
    grid = editor.errc.grid
    assert grid.areas()["eliminate"].contains(grid.chip_rect(FRESH))
    stack.undo()
    assert grid.areas()["raise"].contains(grid.chip_rect(FRESH))
    editor.show_factor_details()
    QApplication.processEvents()
    assert panel.action_buttons["raise"].isChecked()


def test_a_new_selection_keeps_what_was_typed_for_the_previous_factor(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_details(qtbot, doc)
    panel = editor.details
    panel.description.setPlainText("Собрано сегодня")  # typed, not yet finished
    editor.ctx.select(factor_id=READY)
    assert doc.get(FRESH).description == "Собрано сегодня" and doc.get(READY).description != "Собрано сегодня"
    assert panel.description.toPlainText() == doc.get(READY).description and stack.count() == 1


def test_double_clicking_a_factor_name_in_the_table_opens_the_factor_tab(qtbot) -> None:
    doc = sample_document()
    editor, _stack = make_editor(qtbot, doc)
    assert editor.tabs.currentWidget() is editor.curves
    table = editor.table
    row = table.levels.factor_ids.index(READY)
    double_click(table.viewport(), table.visualRect(table.model().index(row, 0)).center())
    QApplication.processEvents()
    assert editor.tabs.currentWidget() is editor.details
    assert editor.ctx.factor_id == READY and editor.details.name.text() == doc.get(READY).name

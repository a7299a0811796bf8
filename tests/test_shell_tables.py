"""The shell's editable tables: typing edits the model through the undo stack, and the table follows the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from app import changes
from app import model as m
from app.document import Document
from widgets.base.table_specs import table_specs
from widgets.base.tables import format_number, parse_number
from widgets.shell.i18n import Translations
from widgets.shell.table_page import TablePage


def workshop() -> m.Workshop:
    return m.Workshop(
        info=m.WorkshopInfo(title="Пекарня у дома"),
        segments=[m.Segment("s1", "Семьи"), m.Segment("s2", "Офисы")],
        pains=[m.Pain("p1", "s1", "Хлеб к вечеру чёрствый", 4), m.Pain("p2", "s2", "Нет обедов", 2)],
        teams=[m.Team("t1", "Пекарня", "client_facing", economics=m.Economics(1000.0, 400.0)),
               m.Team("t2", "Логистика", "service"), m.Team("c1", "Совет управляющих", "council")],
        promises=[m.Promise("pr1", "t1", "s1", "Хлеб из печи к 7 утра", status="accepted")],
        experiments=[m.Experiment("e1", "t1", "Утренняя доставка")],
    )


@pytest.fixture
def doc(qapp) -> Document:
    translations = Translations()
    translations.apply("en")  # English plural forms and edit names, as a user sees them
    yield Document(workshop())
    translations.clear()


def page_for(qtbot, doc: Document, key: str) -> TablePage:
    spec = table_specs()[key]
    page = TablePage(doc, QUndoStack(), spec.kind, spec.columns, spec.new_row, spec.first_key, spec.about)
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    qtbot.waitExposed(page)
    return page


def cell(page: TablePage, row: int, key: str) -> QModelIndex:
    return page.table.proxy.index(row, page.model.column_of(key))


def texts(page: TablePage, key: str) -> list[str]:
    return [cell(page, r, key).data() for r in range(page.table.proxy.rowCount())]


def test_typing_into_a_cell_edits_the_model_and_undo_shows_the_old_text(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "segments")
    view = page.table
    view.setFocus()
    view.setCurrentIndex(cell(page, 0, "name"))
    qtbot.keyClick(view, "Y")  # typing starts the editor and replaces the cell, as in a spreadsheet
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Y"
    qtbot.keyClicks(editor, "oung families")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits once back in the event loop
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert doc.get("s1").name == "Young families"
    assert cell(page, 0, "name").data() == "Young families"
    stack = page.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Change segment name"
    stack.undo()
    assert doc.get("s1").name == "Семьи"
    assert cell(page, 0, "name").data() == "Семьи"


def test_enter_edits_and_tab_moves_to_the_next_cell(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "segments")
    view = page.table
    view.setFocus()
    view.setCurrentIndex(cell(page, 1, "name"))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.state() == QAbstractItemView.State.EditingState
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Офисы"
    editor.setText("Офисы в центре")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert doc.get("s2").name == "Офисы в центре"
    assert view.currentIndex().column() == page.model.column_of("description")


def test_a_choice_column_edits_through_a_combo_box(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "pains")
    view = page.table
    view.setCurrentIndex(cell(page, 0, "segment"))
    view.edit(cell(page, 0, "segment"))
    combo = view.findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Семьи", "Офисы"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # choosing the next entry with the keyboard commits it
    assert doc.get("p1").segment == "s2"
    assert cell(page, 0, "segment").data() == "Офисы"


def test_renaming_a_segment_repaints_the_pains_that_name_it(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "pains")
    doc.apply(changes.update(doc, "s1", name="Семьи с детьми"))
    assert texts(page, "segment") == ["Семьи с детьми", "Офисы"]


def test_delete_removes_the_selected_row_with_its_cascade_and_one_undo_restores_it(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "segments")
    pains = page_for(qtbot, doc, "pains")
    view = page.table
    view.setFocus()
    view.select_ids(["s1"])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [s.id for s in doc.model.segments] == ["s2"]
    assert [p.id for p in doc.model.pains] == ["p2"] and doc.model.promises == []
    assert texts(pains, "text") == ["Нет обедов"]
    page.undo_stack.undo()
    assert [s.id for s in doc.model.segments] == ["s1", "s2"]
    assert texts(pains, "text") == ["Хлеб к вечеру чёрствый", "Нет обедов"]
    assert doc.get("pr1").to == "s1"


def test_deleting_several_rows_is_one_undo_step(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "teams")
    page.table.select_ids(["t1", "t2"])
    page.table.delete_selected()
    assert [t.id for t in doc.model.teams] == ["c1"]
    assert page.undo_stack.count() == 1 and page.undo_stack.undoText() == "Delete 2 rows"
    page.undo_stack.undo()
    assert [t.id for t in doc.model.teams] == ["t1", "t2", "c1"]
    assert doc.get("e1").team == "t1"


def test_insert_adds_a_row_after_the_current_one_and_opens_its_editor(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "pains")
    view = page.table
    view.setFocus()
    view.setCurrentIndex(cell(page, 0, "text"))
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert len(doc.model.pains) == 3
    new = doc.model.pains[1]
    assert new.segment == "s1"  # the current row's segment
    assert view.state() == QAbstractItemView.State.EditingState
    editor = view.focusWidget()
    editor.setText("Очередь на кассе")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert doc.get(new.id).text == "Очередь на кассе"
    assert page.undo_stack.count() == 2


def test_ctrl_n_in_a_table_adds_a_row(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "experiments")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.model.experiments) == 2


def test_a_row_that_needs_a_segment_says_so_instead(qtbot, qapp) -> None:
    doc = Document(m.Workshop())
    page = page_for(qtbot, doc, "pains")
    hints: list[str] = []
    page.hint.connect(hints.append)
    page.add_row()
    assert doc.model.pains == [] and hints and "segment" in hints[0]


def test_sorting_by_a_column_keeps_the_document_order(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "teams")
    assert texts(page, "name") == ["Пекарня", "Логистика", "Совет управляющих"]  # unsorted until asked
    page.table.sortByColumn(page.model.column_of("name"), Qt.SortOrder.AscendingOrder)
    assert texts(page, "name") == ["Логистика", "Пекарня", "Совет управляющих"]
    assert [t.name for t in doc.model.teams] == ["Пекарня", "Логистика", "Совет управляющих"]


def test_economics_margin_is_computed_and_numbers_parse_either_way(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "results")
    margin = page.model.column_of("margin")
    assert not (page.model.flags(page.model.index(0, margin)) & Qt.ItemFlag.ItemIsEditable)
    assert page.model.setData(page.model.index(0, page.model.column_of("revenue")), "1 500,5")
    assert doc.get("t1").economics.revenue == 1500.5
    assert cell(page, 0, "margin").data() == format_number(1100.5)
    assert parse_number("2,500.25") in (2500.25, 2.50025)  # grouping is the locale's; both readings are numbers
    hints: list[str] = []
    page.hint.connect(hints.append)
    assert not page.model.setData(page.model.index(1, page.model.column_of("costs")), "много")
    assert hints and "not a number" in hints[0]


def test_a_refused_edit_is_a_hint_and_changes_nothing(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "pains")
    hints: list[str] = []
    page.hint.connect(hints.append)
    assert not page.model.setData(page.model.index(0, page.model.column_of("severity")), 7)  # the core refuses
    assert doc.get("p1").severity == 4 and hints and "severity" in hints[0]
    assert page.undo_stack.count() == 0


def test_dates_are_typed_as_iso_dates(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "experiments")
    hints: list[str] = []
    page.hint.connect(hints.append)
    start = page.model.index(0, page.model.column_of("start"))
    assert not page.model.setData(start, "вчера")
    assert doc.get("e1").start is None and hints == ["“вчера” is not a date: type it as YYYY-MM-DD"]
    assert page.model.setData(start, "2025-06-01")
    assert doc.get("e1").start == "2025-06-01"
    assert page.model.setData(start, "")
    assert doc.get("e1").start is None


def test_indicator_cells_edit_the_frozen_indicator(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "results")
    page.model.setData(page.model.index(1, page.model.column_of("indicator")), "Полки пополнены к 8:00")
    assert doc.get("t2").indicator == m.Indicator(name="Полки пополнены к 8:00")
    page.model.setData(page.model.index(1, page.model.column_of("indicator")), "")
    assert doc.get("t2").indicator is None


def test_a_deleted_table_no_longer_follows_and_edits_go_on(qtbot, doc: Document) -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    page = page_for(qtbot, doc, "segments")
    model = page.model
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(model)
    doc.apply(changes.insert(doc, m.Segment("s3", "Студенты")))  # nothing left to follow it, nothing fails
    assert [s.id for s in doc.model.segments] == ["s1", "s2", "s3"]


def test_an_edit_of_another_row_keeps_the_cell_being_typed_in(qtbot, doc: Document) -> None:
    page = page_for(qtbot, doc, "segments")
    view = page.table
    view.setFocus()
    view.setCurrentIndex(cell(page, 1, "name"))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.state() == QAbstractItemView.State.EditingState
    doc.apply(changes.update(doc, "s1", name="Семьи с детьми"))  # another view (an editor) renames the first row
    doc.apply(changes.insert(doc, m.Segment("s3", "Студенты")))
    assert view.state() == QAbstractItemView.State.EditingState, "only the rows an edit touched are updated"
    assert texts(page, "name") == ["Семьи с детьми", "Офисы", "Студенты"]


def test_rows_follow_moves_inserts_and_deletes_of_one_batch(qtbot, doc: Document) -> None:
    from app.edits import Batch

    page = page_for(qtbot, doc, "segments")
    doc.apply(changes.insert(doc, m.Segment("s3", "Студенты"), 0))
    doc.apply(changes.move(doc, "s2", 0))
    assert texts(page, "name") == ["Офисы", "Студенты", "Семьи"]
    batch = Batch((changes.insert(doc, m.Segment("s4", "Дачники")), changes.move(doc, "s1", 0)))
    doc.apply(batch)
    assert texts(page, "name") == [s.name for s in doc.model.segments]
    doc.apply(batch.inverse())
    assert texts(page, "name") == ["Офисы", "Студенты", "Семьи"]


def test_a_restored_snapshot_rebuilds_the_rows(qtbot, doc: Document) -> None:
    from app.snapshots import restore_edit

    page = page_for(qtbot, doc, "segments")
    target = m.Workshop(segments=[m.Segment("x1", "Пенсионеры"), m.Segment("s2", "Офисы")])
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    doc.apply(restore_edit(doc, target))
    assert resets == [1] and texts(page, "name") == ["Пенсионеры", "Офисы"]

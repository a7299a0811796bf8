"""The levels table beside the chart: keyboard edits redraw the curve; both views follow the document."""

from __future__ import annotations

import math

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app import changes
from app import model as m
from tests.canvas_support import all_levels, click, make_editor, sample_document
from widgets.canvas.table import DEAR, FIRST_CURVE, NAME

TO_BE, AS_IS, REFERENCE, LOCAL = "crv-021", "crv-020", "crv-022", "crv-023"
FRESH, DELIVERY, PRICE = "fac-014", "fac-018", "fac-012"


def type_into_cell(qtbot, table, row: int, col: int, text: str) -> None:  # noqa: ANN001
    """Make a cell current and type `text` into it by keyboard, then Enter."""
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, col))
    qtbot.keyClicks(table, text[0])  # the first key opens the editor with it
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_typing_a_level_in_the_table_redraws_the_curve(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    table = editor.table
    before = all_levels(doc)
    type_into_cell(qtbot, table, 6, FIRST_CURVE + 2, "3.3")  # Доставка × Гипермаркеты, snapped to 3.5
    assert doc.get(REFERENCE).levels[DELIVERY] == 3.5
    after = all_levels(doc)
    assert {k for k in before if before[k] != after[k]} == {(REFERENCE, DELIVERY)}
    assert editor.chart.items[REFERENCE].getData()[1][6] == 3.5
    assert stack.count() == 1
    assert table.model().index(6, FIRST_CURVE + 2).data() == "3.5"


def test_a_comma_decimal_is_understood_and_an_out_of_scale_value_refused(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    type_into_cell(qtbot, editor.table, 0, FIRST_CURVE, "1,5")
    assert doc.get(AS_IS).levels[PRICE] == 1.5
    type_into_cell(qtbot, editor.table, 0, FIRST_CURVE, "9")
    assert doc.get(AS_IS).levels[PRICE] == 1.5  # refused, not clamped
    assert "9" in editor.hint.text()
    assert stack.count() == 1


def test_text_that_is_not_a_level_is_refused_with_a_hint(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    type_into_cell(qtbot, editor.table, 0, FIRST_CURVE, "abc")
    assert stack.count() == 0 and doc.get(AS_IS).levels[PRICE] == 3
    assert "abc" in editor.hint.text()


def test_delete_in_the_table_unscores_the_selected_levels_in_one_edit(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    table = editor.table
    model = table.model()
    table.setFocus()
    table.setCurrentIndex(model.index(0, FIRST_CURVE))
    table.selectionModel().select(model.index(1, FIRST_CURVE + 1), QItemSelectionModel.SelectionFlag.Select)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert PRICE not in doc.get(AS_IS).levels and "fac-013" not in doc.get(TO_BE).levels
    assert stack.count() == 1 and model.index(0, FIRST_CURVE).data() == "–"
    assert math.isnan(editor.chart.items[AS_IS].getData()[1][0])
    stack.undo()
    assert doc.get(AS_IS).levels[PRICE] == 3 and doc.get(TO_BE).levels["fac-013"] == 2


def test_renaming_and_marking_price_like_in_the_table(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    model = editor.table.model()
    assert model.setData(model.index(2, NAME), "Свежесть продуктов")
    assert doc.get(FRESH).name == "Свежесть продуктов"
    assert editor.chart.factor_axis.factors[2].name == "Свежесть продуктов"
    assert model.setData(model.index(6, DEAR), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert doc.get(DELIVERY).higher_is_costlier and editor.chart.grid.dear[6]
    assert stack.count() == 2


def test_the_table_follows_chart_edits_and_structure_changes(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    model = editor.table.model()
    chart = editor.chart
    click(chart.viewport(), chart.point_pos(AS_IS, FRESH))
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    assert model.index(2, FIRST_CURVE).data() == "3.5"
    assert editor.table.currentIndex().row() == 2 and editor.table.currentIndex().column() == FIRST_CURVE
    editor.add_factor_named("Кофе с собой")
    assert model.rowCount() == 9 and model.index(8, NAME).data() == "Кофе с собой"
    assert model.index(8, FIRST_CURVE).data() == "–"
    doc_canvas = doc.get("cnv-024")
    editor.ctx.push(changes.move(doc, PRICE, 7))
    assert [model.index(r, NAME).data() for r in range(9)] == [f.name for f in doc_canvas.factors]
    editor.curves.add_curve("competitor")
    assert model.columnCount() == FIRST_CURVE + 5 and model.headerData(FIRST_CURVE + 4, Qt.Orientation.Horizontal)
    stack.undo()
    stack.undo()
    stack.undo()
    assert model.rowCount() == 8 and model.columnCount() == FIRST_CURVE + 4
    assert [model.index(r, NAME).data() for r in range(8)] == [f.name for f in doc_canvas.factors]


def test_a_batch_that_deletes_and_inserts_keeps_the_table_consistent(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    model = editor.table.model()
    delete = changes.delete(doc, FRESH)
    doc.apply(delete)
    extra = m.Factor("new", "Новый")
    doc.apply(changes.insert(doc, extra, 0, parent="cnv-024"))
    doc.apply(delete.inverse())
    names = [f.name for f in doc.get("cnv-024").factors]
    assert [model.index(r, NAME).data() for r in range(model.rowCount())] == names
    assert model.index(names.index("Свежесть"), FIRST_CURVE + 1).data() == "5"

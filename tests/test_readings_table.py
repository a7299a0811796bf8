"""The Figures table: readings typed in (period, value, met), one undo per edit, periods as people write them."""

from __future__ import annotations

from typing import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from app import changes
from app import model as m
from app.document import Document
from tests.readings_support import sample_with_readings
from widgets.base.table_specs import table_specs
from widgets.shell.i18n import Translations
from widgets.shell.table_page import TablePage


@pytest.fixture
def doc(qapp) -> Iterator[Document]:
    translations = Translations()
    translations.apply("en")
    yield Document(sample_with_readings())
    translations.clear()


@pytest.fixture
def page(qtbot, doc: Document) -> TablePage:
    spec = table_specs()["readings"]
    table = TablePage(doc, QUndoStack(), spec.kind, spec.columns, spec.new_row, spec.first_key, spec.about)
    qtbot.addWidget(table)
    table.resize(1400, 600)
    table.show()
    qtbot.waitExposed(table)
    return table


def cell(page: TablePage, obj_id: str, key: str) -> QModelIndex:
    return page.table.proxy_index(obj_id, page.model.column_of(key))


def test_typing_a_value_is_one_undo_step(qtbot, page: TablePage, doc: Document) -> None:
    view = page.table
    view.setFocus()
    view.setCurrentIndex(cell(page, "rd-prm-044-2026-03", "value"))
    qtbot.keyClick(view, "9")  # typing replaces the cell, as in a spreadsheet
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "7%")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert doc.get("rd-prm-044-2026-03").value == "97%"
    assert cell(page, "rd-prm-044-2026-03", "value").data() == "97%"
    assert page.undo_stack.count() == 1
    page.undo_stack.undo()
    assert doc.get("rd-prm-044-2026-03").value == "96%"
    assert cell(page, "rd-prm-044-2026-03", "value").data() == "96%"


def test_the_row_names_its_promise_and_shows_its_target(page: TablePage) -> None:
    assert cell(page, "rd-prm-044-2026-03", "of").data() == "Доставим заказ за 60 минут"
    assert cell(page, "rd-prm-044-2026-03", "target").data() == "95%"
    assert cell(page, "rd-team-026-2026-03", "of").data() == "Доставка"
    assert cell(page, "rd-team-026-2026-03", "target").data() == "95%"  # the team's indicator's target
    assert cell(page, "rd-team-026-2026-03", "met").data() == "—"


def test_a_period_is_typed_as_people_write_it_and_a_wrong_one_is_a_hint(page: TablePage, doc: Document) -> None:
    hints: list[str] = []
    page.hint.connect(hints.append)
    period = page.model.index(page.model.row_of("rd-prm-049-2026-03"), page.model.column_of("period"))
    assert page.model.setData(period, "04.2026")
    assert doc.get("rd-prm-049-2026-03").period == "2026-04"
    assert not page.model.setData(period, "весной")
    assert doc.get("rd-prm-049-2026-03").period == "2026-04" and "not a period" in hints[0]
    assert page.undo_stack.count() == 1


def test_met_is_chosen_from_a_list(qtbot, page: TablePage, doc: Document) -> None:
    index = cell(page, "rd-team-026-2026-03", "met")
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    combo = page.table.findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["—", "met", "not met"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert doc.get("rd-team-026-2026-03").met is True


def test_insert_adds_the_next_month_of_the_same_promise(qtbot, page: TablePage, doc: Document) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(cell(page, "rd-prm-046-2026-03", "value"))
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    new = doc.model.readings[page.model.row_of("rd-prm-046-2026-03") + 1]
    assert (new.of, new.period, new.value, new.met) == ("prm-046", "2026-04", "", None)
    assert page.table.state() == QAbstractItemView.State.EditingState  # typing the value straight away
    page.undo_stack.undo()
    assert doc.find(new.id) is None


def test_renaming_a_promise_repaints_its_readings(page: TablePage, doc: Document) -> None:
    doc.apply(changes.update(doc, "prm-044", text="Доставим за час", target="97%"))
    assert cell(page, "rd-prm-044-2026-01", "of").data() == "Доставим за час"
    assert cell(page, "rd-prm-044-2026-01", "target").data() == "97%"


def test_a_reading_needs_something_to_measure(qtbot, qapp) -> None:
    spec = table_specs()["readings"]
    table = TablePage(Document(m.Workshop()), QUndoStack(), spec.kind, spec.columns, spec.new_row, spec.first_key)
    qtbot.addWidget(table)
    hints: list[str] = []
    table.hint.connect(hints.append)
    table.add_row()
    assert hints and "promise or a team first" in hints[0]

"""Importing a promise table: a preview before anything is written, columns re-read, new teams placed, Russian texts."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Iterator

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from app import model as m
from app.document import Document
from app.layout import diagram_positions
from app.promise_import import import_sheet
from app.resources import sample_path
from app.workfile import read_workshop
from widgets.promises.editor import PromiseMapEditor
from widgets.promises.import_preview import ImportPreview

KITCHEN = "team-028"
WINDOWS: list[QMainWindow] = []


@pytest.fixture(autouse=True)
def _windows_live_until_the_test_ends() -> Iterator[None]:
    yield
    WINDOWS.clear()


def open_editor(qtbot: Any, workshop: m.Workshop | None = None) -> PromiseMapEditor:
    """The promise map editor in a shown window of a projector's size."""
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = PromiseMapEditor(Document(workshop or read_workshop(sample_path())), QUndoStack())
    window.setCentralWidget(editor)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    WINDOWS.append(window)
    return editor


def sample_table(editor: PromiseMapEditor, path: Path, extra: list[list[Any]], header: list[str] | None = None) -> Path:
    """The sample's own exported table with `extra` rows (and `header` cells) appended."""
    editor.export_table(str(path))
    editor.view.hide_hint()
    book = load_workbook(path)
    sheet = book.active
    for col, text in enumerate(header or [], start=sheet.max_column + 1):
        sheet.cell(row=1, column=col).value = text
    for row in extra:
        sheet.append(row)
    book.save(path)
    return path


NEW_TEAM_ROWS = [
    ["Пекарня", "Кухня готовой еды", "Хлеб к 7:00", "", "", "обсуждается", "право А;\nправо Б;", "", "", "", ""],
    ["Молодые семьи", "ИТ", "Будем покупать", "", "", "", "", "", "", "", ""],                 # row 11: a client
    ["Логистика", "", "Без получателя", "", "", "", "", "", "", "", ""],                       # row 12: no promisee
]


def click(button: Any) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def test_the_preview_shows_what_will_happen_and_cancel_writes_nothing(qtbot: Any, tmp_path: Path) -> None:
    editor = open_editor(qtbot)
    doc = editor.document
    path = sample_table(editor, tmp_path / "promises.xlsx", NEW_TEAM_ROWS)
    preview = editor.import_table(str(path))
    assert isinstance(preview, ImportPreview) and preview.isVisible()
    assert len(doc.model.promises) == 8 and editor.undo_stack.count() == 0  # nothing written yet
    assert "9" in preview.summary.text() and "2" in preview.summary.text()
    mapping = {preview.mapping.item(i, 0).text(): preview.combos[i].currentData()
               for i in range(preview.mapping.rowCount())}
    assert mapping["Кто даёт"] == "from" and mapping["Кому"] == "to" and mapping["Полномочия"] == "authorities"
    reasons = {preview.rows.item(r, 0).text(): preview.rows.item(r, 3).text() for r in range(preview.rows.rowCount())}
    assert reasons == {"11": "«Молодые семьи» is a client segment, and a client never promises",
                       "12": "the cell «Кому» is empty"}
    assert preview.rows.item(0, 1).text() == "Будем покупать"
    assert "Пекарня" in preview.created.text()
    assert preview.ok_button.isEnabled()
    click(preview.cancel_button)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert editor.findChild(ImportPreview) is None  # closed and gone
    assert len(doc.model.promises) == 8 and editor.undo_stack.count() == 0
    assert "Пекарня" not in {t.name for t in doc.model.teams}


def test_ok_imports_as_one_undo_step_with_clean_authorities(qtbot: Any, tmp_path: Path) -> None:
    editor = open_editor(qtbot)
    doc = editor.document
    preview = editor.import_table(str(sample_table(editor, tmp_path / "promises.xlsx", NEW_TEAM_ROWS)))
    click(preview.ok_button)
    assert len(doc.model.promises) == 17 and editor.undo_stack.count() == 1
    bread = next(p for p in doc.model.promises if p.text == "Хлеб к 7:00")
    assert bread.authorities == (m.Grant("право А", False), m.Grant("право Б", False))
    editor.undo_stack.undo()
    assert len(doc.model.promises) == 8 and "Пекарня" not in {t.name for t in doc.model.teams}
    assert doc.model.layouts.get("structure", {}) == {} and len(editor.scene.nodes) == 10


def test_a_new_team_stands_by_the_party_it_promises_to(qtbot: Any, tmp_path: Path) -> None:
    editor = open_editor(qtbot)
    doc = editor.document
    before = diagram_positions(doc.model, "structure")
    preview = editor.import_table(str(sample_table(editor, tmp_path / "promises.xlsx", NEW_TEAM_ROWS[:1])))
    click(preview.ok_button)
    bakery = next(t.id for t in doc.model.teams if t.name == "Пекарня")
    xs, ys = [x for x, _ in before.values()], [y for _, y in before.values()]
    for diagram in ("structure", "promises"):
        x, y = diagram_positions(doc.model, diagram)[bakery]
        kx, ky = diagram_positions(doc.model, diagram)[KITCHEN]
        assert math.dist((x, y), (kx, ky)) < 320, diagram  # beside the kitchen, not in a corner
        assert min(ys) <= y <= max(ys) and min(xs) - 250 <= x <= max(xs) + 250, diagram
    node = editor.scene.nodes[bakery]
    kitchen = editor.scene.nodes[KITCHEN]
    assert math.dist((node.pos().x(), node.pos().y()), (kitchen.pos().x(), kitchen.pos().y())) < 320
    assert all(diagram_positions(doc.model, "structure")[n] == xy for n, xy in before.items())  # nothing moved


def test_a_column_is_read_as_another_field_from_its_combo_box(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "two_texts.csv"
    path.write_text("Кто даёт;Кому;Обещание (кратко);Обещание\n"
                    "Доставка;Молодые семьи;Быстро;Доставим заказ за 60 минут\n", encoding="utf-8")
    editor = open_editor(qtbot)
    preview = editor.import_table(str(path))
    full = preview.combos[3]
    assert full.currentData() is None and preview.mapping.item(3, 0).text().startswith("⚠")
    assert preview.mapping.item(3, 2).text() == "Доставим заказ за 60 минут"  # its first value helps to choose
    click(full)  # the combo takes the keyboard by a click, then the arrow keys choose
    full.hidePopup()
    QTest.keyClick(full, Qt.Key.Key_Down)
    QTest.keyClick(full, Qt.Key.Key_Down)
    QTest.keyClick(full, Qt.Key.Key_Down)
    assert full.currentData() == "text"
    assert preview.columns == {0: "from", 1: "to", 3: "text"}  # a field is read from one column: the latest chosen
    assert preview.mapping.item(2, 0).text() == "⚠ Обещание (кратко)"  # shown as not read
    assert preview.summary.text().startswith("1 promise")
    click(preview.ok_button)
    assert editor.document.model.promises[-1].text == "Доставим заказ за 60 минут"


def test_without_a_column_for_a_required_field_ok_is_disabled(qtbot: Any, tmp_path: Path) -> None:
    editor = open_editor(qtbot)
    preview = editor.import_table(str(sample_table(editor, tmp_path / "promises.xlsx", [])))
    who = preview.combos[0]
    click(who)
    who.hidePopup()
    QTest.keyClick(who, Qt.Key.Key_Home)  # "not imported"
    assert who.currentData() is None
    assert not preview.ok_button.isEnabled() and "Who promises" in preview.summary.text()
    assert preview.batch is None


class RussianImportTexts(QTranslator):
    """The Russian words of a few of the import's texts (the catalogue gets them when the lead updates it)."""

    WORDS = {
        "the cell «{column}» is empty": "пустая ячейка «{column}»",
        "«{name}» is a client segment, and a client never promises": "«{name}» — клиентский сегмент, а клиент "
                                                                   "никогда не обещает",
        "Rows with remarks (%1)": "Строки с замечаниями (%1)",
        "No header row with the columns «Кто даёт», «Кому» and «Обещание» was found.":
            "Не найдена строка заголовков со столбцами «Кто даёт», «Кому» и «Обещание».",
    }

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.WORDS.get(source) if context in ("PromiseImport", "ImportPreview") else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


@pytest.fixture
def russian(qapp: Any) -> Iterator[QTranslator]:
    translator = RussianImportTexts()
    yield translator
    QCoreApplication.removeTranslator(translator)
    QApplication.processEvents()


def test_row_messages_follow_the_ui_language_and_the_cli_keeps_english(qtbot: Any, tmp_path: Path,
                                                                       russian: QTranslator) -> None:
    editor = open_editor(qtbot)
    path = sample_table(editor, tmp_path / "promises.xlsx", NEW_TEAM_ROWS)
    preview = editor.import_table(str(path))
    assert preview.rows.item(1, 3).text() == "the cell «Кому» is empty"
    QCoreApplication.installTranslator(russian)  # a live switch: Qt sends LanguageChange to every widget
    for _ in range(3):
        QApplication.processEvents()
    assert preview.rows.item(1, 3).text() == "пустая ячейка «Кому»"
    assert preview.rows.item(0, 3).text() == "«Молодые семьи» — клиентский сегмент, а клиент никогда не обещает"
    assert preview.rows_box.title() == "Строки с замечаниями (2)"
    assert [str(p) for p in import_sheet(editor.document, path).skipped][1] == "row 12: the cell «Кому» is empty"


def test_an_unreadable_table_is_refused_in_the_ui_language(qtbot: Any, tmp_path: Path,
                                                           russian: QTranslator) -> None:
    QCoreApplication.installTranslator(russian)
    editor = open_editor(qtbot)
    plain = tmp_path / "plain.csv"
    plain.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    assert editor.import_table(str(plain)) is None
    box = editor.findChild(QMessageBox, "promiseMessage")
    assert box is not None and box.text() == ("«plain.csv»: Не найдена строка заголовков со столбцами «Кто даёт», "
                                              "«Кому» и «Обещание».")
    assert editor.findChild(ImportPreview) is None and editor.undo_stack.count() == 0

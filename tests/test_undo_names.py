"""The undo history names each editor's edits in the language shown now, not in the one they were made in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from tests.canvas_support import drag as drag_on_chart
from tests.canvas_support import make_editor, sample_document
from tests.test_diagram import drag
from widgets.base.undo import retranslate_commands
from widgets.shell import i18n

TO_BE, REFERENCE = "crv-021", "crv-022"
FRESH = "fac-014"
SHOP, DELIVERY, CARE = "team-025", "team-026", "team-027"
FAMILIES = "seg-004"


@pytest.fixture
def translations(qapp: Any) -> Iterator[i18n.Translations]:
    """The app in Russian for the test (the edits are made in Russian); English sources again afterwards."""
    translations = i18n.Translations()
    switch(translations, "ru")
    yield translations
    translations.clear()
    QApplication.processEvents()


def switch(translations: i18n.Translations, language: str) -> None:
    """Switch the language as View ▸ Language does."""
    translations.apply(language)
    for _ in range(3):  # Qt posts LanguageChange to every window; the widgets pass it to their children
        QApplication.processEvents()


def history(stack: QUndoStack, translations: i18n.Translations, language: str) -> list[str]:
    """The undo history's names after switching to `language`, renamed as the shell renames them."""
    switch(translations, language)
    retranslate_commands(stack)
    return [stack.text(i) for i in range(stack.count())]


def test_the_canvas_edits_are_named_in_the_language_shown(qtbot: Any, translations: i18n.Translations) -> None:
    editor, stack = make_editor(qtbot, sample_document())
    chart = editor.chart
    drag_on_chart(chart.viewport(), chart.point_pos(TO_BE, FRESH), chart.point_pos(TO_BE, FRESH, 2.3))
    editor.show_factor_details()
    editor.ctx.select(factor_id=FRESH)
    QApplication.processEvents()
    editor.details.name.setText("Свежесть хлеба")
    editor.details.name.editingFinished.emit()
    editor.curves.delete_curve(REFERENCE)
    russian = ["Уровень кривой «Мы через год» по фактору «Свежесть»", "Переименовать фактор", "Удалить кривую"]
    assert [stack.text(i) for i in range(stack.count())] == russian
    assert history(stack, translations, "en") == ["Set “Свежесть” on “Мы через год”", "Rename factor",
                                                  "Delete curve"]
    assert history(stack, translations, "ru") == russian


@pytest.fixture
def structure(qtbot: Any, translations: i18n.Translations) -> Iterator[Any]:
    """The structure editor on the bundled sample, made in Russian; its stack emptied while the editor lives."""
    from widgets.structure import StructureEditor

    stack = QUndoStack()
    editor = StructureEditor(Document(read_json_file(sample_path())), stack)
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitExposed(editor)
    editor.view.set_zoom(1.0)
    editor.view.centerOn(editor.scene.nodes_rect().center())
    yield editor
    stack.clear()


def test_the_structure_edits_are_named_in_the_language_shown(structure: Any,
                                                              translations: i18n.Translations) -> None:
    stack = structure.undo_stack
    start = QPointF(structure.scene.nodes[SHOP].pos())
    drag(structure.view, start, start + QPointF(120, 60))
    structure.select_ids([DELIVERY, CARE])
    structure.delete_selection()
    structure.apply_layout("layers")
    russian = ["Переместить 1 элемент", "Удалить 2 элемента", "Расставить слоями"]
    assert [stack.text(i) for i in range(stack.count())] == russian
    assert history(stack, translations, "en") == ["Move 1 party", "Delete 2 items", "Arrange in layers"]
    assert history(stack, translations, "ru") == russian
    stack.undo()
    stack.undo()
    assert structure.document.find(DELIVERY) is not None, "the deletion is still one undo step"


def test_the_promise_map_edits_are_named_in_the_language_shown(qtbot: Any,
                                                               translations: i18n.Translations) -> None:
    from tests.test_promise_map_editor import open_editor

    editor = open_editor(qtbot, read_json_file(sample_path()))
    stack = editor.undo_stack
    diagram = editor.diagram
    start = QPointF(diagram.scene.nodes[FAMILIES].pos())
    drag(diagram.view, start, start + QPointF(80, 40))
    diagram._entered(SHOP, FAMILIES, "Свежий хлеб к 8 утра")  # the text typed after drawing the arrow
    names = [stack.text(i) for i in range(stack.count())]
    assert history(stack, translations, "en") == ["Move 1 party", "Add promise"]
    assert history(stack, translations, "ru") == names
    assert names[1] == "Добавить обещание"
    stack.clear()

"""The canvas editor switched between Russian and English live: no text of its own stays in the other language."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)
from shiboken6 import Shiboken

from app.document import Document
from app.resources import sample_path
from app.workfile import read_workshop
from widgets.shell import i18n

CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN = re.compile("[A-Za-z]")
TAGS = re.compile(r"<[^>]+>")


def workshop_strings(value: object) -> Iterator[str]:
    """Every text of the workshop's own data (names, titles, notes...), to tell it from the editor's words."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from workshop_strings(getattr(value, f.name))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from workshop_strings(k)
            yield from workshop_strings(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from workshop_strings(v)


def item_view_texts(view: QAbstractItemView) -> Iterator[str]:
    """Header texts and tooltips of a view, and the texts and tooltips of its first rows."""
    model = view.model()
    if model is None:
        return
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for section in range(model.columnCount()):
        for role in roles:
            yield str(model.headerData(section, Qt.Orientation.Horizontal, role) or "")
    for row in range(min(3, model.rowCount())):
        for col in range(model.columnCount()):
            for role in roles:
                yield str(model.data(model.index(row, col), role) or "")


def widget_texts(widget: QWidget) -> Iterator[str]:
    """The texts one widget shows or explains itself with."""
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.whatsThis()
    for action in widget.actions():
        yield action.text()
        yield action.toolTip()
    if isinstance(widget, QLabel):
        yield TAGS.sub(" ", widget.text())
    if isinstance(widget, QAbstractButton):
        yield widget.text()
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    if isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView):
        yield from item_view_texts(widget)
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():
            if isinstance(item, QGraphicsTextItem):
                yield item.toPlainText()
            elif isinstance(item, QGraphicsSimpleTextItem):
                yield item.text()


def address(widget: QWidget) -> int:
    """The C++ object's address: Python may wrap one widget in different objects."""
    return Shiboken.getCppPointer(widget)[0]


def editor_texts(editor: QWidget) -> list[str]:
    """Every text of the editor and its parts, the chart's painted captions included."""
    chart = editor.chart
    never_shown = chart.getPlotItem().ctrlMenu  # pyqtgraph's options menu: the chart disables it
    hidden = {address(w) for w in [never_shown, *never_shown.findChildren(QWidget)]}
    found = [text for w in [editor, *editor.findChildren(QWidget)] if address(w) not in hidden
             for text in widget_texts(w)]
    found += [label for level in chart.level_axis._tickLevels for _value, label in level]
    found.append(chart.factor_axis.layout.dear_text)
    return found


def foreign(texts: list[str], data: list[str], language: str) -> list[str]:
    """The texts that, once the workshop's own strings are taken out, are in the other language."""
    wrong = []
    for text in texts:
        rest = text
        for s in data:
            rest = rest.replace(s, " ")
        if language == "en" and CYRILLIC.search(rest):
            wrong.append(text)
        if language == "ru" and LATIN.search(rest) and not CYRILLIC.search(rest):
            wrong.append(text)
    return sorted(set(wrong))


@pytest.fixture
def translations(qapp) -> Iterator[i18n.Translations]:
    switcher = i18n.Translations()
    yield switcher
    switcher.clear()
    QApplication.processEvents()


def switch(translations: i18n.Translations, language: str) -> None:
    translations.apply(language)
    QApplication.processEvents()  # Qt posts LanguageChange to the windows
    QApplication.processEvents()


def test_every_text_of_the_editor_follows_the_language_live(qtbot, translations: i18n.Translations) -> None:
    from widgets.canvas.editor import CanvasEditor

    workshop = read_workshop(sample_path())
    data = sorted({s for s in workshop_strings(workshop) if len(s.strip()) > 1}, key=len, reverse=True)
    switch(translations, "ru")
    doc = Document(workshop)
    stack = QUndoStack()
    editor = CanvasEditor(doc, stack)
    qtbot.addWidget(editor)
    editor.resize(1600, 900)
    editor.show()
    editor.ctx.select(doc.model.canvases[0].curves[1].id, doc.model.canvases[0].factors[2].id)
    editor.errc.suggest_button.setChecked(True)
    for i in range(editor.tabs.count()):  # every panel shown once, so each has drawn its canvas
        editor.tabs.setCurrentIndex(i)
        QApplication.processEvents()
    assert foreign(editor_texts(editor), data, "ru") == []
    assert any(CYRILLIC.search(t) for t in (editor.chart_only.text(), editor.tabs.tabText(0)))
    switch(translations, "en")
    english = [text.strip() for text in editor_texts(editor)]
    assert foreign(english, data, "en") == []
    assert "Chart only" in english and "Offering level" in english
    switch(translations, "ru")
    assert foreign(editor_texts(editor), data, "ru") == []

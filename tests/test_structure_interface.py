"""The structure editor as the shell sees it: the Editor interface, and every fixed text in the language chosen live."""

from __future__ import annotations

import dataclasses
import inspect
import re

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.document import Document
from app.resources import sample_path
from app.workfile import read_workshop
from widgets.base.editor_api import Editor, EditorAction
from widgets.diagram.view import MAX_ZOOM
from widgets.shell import i18n
from widgets.structure import StructureEditor

SHOP, CARE, FAMILIES = "team-025", "team-027", "seg-004"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")
TAGS = re.compile(r"<[^>]*>")


@pytest.fixture
def editor(qtbot):
    """The structure editor on the bundled sample, shown at 1400×900 (its undo stack emptied at the end)."""
    stack = QUndoStack()
    widget = StructureEditor(Document(read_workshop(sample_path())), stack)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    stack.clear()  # a stack freed with its commands by Python's cycle collector crashes (see tests/test_structure.py)


# ---------------------------------------------------------------------------------------------- the interface
def protocol_methods() -> list[str]:
    return [name for name, value in vars(Editor).items() if inspect.isfunction(value) and not name.startswith("_")]


@pytest.mark.parametrize("name", protocol_methods())
def test_the_editor_offers_every_method_of_the_interface_with_its_signature(name: str) -> None:
    assert inspect.signature(getattr(StructureEditor, name)) == inspect.signature(getattr(Editor, name))


def test_delete_is_unavailable_with_a_reason_until_something_is_selected(editor) -> None:
    reason = editor.unavailable(EditorAction.DELETE)
    assert reason and "select" in reason.lower()
    editor.select_ids([CARE])
    assert editor.unavailable(EditorAction.DELETE) is None
    links = len(editor.document.model.links)
    editor.delete_selection()
    assert editor.document.find(CARE) is None and CARE not in editor.scene.nodes
    assert len(editor.document.model.links) < links and editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert CARE in editor.scene.nodes and len(editor.document.model.links) == links


def test_every_other_action_applies_to_a_diagram_with_parties(editor) -> None:
    for action in EditorAction:
        if action is not EditorAction.DELETE:
            assert editor.unavailable(action) is None, action
    editor.view.set_zoom(MAX_ZOOM)
    assert editor.unavailable(EditorAction.ZOOM_IN)


def test_an_empty_diagram_says_why_nothing_applies(qtbot) -> None:
    from app import model as m

    widget = StructureEditor(Document(m.Workshop()), QUndoStack())
    qtbot.addWidget(widget)
    assert all(widget.unavailable(action) for action in EditorAction)


def test_select_all_then_selected_ids_in_a_stable_order(editor) -> None:
    editor.select_all()
    model = editor.document.model
    parties = [o.id for o in model.segments + model.teams]
    assert editor.selected_ids() == parties + [link.id for link in model.links]
    editor.select_ids([SHOP, FAMILIES])
    assert editor.selected_ids() == [FAMILIES, SHOP]


def test_find_selects_the_matching_parties_and_centres_the_first(editor) -> None:
    editor.view.set_zoom(1.0)
    editor.view.centerOn(QPointF(-5000, -5000))
    seen: list[list[str]] = []
    editor.selection_changed.connect(seen.append)
    assert editor.find("мАгАз") == 1
    assert editor.selected_ids() == [SHOP] and seen[-1] == [SHOP]
    centre = editor.view.mapToScene(editor.view.viewport().rect().center())
    shop = editor.scene.nodes[SHOP].pos()
    assert abs(centre.x() - shop.x()) < 5 and abs(centre.y() - shop.y()) < 5
    names = [o.name for o in editor.document.model.teams if "а" in o.name.casefold()]
    assert editor.find("А") == len(names) + sum("а" in s.name for s in editor.document.model.segments)
    assert editor.find("нет такого") == 0 and editor.selected_ids() == []


def test_zoom_in_out_and_fit(editor) -> None:
    editor.view.set_zoom(1.0)
    editor.zoom_in()
    assert editor.view.zoom > 1.0
    editor.zoom_out()
    editor.zoom_out()
    assert editor.view.zoom < 1.0
    editor.view.set_zoom(3.0)
    editor.zoom_fit()
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert all(visible.contains(node.sceneBoundingRect().center()) for node in editor.scene.nodes.values())


def test_copy_picture_puts_an_image_of_the_diagram_on_the_clipboard(editor) -> None:
    QGuiApplication.clipboard().clear()
    editor.copy_picture()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasImage() and not QGuiApplication.clipboard().image().isNull()


# ---------------------------------------------------------------------------------------------- language
def workshop_strings(obj: object) -> set[str]:
    """Every text of the workshop's own (names, purposes, figures...), to leave out of the language check."""
    found: set[str] = set()
    if isinstance(obj, str):
        found.add(obj)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            found |= workshop_strings(getattr(obj, f.name))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            found |= workshop_strings(key) | workshop_strings(value)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for value in obj:
            found |= workshop_strings(value)
    return found


def shown_texts(editor: StructureEditor) -> dict[str, str]:
    """Every fixed text of the editor: labels, buttons, titles, tooltips, status tips, choices, actions, node tips."""
    texts: dict[str, str] = {}

    def note(where: str, text: str) -> None:
        if text:
            texts[where] = TAGS.sub(" ", text)

    for widget in [editor, *editor.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}@{id(widget)}"
        note(f"{name}.toolTip", widget.toolTip())
        note(f"{name}.statusTip", widget.statusTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            note(f"{name}.text", widget.text())
        if isinstance(widget, QGroupBox):
            note(f"{name}.title", widget.title())
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            note(f"{name}.placeholder", widget.placeholderText())
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                note(f"{name}.item{index}", widget.itemText(index))
    for action in editor.findChildren(QAction):
        for part in ("text", "toolTip", "statusTip"):
            note(f"action {action.text()!r}.{part}", getattr(action, part)())
    for node_id in editor.scene.nodes:
        note(f"tooltip of {node_id}", editor.scene.help_requested(node_id))
    return texts


def foreign(texts: dict[str, str], data: set[str], letters: re.Pattern[str]) -> dict[str, str]:
    """The texts that still hold `letters` once the workshop's own strings are taken out of them."""
    longest_first = sorted((s for s in data if s.strip()), key=len, reverse=True)
    left = {}
    for where, text in texts.items():
        for own in longest_first:
            text = text.replace(own, " ")
        if letters.search(text):
            left[where] = text
    return left


def switch(translations: i18n.Translations, language: str) -> None:
    translations.apply(language)
    QApplication.processEvents()


def test_switching_the_language_live_reaches_every_fixed_text(editor) -> None:
    data = workshop_strings(editor.document.model)
    editor.select_ids([SHOP])  # the inspector shows a team: every form, group and choice is on screen
    translations = i18n.Translations()
    try:
        switch(translations, "ru")
        english_left = foreign(shown_texts(editor), data, LATIN)
        switch(translations, "en")
        russian_left = foreign(shown_texts(editor), data, CYRILLIC)
        switch(translations, "ru")
        english_back = foreign(shown_texts(editor), data, LATIN)
    finally:
        translations.clear()
        QApplication.processEvents()
    assert english_left == {}, f"English left in the Russian editor: {english_left}"
    assert russian_left == {}, f"Russian left after switching to English: {russian_left}"
    assert english_back == {}, f"English left after switching back to Russian: {english_back}"

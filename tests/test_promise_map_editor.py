"""The promise map as the shell sees it: the Editor interface, and every fixed text following the language live."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import re
from typing import Any, Iterator

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from app import changes
from app import model as m
from app.document import Document
from app.resources import sample_path
from app.workfile import read_workshop
from tests.test_diagram import drag
from widgets.base.editor_api import Editor, EditorAction
from widgets.base.undo import push_edit, retranslate_commands
from widgets.promises.editor import PromiseMapEditor
from widgets.shell import i18n

SHOP, LOGISTICS, IT = "team-025", "team-029", "team-031"
FAMILIES, OFFICE = "seg-004", "seg-005"
CYRILLIC = re.compile("[А-Яа-яЁё]")


WINDOWS: list[QMainWindow] = []
"""The test's windows (qtbot holds them weakly). Not kept by an attribute of the editor: that makes a reference
cycle, which the garbage collector may break in the middle of the window's own paint event (a crash)."""


@pytest.fixture(autouse=True)
def _windows_live_until_the_test_ends() -> Iterator[None]:
    yield
    WINDOWS.clear()


def open_editor(qtbot: Any, workshop: m.Workshop) -> PromiseMapEditor:
    """The editor in a shown window, as the shell puts it."""
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = PromiseMapEditor(Document(workshop), QUndoStack())
    window.setCentralWidget(editor)
    window.resize(1400, 950)
    window.show()
    qtbot.waitExposed(window)
    WINDOWS.append(window)
    return editor


@pytest.fixture
def editor(qtbot: Any) -> PromiseMapEditor:
    return open_editor(qtbot, read_workshop(sample_path()))


def visible_rect(editor: PromiseMapEditor) -> QRectF:
    return editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()


def shows(editor: PromiseMapEditor, obj_id: str) -> bool:
    """Whether the party or the arrow of `obj_id` is inside the window."""
    item = editor.scene.nodes.get(obj_id) or editor.diagram.edge_of(obj_id)
    return item is not None and visible_rect(editor).contains(item.sceneBoundingRect().center())


# ---------------------------------------------------------------------------------------------- the interface
def protocol_methods() -> list[str]:
    return [name for name, _ in inspect.getmembers(Editor, inspect.isfunction) if not name.startswith("_")]


@pytest.mark.parametrize("name", protocol_methods())
def test_the_editor_offers_each_method_of_the_protocol_with_its_signature(name: str) -> None:
    assert inspect.signature(getattr(PromiseMapEditor, name)) == inspect.signature(getattr(Editor, name))


def test_the_protocol_is_not_empty() -> None:
    assert {"unavailable", "delete_selection", "find", "retranslate"} <= set(protocol_methods())


def test_delete_selection_is_one_undo_step_and_needs_a_selection(editor: PromiseMapEditor) -> None:
    stack = editor.undo_stack
    reason = editor.unavailable(EditorAction.DELETE)
    assert isinstance(reason, str) and reason
    editor.delete_selection()
    assert stack.count() == 0
    before = {p.id for p in editor.document.model.promises}
    editor.select_ids(["prm-045", IT])
    assert editor.unavailable(EditorAction.DELETE) is None
    editor.delete_selection()
    model = editor.document.model
    assert editor.document.find("prm-045") is None and editor.document.find(IT) is None
    assert IT not in editor.scene.nodes and "prm-045" not in editor.scene.edges
    assert not any(IT in (p.from_, p.to) for p in model.promises) and stack.count() == 1
    stack.undo()
    assert {p.id for p in editor.document.model.promises} == before and IT in editor.scene.nodes


def test_select_all_selects_every_party_and_promise(editor: PromiseMapEditor) -> None:
    model = editor.document.model
    assert editor.unavailable(EditorAction.SELECT_ALL) is None
    editor.select_all()
    everything = {o.id for o in [*model.segments, *model.teams, *model.promises]}
    assert set(editor.selected_ids()) == everything
    assert all(node.isSelected() for node in editor.scene.nodes.values())
    assert all(edge.isSelected() for edge in editor.scene.edges.values())
    assert set(editor.table.selected_ids()) == {p.id for p in model.promises}


def clipboard_png() -> QImage:
    """The picture on the clipboard (Qt offers it to other programs as PNG, among other image formats)."""
    data = QGuiApplication.clipboard().mimeData()
    assert data is not None and data.hasImage()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull()
    return image


def inked(image: QImage) -> bool:
    """Whether anything but white is drawn (sampled on a grid)."""
    white = QColor("#FFFFFF").rgb()
    step = max(1, min(image.width(), image.height()) // 60)
    return any(image.pixel(x, y) != white for x in range(0, image.width(), step)
               for y in range(0, image.height(), step))


def test_copy_picture_puts_a_png_of_the_whole_map_or_of_the_selection(editor: PromiseMapEditor) -> None:
    QGuiApplication.clipboard().clear()
    editor.view.set_zoom(3.0)
    editor.view.centerOn(editor.scene.nodes[SHOP].pos())  # the window shows a small part of the map
    assert editor.unavailable(EditorAction.COPY_PICTURE) is None
    editor.copy_picture()
    whole = clipboard_png()
    rect = editor.scene.nodes_rect()
    assert inked(whole)
    assert whole.width() / whole.height() == pytest.approx(rect.width() / rect.height(), rel=0.25)
    assert whole.width() >= rect.width()  # every party is in it, at least at 100 %
    editor.select_ids([IT])
    editor.copy_picture()
    part = clipboard_png()
    assert inked(part) and part.width() < whole.width() / 2


def test_zoom_in_out_and_fit(editor: PromiseMapEditor) -> None:
    editor.view.set_zoom(1.0)
    for action in (EditorAction.ZOOM_IN, EditorAction.ZOOM_OUT, EditorAction.ZOOM_FIT):
        assert editor.unavailable(action) is None
    editor.zoom_in()
    assert editor.view.zoom > 1.0
    editor.view.set_zoom(1.0)
    editor.zoom_out()
    assert editor.view.zoom < 1.0
    editor.view.set_zoom(4.0)
    editor.view.centerOn(editor.scene.nodes[SHOP].pos())
    assert not visible_rect(editor).contains(editor.scene.nodes_rect())
    editor.zoom_fit()
    assert visible_rect(editor).contains(editor.scene.nodes_rect())


def test_find_selects_parties_and_promises_in_any_case_and_shows_the_first(editor: PromiseMapEditor) -> None:
    model = editor.document.model
    word = "достав"
    expected = [o.id for o in [*model.segments, *model.teams] if word in o.name.lower()]
    expected += [p.id for p in model.promises if word in p.text.lower()]
    assert len(expected) >= 2
    editor.view.set_zoom(4.0)
    editor.view.centerOn(QPointF(-5000, -5000))
    assert editor.unavailable(EditorAction.FIND) is None
    assert editor.find(word.upper()) == len(expected)
    assert set(editor.selected_ids()) == set(expected)
    assert shows(editor, expected[0])
    assert editor.find("нет такого слова") == 0 and set(editor.selected_ids()) == set(expected)


def test_select_ids_brings_the_first_into_view(editor: PromiseMapEditor) -> None:
    editor.view.set_zoom(4.0)
    editor.view.centerOn(QPointF(-5000, -5000))
    editor.select_ids(["prm-042", "not-an-id"])
    assert editor.selected_ids() == ["prm-042"] and shows(editor, "prm-042")
    editor.view.centerOn(QPointF(-5000, -5000))
    editor.select_ids(["prm-042"])  # the same selection again still shows it
    assert shows(editor, "prm-042")


def test_an_empty_map_says_why_its_actions_do_not_apply(qtbot: Any) -> None:
    editor = open_editor(qtbot, m.Workshop())
    for action in (EditorAction.DELETE, EditorAction.SELECT_ALL, EditorAction.COPY_PICTURE, EditorAction.FIND):
        reason = editor.unavailable(action)
        assert isinstance(reason, str) and reason
    assert editor.unavailable(EditorAction.ZOOM_IN) is None
    assert editor.find("x") == 0


# ---------------------------------------------------------------------------------------------- language
@pytest.fixture
def translations(qapp: Any) -> Iterator[i18n.Translations]:
    translations = i18n.Translations()
    translations.apply("ru")
    QApplication.processEvents()
    yield translations
    translations.clear()
    QApplication.processEvents()


def switch(translations: i18n.Translations, language: str) -> None:
    translations.apply(language)
    for _ in range(3):  # Qt posts LanguageChange to every window; the widgets pass it to their children
        QApplication.processEvents()


def workshop_strings(workshop: m.Workshop) -> list[str]:
    """Every text of the workshop's own data, longest first."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for v in value:
                walk(v)

    walk(workshop)
    return sorted((s for s in found if s.strip()), key=len, reverse=True)


def path_of(widget: QWidget, top: QWidget) -> str:
    """Where a widget sits under `top`: class names and places among siblings (the same in every language)."""
    parts = []
    while widget is not top and widget.parent() is not None:
        parent = widget.parent()
        parts.append(f"{type(widget).__name__}{parent.children().index(widget)}")
        widget = parent
    return "/".join(reversed(parts))


def fixed_texts(editor: PromiseMapEditor) -> dict[str, str]:
    """Every text the promise map shows or offers (labels, buttons, tips, lists, headers, cells, item tooltips).

    Widgets on hidden pages are left out: they are filled again when shown."""
    texts: dict[str, str] = {}

    def put(where: str, text: str | None) -> None:
        if text:
            texts[where] = text

    for w in (editor, *editor.findChildren(QWidget)):
        if not w.isVisible():
            continue
        name = path_of(w, editor)
        put(f"{name}.toolTip", w.toolTip())
        put(f"{name}.statusTip", w.statusTip())
        if w.isWindow() and w is not editor:
            put(f"{name}.title", w.windowTitle())
        if isinstance(w, (QLabel, QAbstractButton)):
            put(f"{name}.text", w.text())
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            put(f"{name}.placeholder", w.placeholderText())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                put(f"{name}.item{i}", w.itemText(i))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                put(f"{name}.item{i}.tip", w.item(i).toolTip())
    for n, action in enumerate(editor.findChildren(QAction)):
        for what in ("text", "toolTip", "statusTip"):
            put(f"action{n}.{what}", getattr(action, what)())
    model = editor.table.source
    for col in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            put(f"header{col}.{role}", model.headerData(col, Qt.Orientation.Horizontal, role))
        for row in range(model.rowCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(row, col).data(role)
                put(f"cell{row},{col}.{role}", value if isinstance(value, str) else None)
    for node_id in editor.scene.nodes:
        put(f"tooltip:{node_id}", editor.diagram._tooltip(node_id))
    put("refusal", editor.scene.link_rule(FAMILIES, SHOP))
    return texts


def test_switching_the_language_live_reaches_every_text_of_the_promise_map(qtbot: Any, tmp_path: Any,
                                                                          translations: i18n.Translations) -> None:
    editor = open_editor(qtbot, read_workshop(sample_path()))
    doc = editor.document
    sheet = tmp_path / "promises.xlsx"
    editor.export_table(str(sheet))
    editor.view.hide_hint()  # a passing hint ("table saved") is not retranslated: it is gone in a moment
    editor.import_table(str(sheet)).accept()  # the preview's OK imports
    editor.view.hide_hint()  # "8 promises imported" passes too (a language switch takes it away)
    editor.set_color_by_value(True)  # the legend lists the values and "no root value"
    editor.ctx.push(changes.update(doc, "prm-043", status="accepted"))  # the banner: accepted, not empowered
    editor.table_panel.set_filter(status="accepted")  # the count reads "N of M promises"
    editor.select_ids(["prm-043"])
    assert editor.inspector.promise_id == "prm-043" and editor.inspector.banner.isVisible()
    editor.ctx.flush()  # the findings of the imported promises (the table's tooltips)
    QApplication.processEvents()  # the legend shows its new rows
    own = workshop_strings(doc.model)
    russian = fixed_texts(editor)
    assert "обещани" in editor.table_panel.count.text().lower() and CYRILLIC.search(editor.layout_action.text())

    switch(translations, "en")
    english = fixed_texts(editor)
    left = {}
    for where, text in english.items():
        for data in own:
            text = text.replace(data, "")
        if CYRILLIC.search(text):
            left[where] = english[where]
    assert not left, f"still in Russian after switching to English: {left}"
    shown = editor.table.proxy.rowCount()
    assert 0 < shown < len(doc.model.promises)
    assert editor.table_panel.count.text() == f"{shown} of {len(doc.model.promises)} promises"

    switch(translations, "ru")
    assert fixed_texts(editor) == russian, "a text did not come back to Russian"


def test_the_prompt_of_a_promise_being_typed_follows_the_language(qtbot: Any,
                                                                  translations: i18n.Translations) -> None:
    editor = open_editor(qtbot, read_workshop(sample_path()))
    editor.view.set_zoom(1.0)
    editor.view.centerOn(editor.scene.nodes_rect().center())
    source, target = editor.scene.nodes[LOGISTICS], editor.scene.nodes[OFFICE]
    drag(editor.view, QPointF(source.pos()), QPointF(target.pos()), modifiers=Qt.KeyboardModifier.ShiftModifier)
    entry = editor.view.viewport().findChild(QLineEdit, "promiseEntry")
    assert entry is not None and CYRILLIC.search(entry.placeholderText().replace(source.name, "").replace(
        target.name, ""))
    switch(translations, "en")
    prompt = entry.placeholderText()
    assert source.name in prompt and not CYRILLIC.search(prompt.replace(source.name, "").replace(target.name, ""))


def test_a_closed_message_box_is_never_touched_again(qtbot: Any, tmp_path: Any,
                                                     translations: i18n.Translations) -> None:
    editor = open_editor(qtbot, read_workshop(sample_path()))
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\xff\xfe not a table")
    editor.import_table(str(broken))
    box = editor.findChild(QMessageBox, "promiseMessage")
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(box.destroyed, timeout=2000):
        QTest.keyClick(box, Qt.Key.Key_Escape)  # it deletes itself on close
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    switch(translations, "en")  # nothing may reach the deleted box
    editor.retranslate()
    editor.import_table(str(broken))  # a new box, the old one not closed again
    again = editor.findChild(QMessageBox, "promiseMessage")
    assert again is not None and again.isVisible() and again.windowTitle() == "Import promises"


# ---------------------------------------------------------------------------------------------- following edits
def map_state(editor: PromiseMapEditor, positions: bool = True) -> dict[str, Any]:
    """What the map, the table, the filters, the legend and the inspector show (comparable between editors)."""
    scene = editor.scene
    table = editor.table.source
    panel = editor.table_panel
    legend = editor.legend.grid
    return {
        "nodes": {i: (n.name, n.style_key, n.centre() if positions and i not in editor.diagram.provisional else None)
                  for i, n in scene.nodes.items()},
        "provisional": set(editor.diagram.provisional),
        "edges": {i: (e.source.node_id, e.target.node_id, tuple(e.promise_ids), e.look, e.offset)
                  for i, e in scene.edges.items()},
        "halos": {e.edge_id for e in editor.diagram.halos.edges},
        "rows": [tuple(table.index(r, c).data() for c in range(table.columnCount())) for r in range(table.rowCount())],
        "filters": [[combo.itemText(i) for i in range(combo.count())]
                    for combo in (panel.team, panel.segment, panel.value, panel.status)],
        "count": panel.count.text(),
        "legend": [legend.itemAt(i).widget().text() for i in range(legend.count())],
        "inspector": editor.inspector.placeholder.text() if editor.inspector.promise_id is None else (
            editor.inspector.heading.text(), editor.inspector.parent_combo.currentData(),
            editor.inspector.supporters.text(), editor.inspector.banner.isVisible()),
        "supported": (editor.diagram.parent_link.isVisible(),
                      {i for i, e in scene.edges.items() if getattr(e, "emphasis", False)}),
        "dimmed": {i for i, e in scene.edges.items() if getattr(e, "dimmed", False)},
    }


def _restore(doc: Document) -> Any:
    from app.snapshots import restore_edit

    target = copy.deepcopy(doc.model)
    target.teams = [t for t in target.teams if t.id != IT]
    target.promises = [p for p in target.promises if IT not in (p.from_, p.to)]
    target.links = [lk for lk in target.links if IT not in (lk.from_, lk.to)]
    kept = {p.id for p in target.promises} | {t.id for t in target.teams}
    target.readings = [x for x in target.readings if x.of in kept]  # IT's figures went with it
    target.segments[0] = dataclasses.replace(target.segments[0], name="Соседи")
    target.layouts["promises"] = {SHOP: (10.0, 20.0)}
    return restore_edit(doc, target)


MAP_EDITS: dict[str, Any] = {
    "insert a promise": lambda d: changes.insert(d, m.Promise("prm-new", IT, OFFICE, "Доставим за час")),
    "insert a promise beside another (a bundle)": lambda d: changes.insert(
        d, m.Promise("prm-new", "team-026", FAMILIES, "Ещё одно", status="kept")),
    "a promise changes its status": lambda d: changes.update(d, "prm-043", status="accepted"),
    "a promise changes its promisee": lambda d: changes.update(d, "prm-045", to=FAMILIES),
    "a promise supports another": lambda d: changes.update(d, "prm-048", parent="prm-043"),
    "a promise moves in the list": lambda d: changes.move(d, "prm-047", 0),
    "delete a promise": lambda d: changes.delete(d, "prm-048"),
    "delete a team with its promises": lambda d: changes.delete(d, SHOP),
    "delete a segment with its promises": lambda d: changes.delete(d, FAMILIES),
    "insert a team": lambda d: changes.insert(d, m.Team("team-new", "Склад", "service")),
    "rename a team": lambda d: changes.update(d, IT, name="Цифра"),
    "a team changes its kind": lambda d: changes.update(d, LOGISTICS, kind="client_facing"),
    "insert a value": lambda d: changes.insert(d, m.Value("val-new", "Честность"), 0),
    "rename a value": lambda d: changes.update(d, "val-002", name="Быстрота"),
    "move a value": lambda d: changes.move(d, "val-003", 0),
    "a party placed on the map": lambda d: changes.set_position(d, "promises", FAMILIES, (-60.0, 10.0)),
    "restore a snapshot": _restore,
}

SELECTED = {"a promise supports another": ["prm-048"], "a promise changes its status": ["prm-043"],
            "rename a team": [IT], "a promise changes its promisee": [SHOP]}
"""What is selected while the edit is made (the inspector, the focus and the dotted link to a parent follow)."""


@pytest.mark.parametrize("name", list(MAP_EDITS))
def test_apply_undo_redo_leave_the_views_as_a_fresh_editor_draws_them(qtbot: Any, name: str) -> None:
    editor = open_editor(qtbot, read_workshop(sample_path()))
    editor.set_color_by_value(True)
    doc, stack = editor.document, editor.undo_stack
    selected = SELECTED.get(name, [])
    editor.select_ids(selected)
    before = map_state(editor)
    edit = MAP_EDITS[name](doc)
    assert push_edit(stack, doc, edit) is None
    after = map_state(editor)
    assert after != before, "the edit changed nothing on screen: the test would prove nothing"
    fresh = open_editor(qtbot, copy.deepcopy(doc.model))
    fresh.set_color_by_value(True)
    fresh.select_ids(selected)
    assert map_state(editor, positions=False) == map_state(fresh, positions=False)
    stack.undo()
    assert map_state(editor) == before
    stack.redo()
    assert map_state(editor) == after


def test_the_map_s_undo_steps_are_named_in_the_language_shown(qtbot: Any,
                                                               translations: i18n.Translations) -> None:
    editor = open_editor(qtbot, read_workshop(sample_path()))
    stack = editor.undo_stack
    editor.diagram.apply_layout()
    editor.select_ids([LOGISTICS, FAMILIES])  # a team and a segment: different layers
    editor.diagram.align_selected("top")
    editor.select_ids(["prm-045", IT])
    editor.delete_selection()
    names = [stack.text(i) for i in range(stack.count())]
    assert len(names) == 3 and all(CYRILLIC.search(name) for name in names), names
    switch(translations, "en")
    retranslate_commands(stack)  # what the shell does on a language change
    assert [stack.text(i) for i in range(stack.count())] == ["Arrange in layers", "Align", "Delete 2 items"]


def test_the_zoom_keys_zoom_the_map_without_a_shell(editor: PromiseMapEditor) -> None:
    editor.view.set_zoom(1.0)
    editor.view.setFocus()
    QTest.keyClick(editor.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert editor.view.zoom < 1.0
    editor.view.set_zoom(1.0)
    QTest.keyClick(editor.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert editor.view.zoom > 1.0

"""The tree of promises: value → root promise → supporting promises numbered 1, 1.1, 1.1.1 (one numbering for the
tree, the table, the map and the exports), and dragging a promise in the tree to re-parent it with one undo."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar

from app import model as m
from app.promise_tree import build_tree, number_key, promise_numbers, reparent_refusal, tree_ordered
from app.resources import sample_path
from app.workfile import read_workshop
from tests.test_promise_map_editor import open_editor
from widgets.promises.editor import PromiseMapEditor
from widgets.promises.tree import GROUP, NUMBER, PromiseTreePanel

SAMPLE_NUMBERS = {"prm-043": "1.1", "prm-046": "1.1.1", "prm-047": "1.1.2", "prm-044": "2.1", "prm-045": "2.2",
                  "prm-048": "2.3", "prm-042": "3.1", "prm-049": "3.1.1"}


def _promise(pid: str, parent: str | None = None, value: str | None = None, to: str = "s") -> m.Promise:
    return m.Promise(pid, "t", to, pid, value, parent)


# ---------------------------------------------------------------------------------------------- the core
def test_the_sample_is_numbered_value_root_supporting() -> None:
    w = read_workshop(sample_path())
    assert promise_numbers(w) == SAMPLE_NUMBERS
    tree = build_tree(w)
    assert [tree.numbers[v.id] for v in w.values] == ["1", "2", "3"]
    assert [p.id for p in tree_ordered(w)] == list(SAMPLE_NUMBERS)


def test_promises_without_a_value_form_the_last_group_and_without_values_there_is_no_value_level() -> None:
    w = m.Workshop(values=[m.Value("v1", "Скорость")],
                   promises=[_promise("a"), _promise("b", value="v1"), _promise("c", parent="a"),
                             _promise("d", value="gone")])
    assert promise_numbers(w) == {"b": "1.1", "a": "2.1", "c": "2.1.1", "d": "2.2"}
    w.values.clear()
    assert promise_numbers(w) == {"a": "1", "c": "1.1", "b": "2", "d": "3"}


def test_a_supporting_promise_sits_under_its_parent_whatever_its_value_and_loops_are_broken() -> None:
    w = m.Workshop(values=[m.Value("v1"), m.Value("v2")],
                   promises=[_promise("root", value="v1"), _promise("sup", parent="root", value="v2"),
                             _promise("x", parent="y", value="v2"), _promise("y", parent="x", value="v2")])
    numbers = promise_numbers(w)
    assert numbers["sup"] == "1.1.1"
    assert (numbers["x"], numbers["y"]) == ("2.1", "2.1.1")  # the loop broken at its first promise
    assert len(build_tree(w).order) == 4


def test_numbers_sort_as_the_tree_reads() -> None:
    assert sorted(["1.10", "1.9", "2", "1.1.1", "10.1"], key=number_key) == ["1.1.1", "1.9", "1.10", "2", "10.1"]


def test_a_promise_cannot_support_itself_or_one_that_supports_it() -> None:
    w = read_workshop(sample_path())
    assert reparent_refusal(w, "prm-043", "prm-043") == "a promise cannot support itself"
    assert reparent_refusal(w, "prm-043", "prm-046") == "a promise cannot support a promise that supports it"
    assert reparent_refusal(w, "prm-048", "prm-043") is None


def test_thirty_thousand_promises_are_numbered_in_one_pass() -> None:
    promises = [_promise(f"r{i}", value="v1") for i in range(10_000)]
    promises += [_promise(f"s{i}", parent=f"r{i}") for i in range(10_000)]
    promises += [_promise(f"t{i}", parent=f"s{i}") for i in range(10_000)]
    w = m.Workshop(values=[m.Value("v1")], promises=promises)
    numbers = promise_numbers(w)
    assert numbers["t9999"] == "1.10000.1.1" and len(numbers) == 30_000


# ---------------------------------------------------------------------------------------------- the view
@pytest.fixture
def editor(qtbot: Any) -> PromiseMapEditor:
    return open_editor(qtbot, read_workshop(sample_path()))


def _open_tree(qtbot: Any, editor: PromiseMapEditor) -> PromiseTreePanel:
    bar = editor.lower.findChild(QTabBar)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert editor.lower.currentWidget() is editor.tree_panel and editor.tree_panel.isVisible()
    editor.tree_panel.view.expandAll()
    return editor.tree_panel


def _row_text(panel: PromiseTreePanel, key: str, column: int) -> str:
    return panel.model.index_of(key, column).data()


def _drop(panel: PromiseTreePanel, dragged: str, target: str) -> QDropEvent:
    """Drop the row of `dragged` onto the row of `target` as a mouse drag does (enter, move, drop)."""
    view = panel.view
    source = panel.model.index_of(dragged)
    data: QMimeData = panel.model.mimeData([source])
    index = panel.model.index_of(target)
    view.scrollTo(index)
    pos = QPointF(view.visualRect(index).center())
    actions = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(pos.toPoint(), actions, data, buttons, mods))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(pos.toPoint(), actions, data, buttons, mods))
    drop = QDropEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(view.viewport(), drop)
    return drop


def _everywhere(editor: PromiseMapEditor, pid: str) -> tuple[str, str, str, str]:
    """A promise's number in the tree, the table's № column, on its arrow on the map, and on its hover card."""
    tree = _row_text(editor.tree_panel, pid, NUMBER)
    table = editor.table.proxy_index(pid, editor.table.source.column_of("number")).data()
    edge = editor.diagram.edge_of(pid)
    card = editor.diagram.card(edge)
    shown = card.split("№", 1)[1].split("<", 1)[0].strip() if "№" in card else ""
    return tree, table, edge.number or "", shown


def test_the_tree_tab_shows_values_roots_and_supporting_promises(qtbot: Any, editor: PromiseMapEditor) -> None:
    panel = _open_tree(qtbot, editor)
    model = panel.model
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Свежесть", "Скорость", "Доверие"]
    assert [model.index(r, NUMBER).data() for r in range(model.rowCount())] == ["1", "2", "3"]
    fresh = model.index(0, 0)
    root = model.index(0, 1, fresh)
    assert (model.index(0, NUMBER, fresh).data(), root.data()) == ("1.1", "Свежие продукты на полке к открытию")
    assert [model.index(r, 1, model.index(0, 0, fresh)).data() for r in range(2)] == [
        "Полки пополнены к 08:00", "Товар от местных производителей в день производства"]
    assert _row_text(panel, "prm-046", 2) == "Логистика" and _row_text(panel, "prm-046", 3) == "Магазин на Лесной"


def test_one_numbering_in_the_tree_the_table_and_on_the_map(qtbot: Any, editor: PromiseMapEditor) -> None:
    _open_tree(qtbot, editor)
    for pid, number in SAMPLE_NUMBERS.items():
        assert _everywhere(editor, pid) == (number, number, number, number)


def test_dragging_a_promise_onto_another_makes_it_support_that_one_with_one_undo(
        qtbot: Any, editor: PromiseMapEditor) -> None:
    panel = _open_tree(qtbot, editor)
    panel.view.collapse(panel.model.index_of(GROUP + "val-003"))
    steps = editor.undo_stack.count()
    drop = _drop(panel, "prm-048", "prm-043")  # «Кассы работают без сбоев» under «Свежие продукты на полке»
    assert drop.isAccepted()
    assert not panel.view.isExpanded(panel.model.index_of(GROUP + "val-003"))  # the tree keeps its open branches
    assert panel.view.isExpanded(panel.model.index_of(GROUP + "val-002"))
    p = editor.document.get("prm-048")
    assert (p.parent, p.value) == ("prm-043", "val-001")
    assert editor.undo_stack.count() == steps + 1
    assert _everywhere(editor, "prm-048") == ("1.1.3", "1.1.3", "1.1.3", "1.1.3")
    assert panel.view.isExpanded(panel.model.index_of("prm-043"))  # the dropped row stays in sight
    editor.undo_stack.undo()
    p = editor.document.get("prm-048")
    assert (p.parent, p.value) == (None, "val-002")
    assert _everywhere(editor, "prm-048") == ("2.3", "2.3", "2.3", "2.3")


def test_dropping_onto_a_value_makes_a_root_promise_of_that_value(qtbot: Any, editor: PromiseMapEditor) -> None:
    panel = _open_tree(qtbot, editor)
    _drop(panel, "prm-049", GROUP + "val-001")
    p = editor.document.get("prm-049")
    assert (p.parent, p.value) == (None, "val-001")
    assert _row_text(panel, "prm-049", NUMBER) == "1.2"


def test_a_loop_is_refused_with_a_message_and_nothing_changes(qtbot: Any, editor: PromiseMapEditor) -> None:
    panel = _open_tree(qtbot, editor)
    before = replace(editor.document.get("prm-043"))
    steps = editor.undo_stack.count()
    _drop(panel, "prm-043", "prm-046")  # a root under the promise that supports it
    assert editor.document.get("prm-043") == before and editor.undo_stack.count() == steps
    assert panel.message.isVisible()
    assert "loop" in panel.message.text()


def test_the_tree_follows_edits_made_elsewhere(qtbot: Any, editor: PromiseMapEditor) -> None:
    panel = _open_tree(qtbot, editor)
    editor.ctx.push(m_update("prm-047", text="Товар местных фермеров"))
    assert _row_text(panel, "prm-047", 1) == "Товар местных фермеров"
    editor.ctx.select(["prm-049"])
    assert [panel.model.key(i) for i in panel.view.selectionModel().selectedRows()] == ["prm-049"]
    panel.view.selectionModel().clearSelection()
    rect = panel.view.visualRect(panel.model.index_of("prm-046"))
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert editor.ctx.selection == ["prm-046"]
    assert editor.inspector.promise_id == "prm-046"


def m_update(pid: str, **fields: Any) -> Any:
    from app.edits import Update

    return Update("promise", pid, {k: ("", v) for k, v in fields.items()})


def test_a_click_on_the_tables_number_header_lists_the_promises_as_the_tree_reads(
        qtbot: Any, editor: PromiseMapEditor) -> None:
    table = editor.table
    column = table.source.column_of("number")
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    def shown() -> list[str]:
        return [table.proxy.index(row, column).data() for row in range(table.proxy.rowCount())]

    assert shown() == list(SAMPLE_NUMBERS.values())  # the table opens in the tree's order
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert shown() == list(reversed(SAMPLE_NUMBERS.values()))  # a click reverses it, another brings it back
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert shown() == list(SAMPLE_NUMBERS.values())


def test_the_tree_opens_its_groups_and_roots_when_its_tab_is_first_shown(qtbot: Any, editor: PromiseMapEditor) -> None:
    panel = editor.tree_panel
    assert not panel.isVisible()
    bar = editor.lower.findChild(QTabBar)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert panel.isVisible()
    groups = [panel.model.index(r, 0) for r in range(panel.model.rowCount())]
    assert groups and all(panel.view.isExpanded(group) for group in groups)
    roots = [panel.model.index(r, 0, groups[0]) for r in range(panel.model.rowCount(groups[0]))]
    assert roots and all(panel.view.isExpanded(root) for root in roots), "their supporting promises show"

"""The promise map editor: drawing promises by drag, undo, empowerment flagged at once, bundles, focus, table sync."""

from __future__ import annotations

import sys
from typing import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from app import changes
from app import model as m
from app.checks import run_checks
from app.document import Document
from app.generate import generate_workshop
from app.jsonio import read_json_file, write_json_file
from app.promise_rules import chain_of_team, promises_reaching
from app.promise_tree import number_key
from app.resources import sample_path
from cli.main import main as cli
from tests.test_diagram import NONE, click, drag, key, send_mouse
from widgets.base.undo import push_edit
from widgets.promises.editor import PromiseMapEditor
from widgets.promises.items import PromiseEdge

SHOP, DELIVERY, CARE, KITCHEN = "team-025", "team-026", "team-027", "team-028"
LOGISTICS, PURCHASING, IT, COUNCIL = "team-029", "team-030", "team-031", "team-032"
FAMILIES, OFFICE = "seg-004", "seg-005"


WINDOWS: list[QMainWindow] = []
"""The test's windows (qtbot holds them weakly). Not kept by an attribute of the editor: that makes a reference
cycle, which the garbage collector may break in the middle of the window's own paint event (a crash)."""


@pytest.fixture(autouse=True)
def _windows_live_until_the_test_ends() -> Iterator[None]:
    yield
    WINDOWS.clear()


def open_editor(qtbot, workshop: m.Workshop) -> PromiseMapEditor:
    """The editor in a window with the shell's Undo and Redo (standard keys), shown at 1400×950, zoom 100 %."""
    document = Document(workshop)
    stack = QUndoStack()
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = PromiseMapEditor(document, stack)
    window.setCentralWidget(editor)
    for action, keys in ((stack.createUndoAction(window), QKeySequence.StandardKey.Undo),
                         (stack.createRedoAction(window), QKeySequence.StandardKey.Redo)):
        action.setShortcut(keys)
        window.addAction(action)
    window.resize(1400, 950)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    editor.view.set_zoom(1.0)
    editor.view.centerOn(editor.scene.nodes_rect().center())
    editor.stack = stack
    WINDOWS.append(window)
    return editor


@pytest.fixture
def editor(qtbot) -> PromiseMapEditor:
    return open_editor(qtbot, read_json_file(sample_path()))


def centre(editor: PromiseMapEditor, node_id: str) -> QPointF:
    return QPointF(editor.scene.nodes[node_id].pos())


def type_text(widget, text: str) -> None:
    """Type `text` into a widget key by key (QTest.keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def promises_between(editor: PromiseMapEditor, a: str, b: str) -> list[m.Promise]:
    return [p for p in editor.document.model.promises if p.from_ == a and p.to == b]


# ---------------------------------------------------------------------------------------------- opening
def test_opening_draws_every_party_and_promise_and_changes_nothing(editor) -> None:
    model = editor.document.model
    assert set(editor.scene.nodes) == {o.id for o in model.segments + model.teams}
    drawn = {i for e in editor.scene.edges.values() for i in e.promise_ids}
    assert drawn == {p.id for p in model.promises}
    assert editor.stack.count() == 0 and model.layouts["promises"] == {}
    edge = editor.scene.edges["prm-045"]
    assert (edge.source.node_id, edge.target.node_id) == (KITCHEN, OFFICE)
    assert edge.look.dash == Qt.PenStyle.DashLine and edge.look.status == "draft"
    assert editor.scene.edges["prm-049"].look.glyph == "✓"  # kept
    assert not any(e.look.problem for e in editor.scene.edges.values())  # the sample is empowered


def test_first_positions_come_from_the_structure(qtbot) -> None:
    w = read_json_file(sample_path())
    w.layouts["structure"] = {SHOP: (1000.0, 40.0), FAMILIES: (1000.0, -300.0)}
    editor = open_editor(qtbot, w)
    assert centre(editor, SHOP) == QPointF(1000, 40) and centre(editor, FAMILIES) == QPointF(1000, -300)
    assert editor.document.model.layouts["promises"] == {}


# ---------------------------------------------------------------------------------------------- drawing
def test_drawing_a_promise_by_drag_then_one_ctrl_z_removes_it(editor) -> None:
    before = [p.id for p in editor.document.model.promises]
    handle = editor.scene.nodes[LOGISTICS].handle_centre()
    send_mouse(editor.view, QEvent.Type.MouseMove, handle + QPointF(0, 2), NONE, NONE)  # hover shows the handle
    drag(editor.view, handle, centre(editor, OFFICE))
    entry = editor.view.viewport().findChild(QLineEdit, "promiseEntry")
    assert entry is not None and entry.hasFocus() and "Логистика" in entry.placeholderText()
    type_text(entry, "Обеды привезём к 12:00")
    key(entry, Qt.Key.Key_Return)
    made = promises_between(editor, LOGISTICS, OFFICE)
    assert len(made) == 1 and made[0].text == "Обеды привезём к 12:00" and made[0].status == "draft"
    assert [p.id for p in editor.document.model.promises] == before + [made[0].id]
    assert editor.stack.count() == 1 and made[0].id in editor.scene.edges
    assert editor.selected_ids() == [made[0].id] and editor.table.selected_ids() == [made[0].id]
    QTest.keySequence(editor.view, QKeySequence.StandardKey.Undo)
    assert [p.id for p in editor.document.model.promises] == before
    assert made[0].id not in editor.scene.edges and editor.document.model.layouts["promises"] == {}


def test_escape_drops_the_promise_being_typed(editor) -> None:
    drag(editor.view, centre(editor, IT), centre(editor, DELIVERY), modifiers=Qt.KeyboardModifier.ShiftModifier)
    entry = editor.view.viewport().findChild(QLineEdit, "promiseEntry")
    type_text(entry, "Приложение не падает")
    key(entry, Qt.Key.Key_Escape)
    assert promises_between(editor, IT, DELIVERY) == [] and editor.stack.count() == 0


def test_a_segment_cannot_promise(editor) -> None:
    count = len(editor.document.model.promises)
    drag(editor.view, centre(editor, FAMILIES), centre(editor, SHOP), modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert "cannot promise" in editor.view.hint_text()
    assert editor.view.viewport().findChild(QLineEdit, "promiseEntry") is None
    assert len(editor.document.model.promises) == count and editor.stack.count() == 0


def test_moving_a_party_is_one_step_that_also_pins_the_others(editor) -> None:
    start = centre(editor, SHOP)
    drag(editor.view, start, start + QPointF(100, 40))
    assert editor.document.model.layouts["promises"][SHOP] == (start.x() + 100, start.y() + 40)
    assert set(editor.document.model.layouts["promises"]) == set(editor.scene.nodes)
    assert editor.document.model.layouts["structure"] == {}
    QTest.keySequence(editor.view, QKeySequence.StandardKey.Undo)
    assert centre(editor, SHOP) == start and editor.document.model.layouts["promises"] == {}


def test_deleting_a_promise_on_the_map(editor) -> None:
    edge = editor.scene.edges["prm-048"]
    click(editor.view, edge.middle())
    assert editor.selected_ids() == ["prm-048"]
    key(editor.view, Qt.Key.Key_Delete)
    assert editor.document.find("prm-048") is None and "prm-048" not in editor.scene.edges
    editor.stack.undo()
    assert editor.document.find("prm-048") is not None and "prm-048" in editor.scene.edges


# ---------------------------------------------------------------------------------------------- empowerment
def test_accepting_with_an_ungranted_resource_is_flagged_at_once(editor, tmp_path) -> None:
    editor.select_ids(["prm-043"])  # negotiating; its fridge is not granted
    inspector = editor.inspector
    assert inspector.banner.isHidden()
    combo = inspector.status
    combo.setCurrentIndex(combo.findData("accepted"))
    combo.activated.emit(combo.currentIndex())
    assert editor.document.get("prm-043").status == "accepted" and editor.stack.count() == 1
    assert not inspector.banner.isHidden() and "Холодильное оборудование" in inspector.banner.text()
    assert editor.scene.edges["prm-043"].look.problem
    assert editor.diagram.halos.edges == {editor.scene.edges["prm-043"]}  # the red halo under it
    editor.ctx.flush()
    assert "prm-043" in editor.ctx.problem_ids
    assert any(f.code == "promise-unempowered" and f.ids[0] == "prm-043" for f in run_checks(editor.document.model))
    out = tmp_path / "w.json"
    write_json_file(out, editor.document.model)
    assert cli(["check", str(out)]) == 1
    # ticking the resource in the inspector grants it: the flag goes
    grants = inspector.resources.view
    grants.item(0).setCheckState(Qt.CheckState.Checked)
    assert editor.document.get("prm-043").resources[0].granted and editor.stack.count() == 2
    assert inspector.banner.isHidden() and not editor.scene.edges["prm-043"].look.problem
    assert editor.diagram.halos.edges == set()


def test_grant_lists_by_keyboard(editor) -> None:
    editor.select_ids(["prm-046"])
    grants = editor.inspector.authorities
    grants.view.setFocus()
    key(grants.view, Qt.Key.Key_Insert)
    assert len(editor.document.get("prm-046").authorities) == 2 and editor.stack.count() == 1
    editor_line = grants.view.findChild(QLineEdit)
    assert editor_line is not None  # typing the new item's text at once
    editor_line.setText("Менять график смен")
    key(editor_line, Qt.Key.Key_Return)
    QApplication.processEvents()  # the item view commits the editor's text on its next turn
    assert editor.document.get("prm-046").authorities[1] == m.Grant("Менять график смен", False)
    key(grants.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [g.text for g in editor.document.get("prm-046").authorities] == ["Менять график смен",
                                                                            "Выбирать перевозчика"]
    key(grants.view, Qt.Key.Key_Delete)
    assert [g.text for g in editor.document.get("prm-046").authorities] == ["Выбирать перевозчика"]
    assert editor.stack.count() == 4
    editor.stack.undo()
    assert len(editor.document.get("prm-046").authorities) == 2


def test_inspector_edits_text_and_parent(editor) -> None:
    editor.select_ids(["prm-048"])
    inspector = editor.inspector
    inspector.text.setFocus()
    inspector.text.selectAll()
    type_text(inspector.text, "Кассы работают всегда")
    editor.view.setFocus()  # leaving the field commits it
    assert editor.document.get("prm-048").text == "Кассы работают всегда" and editor.stack.count() == 1
    combo = inspector.parent_combo
    combo.setCurrentIndex(combo.findData("prm-043"))
    combo.activated.emit(combo.currentIndex())
    assert editor.document.get("prm-048").parent == "prm-043"
    assert editor.diagram.parent_link.isVisible() and editor.scene.edges["prm-043"].emphasis


# ---------------------------------------------------------------------------------------------- table
def test_table_filters_and_shares_the_selection_with_the_map(editor) -> None:
    panel = editor.table_panel
    panel.set_filter(team=SHOP)
    shown = {panel.table.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2)
             for r in range(panel.table.proxy.rowCount())}
    assert shown == {p.id for p in editor.document.model.promises if SHOP in (p.from_, p.to)}
    panel.set_filter(team=None, segment=OFFICE)
    assert panel.table.proxy.rowCount() == 1
    panel.set_filter(segment=None, status="negotiating")
    assert panel.table.proxy.rowCount() == 2
    panel.set_filter(status=None, value="val-003")
    assert panel.table.proxy.rowCount() == 2
    panel.set_filter(value=None, words="кассы")
    assert panel.table.proxy.rowCount() == 1
    panel.set_filter(words="", problems_only=True)
    assert panel.table.proxy.rowCount() == 1  # the sample's one warning: logistics missed its target in 2026-11
    panel.set_filter(problems_only=False)
    assert panel.table.proxy.rowCount() == 8
    # a row selects the arrow ...
    panel.table.select_ids(["prm-047"])
    assert editor.selected_ids() == ["prm-047"] and editor.scene.edges["prm-047"].isSelected()
    # ... and a click on an arrow selects the row
    click(editor.view, editor.scene.edges["prm-044"].middle())
    assert editor.table.selected_ids() == ["prm-044"] and editor.selected_ids() == ["prm-044"]
    assert editor.inspector.promise_id == "prm-044"


def test_table_edits_in_place_are_one_step(editor) -> None:
    table = editor.table
    model = table.source
    row = model.row_of("prm-044")
    assert model.setData(model.index(row, model.column_of("target")), "90%")
    assert editor.document.get("prm-044").target == "90%" and editor.stack.count() == 1
    assert model.index(row, model.column_of("authorities")).data() == "1/1 ✓"


# ---------------------------------------------------------------------------------------------- bundles
def test_parallel_promises_are_one_bundle_that_expands(qtbot) -> None:
    w = read_json_file(sample_path())
    extra = [m.Promise(f"prm-x{i}", DELIVERY, FAMILIES, f"Ещё обещание {i}", status=s)
             for i, s in enumerate(("accepted", "draft"))]
    w.promises += extra
    editor = open_editor(qtbot, w)
    bundle = editor.scene.edges[f"bundle:{DELIVERY}>{FAMILIES}"]
    assert bundle.promise_ids == ["prm-044", "prm-x0", "prm-x1"] and bundle.look.count == 3
    assert bundle.look.status == ""  # mixed statuses
    click(editor.view, bundle.middle())
    assert set(editor.selected_ids()) == {"prm-044", "prm-x0", "prm-x1"}
    assert set(editor.table.selected_ids()) == {"prm-044", "prm-x0", "prm-x1"}
    editor.table.select_ids(["prm-x1"])  # one promise of the bundle: it opens to show that one
    assert editor.scene.edges["prm-x1"].isSelected() and not editor.scene.edges["prm-044"].isSelected()
    editor.diagram.set_expanded((DELIVERY, FAMILIES), False)
    editor.diagram.expand_all(True)
    assert {"prm-044", "prm-x0", "prm-x1"} <= set(editor.scene.edges)
    offsets = sorted(editor.scene.edges[i].offset for i in ("prm-044", "prm-x0", "prm-x1"))
    assert offsets[0] < offsets[1] < offsets[2]


# ---------------------------------------------------------------------------------------------- focus
def test_selecting_a_team_highlights_exactly_its_chain(qtbot) -> None:
    w = generate_workshop(teams=40, promises=260, links=60, segments=5, seed=5, canvases=0)
    editor = open_editor(qtbot, w)
    assert editor.diagram.highlighted_promises() is None
    checked = 0
    for team in w.teams[:12]:
        node = editor.scene.nodes[team.id]
        editor.view.centerOn(node.pos())
        click(editor.view, QPointF(node.pos()))
        assert editor.selected_ids() == [team.id]
        chain = chain_of_team(editor.document.model, team.id)
        assert editor.diagram.highlighted_promises() == chain
        dimmed = {i for e in editor.scene.edges.values() if isinstance(e, PromiseEdge) and e.dimmed
                  for i in e.promise_ids}
        assert dimmed == {p.id for p in w.promises} - chain
        checked += bool(chain) and bool(dimmed)
    assert checked >= 5
    segment = w.segments[0]
    editor.select_ids([segment.id])
    assert editor.diagram.highlighted_promises() == promises_reaching(editor.document.model, segment.id)
    editor.select_ids([])
    assert editor.diagram.highlighted_promises() is None
    assert not any(e.dimmed for e in editor.scene.edges.values() if isinstance(e, PromiseEdge))


def test_the_map_follows_edits_made_elsewhere(editor) -> None:
    doc = editor.document
    editor.ctx.push(changes.update(doc, "prm-045", to=FAMILIES, status="kept"))
    edge = editor.scene.edges["prm-045"]
    assert edge.target.node_id == FAMILIES and edge.look.status == "kept"
    editor.ctx.push(changes.delete(doc, KITCHEN))
    assert KITCHEN not in editor.scene.nodes and "prm-045" not in editor.scene.edges
    editor.stack.undo()
    assert KITCHEN in editor.scene.nodes and editor.scene.edges["prm-045"].source.node_id == KITCHEN


def test_fixes_from_the_map(editor) -> None:
    editor.ctx.flush()
    no_link = next(f for f in editor.ctx.findings if f.code == "promise-without-link")
    assert editor.apply_fix(no_link) is None
    assert any(lk.from_ == IT and lk.to == CARE for lk in editor.document.model.links)
    assert editor.fix_all("link-without-promise") is None
    editor.ctx.flush()
    assert not [f for f in editor.ctx.findings if f.code in ("link-without-promise", "promise-without-link")]
    assert editor.stack.count() == 2
    editor.stack.undo()
    editor.stack.undo()
    assert len(editor.document.model.links) == 9 and len(editor.document.model.promises) == 8


def test_import_and_export_from_the_editor_are_one_step(editor, tmp_path) -> None:
    path = tmp_path / "p.xlsx"
    editor.export_table(str(path))
    preview = editor.import_table(str(path))  # a preview first: nothing is written until its OK
    assert len(editor.document.model.promises) == 8 and editor.stack.count() == 0
    preview.accept()
    assert len(editor.document.model.promises) == 16 and editor.stack.count() == 1
    assert len(editor.scene.edges) == 8 and all(e.is_bundle for e in editor.scene.edges.values())
    editor.stack.undo()
    assert len(editor.document.model.promises) == 8 and len(editor.scene.edges) == 8


def test_selection_contract(qtbot) -> None:
    document = Document(read_json_file(sample_path()))
    editor = PromiseMapEditor(document, QUndoStack())
    qtbot.addWidget(editor)
    got: list[list[str]] = []
    editor.selection_changed.connect(got.append)
    editor.select_ids([IT, "not-an-id"])
    assert got[-1] == [IT] and editor.scene.nodes[IT].isSelected() and editor.selected_ids() == [IT]


def test_edits_after_the_editor_is_destroyed_raise_nothing(qtbot, monkeypatch) -> None:
    document = Document(read_json_file(sample_path()))
    stack = QUndoStack()
    editor = PromiseMapEditor(document, stack)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.select_ids(["prm-042"])  # the inspector shows a promise, the map a focus
    editor.ctx.push(changes.update(document, "prm-042", status="negotiating"))  # the checks are due
    with qtbot.waitSignal(editor.destroyed, timeout=2000):
        editor.deleteLater()
    errors: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _type, error, _tb: errors.append(error))
    assert push_edit(stack, document, changes.update(document, "prm-042", status="kept")) is None
    assert push_edit(stack, document, changes.delete(document, KITCHEN)) is None
    stack.undo()
    stack.redo()
    QTest.qWait(20)  # a timer that outlived the editor would fire now
    assert errors == [] and document.get("prm-042").status == "kept" and document.find(KITCHEN) is None


def test_parties_without_a_position_are_placed_clear_of_the_others(qtbot) -> None:
    from app.layout import overlapping_pairs

    w = generate_workshop(teams=260, promises=700, links=300, segments=8, seed=2, canvases=0)
    stored = set(w.layouts["promises"])
    editor = open_editor(qtbot, w)
    provisional = editor.diagram.provisional
    assert provisional == set(editor.scene.nodes) - stored and len(provisional) > 100
    pairs = overlapping_pairs(editor.scene.centres(), editor.scene.sizes())
    assert not [p for p in pairs if provisional.intersection(p)]
    assert editor.stack.count() == 0 and set(editor.document.model.layouts["promises"]) == stored


def test_double_clicks_rename_a_party_and_open_a_bundle(qtbot) -> None:
    from tests.test_diagram import double_click

    w = read_json_file(sample_path())
    w.promises.append(m.Promise("prm-x", DELIVERY, FAMILIES, "Привезём в удобный час"))
    editor = open_editor(qtbot, w)
    double_click(editor.view, centre(editor, IT))
    line = editor.view.viewport().findChild(QLineEdit, "inlineNameEditor")
    assert line is not None and line.text() == "ИТ"
    line.setText("Цифровая команда")
    key(line, Qt.Key.Key_Return)
    assert editor.document.get(IT).name == "Цифровая команда" and editor.scene.nodes[IT].name == "Цифровая команда"
    bundle = editor.scene.edges[f"bundle:{DELIVERY}>{FAMILIES}"]
    double_click(editor.view, bundle.middle())
    assert {"prm-044", "prm-x"} <= set(editor.scene.edges)
    double_click(editor.view, editor.scene.edges["prm-042"].middle())
    qtbot.waitUntil(editor.inspector.text.hasFocus, timeout=1000)
    assert editor.inspector.promise_id == "prm-042"


def test_align_selected_parties_is_one_step(editor) -> None:
    for node_id in (LOGISTICS, IT):
        click(editor.view, centre(editor, node_id), Qt.KeyboardModifier.ControlModifier)
    assert set(editor.selected_ids()) == {LOGISTICS, IT}
    editor.diagram.align_selected("top")
    assert editor.stack.count() == 1 and centre(editor, LOGISTICS).y() == centre(editor, IT).y()


def test_context_menu_offers_the_fixes(editor) -> None:
    from PySide6.QtWidgets import QMenu

    editor.ctx.flush()
    menu = QMenu()
    editor._edge_menu(menu, editor.scene.edges["prm-049"])  # ИТ → Служба заботы has no structure link
    fix = next(a for a in menu.actions() if a.text() == "Add the missing structure link")
    fix.trigger()
    assert any(lk.from_ == IT and lk.to == CARE for lk in editor.document.model.links) and editor.stack.count() == 1
    menu = QMenu()
    editor._node_menu(menu, editor.scene.nodes[IT])  # ИТ serves Доставка in the structure without a promise
    draft = next(a for a in menu.actions() if a.text().startswith("Draft the promises"))
    draft.trigger()
    drafted = promises_between(editor, IT, DELIVERY)
    assert len(drafted) == 1 and drafted[0].status == "draft" and editor.stack.count() == 2
    editor.ctx.flush()
    menu = QMenu()
    editor._background_menu(menu)
    assert any(a.text().startswith("Draft every missing promise (1)") for a in menu.actions())


def test_deleting_a_party_on_the_map_takes_its_promises_and_one_undo_restores_all(editor) -> None:
    before = {p.id: (p.from_, p.to, p.parent) for p in editor.document.model.promises}
    click(editor.view, centre(editor, SHOP))
    key(editor.view, Qt.Key.Key_Delete)
    model = editor.document.model
    assert editor.document.find(SHOP) is None and SHOP not in editor.scene.nodes
    assert {p.id for p in model.promises} == {"prm-042", "prm-044", "prm-045", "prm-049"}
    assert set(editor.scene.edges) == {"prm-042", "prm-044", "prm-045", "prm-049"}
    assert editor.stack.count() == 1
    QTest.keySequence(editor.view, QKeySequence.StandardKey.Undo)
    assert {p.id: (p.from_, p.to, p.parent) for p in editor.document.model.promises} == before
    assert {i for e in editor.scene.edges.values() for i in e.promise_ids} == set(before)
    assert editor.document.model.layouts["promises"] == {}


def test_table_opens_in_the_tree_order_and_keeps_the_users_own_sort(editor) -> None:
    table = editor.table
    number = table.source.column_of("number")
    shown = [table.proxy.index(r, number).data() for r in range(table.proxy.rowCount())]
    assert shown == sorted(shown, key=number_key) and shown[0] == "1.1"
    assert shown != [table.source.numbers()[p.id] for p in editor.document.model.promises]  # not the file's order
    # a click on the «Who promises» header sorts by it, and the tree order does not come back on its own
    header = table.horizontalHeader()
    column = table.source.column_of("from")
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2))
    assert header.sortIndicatorSection() == column
    names = [table.proxy.index(r, column).data() for r in range(table.proxy.rowCount())]
    assert names == sorted(names)
    # the selection still goes both ways
    table.select_ids(["prm-047"])
    assert editor.selected_ids() == ["prm-047"]
    click(editor.view, editor.scene.edges["prm-044"].middle())
    assert table.selected_ids() == ["prm-044"]


def test_a_new_supporting_promise_takes_its_place_in_the_sorted_table_and_only_renumbered_rows_are_told(
        editor) -> None:
    table, doc = editor.table, editor.document
    number = table.source.column_of("number")
    told: list[int] = []
    table.source.dataChanged.connect(lambda first, last: told.extend(range(first.row(), last.row() + 1))
                                     if first.column() <= number <= last.column() else None)
    root = next(p for p in doc.model.promises if p.id == table.source.id_at(
        table.proxy.mapToSource(table.proxy.index(0, number)).row()))  # the promise numbered 1.1
    team = next(t.id for t in doc.model.teams if t.id != root.from_ and t.kind == "service")
    push_edit(editor.undo_stack, doc, changes.insert(doc, m.Promise("prm-new", team, root.from_, "Новое",
                                                                    parent=root.id, value=root.value)))
    shown = [table.proxy.index(r, number).data() for r in range(table.proxy.rowCount())]
    assert shown == sorted(shown, key=number_key), "the sorted table keeps the tree's order after an insert"
    new_row = table.proxy.mapFromSource(table.source.index(table.source.row_of("prm-new"), number)).row()
    assert shown[new_row].startswith("1.1.") and new_row <= 3
    assert len(told) <= 2, "only the renumbered promises are told, not every row of the register"


def test_the_promise_text_keeps_room_in_the_table_on_a_laptop_wide_page(qtbot) -> None:
    """The Promise column stretches; beside the fixed columns it keeps enough room to read the promise."""
    editor = open_editor(qtbot, read_json_file(sample_path()))
    editor.window().resize(1300, 900)  # the map page of a 1920-wide window beside the stages
    qtbot.waitUntil(lambda: editor.table.viewport().width() < 1300)
    table = editor.table
    text = table.source.column_of("text")
    assert table.columnWidth(text) >= 0.15 * table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()

"""The structure editor: gestures become one edit each, undo brings things back, the diagram follows the document."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication, QImage, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit

from app import changes
from app import model as m
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from tests.test_diagram import LEFT, NONE, click, double_click, drag, key, send_mouse
from widgets.base.undo import push_edit
from widgets.diagram import palette as palette_module
from widgets.diagram.inline_edit import InlineNameEditor
from widgets.diagram.items import NodeItem
from widgets.structure import StructureEditor
from widgets.structure.parties import indicator_met, link_problem

SHOP, DELIVERY, CARE, KITCHEN = "team-025", "team-026", "team-027", "team-028"
LOGISTICS, PURCHASING, IT, COUNCIL = "team-029", "team-030", "team-031", "team-032"
FAMILIES, OFFICE = "seg-004", "seg-005"


@pytest.fixture
def undo_stack():
    """An undo stack emptied at the end of the test, while its editor is alive.

    A stack still holding commands when Python's cycle collector frees it crashes in ~QUndoStack (a window's stack
    is a child of the window and goes with it; a test's has no owner).
    """
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def editor(qtbot, undo_stack):
    """The structure editor on the bundled sample (no stored positions), shown at 1400×900, zoom 100 %."""
    document = Document(read_json_file(sample_path()))
    stack = undo_stack
    widget = StructureEditor(document, stack)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.view.set_zoom(1.0)
    widget.view.centerOn(widget.scene.nodes_rect().center())
    widget.stack = stack
    return widget


def centre(editor: StructureEditor, node_id: str) -> QPointF:
    return editor.scene.nodes[node_id].pos()


def stored(editor: StructureEditor, node_id: str) -> tuple[float, float] | None:
    return editor.document.model.layouts["structure"].get(node_id)


# ---------------------------------------------------------------------------------------------- opening
def test_opening_shows_every_party_and_link_and_changes_nothing(editor) -> None:
    model = editor.document.model
    assert set(editor.scene.nodes) == {o.id for o in model.segments + model.teams}
    assert set(editor.scene.edges) == {link.id for link in model.links}
    assert editor.stack.count() == 0 and model.layouts["structure"] == {}
    assert editor.provisional == set(editor.scene.nodes)
    segment_bottom = max(centre(editor, s.id).y() for s in model.segments)
    assert all(centre(editor, t.id).y() > segment_bottom for t in model.teams if t.kind != "council")
    shop = editor.scene.nodes[SHOP]
    assert shop.kind == "client_facing" and shop.badge.count == 3 and shop.badge.status is True  # 71 % ≥ 70 %
    assert editor.scene.nodes[FAMILIES].badge is None and not editor.scene.nodes[FAMILIES].can_link


# ---------------------------------------------------------------------------------------------- palette
def fake_drop_at(editor: StructureEditor, viewport_point: QPoint):
    """Stand in for the platform's drag loop (offscreen has none): deliver enter, move and drop to the viewport."""
    delivered = []

    def exec_drag(drag):
        viewport = editor.view.viewport()
        data = drag.mimeData()
        actions = Qt.DropAction.CopyAction
        pos = QPointF(viewport_point)
        for event in (QDragEnterEvent(viewport_point, actions, data, NONE, Qt.KeyboardModifier.NoModifier),
                      QDragMoveEvent(viewport_point, actions, data, NONE, Qt.KeyboardModifier.NoModifier),
                      QDropEvent(pos, actions, data, NONE, Qt.KeyboardModifier.NoModifier)):
            QApplication.sendEvent(viewport, event)
            delivered.append(event.isAccepted())
        return Qt.DropAction.CopyAction

    return exec_drag, delivered


def test_palette_drop_creates_one_node_of_that_kind_where_dropped(editor, monkeypatch) -> None:
    target = QPoint(300, 120)
    exec_drag, delivered = fake_drop_at(editor, target)
    monkeypatch.setattr(palette_module, "exec_drag", exec_drag)
    started = []
    button = editor.kind_palette.button("service")
    button.dragged.connect(lambda kind, drag: started.append((kind, bytes(drag.mimeData().data(
        palette_module.PARTY_MIME).data()))))
    teams_before = len(editor.document.model.teams)
    for kind, pos, buttons in ((QEvent.Type.MouseButtonPress, QPoint(20, 20), LEFT),
                               (QEvent.Type.MouseMove, QPoint(40, 30), LEFT),
                               (QEvent.Type.MouseMove, QPoint(80, 40), LEFT)):
        from PySide6.QtGui import QMouseEvent

        QApplication.sendEvent(button, QMouseEvent(kind, QPointF(pos), QPointF(button.mapToGlobal(pos)),
                                                   LEFT, buttons, Qt.KeyboardModifier.NoModifier))
    assert started == [("service", b"service")] and all(delivered)
    teams = editor.document.model.teams
    assert len(teams) == teams_before + 1
    new = teams[-1]
    assert new.kind == "service"
    where = editor.view.mapToScene(target)
    assert stored(editor, new.id) == pytest.approx((where.x(), where.y()))
    assert editor.scene.nodes[new.id].centre() == pytest.approx((where.x(), where.y()))
    assert editor.stack.count() == 1
    # the name editor is open at once: typing and Enter names the new team
    name_editor = editor.view.viewport().findChild(InlineNameEditor)
    assert name_editor is not None and name_editor.isVisible() and name_editor.selectedText() == new.name
    name_editor.setText("Склад у дома")
    key(name_editor, Qt.Key.Key_Return)
    assert editor.document.get(new.id).name == "Склад у дома"
    assert editor.scene.nodes[new.id].name == "Склад у дома"
    editor.stack.undo()
    assert editor.document.get(new.id).name != "Склад у дома"
    editor.stack.undo()
    assert editor.document.find(new.id) is None and new.id not in editor.scene.nodes


def test_a_dropped_segment_cannot_be_linked_from(editor) -> None:
    new_id = editor.add_party("segment", QPointF(900, 0))
    assert editor.document.kind_of(new_id) == "segment"
    assert link_problem(editor.document, new_id, SHOP)


# ---------------------------------------------------------------------------------------------- dragging
def test_dragging_a_node_moves_it_and_one_undo_brings_it_back(editor) -> None:
    start = QPointF(centre(editor, SHOP))
    drag(editor.view, start, start + QPointF(120, 60))
    assert centre(editor, SHOP) == start + QPointF(120, 60)
    assert stored(editor, SHOP) == pytest.approx((start.x() + 120, start.y() + 60))
    assert editor.stack.count() == 1
    # the first gesture stores where every other node is shown, in the same step
    assert set(editor.document.model.layouts["structure"]) == set(editor.scene.nodes)
    editor.stack.undo()
    assert centre(editor, SHOP) == start
    assert editor.document.model.layouts["structure"] == {}
    editor.stack.redo()
    assert centre(editor, SHOP) == start + QPointF(120, 60)


def test_dragging_three_selected_nodes_is_one_undo_step(editor) -> None:
    ids = [LOGISTICS, PURCHASING, IT]
    starts = {i: QPointF(centre(editor, i)) for i in ids}
    click(editor.view, starts[LOGISTICS])
    click(editor.view, starts[PURCHASING], Qt.KeyboardModifier.ControlModifier)
    click(editor.view, starts[IT], Qt.KeyboardModifier.ControlModifier)
    assert set(editor.selected_ids()) == set(ids)
    drag(editor.view, starts[IT], starts[IT] + QPointF(-40, 150))
    assert all(centre(editor, i) == starts[i] + QPointF(-40, 150) for i in ids)
    assert editor.stack.count() == 1
    editor.stack.undo()
    assert all(centre(editor, i) == starts[i] for i in ids)


def test_arrow_keys_nudge_the_selection_as_one_step(editor) -> None:
    start = QPointF(centre(editor, SHOP))
    click(editor.view, start)
    key(editor.view, Qt.Key.Key_Down)
    assert centre(editor, SHOP) == start + QPointF(0, 10)
    assert editor.stack.count() == 1
    editor.stack.undo()
    assert centre(editor, SHOP) == start


# ---------------------------------------------------------------------------------------------- linking
def links_between(editor: StructureEditor, a: str, b: str) -> list[m.Link]:
    return [link for link in editor.document.model.links if link.from_ == a and link.to == b]


def test_linking_by_drag_from_the_handle_creates_one_link(editor) -> None:
    handle = editor.scene.nodes[PURCHASING].handle_centre()
    send_mouse(editor.view, QEvent.Type.MouseMove, handle + QPointF(0, 2), NONE, NONE)  # hover shows the handle
    assert editor.scene.nodes[PURCHASING].show_handle
    drag(editor.view, handle, centre(editor, KITCHEN))
    made = links_between(editor, PURCHASING, KITCHEN)
    assert len(made) == 1 and made[0].id in editor.scene.edges
    edge = editor.scene.edges[made[0].id]
    assert edge.source.node_id == PURCHASING and edge.target.node_id == KITCHEN
    assert editor.stack.count() == 1 and centre(editor, PURCHASING) == editor.scene.nodes[PURCHASING].pos()
    editor.stack.undo()
    assert not links_between(editor, PURCHASING, KITCHEN) and made[0].id not in editor.scene.edges


@pytest.mark.parametrize(("source", "target", "words"), [
    (FAMILIES, SHOP, "serves no one"),
    (SHOP, SHOP, "cannot serve itself"),
    (SHOP, FAMILIES, "already serves"),
])
def test_invalid_links_are_refused_with_a_hint(editor, source, target, words) -> None:
    links = len(editor.document.model.links)
    start = QPointF(centre(editor, source))
    end = QPointF(centre(editor, target)) + (QPointF(30, 10) if source == target else QPointF(0, 0))
    drag(editor.view, start, end, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert len(editor.document.model.links) == links and editor.stack.count() == 0
    assert words in editor.view.hint_text()
    assert centre(editor, source) == start


def test_hovering_an_invalid_target_warns_before_the_drop(editor) -> None:
    start = QPointF(centre(editor, SHOP))
    send_mouse(editor.view, QEvent.Type.MouseButtonPress, start, modifiers=Qt.KeyboardModifier.ShiftModifier)
    send_mouse(editor.view, QEvent.Type.MouseMove, start + QPointF(0, -60), NONE, LEFT)
    send_mouse(editor.view, QEvent.Type.MouseMove, QPointF(centre(editor, FAMILIES)), NONE, LEFT)
    assert "already serves" in editor.view.hint_text()
    assert editor.scene.nodes[FAMILIES].mark is not None
    send_mouse(editor.view, QEvent.Type.MouseMove, QPointF(centre(editor, OFFICE)), NONE, LEFT)
    assert editor.view.hint_text() == ""
    send_mouse(editor.view, QEvent.Type.MouseButtonRelease, QPointF(centre(editor, OFFICE)))
    assert len(links_between(editor, SHOP, OFFICE)) == 1


# ---------------------------------------------------------------------------------------------- deleting
def test_deleting_a_team_removes_its_links_and_one_undo_brings_all_back(editor) -> None:
    model = editor.document.model
    hanging = {link.id for link in model.links if SHOP in (link.from_, link.to)}
    promises = {p.id for p in model.promises if SHOP in (p.from_, p.to)}
    assert len(hanging) == 4
    click(editor.view, centre(editor, SHOP))
    key(editor.view, Qt.Key.Key_Delete)
    assert editor.document.find(SHOP) is None and SHOP not in editor.scene.nodes
    assert not hanging & {link.id for link in model.links} and not hanging & set(editor.scene.edges)
    assert not promises & {p.id for p in model.promises}
    assert editor.stack.count() == 1
    editor.stack.undo()
    assert editor.document.find(SHOP) is not None and SHOP in editor.scene.nodes
    assert hanging <= {link.id for link in model.links} and hanging <= set(editor.scene.edges)
    assert promises <= {p.id for p in model.promises}
    assert all(editor.scene.edges[i].source.node_id == SHOP or editor.scene.edges[i].target.node_id == SHOP
               for i in hanging)


def test_deleting_several_items_is_one_undo_step(editor) -> None:
    link = links_between(editor, KITCHEN, OFFICE)[0]
    editor.select_ids([CARE, LOGISTICS, link.id])
    before = len(editor.document.model.links)
    editor.delete_selection()
    assert editor.document.find(CARE) is None and editor.document.find(LOGISTICS) is None
    assert editor.document.find(link.id) is None
    assert len(editor.document.model.links) == before - 4
    assert editor.stack.count() == 1
    editor.stack.undo()
    assert len(editor.document.model.links) == before and {CARE, LOGISTICS} <= set(editor.scene.nodes)


# ---------------------------------------------------------------------------------------------- renaming
def test_double_click_renames_in_place(editor) -> None:
    double_click(editor.view, centre(editor, DELIVERY))
    name_editor = editor.view.viewport().findChild(InlineNameEditor)
    assert name_editor is not None and name_editor.text() == "Доставка"
    name_editor.setText("Доставка за час 🚀")
    key(name_editor, Qt.Key.Key_Return)
    assert editor.document.get(DELIVERY).name == "Доставка за час 🚀"
    assert editor.scene.nodes[DELIVERY].name == "Доставка за час 🚀"
    double_click(editor.view, centre(editor, DELIVERY))
    name_editor = editor.view.viewport().findChild(InlineNameEditor)
    name_editor.setText("Не то")
    key(name_editor, Qt.Key.Key_Escape)
    assert editor.document.get(DELIVERY).name == "Доставка за час 🚀"
    assert editor.stack.count() == 1


# ---------------------------------------------------------------------------------------------- following
def test_the_diagram_follows_edits_made_elsewhere_item_by_item(editor) -> None:
    items = dict(editor.scene.nodes)
    doc = editor.document
    doc.apply(changes.update(doc, IT, name="Цифровые сервисы", kind="client_facing"))
    node = editor.scene.nodes[IT]
    assert node is items[IT] and node.name == "Цифровые сервисы" and node.kind == "client_facing"
    doc.apply(changes.set_position(doc, "structure", KITCHEN, (2000.0, 40.0)))
    assert editor.scene.nodes[KITCHEN].centre() == (2000.0, 40.0)
    team = m.Team(changes.new_id(), "Финансы", "service", members=("Анна",))
    doc.apply(changes.insert(doc, team))
    assert team.id in editor.scene.nodes and team.id in editor.provisional
    assert all(editor.scene.nodes[i] is node for i, node in items.items())  # nothing rebuilt
    link = m.Link(changes.new_id(), team.id, IT)
    doc.apply(changes.insert(doc, link))
    assert editor.scene.edges[link.id].target is editor.scene.nodes[IT]


def test_layouts_are_one_undo_step_each(editor) -> None:
    model = editor.document.model
    editor.apply_layout("rings")
    assert editor.stack.count() == 1 and set(model.layouts["structure"]) == set(editor.scene.nodes)
    rings = {i: n.centre() for i, n in editor.scene.nodes.items()}
    editor.apply_layout("layers")
    assert editor.stack.count() == 2
    segment_bottom = max(centre(editor, s.id).y() for s in model.segments)
    assert all(centre(editor, t.id).y() > segment_bottom for t in model.teams if t.kind != "council")
    editor.stack.undo()
    assert {i: n.centre() for i, n in editor.scene.nodes.items()} == rings


def test_align_left_is_one_step(editor) -> None:
    editor.select_ids([SHOP, IT, OFFICE])
    editor.align_selected("left")
    lefts = {round(n.pos().x() - n.width / 2, 6) for n in editor.scene.selected_nodes()}
    assert len(lefts) == 1 and editor.stack.count() == 1


# ---------------------------------------------------------------------------------------------- inspector
def test_inspector_edits_the_model_and_undoes(editor) -> None:
    for reading in [x for x in editor.document.model.readings if x.of == SHOP]:  # without figures the badge
        editor.document.apply(changes.delete(editor.document, reading.id))  # compares the current one with the target
    click(editor.view, centre(editor, SHOP))
    inspector = editor.inspector
    assert inspector.party_id == SHOP
    name = inspector.fields["name"]
    assert isinstance(name, QLineEdit) and name.text() == "Магазин на Лесной"
    name.setText("Магазин на Лесной, 5")
    name.editingFinished.emit()
    assert editor.document.get(SHOP).name == "Магазин на Лесной, 5"
    assert editor.scene.nodes[SHOP].name == "Магазин на Лесной, 5"
    revenue = inspector.fields["economics.revenue"]
    revenue.setText("5 000 000")
    revenue.editingFinished.emit()
    assert editor.document.get(SHOP).economics.revenue == 5_000_000
    assert "".join(ch for ch in inspector.margin.text() if ch.isdigit()) == "1350000"  # in the locale's digits
    current = inspector.fields["indicator.current"]
    current.setText("60%")
    current.editingFinished.emit()
    assert editor.scene.nodes[SHOP].badge.status is False
    assert editor.stack.count() == 3
    editor.stack.undo()
    assert editor.scene.nodes[SHOP].badge.status is True and current.text() == "71%"
    editor.stack.undo()
    editor.stack.undo()
    assert editor.document.get(SHOP).name == "Магазин на Лесной" and name.text() == "Магазин на Лесной"
    revenue.setText("много")
    revenue.editingFinished.emit()
    assert "not a number" in editor.view.hint_text() and editor.stack.index() == 0


def test_inspector_shows_a_segment_and_a_placeholder(editor) -> None:
    editor.select_ids([FAMILIES])
    assert editor.inspector.party_id == FAMILIES and editor.inspector.segment_form.isVisible()
    assert not editor.inspector.team_form.isVisible()
    editor.select_ids([FAMILIES, SHOP])
    assert editor.inspector.party_id is None and "2 items" in editor.inspector.placeholder.text()


# ---------------------------------------------------------------------------------------------- contract
def test_selection_contract(editor) -> None:
    seen = []
    editor.selection_changed.connect(seen.append)
    click(editor.view, centre(editor, SHOP))
    assert seen[-1] == [SHOP]
    editor.select_ids([IT, "no-such-id"])
    assert editor.selected_ids() == [IT] and seen[-1] == [SHOP]  # select_ids does not echo back


def test_copy_picture_of_the_selection_and_of_the_view(editor) -> None:
    editor.select_ids([SHOP])
    editor.copy_picture()
    one = QGuiApplication.clipboard().image()
    assert not one.isNull() and one.width() >= 2 * 180 and one.width() < 2 * 300
    editor.scene.clearSelection()
    editor.copy_picture()
    whole = QGuiApplication.clipboard().image()
    assert whole.width() >= 2 * editor.view.viewport().width()


def test_edits_after_the_editor_is_destroyed_raise_nothing(qtbot) -> None:
    document = Document(read_json_file(sample_path()))
    widget = StructureEditor(document, QUndoStack())
    errors: list[BaseException] = []
    with qtbot.captureExceptions() as caught:
        widget.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(widget))
        document.apply(changes.update(document, SHOP, name="Магазин у дома"))
        document.apply(changes.delete(document, CARE))
        document.apply(changes.set_position(document, "structure", KITCHEN, (10.0, 20.0)))
        errors.extend(value for _type, value, _tb in caught)
    assert errors == [] and document.get(SHOP).name == "Магазин у дома"


def test_indicator_met_reads_free_text_figures() -> None:
    assert indicator_met(m.Indicator("Доля", "70%", "75%")) is True
    assert indicator_met(m.Indicator("Доля", "99,9%", "99,5%")) is False
    assert indicator_met(m.Indicator("Время", "≤ 15 минут", "12 минут")) is True
    assert indicator_met(m.Indicator("Обеды", "300 в день", "210 в день")) is False
    assert indicator_met(m.Indicator("Выручка", "4 200 000 ₽", "4 500 000 ₽")) is True
    assert indicator_met(m.Indicator("", "", "")) is None
    assert indicator_met(m.Indicator("NPS", "высокий", "50")) is None


def test_palette_click_adds_a_party_in_view_clear_of_others(editor) -> None:
    editor.kind_palette.button("client_facing").click()
    new = editor.document.model.teams[-1]
    assert new.kind == "client_facing" and editor.stack.count() == 1
    node = editor.scene.nodes[new.id]
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert visible.contains(node.pos())
    assert not any(other is not node and other.sceneBoundingRect().intersects(node.rect.translated(node.pos()))
                   for other in editor.scene.nodes.values())
    editor.view.viewport().findChild(InlineNameEditor).cancel()


def test_snap_to_grid_switch_and_distribute(editor) -> None:
    editor.snap_action.trigger()
    assert editor.scene.snapping and editor.view.show_grid
    start = QPointF(centre(editor, CARE))
    drag(editor.view, start, start + QPointF(33, 47))
    x, y = stored(editor, CARE)
    assert x % 20 == 0 and y % 20 == 0
    editor.snap_action.trigger()
    assert not editor.scene.snapping
    editor.select_ids([PURCHASING])
    key(editor.view, Qt.Key.Key_Right)  # one of three evenly spaced teams moves off
    editor.select_ids([LOGISTICS, PURCHASING, IT])
    editor.distribute_selected("horizontal")
    xs = sorted(centre(editor, i).x() for i in (LOGISTICS, PURCHASING, IT))
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1]) and editor.stack.count() == 3


def test_a_team_made_elsewhere_is_placed_and_stored_with_the_next_gesture(editor) -> None:
    editor.apply_layout("layers")
    doc = editor.document
    team = m.Team(changes.new_id(), "Финансы", "service")
    doc.apply(changes.insert(doc, team))
    doc.apply(changes.insert(doc, m.Link(changes.new_id(), team.id, SHOP)))
    assert team.id in editor.provisional and stored(editor, team.id) is None
    node = editor.scene.nodes[team.id]
    assert node.pos().y() > centre(editor, SHOP).y()  # placed below what it serves
    start = QPointF(centre(editor, CARE))
    drag(editor.view, start, start + QPointF(0, -30))
    assert stored(editor, team.id) == node.centre() and not editor.provisional


def test_tooltip_tells_what_matters(editor) -> None:
    text = editor.scene.help_requested(SHOP)
    assert text.startswith("Client-facing team: Магазин на Лесной")
    assert "3 member(s)" in text and "71% of 70% (met) · 2026-11" in text  # the latest figure, as the badge
    assert editor.scene.help_requested(FAMILIES).startswith("Client segment: Молодые семьи")


def test_clicking_an_arrow_selects_the_link_and_delete_removes_only_it(editor) -> None:
    link = links_between(editor, KITCHEN, OFFICE)[0]
    middle = editor.scene.edges[link.id].line.pointAt(0.5)
    click(editor.view, middle)
    assert editor.selected_ids() == [link.id]
    key(editor.view, Qt.Key.Key_Delete)
    assert editor.document.find(link.id) is None and editor.document.find(KITCHEN) is not None
    assert link.id not in editor.scene.edges and editor.stack.count() == 1
    editor.stack.undo()
    assert link.id in editor.scene.edges


def test_the_name_editor_follows_the_view_and_zooming_commits(editor) -> None:
    editor.rename(DELIVERY)
    name_editor = editor.view.viewport().findChild(InlineNameEditor)
    before = name_editor.geometry().center()
    editor.view.horizontalScrollBar().setValue(editor.view.horizontalScrollBar().value() + 50)
    assert name_editor.geometry().center().x() == pytest.approx(before.x() - 50, abs=2)
    name_editor.setText("Доставка 24/7")
    editor.view.zoom_in()
    assert editor.document.get(DELIVERY).name == "Доставка 24/7"


def test_an_empty_workshop_starts_from_the_palette(qtbot, undo_stack) -> None:
    document = Document(m.Workshop())
    stack = undo_stack
    widget = StructureEditor(document, stack)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.apply_layout("layers")
    assert stack.count() == 0
    segment = widget.add_party("segment", QPointF(0, 0))
    widget.view.viewport().findChild(InlineNameEditor).commit()
    team = widget.add_party("client_facing", QPointF(0, 200))
    widget.view.viewport().findChild(InlineNameEditor).commit()
    widget.view.set_zoom(1.0)
    widget.view.centerOn(0, 100)
    drag(widget.view, QPointF(0, 200), QPointF(0, 0), modifiers=Qt.KeyboardModifier.AltModifier)
    assert [(link.from_, link.to) for link in document.model.links] == [(team, segment)]
    assert stack.count() == 3


def test_the_zoomed_out_drawing_follows_kinds_and_indicators(editor) -> None:
    editor.view.set_zoom(0.3)
    editor.view.viewport().repaint()
    renders = editor.view.overview.renders
    doc = editor.document
    doc.apply(changes.update(doc, SHOP, name="Магазин"))  # a name is not drawn this small: nothing to redraw
    editor.view.viewport().repaint()
    assert editor.view.overview.renders == renders
    doc.apply(changes.update(doc, COUNCIL, indicator=m.Indicator("Доля", "70%", "80%")))  # a team without figures
    editor.view.viewport().repaint()
    assert editor.view.overview.renders == renders + 1


def test_an_undo_in_the_middle_of_a_drag_ends_the_drag(editor) -> None:
    new_id = editor.add_party("service", QPointF(1200, 300))
    editor.view.viewport().findChild(InlineNameEditor).cancel()
    editor.view.centerOn(1200, 300)
    send_mouse(editor.view, QEvent.Type.MouseButtonPress, QPointF(1200, 300))
    send_mouse(editor.view, QEvent.Type.MouseMove, QPointF(1260, 350), NONE, LEFT)
    assert editor.scene.live == {new_id}
    editor.stack.undo()  # Ctrl+Z reaches the shell's undo action while the button is still down
    assert new_id not in editor.scene.nodes and not editor.scene.live and not editor.scene.live_hidden
    send_mouse(editor.view, QEvent.Type.MouseMove, QPointF(1300, 380), NONE, LEFT)
    send_mouse(editor.view, QEvent.Type.MouseButtonRelease, QPointF(1300, 380))
    editor.view.viewport().repaint()
    assert editor.stack.count() == 1 and editor.stack.index() == 0


def screen_pixels(qtbot, widget) -> QImage:
    """What the window shows now (its backing store), after Qt has handled every pending update."""
    for _ in range(3):
        qtbot.wait(20)
    return QGuiApplication.primaryScreen().grabWindow(widget.winId()).toImage()


@pytest.mark.parametrize("zoom", [0.3, 1.0])
def test_undoing_a_layout_repaints_exactly(editor, qtbot, zoom) -> None:
    model = editor.document.model
    before = {i: n.centre() for i, n in editor.scene.nodes.items()}
    editor.apply_layout("rings")
    editor.view.set_zoom(zoom)
    screen_pixels(qtbot, editor)
    editor.stack.undo()
    shown = screen_pixels(qtbot, editor)
    nodes = [item for item in editor.scene.items() if isinstance(item, NodeItem)]
    assert sorted(n.node_id for n in nodes) == sorted(o.id for o in model.segments + model.teams)
    assert {n.node_id: n.centre() for n in nodes} == before
    editor.view.viewport().update()  # a full repaint: what the screen must have shown already
    assert screen_pixels(qtbot, editor) == shown, "the undo left ghosts of the nodes where the layout had put them"


# ---------------------------------------------------------------------------------------------- undo symmetry
def drawing(editor: StructureEditor) -> dict:
    """What the scene draws: every node (kind, name, badge, centre) and arrow (ends, offset), by id."""
    items = editor.scene.items()
    assert len([i for i in items if isinstance(i, NodeItem)]) == len(editor.scene.nodes), "a node item off the books"
    return {
        "nodes": {i: (n.kind, n.name, n.badge, tuple(round(v, 6) for v in n.centre()))
                  for i, n in editor.scene.nodes.items()},
        "edges": {i: (e.source.node_id, e.target.node_id, e.offset) for i, e in editor.scene.edges.items()},
    }


def fresh_drawing(qtbot, document: Document) -> dict:
    other = StructureEditor(document, QUndoStack())
    qtbot.addWidget(other)
    return drawing(other)


EDITS = {
    "rename and retype": lambda doc: changes.update(doc, IT, name="Цифра", kind="client_facing"),
    "members and indicator": lambda doc: changes.update(doc, SHOP, members=("Анна",),
                                                         indicator=m.Indicator("Доля", "70%", "80%")),
    "delete a team": lambda doc: changes.delete(doc, SHOP),
    "delete a segment": lambda doc: changes.delete(doc, FAMILIES),
    "add a team": lambda doc: changes.insert(doc, m.Team("team-new", "Финансы", "service")),
    "add a link": lambda doc: changes.insert(doc, m.Link("link-new", PURCHASING, KITCHEN)),
    "add the reverse of a link": lambda doc: changes.insert(doc, m.Link("link-back", SHOP, PURCHASING)),
    "retarget a link": lambda doc: changes.update(doc, next(
        link.id for link in doc.model.links if link.from_ == KITCHEN), to=FAMILIES),
    "place a node": lambda doc: changes.set_position(doc, "structure", KITCHEN, (900.0, -300.0)),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_apply_undo_redo_leave_the_scene_as_a_fresh_editor_draws_it(editor, qtbot, name) -> None:
    doc = editor.document
    original = drawing(editor)
    assert push_edit(editor.stack, doc, EDITS[name](doc), name) is None
    assert drawing(editor) == fresh_drawing(qtbot, doc) != original
    editor.stack.undo()
    assert drawing(editor) == original == fresh_drawing(qtbot, doc)
    editor.stack.redo()
    assert drawing(editor) == fresh_drawing(qtbot, doc)


def test_a_restore_of_everything_redraws_the_whole_diagram_once(editor, qtbot) -> None:
    from app.edits import Batch

    doc = editor.document
    editor.select_ids([SHOP, CARE])
    restore = Batch((changes.update(doc, SHOP, name="Лавка"), changes.delete(doc, CARE),
                     changes.set_position(doc, "structure", IT, (-700.0, 900.0))), "Restore", everything=True)
    doc.apply(restore)
    assert drawing(editor) == fresh_drawing(qtbot, doc)
    assert editor.scene.nodes[SHOP].name == "Лавка" and CARE not in editor.scene.nodes
    assert editor.selected_ids() == [SHOP]
    doc.apply(restore.inverse())
    assert drawing(editor) == fresh_drawing(qtbot, doc) and CARE in editor.scene.nodes

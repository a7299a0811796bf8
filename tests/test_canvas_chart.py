"""The canvas chart by direct manipulation: drag points, click columns, reorder and rename factors, keys."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app import changes
from tests.canvas_support import NONE, all_levels, click, double_click, drag, make_editor, sample_document, send

TO_BE, AS_IS, REFERENCE = "crv-021", "crv-020", "crv-022"
FRESH, DELIVERY, PRICE = "fac-014", "fac-018", "fac-012"


def test_dragging_a_point_sets_exactly_that_level_snapped_and_one_undo_restores_it(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    before = all_levels(doc)
    start = chart.point_pos(TO_BE, FRESH)  # at 5
    end = chart.point_pos(TO_BE, FRESH, 2.3)
    drag(chart.viewport(), start, end, release=False)
    assert doc.get(TO_BE).levels[FRESH] == 5, "nothing is committed while dragging"
    assert chart.mark.text == "2.5", "the snapped value shows while dragging"
    assert chart.items[TO_BE].getData()[1][2] == 2.5
    send(chart.viewport(), QEvent.Type.MouseButtonRelease, end)
    after = all_levels(doc)
    assert {k for k in before if before[k] != after[k]} == {(TO_BE, FRESH)}
    assert after[(TO_BE, FRESH)] == 2.5
    assert stack.count() == 1
    stack.undo()
    assert all_levels(doc) == before
    assert chart.items[TO_BE].getData()[1][2] == 5


def test_dragging_past_the_top_clamps_to_the_scale(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    start = chart.point_pos(AS_IS, DELIVERY)  # at 1
    end = QPoint(start.x(), 2)  # far above the plot
    drag(chart.viewport(), start, end)
    assert doc.get(AS_IS).levels[DELIVERY] == 5 and stack.count() == 1


def test_a_drag_that_ends_on_the_same_step_changes_nothing(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    start = chart.point_pos(TO_BE, FRESH)
    drag(chart.viewport(), start, start + QPoint(0, 60), release=False)
    drag(chart.viewport(), start + QPoint(0, 60), start + QPoint(0, 3), steps=3)
    assert stack.count() == 0 and doc.get(TO_BE).levels[FRESH] == 5
    assert chart.items[TO_BE].getData()[1][2] == 5


def test_click_in_an_empty_spot_sets_the_selected_curves_level_there(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    legend = editor.legend
    click(legend, legend.entry_rect(AS_IS).center())
    assert editor.ctx.curve_id == AS_IS
    chart = editor.chart
    click(chart.viewport(), chart.point_pos(AS_IS, DELIVERY, 3.2))
    assert doc.get(AS_IS).levels[DELIVERY] == 3.0
    assert stack.count() == 1 and editor.ctx.factor_id == DELIVERY
    assert chart.items[AS_IS].getData()[1][6] == 3.0


def test_clicking_a_point_selects_it_without_changing_it(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    seen: list[list[str]] = []
    editor.selection_changed.connect(seen.append)
    click(editor.chart.viewport(), editor.chart.point_pos(REFERENCE, PRICE))
    assert (editor.ctx.curve_id, editor.ctx.factor_id) == (REFERENCE, PRICE)
    assert seen[-1] == [REFERENCE, PRICE] and stack.count() == 0


def test_dragging_a_factor_label_sideways_reorders_the_factors(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    order = [f.id for f in doc.get("cnv-024").factors]
    start = chart.label_pos(PRICE)
    end = QPoint(chart.point_pos(TO_BE, order[3]).x(), start.y())
    drag(chart.viewport(), start, end)
    assert [f.id for f in doc.get("cnv-024").factors] == order[1:4] + [PRICE] + order[4:]
    assert stack.count() == 1
    to_be = doc.get(TO_BE)
    assert list(chart.items[TO_BE].getData()[1]) == [to_be.levels[f.id] for f in doc.get("cnv-024").factors]
    assert [f.id for f in chart.factor_axis.factors] == chart.factor_ids
    stack.undo()
    assert [f.id for f in doc.get("cnv-024").factors] == order


def test_double_clicking_a_label_renames_the_factor(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    double_click(chart.viewport(), chart.label_pos(DELIVERY))
    field = chart.findChild(QLineEdit, "factorRename")
    assert field is not None and field.text() == "Доставка"
    field.setText("Доставка за 30 минут")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert doc.get(DELIVERY).name == "Доставка за 30 минут" and stack.count() == 1
    assert chart.factor_axis.factors[6].name == "Доставка за 30 минут"


def test_escape_cancels_the_rename(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    double_click(chart.viewport(), chart.label_pos(FRESH))
    field = chart.findChild(QLineEdit, "factorRename")
    field.setText("Something else")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert doc.get(FRESH).name == "Свежесть" and stack.count() == 0


def test_keys_step_the_selected_point_walk_the_factors_and_delete_a_factor(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    click(chart.viewport(), chart.point_pos(AS_IS, FRESH))  # at 3
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    assert doc.get(AS_IS).levels[FRESH] == 4 and stack.count() == 2
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert doc.get(AS_IS).levels[FRESH] == 3.5
    qtbot.keyClick(chart, Qt.Key.Key_Tab)
    assert editor.ctx.factor_id == "fac-015" and chart.hasFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Backtab)
    assert editor.ctx.factor_id == FRESH
    before = all_levels(doc)
    qtbot.keyClick(chart, Qt.Key.Key_Delete)
    assert doc.find(FRESH) is None and not any(f == FRESH for (_c, f) in all_levels(doc))
    assert len(chart.factor_ids) == 7 and len(chart.items[TO_BE].getData()[1]) == 7
    stack.undo()  # one undo brings the factor and all its levels back
    assert all_levels(doc) == before and chart.factor_ids[2] == FRESH


def test_up_key_stops_at_the_top_of_the_scale(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    click(chart.viewport(), chart.point_pos(TO_BE, FRESH))  # at 5, the top
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    assert doc.get(TO_BE).levels[FRESH] == 5 and stack.count() == 0


def test_a_level_edit_redraws_one_curve_only(qtbot, monkeypatch) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    from widgets.canvas.items import CurveItem

    redrawn: list[str] = []
    original = CurveItem.set_data

    def spy(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        redrawn.append(self.curve_id)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(CurveItem, "set_data", spy)
    doc.apply(changes.set_level(doc, REFERENCE, FRESH, 4.5))
    assert redrawn == [REFERENCE]
    assert editor.chart.items[REFERENCE].getData()[1][2] == 4.5


def test_a_new_factor_is_a_gap_on_every_curve(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    editor.add_factor.setText("Кофе с собой")  # QTest types ASCII only
    qtbot.keyClick(editor.add_factor, Qt.Key.Key_Return)
    canvas = doc.get("cnv-024")
    assert canvas.factors[-1].name == "Кофе с собой" and stack.count() == 1
    new_id = canvas.factors[-1].id
    assert editor.ctx.factor_id == new_id and editor.add_factor.text() == ""
    for item in editor.chart.items.values():
        ys = item.getData()[1]
        assert len(ys) == 9 and math.isnan(ys[8])
    chart = editor.chart
    click(chart.viewport(), chart.point_pos(TO_BE, new_id, 4))  # create it on the to-be curve only
    assert doc.get(TO_BE).levels[new_id] == 4 and doc.get(REFERENCE).levels.get(new_id) is None


def test_a_click_with_a_hidden_selected_curve_only_hints(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    doc.apply(changes.update(doc, TO_BE, visible=False))
    editor.ctx.select(curve_id=TO_BE)
    chart = editor.chart
    assert not chart.items[TO_BE].isVisible()
    click(chart.viewport(), chart.point_pos(AS_IS, DELIVERY, 4.6))
    assert stack.count() == 0 and editor.hint.text()


def test_right_button_drag_does_nothing(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    start = chart.point_pos(TO_BE, FRESH)
    view = chart.viewport()
    send(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.RightButton)
    send(view, QEvent.Type.MouseMove, start + QPoint(0, 120), NONE, Qt.MouseButton.RightButton)
    send(view, QEvent.Type.MouseButtonRelease, start + QPoint(0, 120), Qt.MouseButton.RightButton)
    QApplication.processEvents()
    assert stack.count() == 0 and doc.get(TO_BE).levels[FRESH] == 5


def test_right_click_on_a_label_offers_the_factors_actions(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    view = chart.viewport()
    pos = chart.label_pos(DELIVERY)
    send(view, QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.RightButton)
    send(view, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.RightButton)
    menu = QApplication.activePopupWidget()
    assert menu is not None and editor.ctx.factor_id == DELIVERY
    actions = {a.text(): a for a in menu.actions() if a.text()}
    actions["Price-like: higher = dearer"].trigger()
    menu.close()
    assert doc.get(DELIVERY).higher_is_costlier and chart.grid.dear[6] and stack.count() == 1


def test_right_click_on_a_point_clears_its_level(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    view = chart.viewport()
    pos = chart.point_pos(REFERENCE, DELIVERY)
    send(view, QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.RightButton)
    send(view, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.RightButton)
    menu = QApplication.activePopupWidget()
    assert menu is not None
    next(a for a in menu.actions() if a.text().startswith("Clear this level")).trigger()
    menu.close()
    assert DELIVERY not in doc.get(REFERENCE).levels and math.isnan(chart.items[REFERENCE].getData()[1][6])


def test_the_charts_delete_key_wins_over_a_window_wide_delete_action(qtbot) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    fired: list[bool] = []
    action = QAction("Delete", editor)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: fired.append(True))
    editor.addAction(action)
    editor.activateWindow()
    chart = editor.chart
    chart.setFocus()
    editor.ctx.select(factor_id=FRESH)
    qtbot.keyClick(chart, Qt.Key.Key_Delete)
    assert doc.find(FRESH) is None and not fired

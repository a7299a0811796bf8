"""The canvas editor as the shell sees it: the Editor interface (delete, select all, copy, zoom, find, selection)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from app import changes
from app import model as m
from app.document import Document
from tests.canvas_support import click, make_editor, sample_document
from tests.editor_contract import protocol_methods, signature_mismatches
from widgets.base.editor_api import EditorAction

TO_BE, HYPER, FRESH = "crv-021", "crv-022", "fac-014"


def test_the_editor_offers_every_method_of_the_interface(qtbot) -> None:
    editor, _stack = make_editor(qtbot, sample_document())
    assert len(protocol_methods()) >= 11
    assert signature_mismatches(editor) == []


def test_delete_removes_the_picked_factor_then_nothing_until_something_is_picked(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    curves = [c.id for c in doc.get("cnv-024").curves]
    assert editor.unavailable(EditorAction.DELETE), "nothing picked yet: nothing to delete"
    editor.delete_selection()
    assert stack.count() == 0
    click(editor.chart.viewport(), editor.chart.point_pos(TO_BE, FRESH))
    assert editor.ctx.factor_id == FRESH and editor.unavailable(EditorAction.DELETE) is None
    editor.delete_selection()
    assert doc.find(FRESH) is None and stack.count() == 1 and FRESH not in editor.chart.factor_ids
    assert editor.unavailable(EditorAction.DELETE), "a second Delete must not take the curve with it"
    editor.delete_selection()
    assert [c.id for c in doc.get("cnv-024").curves] == curves and stack.count() == 1
    stack.undo()
    assert doc.find(FRESH) is not None and doc.get(TO_BE).levels[FRESH] == 5


def test_delete_removes_a_curve_picked_in_the_legend(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    click(editor.legend, editor.legend.entry_rect(HYPER).center().toPoint())
    assert editor.ctx.curve_id == HYPER and editor.unavailable(EditorAction.DELETE) is None
    editor.delete_selection()
    assert doc.find(HYPER) is None and HYPER not in editor.chart.items and stack.count() == 1
    stack.undo()
    assert HYPER in editor.chart.items and HYPER in editor.curves.rows


def test_select_all_and_zoom_are_unavailable_with_a_reason_and_change_nothing(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    editor.ctx.select(TO_BE, FRESH)
    before = editor.selected_ids()
    view_range = editor.chart.view.viewRange()
    for action in (EditorAction.SELECT_ALL, EditorAction.ZOOM_IN, EditorAction.ZOOM_OUT, EditorAction.ZOOM_FIT):
        assert editor.unavailable(action), action
    editor.select_all()
    editor.zoom_in()
    editor.zoom_out()
    editor.zoom_fit()
    assert editor.selected_ids() == before and editor.chart.view.viewRange() == view_range and stack.count() == 0
    for action in (EditorAction.FIND, EditorAction.COPY_PICTURE):
        assert editor.unavailable(action) is None, action


def test_find_selects_the_first_factor_or_curve_whose_name_holds_the_text(qtbot) -> None:
    doc = sample_document()
    editor, _stack = make_editor(qtbot, doc)
    assert editor.find("СВЕЖ") == 1 and editor.ctx.factor_id == FRESH
    assert editor.selected_ids()[-1] == FRESH
    assert editor.find("мы") == 2  # "Мы сейчас", "Мы через год"
    assert editor.ctx.curve_id == "crv-020" and editor.ctx.factor_id is None
    assert editor.unavailable(EditorAction.DELETE) is None  # the curve found is what Delete would remove
    assert editor.find("нет такого") == 0 and editor.ctx.curve_id == "crv-020"
    assert editor.find("  ") == 0


def test_find_switches_to_the_canvas_that_holds_the_name(qtbot) -> None:
    doc = sample_document()
    doc.apply(changes.insert(doc, m.Canvas("second", "Второй", factors=[m.Factor("x", "Парковка")])))
    editor, _stack = make_editor(qtbot, doc)
    assert editor.find("парков") == 1 and editor.ctx.canvas_id == "second" and editor.ctx.factor_id == "x"


def test_copy_picture_puts_a_picture_of_the_chart_on_the_clipboard(qtbot) -> None:
    editor, _stack = make_editor(qtbot, sample_document())
    QApplication.clipboard().clear()
    editor.copy_picture()
    assert QApplication.clipboard().mimeData().hasImage()
    image = QApplication.clipboard().image()
    assert image.width() >= editor.chart.width() and image.height() >= editor.chart.height()


def test_an_empty_workshop_says_why_nothing_applies(qtbot) -> None:
    editor, _stack = make_editor(qtbot, Document(m.Workshop()))
    for action in EditorAction:
        assert editor.unavailable(action), action
    assert editor.selected_ids() == [] and editor.find("a") == 0
    click(editor.create_button, QPoint(5, 5))
    assert editor.unavailable(EditorAction.COPY_PICTURE) is None


def test_the_shell_hears_whenever_delete_becomes_possible_or_not(qtbot) -> None:
    doc = sample_document()
    editor, _stack = make_editor(qtbot, doc)
    heard: list[str | None] = []
    editor.selection_changed.connect(lambda _ids: heard.append(editor.unavailable(EditorAction.DELETE)))
    assert editor.ctx.curve_id == TO_BE
    editor.find("мы через")  # the curve already drawn with: only the pick changes
    assert heard and heard[-1] is None
    click(editor.chart.viewport(), editor.chart.point_pos(TO_BE, FRESH))
    assert heard[-1] is None
    editor.delete_selection()
    assert heard[-1], "the factor is gone: the shell greys Delete out"

"""The canvas editor as a whole: several canvases, curves management, scale, quality, the editor contract, labels."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFontMetricsF, QUndoStack
from PySide6.QtWidgets import QApplication

from app import changes
from app import model as m
from app.document import Document
from app.strategy import PALETTE
from tests.canvas_support import click, grid_workshop, make_editor, sample_document

TO_BE, AS_IS, REFERENCE, LOCAL = "crv-021", "crv-020", "crv-022", "crv-023"


def test_add_rename_duplicate_and_delete_canvases(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    click(editor.buttons["duplicate"], QPoint(5, 5))
    assert len(doc.model.canvases) == 2 and editor.ctx.canvas_id == doc.model.canvases[1].id
    copy = doc.model.canvases[1]
    assert copy.title.startswith("Продуктовый ритейл у дома") and len(copy.factors) == 8
    assert editor.chooser.count() == 2 and editor.chooser.currentIndex() == 1
    editor.title.setText("После: вариант Б")
    editor.title.editingFinished.emit()
    assert copy.title == "После: вариант Б" and editor.chooser.itemText(1) == "После: вариант Б"
    click(editor.buttons["new"], QPoint(5, 5))
    assert len(doc.model.canvases) == 3
    fresh = doc.model.canvases[2]
    assert [c.kind for c in fresh.curves] == ["as_is", "to_be"] and editor.ctx.curve_id == fresh.curves[1].id
    assert [c.color for c in fresh.curves] == list(PALETTE[:2])
    click(editor.buttons["delete"], QPoint(5, 5))
    assert len(doc.model.canvases) == 2 and editor.ctx.canvas_id == copy.id
    stack.undo()  # the new canvas is back, in the chooser too
    assert len(doc.model.canvases) == 3 and editor.chooser.count() == 3
    editor.show_canvas(doc.model.canvases[0].id)
    assert editor.chart.factor_ids == [f.id for f in doc.model.canvases[0].factors]
    assert stack.count() == 4


def test_deleting_the_last_canvas_shows_the_empty_page_and_undo_brings_it_back(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    editor.delete_canvas()
    assert doc.model.canvases == [] and editor.stack.currentIndex() == 0
    stack.undo()
    assert editor.stack.currentIndex() == 1 and editor.ctx.canvas_id == "cnv-024"
    assert len(editor.chart.items) == 4


def test_an_empty_workshop_offers_to_create_a_canvas(qtbot) -> None:
    doc = Document(m.Workshop())
    editor, stack = make_editor(qtbot, doc)
    assert editor.stack.currentIndex() == 0
    editor.add_canvas()
    assert len(doc.model.canvases) == 1 and editor.stack.currentIndex() == 1 and stack.count() == 1


def test_curves_panel_adds_renames_hides_recolours_and_marks_reference(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    panel = editor.curves
    new_id = panel.add_curve("alternative")
    curve = doc.get(new_id)
    assert curve.kind == "alternative" and curve.color == PALETTE[4] and editor.ctx.curve_id == new_id
    assert new_id in editor.chart.items
    row = panel.rows[new_id]
    row.name.setText("Готовим дома")
    row.name.editingFinished.emit()
    assert curve.name == "Готовим дома"
    click(panel.rows[LOCAL].visible, QPoint(3, 3))
    assert not doc.get(LOCAL).visible and not editor.chart.items[LOCAL].isVisible()
    assert LOCAL not in [cid for cid, _r in editor.legend.entries]
    panel.update_curve(LOCAL, color=PALETTE[6])
    assert editor.chart.items[LOCAL].color.name().upper() == PALETTE[6]
    click(panel.rows[LOCAL].reference, QPoint(5, 5))
    assert doc.get(LOCAL).reference and not doc.get(REFERENCE).reference
    stack.undo()  # one undo: the reference mark moves back
    assert doc.get(REFERENCE).reference and not doc.get(LOCAL).reference
    kinds = row.kind
    kinds.setCurrentIndex(kinds.findData("competitor"))
    kinds.activated.emit(kinds.currentIndex())
    assert curve.kind == "competitor" and editor.chart.items[new_id].kind == "competitor"
    panel.move_curve(new_id, -1)
    assert [c.id for c in doc.get("cnv-024").curves][3] == new_id
    assert panel.rows_layout.indexOf(panel.rows[new_id]) == 3
    panel.delete_curve(new_id)
    assert new_id not in editor.chart.items and new_id not in panel.rows


def test_changing_the_scale_carries_levels_and_relabels_the_axis(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    index = editor.scale.findText("0–10")
    editor.scale.setCurrentIndex(index)
    editor.scale.activated.emit(index)
    canvas = doc.get("cnv-024")
    assert canvas.scale == (0, 10) and doc.get(TO_BE).levels["fac-014"] == 10
    assert editor.chart.items[TO_BE].getData()[1][2] == 10
    assert editor.chart.view.viewRange()[1][1] > 10
    assert editor.chart.grid.levels == list(range(11))  # a line at every whole level of 0–10
    assert editor.chart.level_axis._tickLevels[0][0] == (0, "not offered")
    assert stack.count() == 1
    stack.undo()
    assert canvas.scale == (0, 5) and editor.chart.items[TO_BE].getData()[1][2] == 5


def test_quality_shows_focus_divergence_and_checks(qtbot) -> None:
    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    editor.tabs.setCurrentWidget(editor.quality)
    QApplication.processEvents()
    text = editor.quality.summary.text()
    assert "Мы через год" in text and "4 of 8" in text and "Гипермаркеты" in text
    editor.quality.tagline.setText("Свежее — рядом")
    editor.quality.tagline.editingFinished.emit()
    assert doc.get("cnv-024").tagline == "Свежее — рядом" and editor.tagline.text() == "Свежее — рядом"
    editor.chart.set_level(TO_BE, "fac-014", 1.0)  # freshness now below the reference: "raise" contradicts
    QApplication.processEvents()
    messages = [editor.quality.findings.item(i).text() for i in range(editor.quality.findings.count())]
    assert any("Свежесть" in msg and "raise" in msg for msg in messages)


def test_the_editor_contract_selection(qtbot) -> None:
    doc = sample_document()
    doc.apply(changes.insert(doc, m.Canvas("second", "Второй сегмент", factors=[m.Factor("x", "Икс")])))
    editor, stack = make_editor(qtbot, doc)
    seen: list[list[str]] = []
    editor.selection_changed.connect(seen.append)
    editor.select_ids(["x"])
    assert editor.ctx.canvas_id == "second" and editor.ctx.factor_id == "x" and seen[-1] == ["x"]
    editor.select_ids([TO_BE, "fac-013"])
    assert editor.ctx.canvas_id == "cnv-024" and seen[-1] == [TO_BE, "fac-013"]
    assert editor.selected_ids() == [TO_BE, "fac-013"]


def test_a_destroyed_editor_is_never_touched_by_later_edits(qtbot) -> None:
    from widgets.canvas.editor import CanvasEditor

    doc = sample_document()
    stack = QUndoStack()
    editor = CanvasEditor(doc, stack)
    editor.show()
    editor.chart.setFocus()
    other, _ = make_editor(qtbot, doc)
    editor.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()
    with qtbot.capture_exceptions() as raised:
        doc.apply(changes.set_level(doc, TO_BE, "fac-015", 1.0))
        doc.apply(changes.insert(doc, m.Factor("late", "Поздний"), parent="cnv-024"))
        doc.apply(changes.delete(doc, "cnv-024"))
        QApplication.processEvents()
    assert raised == []
    assert other.stack.currentIndex() == 0, "the editor still alive follows the edits"


def _labels_fit(editor) -> None:  # noqa: ANN001
    axis = editor.chart.factor_axis
    polys = axis.label_polygons()
    assert len(polys) == len(axis.factors)
    for a, b in itertools.combinations(polys, 2):
        assert not a.intersects(b), "two factor names overlap"
    fm = QFontMetricsF(axis.layout.font)
    if not axis.layout.slanted:
        for lines in axis.layout.lines:
            assert all(fm.horizontalAdvance(line) <= axis.column_width() - 4 for line in lines)
    for poly, factor in zip(polys, axis.factors, strict=True):
        rect = poly.boundingRect()
        assert rect.bottom() <= axis.height() and rect.top() >= 0, factor.name
    for poly in polys:
        left = editor.chart.mapFromScene(axis.mapToScene(poly)).boundingRect().left()
        assert left >= 0, "a slanted name runs off the chart's left edge"


@pytest.mark.parametrize(("factors", "curves", "width"), [(12, 6, 1280), (30, 10, 1600), (8, 4, 1600)])
def test_factor_names_never_overlap(qtbot, factors: int, curves: int, width: int) -> None:
    doc = Document(grid_workshop(factors, curves))
    editor, _stack = make_editor(qtbot, doc, (width, 900))
    editor.chart_only.setChecked(True)  # the chart at the full width
    QApplication.processEvents()
    _labels_fit(editor)
    editor.chart_only.setChecked(False)  # and beside the side panel
    QApplication.processEvents()
    _labels_fit(editor)


def test_a_projector_sized_twelve_factor_canvas_keeps_names_horizontal(qtbot) -> None:
    doc = Document(grid_workshop(12, 6))
    editor, _stack = make_editor(qtbot, doc, (1920, 1080))
    editor.chart_only.setChecked(True)
    QApplication.processEvents()
    assert not editor.chart.factor_axis.layout.slanted
    assert editor.chart.factor_axis.layout.font.pixelSize() >= 12


def test_long_names_are_elided_not_cut_off(qtbot) -> None:
    doc = Document(grid_workshop(30, 3))
    long = "Очень длинное название фактора, которое никак не помещается в одну строку подписи"
    doc.apply(changes.update(doc, "f5", name=long))
    editor, _stack = make_editor(qtbot, doc)
    lines = editor.chart.factor_axis.layout.lines[5]
    assert lines[-1].endswith("…")
    _labels_fit(editor)


def test_tab_leaves_the_chart_after_the_last_factor(qtbot) -> None:
    doc = sample_document()
    editor, _stack = make_editor(qtbot, doc)
    chart = editor.chart
    chart.setFocus()
    editor.ctx.select(factor_id="fac-019")
    qtbot.keyClick(chart, Qt.Key.Key_Tab)
    assert editor.ctx.factor_id == "fac-019"


def test_a_long_first_name_stays_on_the_chart(qtbot) -> None:
    doc = Document(grid_workshop(30, 3))
    doc.apply(changes.update(doc, "f0", name="Расположение рядом с домом и работой"))
    editor, _stack = make_editor(qtbot, doc)
    assert editor.chart.factor_axis.layout.slanted
    _labels_fit(editor)


def test_a_change_of_language_retranslates_the_editor_in_place(qtbot) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Shouting(QTranslator):
        """Translates two strings of the editor, to see it pick the new language up."""

        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
            wanted = {("CurvesPanel", "Add curve"), ("CanvasEditor", "Chart only")}
            return source.upper() if (context, source) in wanted else ""

        def isEmpty(self) -> bool:  # noqa: N802 - Qt override; an empty translator announces no change
            return False

    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    editor.ctx.select(TO_BE, "fac-015")
    chart = editor.chart
    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: editor.curves.add_button.text() == "ADD CURVE")
        assert editor.chart_only.text() == "CHART ONLY" and editor.chart is chart, "nothing is built again"
        assert (editor.ctx.curve_id, editor.ctx.factor_id) == (TO_BE, "fac-015")
        editor.chart.set_level(TO_BE, "fac-015", 1.0)
        assert editor.chart.items[TO_BE].getData()[1][3] == 1.0 and stack.count() == 1
    finally:
        QCoreApplication.removeTranslator(translator)
        QApplication.processEvents()
    assert editor.chart_only.text() == "Chart only"

"""The canvas editor follows what each edit changed: reorders in one batch, and "everything" after a restore."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMenu

from app import changes
from app.edits import Batch, Move
from tests.canvas_support import make_editor, sample_document
from widgets.canvas.table import FIRST_CURVE, NAME

TO_BE, HYPER, FRESH, PRICE, DELIVERY = "crv-021", "crv-022", "fac-014", "fac-012", "fac-018"


def _shown(model) -> tuple[list[str], list[str]]:  # noqa: ANN001
    rows = [model.index(r, NAME).data() for r in range(model.rowCount())]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(FIRST_CURVE, model.columnCount())]
    return rows, columns


def test_a_batch_of_moves_reorders_rows_and_columns_consistently(qtbot) -> None:
    doc = sample_document()
    editor, _stack = make_editor(qtbot, doc)
    model = editor.table.model()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    canvas = doc.get("cnv-024")
    doc.apply(changes.move(doc, PRICE, 7))
    assert [f.id for f in canvas.factors].index(DELIVERY) == 5
    doc.apply(Batch((Move("factor", DELIVERY, 5, 0, "cnv-024"), Move("factor", FRESH, 2, 3, "cnv-024"),
                     Move("curve", HYPER, 2, 0, "cnv-024"))))
    assert [f.id for f in canvas.factors][:4] == [DELIVERY, "fac-013", "fac-015", FRESH]
    assert _shown(model) == ([f.name for f in canvas.factors], [c.name for c in canvas.curves])
    assert editor.chart.factor_ids == [f.id for f in canvas.factors]
    assert [editor.curves.rows_layout.itemAt(i).widget().curve_id for i in range(4)] == [c.id for c in canvas.curves]
    assert tester is not None  # it aborts the run on any inconsistent signal of the model


def test_everything_changed_redraws_the_canvas_and_keeps_the_selection(qtbot) -> None:
    doc = sample_document()
    editor, _stack = make_editor(qtbot, doc)
    editor.ctx.select(TO_BE, FRESH)
    doc.apply(Batch((changes.update(doc, FRESH, name="Свежие продукты"), changes.set_level(doc, TO_BE, FRESH, 1.0)),
                    everything=True))
    assert (editor.ctx.curve_id, editor.ctx.factor_id) == (TO_BE, FRESH)
    assert editor.chart.items[TO_BE].getData()[1][2] == 1.0
    assert "Свежие продукты" in [f.name for f in editor.chart.factor_axis.factors]
    assert editor.table.model().index(2, NAME).data() == "Свежие продукты"
    doc.apply(Batch((changes.delete(doc, FRESH),), everything=True))
    assert editor.ctx.factor_id is None and FRESH not in editor.chart.factor_ids
    assert editor.table.model().rowCount() == 7


def test_a_context_menu_closed_is_not_kept(qtbot) -> None:
    editor, _stack = make_editor(qtbot, sample_document())
    chart = editor.chart
    before = len(chart.findChildren(QMenu))
    for menu in (chart.factor_menu(FRESH), chart.point_menu(TO_BE, FRESH)):
        menu.popup(QPoint(10, 10))
        menu.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(chart.findChildren(QMenu)) == before

"""Helpers for the canvas editor's tests: the editor on a workshop, real mouse events that carry their buttons."""

from __future__ import annotations

import random

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from app import model as m
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.MouseButton.NoButton


def sample_document() -> Document:
    """The bundled sample workshop (one canvas, 8 factors, 4 curves) in a document."""
    return Document(read_json_file(sample_path()))


def long_names(n: int) -> list[str]:
    """`n` realistic factor names, some of them long."""
    base = ["Цена", "Ширина ассортимента", "Свежесть продуктов", "Скорость покупки", "Возврат без чека",
            "Акции и скидки", "Доставка за 30 минут", "Готовая еда", "Качество обслуживания",
            "Расположение рядом с домом", "Программа лояльности", "Собственная торговая марка",
            "Экологичная упаковка", "Онлайн-заказ", "Часы работы", "Персональные рекомендации"]
    return [base[i % len(base)] + ("" if i < len(base) else f" {i}") for i in range(n)]


def grid_workshop(n_factors: int, n_curves: int, seed: int = 3) -> m.Workshop:
    """One canvas of `n_factors` × `n_curves` with levels on 0–5 (the first factor price-like)."""
    rng = random.Random(seed)
    kinds = ("as_is", "to_be", "competitor", "competitor", "alternative", "competitor")
    colors = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
    factors = [m.Factor(f"f{i}", name, higher_is_costlier=i == 0) for i, name in enumerate(long_names(n_factors))]
    curves = [m.Curve(f"c{j}", f"Кривая {j}", kinds[j % len(kinds)], colors[j % len(colors)], reference=j == 2,
                      levels={f.id: rng.randint(0, 10) / 2 for f in factors}) for j in range(n_curves)]
    return m.Workshop(canvases=[m.Canvas("cv", "Канва", factors=factors, curves=curves)])


def make_editor(qtbot, document: Document, size: tuple[int, int] = (1600, 900)):  # noqa: ANN001, ANN201
    """A shown canvas editor on `document` with its own undo stack; pyqtgraph set up for synthetic drags."""
    from widgets.canvas.editor import CanvasEditor

    pg.setConfigOption("mouseRateLimit", -1)
    stack = QUndoStack()
    editor = CanvasEditor(document, stack)
    # The window owns its stack, as the main window does: a stack left to Python's garbage collector together with
    # its commands can be freed after them, and QUndoStack::clear() then deletes a command twice (a segfault).
    stack.setParent(editor)
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    editor.chart.scene().minDragTime = 0
    QApplication.processEvents()
    QApplication.processEvents()
    return editor, stack


def send(widget: QWidget, kind: QEvent.Type, pos: QPoint | QPointF, button: Qt.MouseButton = LEFT,
         buttons: Qt.MouseButton | None = None) -> None:
    """Deliver one mouse event with its buttons (QTest's move drops the pressed button)."""
    local = QPointF(pos)
    if buttons is None:
        buttons = NONE if kind == QEvent.Type.MouseButtonRelease else button
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(local)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def click(widget: QWidget, pos: QPoint | QPointF) -> None:
    """Press and release the left button at `pos`."""
    send(widget, QEvent.Type.MouseMove, pos, NONE, NONE)
    send(widget, QEvent.Type.MouseButtonPress, pos)
    send(widget, QEvent.Type.MouseButtonRelease, pos)


def double_click(widget: QWidget, pos: QPoint | QPointF) -> None:
    """A left double-click at `pos`, as Qt delivers it."""
    send(widget, QEvent.Type.MouseMove, pos, NONE, NONE)
    send(widget, QEvent.Type.MouseButtonPress, pos)
    send(widget, QEvent.Type.MouseButtonRelease, pos)
    send(widget, QEvent.Type.MouseButtonDblClick, pos)
    send(widget, QEvent.Type.MouseButtonRelease, pos)


def drag(widget: QWidget, start: QPoint | QPointF, end: QPoint | QPointF, steps: int = 6,
         release: bool = True) -> None:
    """Press at `start`, move in steps with the button held, release at `end`."""
    start, end = QPointF(start), QPointF(end)
    send(widget, QEvent.Type.MouseMove, start, NONE, NONE)
    send(widget, QEvent.Type.MouseButtonPress, start)
    for k in range(1, steps + 1):
        p = start + (end - start) * (k / steps)
        send(widget, QEvent.Type.MouseMove, p, NONE, LEFT)
    if release:
        send(widget, QEvent.Type.MouseButtonRelease, end)


def all_levels(document: Document) -> dict[tuple[str, str], float]:
    """Every (curve, factor) → level of every canvas."""
    return {(c.id, f): v for cv in document.model.canvases for c in cv.curves for f, v in c.levels.items()}

"""The mouse wheel changes a combo box only while it has the keyboard: scrolling past one never edits the workshop."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox, QWidget

from tests.test_shell_dialogs import bakery_window
from widgets.base.wheel_guard import WheelGuard, install_wheel_guard
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, english: Translations) -> Iterator[MainWindow]:
    for win in bakery_window(qtbot, tmp_path, english):
        win.new_from_sample()
        yield win


def wheel(widget: QWidget, notches: int = -1) -> None:
    """Roll the mouse wheel `notches` notches (negative: towards the user) over the middle of `widget`."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def focus_elsewhere(qtbot, window: MainWindow) -> None:
    window.workspace.page_bar.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: window.workspace.page_bar.hasFocus())


def check_wheel_needs_focus(qtbot, window: MainWindow, combo: QComboBox, value: object) -> None:
    """The wheel over `combo` changes nothing without the keyboard, and changes `value()` with it."""
    assert combo.count() >= 2 and combo.isVisible()
    focus_elsewhere(qtbot, window)
    before, steps, index = value(), window.undo_stack.count(), combo.currentIndex()
    wheel(combo, -1)
    wheel(combo, +1 if index == combo.count() - 1 else -1)
    assert combo.currentIndex() == index and value() == before and window.undo_stack.count() == steps
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo, +1 if index == combo.count() - 1 else -1)
    assert combo.currentIndex() != index and value() != before and window.undo_stack.count() == steps + 1


def test_the_wheel_over_the_promise_inspector_changes_the_parent_only_with_focus(qtbot, window: MainWindow) -> None:
    editor = window.workspace.show_page("promises").ensure_built()
    doc = window.document
    promises = doc.model.promises
    promise = max(promises, key=lambda p: sum(q.from_ == p.to and q.id != p.id for q in promises))
    editor.ctx.select([promise.id])
    combo = editor.inspector.parent_combo
    qtbot.waitUntil(combo.isVisible)
    check_wheel_needs_focus(qtbot, window, combo, lambda: doc.get(promise.id).parent)


def test_the_wheel_over_the_curves_panel_changes_a_kind_only_with_focus(qtbot, window: MainWindow) -> None:
    editor = window.workspace.show_page("canvas").ensure_built()
    editor.tabs.setCurrentWidget(editor.curves)
    curve_id, row = next(iter(editor.curves.rows.items()))
    qtbot.waitUntil(row.kind.isVisible)
    check_wheel_needs_focus(qtbot, window, row.kind, lambda: window.document.get(curve_id).kind)


def test_the_guard_is_one_per_application_and_keeps_the_wheel_from_giving_focus(qtbot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert install_wheel_guard() is install_wheel_guard()
    assert len([c for c in app.children() if isinstance(c, WheelGuard)]) == 1
    box = QSpinBox()
    qtbot.addWidget(box)
    box.show()
    assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus  # Qt's default, WheelFocus, would focus it by the wheel
    wheel(box, +1)
    assert box.value() == 0

"""The app-wide wheel guard: the mouse wheel changes a combo box, spin box or slider only while it has the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
GUARD_NAME = "wheelGuard"


def is_guarded(widget: QObject) -> bool:
    """Whether `widget` holds a value the wheel would change (a scroll bar only scrolls: it is not guarded)."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


class WheelGuard(QObject):
    """An event filter on the whole application that keeps the mouse wheel from changing values by accident.

    Scrolling a form or a panel with the wheel used to change whichever combo box, spin box or slider happened to
    pass under the pointer (a promise's parent, a curve's kind), each recorded as an edit. With the guard:

    - such a widget takes the keyboard only by a click or Tab, never by the wheel (WheelFocus becomes StrongFocus
      when the widget is polished), and
    - a wheel event over it while it does not have the keyboard is left unhandled, so Qt hands it on to the
      widgets underneath: the page or panel scrolls, or nothing happens.

    Once the user clicks into the widget, the wheel changes its value as usual.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(GUARD_NAME)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if is_guarded(watched) and not watched.hasFocus():
                event.ignore()  # not handled here: Qt offers it to the parent widgets (the page scrolls)
                return True
        elif kind == QEvent.Type.Polish and is_guarded(watched):
            keep_wheel_from_focusing(watched)
        return False


def keep_wheel_from_focusing(widget: QWidget) -> None:
    """Let a click or Tab, never the wheel, give `widget` the keyboard."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install_wheel_guard(app: QApplication | None = None) -> WheelGuard:
    """The application's one wheel guard (installed on first call; the application owns it)."""
    app = app or QApplication.instance()
    guard = app.findChild(WheelGuard, GUARD_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        for widget in QApplication.allWidgets():  # widgets polished before the guard came
            if is_guarded(widget):
                keep_wheel_from_focusing(widget)
    return guard

"""The facilitator's lock: while pointing at the drawing, the mouse cannot drag or edit it (paging still works)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

from widgets.presentation.theme import laser_cursor

GUARDED = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.DragMove,
    QEvent.Type.Drop, QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease,
})
"""What the lock eats on a guarded widget: every press, release, drag and menu (the wheel still zooms a diagram)."""


class MouseLock(QObject):
    """An event filter on the editors' viewports that, while on, eats their mouse input and shows a laser dot."""

    toggled = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on = False
        self.eaten = 0
        """How many events the lock kept from the drawing (for tests and curiosity)."""
        self.laser = True
        """Whether the pointer becomes a laser dot while locked (a read-only view keeps the arrow)."""
        self._widgets: list[QWidget] = []
        """The guarded widgets: all inside the lock's own window, so none outlives it by more than a page drop."""
        self._cursor = None

    def guard(self, widgets: list[QWidget]) -> None:
        """Put these widgets under the lock (again is harmless)."""
        for widget in widgets:
            if any(w is widget for w in self._widgets):
                continue
            self._widgets.append(widget)
            widget.installEventFilter(self)
            if self.on:
                self._point(widget)

    def set_on(self, on: bool) -> None:
        """Lock (True) or free (False) the drawing."""
        if on == self.on:
            return
        self.on = on
        for widget in self._alive():
            if on:
                self._point(widget)
            else:
                widget.unsetCursor()
        self.toggled.emit(on)

    def forget(self, widgets: list[QWidget]) -> None:
        """Take these widgets out from under the lock (their page is being dropped)."""
        for widget in widgets:
            if Shiboken.isValid(widget):
                widget.removeEventFilter(self)
                if self.on:
                    widget.unsetCursor()
        self._widgets = [w for w in self._widgets if not any(w is gone for gone in widgets)]

    def _alive(self) -> list[QWidget]:
        """The guarded widgets that still exist (an editor may have rebuilt its parts)."""
        self._widgets = [w for w in self._widgets if Shiboken.isValid(w)]
        return self._widgets

    def toggle(self) -> None:
        """Lock when free, free when locked."""
        self.set_on(not self.on)

    def _point(self, widget: QWidget) -> None:
        if not self.laser:
            return
        if self._cursor is None:
            self._cursor = laser_cursor()
        widget.setCursor(self._cursor)

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.on and ev.type() in GUARDED:
            self.eaten += 1
            ev.accept()
            return True
        return False

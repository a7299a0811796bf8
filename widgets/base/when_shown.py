"""Views that work out their figures once after a burst of edits, and only while shown (a hidden one catches up
when it is next shown)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent


class RefreshWhenShown:
    """Mixin for a QWidget with a `refresh()`: `refresh_soon()` after an edit refreshes once when the event loop is
    free, now if the widget is shown, else when it is next shown. Call `follow_when_shown()` in `__init__`."""

    _stale = False

    def follow_when_shown(self) -> None:
        """Make the timer (owned by the widget) that gathers a burst of edits into one refresh."""
        self._refresh_timer = QTimer(self, singleShot=True)  # type: ignore[call-overload]
        self._refresh_timer.timeout.connect(self._refresh_if_shown)

    def refresh_soon(self) -> None:
        """Refresh after the edits under way (once), or when next shown."""
        self._refresh_timer.start(0)

    def _refresh_if_shown(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)  # type: ignore[misc]

    def refresh(self) -> None:
        """Show the figures as they are now."""
        raise NotImplementedError

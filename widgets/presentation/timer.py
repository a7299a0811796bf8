"""The workshop timer for an agenda step: set minutes, start, pause, reset; amber in the last two minutes, red at 0.

The clock lives with the document (not the window), so that it keeps running while the facilitator leaves the
presentation to edit on the laptop and comes back. Everything is offline: a monotonic clock and a QTimer.
"""

from __future__ import annotations

import time
from typing import Callable
from weakref import WeakKeyDictionary

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QMenu, QToolButton, QWidget

from widgets.presentation import theme

WARN_MS = 2 * 60 * 1000
"""The last two minutes show amber."""
PRESETS = (5, 10, 15, 20, 30, 45, 60)
MENU_PX = 24
"""The timer menu's type at 1080 lines (as large as the pages' small print: it is chosen on the projector)."""


def menu_style(scale: float) -> str:
    """The timer menu's look for a screen `scale` times 1080 lines: roomy items, the projector's colours."""
    def px(size: float) -> int:
        return max(1, round(size * scale))

    return (f"QMenu {{ background: {theme.PAPER}; color: {theme.INK}; border: 1px solid {theme.RULE};"
            f" border-radius: {px(8)}px; padding: {px(8)}px 0px; }}"
            f" QMenu::item {{ padding: {px(10)}px {px(36)}px {px(10)}px {px(24)}px; background: transparent; }}"
            f" QMenu::item:selected {{ background: {theme.TINT}; color: {theme.INK}; }}"
            f" QMenu::separator {{ height: 1px; background: {theme.RULE}; margin: {px(6)}px {px(16)}px; }}")


def monotonic_ms() -> float:
    """Milliseconds of a clock that never jumps (the wall clock may)."""
    return time.monotonic() * 1000.0


class AgendaClock:
    """A countdown: its length, the time run so far and whether it runs; time comes from `clock` (ms)."""

    def __init__(self, clock: Callable[[], float] = monotonic_ms) -> None:
        self.clock = clock
        self.duration_ms = 0.0
        self._run_before = 0.0
        self._started: float | None = None

    @property
    def is_set(self) -> bool:
        """Whether a length was chosen."""
        return self.duration_ms > 0

    @property
    def running(self) -> bool:
        """Whether the countdown is running."""
        return self._started is not None

    def elapsed_ms(self) -> float:
        """Time run so far."""
        return self._run_before + (self.clock() - self._started if self._started is not None else 0.0)

    def remaining_ms(self) -> float:
        """Time left (negative once the step overruns)."""
        return self.duration_ms - self.elapsed_ms()

    def set_minutes(self, minutes: float) -> None:
        """A new length; the countdown starts again from it, stopped."""
        self.duration_ms = max(0.0, minutes) * 60_000.0
        self.reset()

    def add_minutes(self, minutes: float) -> None:
        """Lengthen (or shorten) the step without stopping it."""
        self.duration_ms = max(60_000.0, self.duration_ms + minutes * 60_000.0)

    def start(self) -> None:
        """Run (from where it stood)."""
        if self.is_set and self._started is None:
            self._started = self.clock()

    def pause(self) -> None:
        """Stop, keeping the time run so far."""
        if self._started is not None:
            self._run_before += self.clock() - self._started
            self._started = None

    def toggle(self) -> None:
        """Start when stopped, pause when running."""
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        """Back to the full length, stopped."""
        self._run_before = 0.0
        self._started = None

    def state(self) -> str:
        """"unset", "normal", "amber" (two minutes or less left) or "late" (at zero and beyond)."""
        if not self.is_set:
            return "unset"
        left = self.remaining_ms()
        if left <= 0:
            return "late"
        return "amber" if left <= WARN_MS else "normal"

    def text(self) -> str:
        """What the timer shows: "14:05", "0:00" at the end, "+1:20" when overrun."""
        left = self.remaining_ms()
        if left <= 0:
            over = int(-left // 1000)
            return f"+{over // 60}:{over % 60:02d}" if over else "0:00"
        seconds = int(-(-left // 1000))  # round up: 14:59.2 left shows 15:00 until a whole second has passed
        return f"{seconds // 60}:{seconds % 60:02d}"


_clocks: WeakKeyDictionary[object, AgendaClock] = WeakKeyDictionary()


def agenda_clock(document: object) -> AgendaClock:
    """The timer of a document's workshop (one per open document, kept while the document lives)."""
    found = _clocks.get(document)
    if found is None:
        found = _clocks[document] = AgendaClock()
    return found


class TimerWidget(QWidget):
    """The timer in the presentation's corner: the time (click to start or pause) and a menu for its length."""

    changed = Signal()

    def __init__(self, clock: AgendaClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.scale = 1.0
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.time = QToolButton(self)
        self.time.setObjectName("timerTime")
        self.time.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.time.clicked.connect(self.toggle)
        self.menu_button = QToolButton(self)
        self.menu_button.setObjectName("timerMenu")
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu_button.setText("▾")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setStyleSheet("QToolButton#timerMenu::menu-indicator { image: none; width: 0px; }")
        row.addWidget(self.time)
        row.addWidget(self.menu_button)
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self.tick)
        self.menu = self._menu()
        self.menu_button.setMenu(self.menu)
        self.retranslate()
        self.set_scale(1.0)

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """The tooltips, the menu and the time's caption in the current language."""
        self.menu_button.setToolTip(self.tr("Timer: set the minutes of this agenda step"))
        texts = [self.tr("%n minute(s)", "", minutes) for minutes in PRESETS]
        texts += [self.tr("Other…"), self.tr("Start or pause (T)"), self.tr("One minute more (+)"),
                  self.tr("Reset (Shift+T)"), self.tr("No timer")]
        for action, text in zip([a for a in self.menu.actions() if not a.isSeparator()], texts, strict=True):
            action.setText(text)
        self.tick()

    def _menu(self) -> QMenu:
        """The minutes and the actions of the timer (their texts come from `retranslate`)."""
        menu = QMenu(self)
        for minutes in PRESETS:
            action = menu.addAction("")
            action.triggered.connect(lambda _c=False, n=minutes: self.set_minutes(n, start=True))
        menu.addAction("").triggered.connect(self.ask_minutes)
        menu.addSeparator()
        menu.addAction("").triggered.connect(self.toggle)
        menu.addAction("").triggered.connect(lambda: self.add_minutes(1))
        menu.addAction("").triggered.connect(self.reset)
        menu.addAction("").triggered.connect(lambda: self.set_minutes(0))
        return menu

    def ask_minutes(self) -> None:
        """Ask for the step's length in minutes."""
        current = max(1, round(self.clock.duration_ms / 60_000)) if self.clock.is_set else 15
        dialog = QInputDialog(self.window())
        dialog.setWindowTitle(self.tr("Timer"))
        dialog.setLabelText(self.tr("Minutes for this step:"))
        dialog.setIntRange(1, 600)
        dialog.setIntValue(current)
        dialog.setFont(theme.font(MENU_PX * self.scale))
        if dialog.exec() == QInputDialog.DialogCode.Accepted:
            self.set_minutes(dialog.intValue(), start=True)
        dialog.deleteLater()

    def set_scale(self, scale: float) -> None:
        """Type for a screen `scale` times 1080 lines (the menu's too: it is read on the projector)."""
        self.scale = scale
        self.menu_button.setFont(theme.font(20 * scale))
        self.menu.setFont(theme.font(MENU_PX * scale))
        self.menu.setStyleSheet(menu_style(scale))
        self.tick()

    # ------------------------------------------------------------------ actions
    def set_minutes(self, minutes: float, start: bool = False) -> None:
        """A new length for the step (0: no timer); started at once when `start`."""
        self.clock.set_minutes(minutes)
        if start:
            self.clock.start()
        self.tick()

    def add_minutes(self, minutes: float) -> None:
        """Give the step more (or less) time."""
        if self.clock.is_set:
            self.clock.add_minutes(minutes)
            self.tick()

    def toggle(self) -> None:
        """Start or pause (choose a length first when there is none)."""
        if not self.clock.is_set:
            self.menu_button.showMenu()
            return
        self.clock.toggle()
        self.tick()

    def reset(self) -> None:
        """Back to the full length, stopped."""
        self.clock.reset()
        self.tick()

    # ------------------------------------------------------------------ display
    def tick(self) -> None:
        """Show the time left in the colour of its state."""
        state = self.clock.state()
        running = self.clock.running
        if running and not self.ticker.isActive():
            self.ticker.start()
        elif not running and self.ticker.isActive():
            self.ticker.stop()
        s = self.scale
        if state == "unset":
            text, color, size, bold = self.tr("Timer"), theme.FAINT, 20 * s, False
        else:
            text, color, size, bold = self.clock.text(), self.state_color(), 30 * s, True
        self.time.setText(text)
        self.time.setFont(theme.font(size, bold=bold))
        self.time.setStyleSheet(f"QToolButton#timerTime {{ color: {color}; }}")
        if state != "unset":
            width = QFontMetrics(self.time.font()).horizontalAdvance("+00:00") + round(24 * s)
            self.time.setMinimumWidth(width)
        else:
            self.time.setMinimumWidth(0)
        tip = self.tr("Click to start or pause; ▾ sets the minutes") if state != "unset" \
            else self.tr("Set a timer for this agenda step")
        self.time.setToolTip(tip)
        self.setProperty("state", state)
        self.changed.emit()

    def state_color(self) -> str:
        """The colour the time is shown in now (for tests)."""
        state = self.clock.state()
        if state == "unset":
            return theme.FAINT
        return {"normal": theme.INK if self.clock.running else theme.MUTED, "amber": theme.AMBER,
                "late": theme.LATE}[state]

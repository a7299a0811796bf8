"""The workshop timer: minutes set, start, pause, reset; amber in the last two minutes, red at zero; keeps running."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from tests.test_presentation import close, press
from widgets.presentation import PresentationWindow, theme
from widgets.presentation.timer import AgendaClock, TimerWidget, agenda_clock


class FakeClock:
    """Milliseconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds * 1000


def test_countdown_states_and_texts() -> None:
    fake = FakeClock()
    clock = AgendaClock(fake)
    assert clock.state() == "unset" and not clock.running
    clock.set_minutes(10)
    assert clock.text() == "10:00" and clock.state() == "normal" and not clock.running
    clock.start()
    fake.advance(0.4)
    assert clock.text() == "10:00", "a second not yet gone still shows the whole minute"
    fake.advance(7 * 60 + 59.6)
    assert clock.text() == "2:00" and clock.state() == "amber"
    clock.pause()
    fake.advance(300)
    assert clock.text() == "2:00", "a paused timer keeps its time"
    clock.start()
    fake.advance(120)
    assert clock.text() == "0:00" and clock.state() == "late"
    fake.advance(65)
    assert clock.text() == "+1:05" and clock.state() == "late"
    clock.add_minutes(5)
    assert clock.text() == "3:55" and clock.state() == "normal" and clock.running
    clock.reset()
    assert clock.text() == "15:00" and not clock.running


def test_the_widget_turns_amber_then_red(qtbot) -> None:
    fake = FakeClock()
    widget = TimerWidget(AgendaClock(fake))
    qtbot.addWidget(widget)
    assert widget.time.text() == "Timer" and widget.state_color() == theme.FAINT
    widget.set_minutes(5, start=True)
    assert widget.ticker.isActive() and widget.time.text() == "5:00" and widget.state_color() == theme.INK
    fake.advance(3 * 60 + 1)
    widget.tick()
    assert widget.time.text() == "1:59" and widget.state_color() == theme.AMBER
    assert theme.AMBER in widget.time.styleSheet()
    fake.advance(119)
    widget.tick()
    assert widget.time.text() == "0:00" and widget.state_color() == theme.LATE
    fake.advance(1)
    widget.tick()
    assert widget.time.text() == "+0:01" and widget.state_color() == theme.LATE
    widget.toggle()
    assert not widget.clock.running and not widget.ticker.isActive()


def test_keys_drive_the_timer_and_it_survives_leaving_the_presentation(qtbot) -> None:
    doc = Document(read_json_file(sample_path()))
    stack = QUndoStack()
    fake = FakeClock()
    agenda_clock(doc).clock = fake
    window = PresentationWindow(doc, stack)
    window.resize(1280, 720)
    window.show()
    QApplication.processEvents()
    window.footer.timer.set_minutes(15)
    press(window, Qt.Key.Key_T)
    assert agenda_clock(doc).running
    fake.advance(60)
    press(window, Qt.Key.Key_Plus)
    window.footer.timer.tick()
    assert window.footer.timer.time.text() == "15:00"
    close(window)
    fake.advance(5 * 60)
    again = PresentationWindow(doc, stack)
    again.resize(1280, 720)
    again.show()
    QApplication.processEvents()
    assert again.footer.timer.time.text() == "10:00", "the step's timer ran on while the laptop was in front"
    press(again, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    assert not agenda_clock(doc).running and again.footer.timer.time.text() == "16:00"
    close(again)

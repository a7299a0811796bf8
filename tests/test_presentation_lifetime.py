"""Presenting and leaving again and again (Esc, ×, F5), or quitting while presenting, leaves nothing behind."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow
from shiboken6 import Shiboken

from app import changes
from app.document import Document
from app.jsonio import dumps, read_json_file
from app.resources import sample_path
from tests.session_support import Trouble
from widgets.base.live import changes_of
from widgets.base.undo import push_edit
from widgets.presentation import PresentationWindow, open_presentation
from widgets.presentation.timer import agenda_clock

ROOT = Path(__file__).resolve().parent.parent
STARTS = ("goal", "canvas", "errc", "structure", "promises", "findings", "clients")
ROUNDS = 10
PLATFORM_NOISE = ("This plugin does not support",)
"""Messages of the offscreen platform itself (it cannot resize a window to its size hints), not of the app."""


def press(window: PresentationWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press as the user makes it, to the widget with the keyboard focus (the window when none has it)."""
    focus = QApplication.focusWidget()
    target = focus if focus is not None and (focus is window or window.isAncestorOf(focus)) else window
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers))
    QApplication.processEvents()


def settle() -> None:
    """Let Qt delete what asked to be deleted and run what is queued, as its event loop would."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def followers(doc: Document) -> int:
    """How many slots follow the document's change channel."""
    return changes_of(doc).receivers(SIGNAL("changed(PyObject)"))


def leave_by_esc(window: PresentationWindow) -> None:
    if window.story.page.has_user_selection() and not window.story.lock.on:
        press(window, Qt.Key.Key_Escape)  # the first Esc only lets go of the selection
    press(window, Qt.Key.Key_Escape)


LEAVING: dict[str, Callable[[PresentationWindow], None]] = {
    "Esc": leave_by_esc,
    "×": lambda window: window.close(),  # what the window's close button and the footer's ✕ do
    "F5": lambda window: press(window, Qt.Key.Key_F5),
}


@pytest.mark.parametrize("how", list(LEAVING))
def test_presenting_and_leaving_ten_times_in_a_row_leaves_nothing_behind(qtbot, caplog, how: str) -> None:
    doc = Document(read_json_file(sample_path()))
    stack = QUndoStack()
    push_edit(stack, doc, changes.update(doc, "", notes="before the session"))
    push_edit(stack, doc, changes.set_position(doc, "structure", "seg-004", (10.0, 20.0)))
    stack.undo()
    main = QMainWindow()  # the app's main window stands behind the presentation and owns it
    qtbot.addWidget(main)
    main.show()
    canvas = doc.model.canvases[0]
    curve, factor = canvas.curves[-1].id, canvas.factors[0].id
    before, history, following = dumps(doc.model), (stack.count(), stack.index()), followers(doc)
    goal = doc.model.info.evolutionary_goal
    agenda_clock(doc).set_minutes(15)  # T starts and pauses it (unset, T would open the menu of minutes)
    caplog.set_level(logging.WARNING)
    with Trouble(lambda message: not message.startswith(PLATFORM_NOISE)) as trouble:
        for round_ in range(ROUNDS):
            window = open_presentation(doc, stack, start=STARTS[round_ % len(STARTS)],
                                       screen=QGuiApplication.primaryScreen(), parent=main)
            assert isinstance(window, PresentationWindow) and window.isVisible()
            left: list[bool] = []
            window.left.connect(lambda seen=left: seen.append(True))
            QApplication.processEvents()
            press(window, Qt.Key.Key_PageDown)  # reveal or turn: pages are built, the next one ahead on a timer
            press(window, Qt.Key.Key_T if round_ % 2 else Qt.Key.Key_L)  # the timer runs, or the lock is on
            for edit in (changes.set_level(doc, curve, factor, 4.5), changes.update(doc, "", evolutionary_goal="Ф")):
                doc.apply(edit)  # edits from the laptop, followed by every page built so far
                doc.apply(edit.inverse())
            LEAVING[how](window)
            assert left == [True], f"round {round_ + 1}: the presentation was not left by {how}"
            settle()
            assert not Shiboken.isValid(window), f"round {round_ + 1}: the window still exists after {how}"
            doc.apply(changes.update(doc, "", evolutionary_goal="после"))  # nobody left behind follows it
            doc.apply(changes.update(doc, "", evolutionary_goal=goal))
            settle()
        QApplication.processEvents()
    assert trouble.errors == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PresentationWindow)]
    assert main.findChildren(PresentationWindow) == []
    assert followers(doc) == following, "every page and editor stopped following the document"
    assert dumps(doc.model) == before
    assert (stack.count(), stack.index()) == history, "presenting and leaving is not an edit"


QUIT_WHILE_PRESENTING = r"""
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from tests.session_support import Trouble
from widgets.presentation import open_presentation

app = QApplication([])
doc, stack = Document(read_json_file(sample_path())), QUndoStack()
main = QMainWindow()
main.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
main.show()
window = open_presentation(doc, stack, start="goal", parent=main)
for _ in range(30):  # every page and editor built
    window.story.next()
    app.processEvents()
window.footer.timer.set_minutes(5, start=True)
window.story.lock.set_on(True)
if sys.argv[1] == "close":  # File > Quit: the main window closes (and is deleted) with the presentation open
    QTimer.singleShot(50, main, main.close)
QTimer.singleShot(150, app, app.quit)
code = app.exec()
print("clean exit")
sys.exit(code)
"""


@pytest.mark.parametrize("how", ["close", "quit"])
def test_quitting_while_presenting_ends_the_process_cleanly(tmp_path, how: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLIENTOCRACY_DATA_DIR=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", QUIT_WHILE_PRESENTING, how], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"exit code {proc.returncode} (a negative one is a signal):\n{proc.stderr[-3000:]}"
    assert proc.stdout.strip().endswith("clean exit")
    noise = [line for line in proc.stderr.splitlines() if line.strip() and not line.startswith(PLATFORM_NOISE)]
    assert noise == []

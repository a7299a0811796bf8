"""The structure's first frame is drawn before the duplication marks are computed; the marks follow right after."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from app.document import Document
from app.resources import sample_path
from app.workfile import read_workshop
from widgets.structure.dependence import DependenceMark
from widgets.structure.editor import StructureEditor


class MarksAtFirstPaint(QObject):
    """Counts the duplication marks in the scene when the view first paints."""

    def __init__(self, editor: StructureEditor) -> None:
        super().__init__()
        self.editor = editor
        self.counted: int | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.counted is None:
            self.counted = len(marks(self.editor))
        return False


def marks(editor: StructureEditor) -> list[DependenceMark]:
    """The duplication marks drawn on the structure."""
    return [item for item in editor.scene.items() if isinstance(item, DependenceMark)]


def test_the_first_frame_comes_before_the_marks_and_the_marks_follow(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = StructureEditor(Document(read_workshop(sample_path())), QUndoStack())
    watcher = MarksAtFirstPaint(editor)
    editor.view.viewport().installEventFilter(watcher)
    window.setCentralWidget(editor)
    window.resize(1600, 950)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: watcher.counted is not None)
    assert watcher.counted == 0
    qtbot.waitUntil(lambda: len(marks(editor)) == 3)  # the sample: three teams carry promises alone
    assert "⚠ Duplication" in editor._tooltip_for("team-031")
    editor.view.viewport().removeEventFilter(watcher)
    window.close()

"""The presentation fits any screen down to 800×600, however much the workshop holds: it is always full screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack

from app.document import Document
from app.generate import generate_workshop
from app.jsonio import read_json_file
from app.resources import sample_path
from tests.test_presentation import close, press
from widgets.presentation import PresentationWindow, open_presentation

SMALL_SCREEN = QSize(800, 600)


def large() -> Document:
    """A large generated workshop (as in the session test): 100 teams, 500 promises, 20 segments, 2 canvases."""
    return Document(generate_workshop(teams=100, promises=500, links=200, canvases=2, segments=20))


def sample() -> Document:
    """The bundled sample."""
    return Document(read_json_file(sample_path()))


def misfit(window: PresentationWindow) -> str:
    """Why the window does not fill its screen at this step, or "" when it does."""
    where = f"{window.story.index + 1}/{len(window.story.steps)} {window.story.step.kind} step {window.story.page.step}"
    for name, size in (("minimumSizeHint", window.minimumSizeHint()), ("minimumSize", window.minimumSize())):
        if size.width() > SMALL_SCREEN.width() or size.height() > SMALL_SCREEN.height():
            return f"{where}: {name} {size.toTuple()} does not fit {SMALL_SCREEN.toTuple()}"
    screen = window.screen().availableGeometry()
    if window.geometry() != screen or not window.isFullScreen():
        return f"{where}: the window is {window.geometry().getRect()}, the screen {screen.getRect()}"
    return ""


@pytest.mark.parametrize("workshop", [sample, large], ids=["sample", "large"])
def test_every_page_and_step_fits_a_small_screen(qtbot, workshop) -> None:
    document = workshop()
    window = open_presentation(document, QUndoStack(), screen=QGuiApplication.primaryScreen())
    try:
        visited, problems = set(), []
        for _ in range(400):
            visited.add(window.story.step.key)
            problem = misfit(window)
            if problem:
                problems.append(problem)
            at_end = (window.story.index == len(window.story.steps) - 1
                      and window.story.page.step == window.story.page.steps_count() - 1)
            if at_end:
                break
            press(window, Qt.Key.Key_PageDown)
        assert visited == {s.key for s in window.story.steps}, "the story was not walked to its end"
        assert problems == [], "\n".join(problems[:10])
    finally:
        close(window)

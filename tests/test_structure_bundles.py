"""A structure of thousands of links zoomed out: bundles with counts and a note, not a grey haze."""

from __future__ import annotations

import re
from typing import Iterator

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from app.document import Document
from app.generate import generate_workshop
from tests.test_promise_map_summary import wheel_at
from widgets.diagram.overview import BUNDLE_LINKS_ABOVE
from widgets.structure.editor import StructureEditor


def structure(qtbot, links: int) -> Iterator[StructureEditor]:
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = StructureEditor(Document(generate_workshop(teams=700, promises=0, links=links)), QUndoStack())
    window.setCentralWidget(editor)
    window.resize(1400, 950)
    window.show()
    qtbot.waitExposed(window)
    yield editor


@pytest.fixture
def large(qtbot) -> Iterator[StructureEditor]:
    yield from structure(qtbot, 2500)


@pytest.fixture
def small(qtbot) -> Iterator[StructureEditor]:
    yield from structure(qtbot, 600)


def zoom_out(editor: StructureEditor) -> None:
    view = editor.view
    wheel_at(view, view.mapToScene(view.viewport().rect().center()), -14)
    view.viewport().repaint()
    assert view.in_overview()


def test_zoomed_out_many_links_are_bundles_and_the_note_says_how_many(large) -> None:
    links = len(large.document.model.links)
    assert links > BUNDLE_LINKS_ABOVE
    zoom_out(large)
    overview = large.view.overview
    assert 0 < overview.last_strokes < links / 2
    counted = re.sub(r"\D", "", overview.last_note.split(" in ")[0])
    assert counted == str(links) and "Zoom in" in overview.last_note


def test_a_few_hundred_links_are_still_drawn_one_by_one(small) -> None:
    zoom_out(small)
    overview = small.view.overview
    assert overview.last_note == ""
    assert overview.last_strokes >= len(small.document.model.links)

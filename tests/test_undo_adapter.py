"""The QUndoStack adapter: one command per edit, undo and redo through the document, refusals never pushed."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from app import changes as c
from app import model as m
from app.document import Document
from widgets.base.undo import push_edit


def test_push_undo_redo(qtbot) -> None:
    doc = Document()
    stack = QUndoStack()
    assert push_edit(stack, doc, c.insert(doc, m.Segment("s1", "Семьи"))) is None
    assert push_edit(stack, doc, c.update(doc, "s1", name="Студенты")) is None
    assert stack.count() == 2 and doc.get("s1").name == "Студенты"
    assert stack.undoText() == "Change segment name"
    stack.undo()
    assert doc.get("s1").name == "Семьи"
    stack.undo()
    assert doc.find("s1") is None
    stack.redo()
    stack.redo()
    assert doc.get("s1").name == "Студенты"


def test_refused_edit_is_not_pushed(qtbot) -> None:
    doc = Document()
    stack = QUndoStack()
    reason = push_edit(stack, doc, c.insert(doc, m.Pain("p1", segment="nowhere")))
    assert reason and 'no segment with id "nowhere"' in reason
    assert stack.count() == 0 and doc.model.pains == []

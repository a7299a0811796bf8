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


def test_a_group_of_edits_is_one_step_named_when_shown(qtbot) -> None:
    from widgets.base.undo import EditGroup, push_group, retranslate_commands

    doc = Document()
    stack = QUndoStack()
    language = ["en"]
    names = {"en": "Add two segments", "ru": "Добавить два сегмента"}
    group = EditGroup(doc, lambda: names[language[0]])
    assert group.add(c.insert(doc, m.Segment("s1", "Семьи"))) is None
    assert group.add(c.insert(doc, m.Pain("p1", segment="nowhere"))) is not None  # refused, not added
    assert group.add(c.insert(doc, m.Segment("s2", "Офисы"))) is None
    push_group(stack, group)
    assert stack.count() == 1 and stack.undoText() == "Add two segments"
    language[0] = "ru"
    retranslate_commands(stack)
    assert stack.undoText() == "Добавить два сегмента"
    stack.undo()
    assert doc.model.segments == []
    stack.redo()
    assert [s.id for s in doc.model.segments] == ["s1", "s2"]
    push_group(stack, EditGroup(doc, lambda: "nothing"))
    assert stack.count() == 1, "a group none of whose edits applied is not an undo step"

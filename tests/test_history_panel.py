"""The undo history panel follows the undo stack a step at a time: rows named as the steps, the current row where the
stack stands, a row chosen undoes or redoes up to it, and a long history costs an edit no more than a short one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoCommand, QUndoStack

from app import changes as ch
from widgets.base.undo import push_edit
from widgets.shell.history import HistoryView
from widgets.shell.main_window import MainWindow


class Named(QUndoCommand):
    """A step that changes nothing, with a name (merged with the one before when both have `merge_id`)."""

    def __init__(self, text: str, merge_id: int = -1) -> None:
        super().__init__(text)
        self._merge_id = merge_id

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802  # Qt's name
        self.setText(f"{self.text()} + {other.text()}")
        return True


def _rows(view: HistoryView) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _current(view: HistoryView) -> int:
    return view.selectionModel().currentIndex().row()


def test_the_panel_lists_the_steps_and_stands_where_the_stack_stands(qtbot) -> None:
    stack = QUndoStack()
    view = HistoryView(stack)
    qtbot.addWidget(view)
    view.set_empty_label("Opened")
    for name in ("one", "two", "three"):
        stack.push(Named(name))
    assert _rows(view) == ["Opened", "one", "two", "three"] and _current(view) == 3

    stack.undo()
    stack.undo()
    assert _current(view) == 1 and _rows(view) == ["Opened", "one", "two", "three"]  # undone steps stay, to redo
    stack.push(Named("four"))  # in place of the two undone
    assert _rows(view) == ["Opened", "one", "four"] and _current(view) == 2
    stack.push(Named("five", merge_id=7))
    stack.push(Named("six", merge_id=7))  # merged into the step before it
    assert _rows(view) == ["Opened", "one", "four", "five + six"] and _current(view) == 3
    stack.clear()
    assert _rows(view) == ["Opened"] and _current(view) == 0


def test_choosing_a_row_undoes_or_redoes_up_to_it(qtbot) -> None:
    stack = QUndoStack()
    view = HistoryView(stack)
    qtbot.addWidget(view)
    for name in ("one", "two", "three"):
        stack.push(Named(name))
    select = QItemSelectionModel.SelectionFlag.ClearAndSelect

    view.selectionModel().setCurrentIndex(view.model().index(1, 0), select)
    assert stack.index() == 1
    view.selectionModel().setCurrentIndex(view.model().index(3, 0), select)
    assert stack.index() == 3


def test_a_long_history_adds_a_row_an_edit_without_laying_out_the_others(qtbot) -> None:
    stack = QUndoStack()
    view = HistoryView(stack)
    qtbot.addWidget(view)
    view.show()
    for k in range(3000):
        stack.push(Named(f"step {k}"))
    model = view.model()
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))

    stack.push(Named("the last"))

    assert resets == [] and inserted == [(3001, 3001)]  # Qt's own panel resets its model at every step
    assert model.index(3001, 0).data() == "the last" and _current(view) == 3001


def test_the_window_shows_each_edit_in_its_history(window: MainWindow) -> None:
    doc = window.document
    segment = doc.model.segments[0]
    assert push_edit(window.undo_stack, doc, ch.update(doc, segment.id, name="Семьи с детьми 👪")) is None
    rows = _rows(window.history)
    assert rows[0] == "Opened" and rows[-1] == "Change segment name"
    assert _current(window.history) == len(rows) - 1
    window.undo_stack.undo()
    assert _current(window.history) == len(rows) - 2

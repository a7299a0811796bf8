"""The undo history panel: a row per step (the first: the workshop as opened), following the undo stack a step at a
time; choosing a row undoes or redoes up to it.

Qt's QUndoView resets its whole model at every step pushed, undone or redone, and the list lays all its rows out
again: after a long sitting every edit paid for the whole history (measured: 2 ms a step at 100 steps, 4 ms at
1,000, 10 ms at 3,000). Here a push adds a row, a step replaced or merged repaints its row, and undo and redo only
move the current row.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget
from shiboken6 import Shiboken

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractListModel):
    """The steps of an undo stack as rows, row 0 being the state before the first step."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack = weakref.ref(stack)  # the window owns it: a model going away must not take it along mid-way
        self._rows = stack.count() + 1
        self._empty_label = ""
        stack.indexChanged.connect(self._follow)

    @property
    def stack(self) -> QUndoStack | None:
        """The stack followed (None once it is gone, or while it is being destroyed)."""
        stack = self._stack()
        return stack if stack is not None and Shiboken.isValid(stack) else None

    def set_empty_label(self, text: str) -> None:
        """Name the first row (the workshop before any step)."""
        if text != self._empty_label:
            self._empty_label = text
            self.dataChanged.emit(self.index(0), self.index(0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802  # Qt's own signature
        return 0 if parent.isValid() else self._rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row, stack = index.row(), self.stack
        if row == 0:
            return self._empty_label
        command = stack.command(row - 1) if stack is not None else None
        return command.text() if command is not None else None

    def _follow(self, _index: int) -> None:
        """The stack took a step, undid or redid one: rows come or go at the end; the last step, which may have been
        pushed in place of steps undone or merged with the one before, is painted again."""
        stack = self.stack
        if stack is None:
            return  # the stack clears itself as it is destroyed (with the window): nothing left to show
        rows = stack.count() + 1
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        elif rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()
        if stack.index() == rows - 1:  # at the end: a step pushed (in place of those undone) or merged
            self.dataChanged.emit(self.index(rows - 1), self.index(rows - 1))


class HistoryView(QTableView):
    """The history panel: the current row is where the stack stands; choosing another row goes there. A table of one
    column without headers: a list or tree view lays every row out again when one is added (measured at 3,000 steps:
    5 and 3 ms a step, the table 0.5 ms at any length)."""

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = HistoryModel(stack, self)
        self.setModel(self.history)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # all rows one line: none is measured
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._following = False
        selection = self.selectionModel()
        selection.currentRowChanged.connect(self._chosen)
        stack.indexChanged.connect(self._show_index)
        self._show_index(stack.index())

    def set_empty_label(self, text: str) -> None:
        """Name the first row (the workshop before any step)."""
        self.history.set_empty_label(text)

    def _show_index(self, index: int) -> None:
        """Make the stack's position the current row (after the model has followed it)."""
        self._following = True
        try:
            self.selectionModel().setCurrentIndex(self.history.index(index),
                                                  QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._following = False

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A row chosen by the user: undo or redo up to it."""
        stack = self.history.stack
        if not self._following and stack is not None and current.isValid() and current.row() != stack.index():
            stack.setIndex(current.row())

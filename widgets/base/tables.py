"""Editable tables over the workshop's lists: a model that follows the document row by row, its delegate and view."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app import changes
from app.changed import Changes
from app.document import Document, EditRefused
from app.edits import Edit
from widgets.base.live import changes_of
from widgets.base.undo import EditGroup, push_edit, push_group

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 3

Choices = list[tuple[Any, str]]


@dataclass(frozen=True)
class Column:
    """One column: its header (English source in the "columns" context), how to read, show and edit the cell.

    `kind` is "text", "number", "choice", "members", "date" (ISO, empty means None) or "optional" (empty means None).
    `build(document, obj, value)` makes the edit for a new value (None when nothing changes); no builder = read-only.
    `label(document, value)` shows a choice's value; `choices(document)` lists them for the editor.
    `refers_to` names the kinds whose renaming changes what this column shows.
    """

    key: str
    title: str
    value: Callable[[Any], Any]
    build: Callable[[Document, Any, Any], Edit | None] | None = None
    kind: str = "text"
    label: Callable[[Document, Any], str] | None = None
    choices: Callable[[Document], Choices] | None = None
    refers_to: tuple[str, ...] = ()
    width: int = 150
    stretch: bool = False
    tip: str = ""


def set_field(name: str) -> Callable[[Document, Any, Any], Edit | None]:
    """A builder that sets one field of the row's object."""

    def build(document: Document, obj: Any, value: Any) -> Edit | None:
        if getattr(obj, name) == value:
            return None
        return changes.update(document, obj.id, **{name: value})

    return build


def format_number(value: float | None) -> str:
    """A number in the current locale, with digit groups ("1 200 000"); "" for unknown."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    from PySide6.QtCore import QLocale

    if float(value).is_integer():
        return QLocale().toString(float(value), "f", 0)
    return QLocale().toString(float(value), "f", 2).rstrip("0").rstrip(QLocale().decimalPoint())


def parse_number(text: str) -> float | None:
    """A number typed by a user in either language's way ("1 200,5", "1200.5"); None for empty; ValueError else."""
    from PySide6.QtCore import QLocale

    text = text.strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if ok and math.isfinite(value):
        return value
    plain = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    value = float(plain)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_date(text: str, problem: str = "“{text}” is not a date") -> str | None:
    """An ISO date (YYYY-MM-DD) typed in a cell; None for empty; ValueError (with `problem`) otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(problem.format(text=text)) from None


def parse_members(text: str) -> tuple[str, ...]:
    """Names typed in one cell, separated by commas, semicolons or line breaks."""
    for separator in (";", "\n"):
        text = text.replace(separator, ",")
    return tuple(name.strip() for name in text.split(",") if name.strip())


def tr_columns(text: str) -> str:
    """A column header or tooltip in the current language."""
    return QCoreApplication.translate("columns", text) if text else ""


class ObjectTableModel(QAbstractTableModel):
    """The rows of one of the workshop's lists; edits go through the undo stack, notifications update rows."""

    edit_refused = Signal(str)

    def __init__(self, document: Document, undo_stack: QUndoStack, kind: str, columns: list[Column],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.kind = kind
        self.columns = columns
        self._ids = self._current_ids()
        self._rows: dict[str, int] | None = None
        self._watched = {kind for c in columns for kind in c.refers_to}
        changes_of(document).changed.connect(self._on_changes)

    # ------------------------------------------------------------------ rows
    def _current_ids(self) -> list[str]:
        return [obj.id for obj in self.document.model.collection(self.kind)]

    def row_of(self, obj_id: str) -> int:
        """The row of an object, or -1."""
        if self._rows is None:
            self._rows = {obj_id: row for row, obj_id in enumerate(self._ids)}
        return self._rows.get(obj_id, -1)

    def id_at(self, row: int) -> str:
        """The id of the object in `row`."""
        return self._ids[row]

    def object_at(self, row: int) -> Any:
        """The model object in `row`."""
        return self.document.get(self._ids[row])

    def column_of(self, key: str) -> int:
        """The column with key `key`, or -1."""
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    # ------------------------------------------------------- Qt's table model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.columns[index.column()].build is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def display(self, column: Column, value: Any) -> str:
        """How a raw value of `column` reads in a cell."""
        if column.label is not None:
            return column.label(self.document, value)
        if value is None:
            return ""
        if column.kind == "number":
            return format_number(value)
        if column.kind == "members":
            return ", ".join(value)
        return str(value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        obj = self.document.find(self._ids[index.row()])
        if obj is None:
            return None
        value = column.value(obj)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.display(column, value)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 40 else None
            return text
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == "number":
                return format_number(value).replace("\u00a0", "").replace(" ", "")
            if column.kind == "members":
                return ", ".join(value)
            return "" if value is None and column.kind != "choice" else value
        if role == SORT_ROLE:
            if column.kind == "number":
                return -math.inf if value is None else float(value)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and column.label is None:
                return float(value)
            return self.display(column, value).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.build is None:
            from PySide6.QtGui import QColor

            return QColor("#5b6673")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr_columns(self.columns[section].title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr_columns(self.columns[section].tip) or None
        return None

    def parse(self, column: Column, value: Any) -> Any:
        """The raw value for what an editor gave (text from a line edit, data from a combo box)."""
        if column.kind == "choice":
            return value
        text = "" if value is None else str(value)
        if column.kind == "number":
            try:
                return parse_number(text)
            except ValueError:
                raise ValueError(self.tr("“{text}” is not a number").format(text=text.strip())) from None
        if column.kind == "date":
            return parse_date(text, self.tr("“{text}” is not a date: type it as YYYY-MM-DD"))
        if column.kind == "members":
            return parse_members(text)
        if column.kind == "optional":
            return text.strip() or None
        return text.strip()

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        obj = self.document.find(self._ids[index.row()])
        if column.build is None or obj is None:
            return False
        try:
            edit = column.build(self.document, obj, self.parse(column, value))
        except ValueError as error:
            self.edit_refused.emit(str(error))
            return False
        except EditRefused as refused:
            self.edit_refused.emit(str(refused))
            return False
        if edit is None:
            return False
        reason = push_edit(self.undo_stack, self.document, edit)
        if reason is not None:
            self.edit_refused.emit(reason)
            return False
        return True

    # -------------------------------------------------------- following edits
    def _on_changes(self, changed: Changes) -> None:
        """Update the rows the edit touched: rows in and out, moved, changed, and cells naming a renamed object."""
        if changed.everything:
            self.reset()
            return
        if changed.structural(self.kind):
            self._follow_order()
        for obj_id in changed.updated.get(self.kind, {}):
            row = self.row_of(obj_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        for kind in self._watched:
            for obj_id in changed.updated.get(kind, {}):
                self._refresh_referrers(kind, obj_id)

    def _follow_order(self) -> None:
        """Make the rows the document's list again with the fewest row moves (inserted, removed, moved rows)."""
        current = self._current_ids()
        wanted = set(current)
        for row in reversed([r for r, obj_id in enumerate(self._ids) if obj_id not in wanted]):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self._rows = None
            self.endRemoveRows()
        for target, obj_id in enumerate(current):
            if target < len(self._ids) and self._ids[target] == obj_id:
                continue
            row = self.row_of(obj_id)
            if row < 0:
                self.beginInsertRows(QModelIndex(), target, target)
                self._ids.insert(target, obj_id)
                self._rows = None
                self.endInsertRows()
            elif self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target):  # row > target here
                self._ids.insert(target, self._ids.pop(row))
                self._rows = None
                self.endMoveRows()
        if self._ids != current:  # never expected: start over rather than show a wrong row
            self.reset()

    def _refresh_referrers(self, kind: str, obj_id: str) -> None:
        """Repaint the cells that show the name of the object `obj_id` (it was renamed): the rows that refer to it
        are looked up in the document's index, not searched for."""
        columns = [col for col, column in enumerate(self.columns) if kind in column.refers_to]
        for ref_kind, row_id, _field in self.document.references.referrers(obj_id) if columns else ():
            row = self.row_of(row_id) if ref_kind == self.kind else -1
            obj = self.document.find(row_id) if row >= 0 else None
            for col in columns if obj is not None else ():
                if self.columns[col].value(obj) == obj_id:
                    cell = self.index(row, col)
                    self.dataChanged.emit(cell, cell)

    def reset(self) -> None:
        """Start over from the document's list (after a snapshot is restored, or a very large edit)."""
        self.beginResetModel()
        self._ids = self._current_ids()
        self._rows = None
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers, choice labels and number formats in the new language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))


class CellDelegate(QStyledItemDelegate):
    """Editors by column kind: a combo box for choices (committed on choosing), a line edit for the rest."""

    def _column(self, index: AnyIndex) -> tuple[ObjectTableModel, Column]:
        proxy = index.model()
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else proxy
        return source, source.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        model, column = self._column(index)
        if column.kind == "choice" and column.choices is not None:
            combo = QComboBox(parent)
            for value, label in column.choices(model.document):
                combo.addItem(label, value)
            combo.setFrame(False)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if column.kind == "number":
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            found = next((i for i in range(editor.count()) if editor.itemData(i) == value), -1)
            editor.setCurrentIndex(found)
            return
        if isinstance(editor, QLineEdit) and not editor.text():  # keeps a key that started the editing
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            if editor.currentIndex() >= 0:
                model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QLineEdit):
            if editor.text() != str(index.data(Qt.ItemDataRole.EditRole) or ""):
                model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class RowWords(QObject):
    """Names of table gestures with plural forms (lupdate finds plurals in tr() calls of a class)."""

    def deleted(self, count: int) -> str:
        """The undo name of deleting `count` rows at once."""
        return self.tr("Delete %n row(s)", "", count)


def rows_deleted(count: int) -> str:
    """The undo name of deleting `count` rows at once, in the current language."""
    return RowWords().deleted(count)


_OWN_KEYS = (QKeySequence.StandardKey.New, QKeySequence.StandardKey.Delete)


class ObjectTable(QTableView):
    """A sortable, keyboard-first table of one list: type to edit, Enter edits, Tab moves on,
    Insert or Ctrl+N adds a row, Delete removes the selected rows with what hangs on them (one undo)."""

    add_requested = Signal()
    selection_changed = Signal(list)

    def __init__(self, model: ObjectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self.setModel(self.proxy)
        self.setObjectName(f"{model.kind}Table")
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the document's order until a header is clicked
        self.setSortingEnabled(True)
        for col, column in enumerate(model.columns):
            if column.stretch:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            else:
                self.setColumnWidth(col, column.width)
        self.selectionModel().selectionChanged.connect(self._emit_selection)

    # ----------------------------------------------------------------- rows by id
    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, in the document's order."""
        rows = {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        return [self.source.id_at(r) for r in sorted(rows)]

    def current_id(self) -> str | None:
        """The id of the row with the keyboard focus, or None."""
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def proxy_index(self, obj_id: str, column: int = 0) -> QModelIndex:
        """The view's index of an object's cell (invalid when the object has no row)."""
        row = self.source.row_of(obj_id)
        return self.proxy.mapFromSource(self.source.index(row, column)) if row >= 0 else QModelIndex()

    def select_ids(self, ids: list[str]) -> None:
        """Select the rows of `ids` (others ignored) and bring the first into view."""
        selection = QItemSelection()
        first = QModelIndex()
        for obj_id in ids:
            index = self.proxy_index(obj_id)
            if index.isValid():
                selection.select(index, index)
                first = first if first.isValid() else index
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().select(selection, flags)
        if first.isValid():
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtCenter)

    def edit_cell(self, obj_id: str, key: str) -> None:
        """Put the keyboard on an object's cell and open its editor."""
        column = max(self.source.column_of(key), 0)
        index = self.proxy_index(obj_id, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
            self.edit(index)

    def _emit_selection(self) -> None:
        self.selection_changed.emit(self.selected_ids())

    # ------------------------------------------------------------------ gestures
    def delete_selected(self) -> str | None:
        """Delete the selected rows, each with everything that hangs on it, as one undo step; returns a refusal."""
        ids = self.selected_ids() or ([self.current_id()] if self.current_id() else [])
        if not ids:
            return None
        below = self.currentIndex().row()
        document, stack = self.source.document, self.source.undo_stack
        reason = None
        if len(ids) == 1:
            reason = push_edit(stack, document, changes.delete(document, ids[0]))
        else:
            group = EditGroup(document, partial(rows_deleted, len(ids)))
            try:
                for obj_id in ids:
                    if document.find(obj_id) is not None:  # else it went with an earlier row
                        reason = group.add(changes.delete(document, obj_id)) or reason
            finally:
                push_group(stack, group)
        if self.proxy.rowCount():
            row = min(max(below, 0), self.proxy.rowCount() - 1)
            self.setCurrentIndex(self.proxy.index(row, max(self.currentIndex().column(), 0)))
        if reason:
            self.source.edit_refused.emit(reason)
        return reason

    def move_current(self, step: int) -> None:
        """Move the current row up (-1) or down (+1) in the document's order (when the table is unsorted)."""
        obj_id = self.current_id()
        if obj_id is None or self.horizontalHeader().sortIndicatorSection() >= 0:
            return
        row = self.source.row_of(obj_id) + step
        if 0 <= row < self.source.rowCount():
            push_edit(self.source.undo_stack, self.source.document, changes.move(self.source.document, obj_id, row))
            self.setCurrentIndex(self.proxy_index(obj_id, max(self.currentIndex().column(), 0)))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.state() != QAbstractItemView.State.EditingState:
            key = event  # a QKeyEvent
            if isinstance(key, QKeyEvent) and (key.key() == Qt.Key.Key_Insert
                                               or any(key.matches(k) for k in _OWN_KEYS)):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing:
            if event.key() == Qt.Key.Key_Insert or event.matches(QKeySequence.StandardKey.New):
                self.add_requested.emit()
                return
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete_selected()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
                if self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event):
                    return
            modifiers = event.modifiers()
            if modifiers == Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
                return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.source.retranslate()
        super().changeEvent(event)

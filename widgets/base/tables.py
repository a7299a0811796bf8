"""Editable tables over the workshop's lists: a model that follows the document row by row, its delegate and view.

The model sorts and filters itself: a click on a header sorts the ids once in Python by keys worked out once per
row (not a Python comparison per pair through a proxy), a filter is one pass over the objects, and an edit moves,
shows or hides only the rows it touched. The view's proxy only hands a click on a header to the model."""

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
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QUndoStack
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
DISPLAY, TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
EDIT = int(Qt.ItemDataRole.EditRole)
ALIGNMENT, FOREGROUND = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ForegroundRole)
ANSWERED_ROLES = frozenset({DISPLAY, TOOLTIP, EDIT, ALIGNMENT, FOREGROUND, int(SORT_ROLE), int(ID_ROLE)})
"""The roles the table model answers; a painted cell asks seven, and the others are answered None at once."""
NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
READ_ONLY_INK = "#5b6673"
PLACED_ONE_BY_ONE = 200
"""Up to this many rows whose sort keys an edit changed are placed one by one; more are sorted again whole."""

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
    rows_placed = Signal(list)
    """Ids of rows an edit moved to their place in the sorted table."""

    def __init__(self, document: Document, undo_stack: QUndoStack, kind: str, columns: list[Column],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.kind = kind
        self.columns = columns
        self._ids = self._current_ids()
        self._rows: dict[str, int] | None = None
        self._positions: dict[str, int] | None = None
        self._keys: dict[str, Any] | None = None
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.row_filter: Callable[[Any], bool] | None = None
        """Which objects have a row (set with set_row_filter); None: every object."""
        self._read_only_ink = QColor(READ_ONLY_INK)
        self._flags = [self._column_flags(column) for column in columns]
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

    def position_of(self, obj_id: str) -> int:
        """The place of an object in the document's list (its row when the table is not sorted), or -1."""
        if self._positions is None:
            self._positions = {obj.id: n for n, obj in enumerate(self.document.model.collection(self.kind))}
        return self._positions.get(obj_id, -1)

    def in_document_order(self, ids: list[str]) -> list[str]:
        """`ids` in the document's order."""
        self.position_of("")
        positions = self._positions or {}
        return sorted(ids, key=lambda obj_id: positions.get(obj_id, -1))

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

    @staticmethod
    def _column_flags(column: Column) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if column.build is not None else flags

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid():
            return self._flags[index.column()]
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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
        if role not in ANSWERED_ROLES or not index.isValid():  # painting asks every cell for seven roles
            return None
        column = self.columns[index.column()]
        if role == ALIGNMENT:
            return NUMBER_ALIGNMENT if column.kind == "number" else None
        if role == FOREGROUND:
            return self._read_only_ink if column.build is None else None
        if role == ID_ROLE:
            return self._ids[index.row()]
        obj = self.document.find(self._ids[index.row()])
        if obj is None:
            return None
        if role == SORT_ROLE:
            return self.sort_key(index.column(), obj)[1]
        value = column.value(obj)
        if role == DISPLAY or role == TOOLTIP:
            text = self.display(column, value)
            if role == TOOLTIP:
                return text if len(text) > 40 else None
            return text
        if role == EDIT:
            if column.kind == "number":
                return format_number(value).replace("\u00a0", "").replace(" ", "")
            if column.kind == "members":
                return ", ".join(value)
            return "" if value is None and column.kind != "choice" else value
        return None

    # ---------------------------------------------------------------- sorting
    def sort_key(self, col: int, obj: Any) -> tuple[int, Any]:
        """What sorting by column `col` compares for `obj`: (0, a number) before (1, its text as shown, casefolded:
        Cyrillic in the alphabet's order, ё after я, as the codes go)."""
        column = self.columns[col]
        value = column.value(obj)
        if column.kind == "number":
            return 0, -math.inf if value is None else float(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and column.label is None:
            return 0, float(value)
        return 1, self.display(column, value).casefold()

    def sort_keys(self) -> dict[str, Any]:
        """Every row's key in the sorted column, worked out once and kept up to date edit by edit."""
        if self._keys is None:
            col = self.sort_column
            self._keys = {obj.id: self.sort_key(col, obj) for obj in self.document.model.collection(self.kind)}
        return self._keys

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by `column` (-1: the document's order); equal keys keep the document's order."""
        column = column if 0 <= column < len(self.columns) else -1
        if column != self.sort_column:
            self._keys = None
        self.sort_column, self.sort_order = column, order
        self._rearrange(self._ordered_ids())

    def set_row_filter(self, keep: Callable[[Any], bool] | None) -> None:
        """Show only the objects `keep` accepts (None: every object), in one pass, keeping the selection of the
        rows still shown."""
        self.row_filter = keep
        self._rearrange(self._ordered_ids())

    def _ordered_ids(self) -> list[str]:
        """The ids as the table shows them: the objects the filter keeps, sorted by the sort column, else in the
        document's order."""
        keep = self.row_filter
        items = self.document.model.collection(self.kind)
        ids = [obj.id for obj in items] if keep is None else [obj.id for obj in items if keep(obj)]
        if self.sort_column >= 0:
            ids.sort(key=self.sort_keys().__getitem__, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        return ids

    def _rearrange(self, ids: list[str]) -> None:
        """Show the rows `ids` in this order, keeping every persistent index (selection, current cell) of a row still
        shown."""
        if ids == self._ids:
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        old_ids = self._ids
        self._ids, self._rows = ids, None
        moved = []
        for index in kept:
            row = self.row_of(old_ids[index.row()]) if 0 <= index.row() < len(old_ids) else -1
            moved.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def _goes_before(self, one: str, other: str) -> bool:
        """Whether the row `one` goes before `other` in the table (equal keys, or unsorted: the document's order)."""
        if self.sort_column < 0:
            return self.position_of(one) < self.position_of(other)
        keys = self.sort_keys()
        mine, theirs = keys[one], keys[other]
        if mine == theirs:
            return self.position_of(one) < self.position_of(other)
        return mine > theirs if self.sort_order == Qt.SortOrder.DescendingOrder else mine < theirs

    def _place_in(self, ids: list[str], obj_id: str) -> int:
        """Where `obj_id` goes in the table's `ids` (a binary search)."""
        low, high = 0, len(ids)
        while low < high:
            middle = (low + high) // 2
            if self._goes_before(ids[middle], obj_id):
                low = middle + 1
            else:
                high = middle
        return low

    def key_candidates(self, changed: Changes) -> set[str]:
        """Ids whose sort keys `changed` may have changed: rows updated or inserted, and rows showing the name of a
        renamed object."""
        found = set(changed.updated.get(self.kind, {})) | set(changed.inserted.get(self.kind, ()))
        for kind in self._watched & set(changed.updated):
            for obj_id in changed.updated[kind]:
                found.update(row_id for ref_kind, row_id, _field in self.document.references.referrers(obj_id)
                             if ref_kind == self.kind)
        return found

    def keys_stale(self, changed: Changes) -> bool:
        """Whether `changed` may have changed the keys of any row of the sorted column (then it is sorted whole)."""
        return False

    def _update_keys(self, changed: Changes) -> set[str] | None:
        """Bring the kept keys up to date; the ids of rows now out of place (None: every row may be)."""
        if self._keys is None or self.sort_column < 0:
            return set()
        if self.keys_stale(changed):
            self._keys = None
            return None
        keys, out_of_place = self._keys, set(changed.moved.get(self.kind, ()))  # moved: the order of equal keys
        for obj_id in changed.deleted.get(self.kind, ()):
            keys.pop(obj_id, None)
        for obj_id in self.key_candidates(changed):
            obj = self.document.find(obj_id)
            if obj is None:
                keys.pop(obj_id, None)
                continue
            key = self.sort_key(self.sort_column, obj)
            if keys.get(obj_id) != key:
                keys[obj_id] = key
                out_of_place.add(obj_id)
        return out_of_place

    def _keep_sorted(self, out_of_place: set[str] | None) -> None:
        """Move the rows an edit put out of place to where they now go (all sorted again when many)."""
        if out_of_place is not None:
            out_of_place = {obj_id for obj_id in out_of_place if self.row_of(obj_id) >= 0}
        if out_of_place is not None and not out_of_place:
            return
        if out_of_place is None or len(out_of_place) > PLACED_ONE_BY_ONE:
            self._rearrange(self._ordered_ids())
            self.rows_placed.emit(list(out_of_place or ()))
            return
        if len(out_of_place) == 1:
            (obj_id,) = out_of_place
            row = self.row_of(obj_id)
            rest = self._ids[:row] + self._ids[row + 1:]
            target = self._place_in(rest, obj_id)
            if target != row and self.beginMoveRows(QModelIndex(), row, row, QModelIndex(),
                                                    target + (1 if target > row else 0)):
                self._ids = rest
                self._ids.insert(target, obj_id)
                self._renumber(min(row, target), max(row, target))
                self.endMoveRows()
        else:
            ordered = [obj_id for obj_id in self._ids if obj_id not in out_of_place]
            for obj_id in self.in_document_order(list(out_of_place)):
                ordered.insert(self._place_in(ordered, obj_id), obj_id)
            self._rearrange(ordered)
        self.rows_placed.emit(list(out_of_place))

    def _renumber(self, first: int, last: int) -> None:
        """Update the rows of ids from `first` to `last` in the kept row index (made again when asked, if many)."""
        if self._rows is not None and last - first > 1000:
            self._rows = None
        elif self._rows is not None:
            for row in range(first, last + 1):
                self._rows[self._ids[row]] = row

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
            self._positions = None
        out_of_place = self._update_keys(changed)
        if changed.structural(self.kind):
            if self.sort_column < 0:
                self._follow_order()
            else:
                self._follow_sorted(changed)
        for obj_id in changed.updated.get(self.kind, {}):
            row = self.row_of(obj_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        if self.sort_column >= 0:
            if out_of_place is not None:
                inserted = set(changed.inserted.get(self.kind, ()))
                out_of_place -= inserted
                if out_of_place:  # a new row was placed among rows out of place: place them all again together
                    out_of_place |= inserted
            self._keep_sorted(out_of_place)
        if self.row_filter is not None:
            self._follow_filter(set(changed.updated.get(self.kind, {})))
        for kind in self._watched:
            for obj_id in changed.updated.get(kind, {}):
                self._refresh_referrers(kind, obj_id)

    def _follow_filter(self, ids: set[str]) -> None:
        """Hide the rows of `ids` the filter no longer keeps, show those it now keeps, each in its place (filtered
        again whole when many)."""
        keep = self.row_filter
        if len(ids) > PLACED_ONE_BY_ONE:
            self._rearrange(self._ordered_ids())
            return
        for obj_id in self.in_document_order(list(ids)):
            obj = self.document.find(obj_id)
            wanted = obj is not None and (keep is None or keep(obj))
            row = self.row_of(obj_id)
            if row >= 0 and not wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self._rows = None
                self.endRemoveRows()
            elif row < 0 and wanted:
                self._insert_row(obj_id)

    def _insert_row(self, obj_id: str) -> None:
        """Give `obj_id` a row in its place."""
        if self.sort_column >= 0 and obj_id not in self.sort_keys():
            self.sort_keys()[obj_id] = self.sort_key(self.sort_column, self.document.get(obj_id))
        row = self._place_in(self._ids, obj_id)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, obj_id)
        self._rows = None
        self.endInsertRows()

    def _follow_order(self) -> None:
        """Make the rows the document's list again with the fewest row moves (inserted, removed, moved rows)."""
        current = self._ordered_ids()
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

    def _follow_sorted(self, changed: Changes) -> None:
        """Drop the rows of deleted objects and put new ones in their sorted place (the rest keep theirs)."""
        find, keep = self.document.find, self.row_filter
        gone = [row for row, obj_id in enumerate(self._ids) if find(obj_id) is None]
        new = [obj_id for obj_id in self.in_document_order(list(changed.inserted.get(self.kind, ())))
               if self.row_of(obj_id) < 0 and (obj := find(obj_id)) is not None and (keep is None or keep(obj))]
        if len(gone) > PLACED_ONE_BY_ONE or len(new) > PLACED_ONE_BY_ONE:
            self.reset()
            return
        for row in reversed(gone):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self._rows = None
            self.endRemoveRows()
        for obj_id in new:
            self._insert_row(obj_id)

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
        self._keys = self._positions = self._rows = None
        self._ids = self._ordered_ids()
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers, choice labels and number formats in the new language (a table sorted by labels sorts again)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.sort_column >= 0:
            self._keys = None
            self._rearrange(self._ordered_ids())
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


class TableProxy(QSortFilterProxyModel):
    """The view's proxy: it leaves sorting and filtering to the model, which sorts once per click, filters in one
    pass and keeps its rows edit by edit (the proxy itself maps rows in C++ alone)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def filter_rows(self, keep: Callable[[Any], bool] | None) -> None:
        """Show only the rows whose objects `keep` accepts (None: every row), filtering again."""
        source = self.sourceModel()
        if isinstance(source, ObjectTableModel):
            source.set_row_filter(keep)


class ObjectTable(QTableView):
    """A sortable, keyboard-first table of one list: type to edit, Enter edits, Tab moves on,
    Insert or Ctrl+N adds a row, Delete removes the selected rows with what hangs on them (one undo)."""

    add_requested = Signal()
    selection_changed = Signal(list)

    def __init__(self, model: ObjectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy: TableProxy = TableProxy(self)
        self.proxy.setSourceModel(model)
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
        model.rows_placed.connect(self._follow_current)

    # ----------------------------------------------------------------- rows by id
    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, in the document's order."""
        rows = {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        return self.source.in_document_order([self.source.id_at(r) for r in rows])

    def _follow_current(self, ids: list[str]) -> None:
        """Keep the current row in sight when an edit moved it to its sorted place (the keyboard stays on it)."""
        current = self.current_id()
        if current is not None and current in ids:
            self.scrollTo(self.currentIndex())

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
        row = self.source.position_of(obj_id) + step
        if 0 <= row < len(self.source.document.model.collection(self.source.kind)):
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

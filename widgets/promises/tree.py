"""The tree of promises beside the map: value → root promise → supporting promises, numbered 1, 1.1, 1.1.1.

A virtual model over the document (nothing is copied per row; the workshop can hold tens of thousands of
promises): the tree is rebuilt when promises come, go, move or change their `parent` or value, and rows are
repainted when their text, parties, status or alternatives change. Dragging a promise onto another makes it
support that one, onto a value makes it a root promise of that value: one undo step, refused with a message
when the method forbids it (a promise that would support itself through a loop).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QDragMoveEvent, QDropEvent, QFont, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMenu, QTreeView, QVBoxLayout, QWidget

from app import model as m
from app.changed import Changes
from app.duplication import Duplication, duplication
from app.edits import Batch, Update
from app.promise_tree import NO_VALUE, PromiseTree, build_tree, reparent_changes, reparent_refusal
from widgets.base.live import changes_of
from widgets.promises.context import PromiseContext
from widgets.promises.style import PROBLEM, status_icon, swatch_icon, value_color

CONTEXT = "PromiseTree"
MIME = "application/x-clientocracy-promise-ids"
GROUP = "value:"
"""Prefix of a group row's key (a root value's id after it; nothing after it for the promises with no value)."""
COLUMNS = (
    QT_TRANSLATE_NOOP("PromiseTree", "№"),
    QT_TRANSLATE_NOOP("PromiseTree", "Promise"),
    QT_TRANSLATE_NOOP("PromiseTree", "Who promises"),
    QT_TRANSLATE_NOOP("PromiseTree", "To whom"),
    QT_TRANSLATE_NOOP("PromiseTree", "Duplication"),
)
NUMBER, TEXT, FROM, TO, DUPLICATE = range(len(COLUMNS))
REFUSALS = {
    "a promise cannot support itself": QT_TRANSLATE_NOOP("PromiseTree", "A promise cannot support itself."),
    "a promise cannot support a promise that supports it": QT_TRANSLATE_NOOP(
        "PromiseTree", "A promise cannot support a promise that supports it: that would be a loop."),
}
MESSAGE_MS = 5000
AnyIndex = QModelIndex | QPersistentModelIndex


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language (the tree's context)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_PROMISE_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
"""A group's and a promise's flags, made once (Qt asks for them for every cell it lays out: 120,000 times when the
tree of 30,000 promises is first expanded, and each OR of Qt's flags costs a Python call)."""


class PromiseTreeModel(QAbstractItemModel):
    """Rows keyed by promise ids and group keys; the document is read on demand."""

    def __init__(self, ctx: PromiseContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.document = ctx.document
        self.tree = PromiseTree()
        self._top: list[str] = []
        self._up: dict[str, str | None] = {}
        self._row: dict[str, int] = {}
        self._serial: dict[str, int] = {}
        self._keys: list[str] = []
        self._dup: Duplication | None = None
        self._rebuild()
        changes_of(self.document).changed.connect(self._on_changes)

    # -- structure
    def _rebuild(self) -> None:
        w = self.document.model
        self.tree = build_tree(w)
        grouped = bool(w.values)
        self._top = [GROUP + k for k in self.tree.groups] if grouped else list(self.tree.groups.get(NO_VALUE, []))
        self._up, self._row = {}, {}
        for row, key in enumerate(self._top):
            self._up[key], self._row[key] = None, row
        for group, roots in self.tree.groups.items():
            for row, pid in enumerate(roots):
                self._up[pid], self._row[pid] = (GROUP + group) if grouped else None, row
        for pid, kids in self.tree.children.items():
            for row, kid in enumerate(kids):
                self._up[kid], self._row[kid] = pid, row
        self._dup = None

    def _kids(self, key: str | None) -> list[str]:
        if key is None:
            return self._top
        if key.startswith(GROUP):
            return self.tree.groups.get(key[len(GROUP):], [])
        return self.tree.children.get(key, [])

    def _id(self, key: str) -> int:
        serial = self._serial.get(key)
        if serial is None:
            serial = self._serial[key] = len(self._keys) + 1
            self._keys.append(key)
        return serial

    def key(self, index: AnyIndex) -> str | None:
        """The key of a row: a promise id, or GROUP + a value id (None for the invisible root)."""
        return self._keys[index.internalId() - 1] if index.isValid() else None

    def index_of(self, key: str, column: int = 0) -> QModelIndex:
        """The index of a promise's (or group's) row."""
        if key not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[key], column, self._id(key))

    def duplication(self) -> Duplication:
        """The single points of failure (computed once after each change)."""
        if self._dup is None:
            self._dup = duplication(self.document.model)
        return self._dup

    # -- QAbstractItemModel
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        kids = self._kids(self.key(parent))
        if not 0 <= row < len(kids) or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, self._id(kids[row]))

    def parent(self, index: AnyIndex | None = None) -> Any:
        if index is None:
            return QObject.parent(self)  # asked as a QObject (who owns the model)
        key = self.key(index)
        up = self._up.get(key) if key is not None else None
        return self.index_of(up) if up is not None else QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._kids(self.key(parent)))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(str(COLUMNS[section]))
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == DUPLICATE:
            return tr("Duplication (tool 11): who else could keep the promise if its team fails")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        key = self.key(index)
        if key is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        return _GROUP_FLAGS if key.startswith(GROUP) else _PROMISE_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = self.key(index)
        if key is None:
            return None
        if key.startswith(GROUP):
            return self._group_data(key[len(GROUP):], index.column(), role)
        p = self.document.find(key)
        return self._promise_data(p, index.column(), role) if isinstance(p, m.Promise) else None

    def _group_data(self, value_id: str, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if column == NUMBER and role == Qt.ItemDataRole.DisplayRole:
            return self.tree.numbers.get(value_id, "")
        if column != TEXT:
            return None
        value = self.document.find(value_id) if value_id else None
        if role == Qt.ItemDataRole.DisplayRole:
            return value.name if isinstance(value, m.Value) else tr("Without a root value")
        if role == Qt.ItemDataRole.DecorationRole and isinstance(value, m.Value):
            return swatch_icon(value_color(self.document.model, value_id))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("Root value: drop a promise here to make it a root promise of this value")
        return None

    def _promise_data(self, p: m.Promise, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return self.tree.numbers.get(p.id, "")
            if column == TEXT:
                return p.text
            if column == FROM:
                return ", ".join(self._name(t) for t in (p.from_, *p.co_promisers))
            if column == TO:
                return self._name(p.to)
            if column == DUPLICATE:
                return self._duplicate_text(p)
        if role == Qt.ItemDataRole.DecorationRole and column == TEXT:
            return status_icon(p.status)
        if column == DUPLICATE and role == Qt.ItemDataRole.ForegroundRole and self._single_point(p):
            return QBrush(QColor(PROBLEM).darker(130))
        if column == DUPLICATE and role == Qt.ItemDataRole.ToolTipRole:
            return self._duplicate_tip(p)
        if column == TEXT and role == Qt.ItemDataRole.ToolTipRole:
            return p.text
        return None

    def _name(self, obj_id: str) -> str:
        found = self.document.find(obj_id) if obj_id else None
        return getattr(found, "name", "") or obj_id if found is not None else obj_id

    def _single_point(self, p: m.Promise) -> bool:
        """A promise with one possible promiser that a promise to a client rests on."""
        return self.duplication().single_point(p.id)

    def _duplicate_text(self, p: m.Promise) -> str:
        if p.alternatives:
            return "↔ " + ", ".join(self._name(t) for t in p.alternatives)
        if self._single_point(p):
            return "⚠ " + tr("only %1").replace("%1", ", ".join(self._name(t) for t in (p.from_, *p.co_promisers)))
        return ""

    def _duplicate_tip(self, p: m.Promise) -> str:
        if p.alternatives:
            return tr("Alternative promisers: %1").replace("%1", ", ".join(self._name(t) for t in p.alternatives))
        if not self._single_point(p):
            return tr("Another team makes the same promise") if p.status != "retired" and p.id not in \
                self.duplication().single else ""
        carried = self.duplication().resting.get(p.id, 0)
        return tr("Only «%1» can keep it, and %n promise(s) to clients rest on it. Mark an alternative promiser "
                  "(right-click) so that the client is not left without it.", None, carried).replace(
            "%1", self._name(p.from_))

    # -- drag and drop
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = list(dict.fromkeys(k for k in (self.key(i) for i in indexes) if k and not k.startswith(GROUP)))
        data = QMimeData()
        data.setData(MIME, QByteArray("\n".join(ids).encode("utf-8")))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        return False  # the view's dropEvent makes the edit (the model follows the document, never Qt's row moves)

    # -- following the document
    def _on_changes(self, changes: Changes) -> None:
        placed = [pid for pid, names in changes.updated.get("promise", {}).items() if names & {"parent", "value"}]
        if changes.everything or changes.structural("promise", "value") or len(placed) > 1 or (
                placed and not self._move(placed[0])):
            self.beginResetModel()
            self._rebuild()
            self.endResetModel()
            return
        if placed:
            return
        if changes.touches("promise", "team", "segment", "value"):
            self._dup = None
            ids = changes.ids("promise") if not changes.touches("team", "segment", "value") else None
            self._repaint(ids)

    def _move(self, pid: str) -> bool:
        """Follow one promise to its new place in the tree by a row move (open branches stay open, the selection
        stays); False when the tree changed more than that (then the caller rebuilds it)."""
        old = (self.tree, self._top, self._up, self._row)
        old_up, old_row = self._up.get(pid), self._row.get(pid)
        self._rebuild()
        new = (self.tree, self._top, self._up, self._row)
        new_up, new_row = self._up.get(pid), self._row.get(pid)
        if old_row is None or new_row is None or old[1] != new[1]:
            return False  # a group came or went: the top level changed
        self.tree, self._top, self._up, self._row = old
        if new_up is not None and new_up not in self._row:
            self.tree, self._top, self._up, self._row = new
            return False
        if (old_up, old_row) != (new_up, new_row):
            source = self.index_of(old_up) if old_up is not None else QModelIndex()
            target = self.index_of(new_up) if new_up is not None else QModelIndex()
            row = new_row + 1 if old_up == new_up and new_row > old_row else new_row
            if not self.beginMoveRows(source, old_row, old_row, target, row):
                self.tree, self._top, self._up, self._row = new
                return False
            self.tree, self._top, self._up, self._row = new
            self.endMoveRows()
        else:
            self.tree, self._top, self._up, self._row = new
        self._repaint(None)  # numbers of its old and new siblings and of what it carries changed
        return True

    def _repaint(self, ids: frozenset[str] | None) -> None:
        """Repaint the rows of `ids` (every row when None: a name shown in many rows may have changed)."""
        last = len(COLUMNS) - 1
        if ids is None or len(ids) > 200:
            if self._top:  # a range of rows repaints the whole viewport; data is read again as rows are painted
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._top) - 1, last))
            return
        for pid in ids:
            if pid in self._row:
                self.dataChanged.emit(self.index_of(pid), self.index_of(pid, last))

    def retranslate(self) -> None:
        """Headers and group names in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._repaint(None)


class PromiseTreeView(QTreeView):
    """The tree with drag to re-parent; drops are turned into one edit each."""

    def __init__(self, panel: PromiseTreePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(True)  # tens of thousands of rows scroll without measuring each
        self.setAlternatingRowColors(True)

    def _target(self, event: QDragMoveEvent | QDropEvent) -> tuple[str | None, list[str]] | None:
        data = event.mimeData()
        if not data.hasFormat(MIME):
            return None
        ids = [i for i in bytes(data.data(MIME).data()).decode("utf-8").split("\n") if i]
        index = self.indexAt(event.position().toPoint())
        return self.panel.model.key(index), ids

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # scrolls and shows the indicator
        found = self._target(event)
        if found is None:
            event.ignore()
            return
        target, ids = found
        refused = target is None or any(self.panel.refusal(i, target) for i in ids)
        if refused:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        found = self._target(event)
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        target = found[0] if found is not None else None
        if found is None or target is None:
            event.ignore()
            return
        self.panel.reparent(found[1], target)
        event.setDropAction(Qt.DropAction.IgnoreAction)  # nothing for Qt to remove: the document moved it
        event.accept()


class PromiseTreePanel(QWidget):
    """The tree view, its message line, and the selection shared with the map and the table."""

    def __init__(self, ctx: PromiseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promiseTree")
        self.ctx = ctx
        self.model = PromiseTreeModel(ctx)
        self.model.setParent(self)
        self.view = PromiseTreeView(self)
        self.view.setModel(self.model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NUMBER, 110), (FROM, 190), (TO, 190), (DUPLICATE, 190)):
            header.resizeSection(column, width)
        self.message = QLabel(self)
        self.message.setObjectName("promiseTreeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { background: #FBE3D6; color: #7A2E00; border-left: 5px solid #D55E00;"
                                   " padding: 6px 10px; font-weight: 600; }")
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.hide)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._syncing = False
        self._expanded: set[str] = set()
        self.model.modelAboutToBeReset.connect(self._remember_expanded)
        self.model.modelReset.connect(self._restore_expanded)
        self.view.selectionModel().selectionChanged.connect(self._selection_from_view)
        ctx.selection_changed.connect(self._selection_from_context)
        self._expand_when_shown = True
        """The groups open when the tree is first shown (laying out 30,000 rows in a hidden tab took ~1 s)."""

    def showEvent(self, event: QShowEvent) -> None:
        if self._expand_when_shown:
            self._expand_when_shown = False
            self.view.expandToDepth(1)
        super().showEvent(event)

    # -- re-parenting
    def refusal(self, promise_id: str, target: str) -> str | None:
        """Why a promise may not go under `target` (a promise id or a group key), in English; None when it may."""
        if target.startswith(GROUP):
            return None
        return reparent_refusal(self.ctx.document.model, promise_id, target)

    def reparent(self, promise_ids: list[str], target: str) -> str | None:
        """Put the promises under `target` (a promise, or GROUP + value id) as one undo step; a refusal is shown."""
        w = self.ctx.document.model
        is_group = target.startswith(GROUP)
        host = target[len(GROUP):] if is_group else target
        for pid in promise_ids:
            refused = self.refusal(pid, target)
            if refused:
                self.show_message(tr(str(REFUSALS.get(refused, refused))))
                return refused
        edits = []
        for pid in promise_ids:
            if self.ctx.document.find(pid) is None:
                continue
            found = reparent_changes(w, pid, host, is_group)
            if found:
                edits.append(Update("promise", pid, found))
        if not edits:
            return None
        edit = edits[0] if len(edits) == 1 else Batch(tuple(edits), "Move promises in the tree")
        reason = self.ctx.push(edit, lambda: tr("Move in the tree of promises"))
        if reason:
            self.show_message(reason)
        else:
            self.reveal(promise_ids[0])
        return reason

    def show_message(self, text: str) -> None:
        """Say why something was refused, above the tree, for a few seconds."""
        self.message.setText(text)
        self.message.show()
        self._message_timer.start()

    # -- alternatives (duplication)
    def _context_menu(self, pos: QPoint) -> None:
        key = self.model.key(self.view.indexAt(pos))
        p = self.ctx.document.find(key) if key and not key.startswith(GROUP) else None
        if not isinstance(p, m.Promise):
            return
        menu = QMenu(self)
        sub = menu.addMenu(tr("Alternative promiser (duplication)"))
        for team in self.ctx.document.model.teams:
            if team.id == p.from_:
                continue
            action = sub.addAction(team.name)
            action.setCheckable(True)
            action.setChecked(team.id in p.alternatives)
            action.setData(team.id)
        sub.triggered.connect(self._toggle_alternative)
        self._menu_promise = p.id
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _toggle_alternative(self, action: Any) -> None:
        p = self.ctx.document.find(getattr(self, "_menu_promise", ""))
        if isinstance(p, m.Promise):
            self.set_alternatives(p.id, toggled(p.alternatives, action.data()))

    def set_alternatives(self, promise_id: str, teams: tuple[str, ...]) -> str | None:
        """Mark the alternative promisers of a promise (one undo step)."""
        p = self.ctx.document.get(promise_id)
        if p.alternatives == teams:
            return None
        return self.ctx.push(Update("promise", promise_id, {"alternatives": (p.alternatives, teams)}),
                             lambda: tr("Mark alternative promisers"))

    # -- selection
    def _selection_from_view(self, *_args: Any) -> None:
        if self._syncing:
            return
        keys = [self.model.key(i) for i in self.view.selectionModel().selectedRows()]
        self.ctx.select([k for k in keys if k and not k.startswith(GROUP)])

    def _selection_from_context(self, ids: list[str]) -> None:
        wanted = [i for i in ids if i in self.model._row and not i.startswith(GROUP)]
        self._syncing = True
        try:
            selection = self.view.selectionModel()
            selection.clearSelection()
            for pid in wanted:
                selection.select(self.model.index_of(pid), selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)
            if wanted:
                self.reveal(wanted[0], select=False)
        finally:
            self._syncing = False

    def reveal(self, promise_id: str, select: bool = True) -> None:
        """Open the branches down to a promise and scroll to it."""
        index = self.model.index_of(promise_id)
        if not index.isValid():
            return
        up = index.parent()
        while up.isValid():
            if not self.view.isExpanded(up):
                self.view.expand(up)
            up = up.parent()
        if not self.view.visualRect(index).intersects(self.view.viewport().rect()):
            self.view.scrollTo(index)  # costly in a large open tree: only when the row is out of sight
        if select:
            self.view.selectionModel().setCurrentIndex(
                index, self.view.selectionModel().SelectionFlag.ClearAndSelect
                | self.view.selectionModel().SelectionFlag.Rows)

    def _remember_expanded(self) -> None:
        if self._expand_when_shown:
            return  # never shown: it opens its groups when it is
        self._expanded = {k for k in self.model._serial
                          if k in self.model._row and self.view.isExpanded(self.model.index_of(k))}

    def _restore_expanded(self) -> None:
        if self._expand_when_shown:
            return
        if not self._expanded:
            self.view.expandToDepth(1)
        for key in self._expanded:
            index = self.model.index_of(key)
            if index.isValid():
                self.view.expand(index)
        self._selection_from_context(self.ctx.selection)

    # -- language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text of the tree in the current language."""
        self.model.retranslate()
        self.message.hide()


def toggled(teams: tuple[str, ...], team: str) -> tuple[str, ...]:
    """`teams` with `team` added (at the end) or taken out."""
    return tuple(t for t in teams if t != team) if team in teams else (*teams, team)

"""The table beside the chart: factors × curves, the same levels, edited by keyboard."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from app import changes
from app import model as m
from app.changed import Changes
from app.edits import Batch
from app.strategy import format_level, snap_level
from widgets.canvas.axis import Metrics, wrap_elided
from widgets.canvas.common import DEAR_COLOR, MUTED, CanvasContext, Touch, qcolor, touch_in
from widgets.canvas.paste import paste_factor_names

AnyIndex = QModelIndex | QPersistentModelIndex
NAME, DEAR, FIRST_CURVE = 0, 1, 2
# Roles as plain ints: the model answers thousands of data() calls per paint and enum comparisons are slow.
DISPLAY, EDIT, TOOLTIP = (Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.EditRole.value,
                          Qt.ItemDataRole.ToolTipRole.value)
CHECK, ALIGN, FOREGROUND = (Qt.ItemDataRole.CheckStateRole.value, Qt.ItemDataRole.TextAlignmentRole.value,
                            Qt.ItemDataRole.ForegroundRole.value)
CENTER = int(Qt.AlignmentFlag.AlignCenter.value)


class LevelsModel(QAbstractTableModel):
    """Rows are the canvas's factors, columns its name, its price mark and one per curve; edits go to the document."""

    def __init__(self, ctx: CanvasContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.factor_ids: list[str] = []
        self.curve_ids: list[str] = []

    # ------------------------------------------------------------ follow
    def reset(self) -> None:
        """Show the context's canvas from scratch."""
        self.beginResetModel()
        canvas = self.ctx.canvas
        self.factor_ids = [f.id for f in canvas.factors] if canvas else []
        self.curve_ids = [c.id for c in canvas.curves] if canvas else []
        self.endResetModel()

    def apply(self, touch: Touch) -> None:
        """Tell the view about exactly the rows, columns and cells the edit touched."""
        canvas = self.ctx.canvas
        if touch.everything or canvas is None:
            self.reset()
            return
        if touch.factor_structure:
            self._sync(self.factor_ids, [f.id for f in canvas.factors], rows=True)
        if touch.curve_structure:
            self._sync(self.curve_ids, [c.id for c in canvas.curves], rows=False)
        if touch.canvas_fields & {"scale", "step"}:
            self._changed(0, FIRST_CURVE, len(self.factor_ids) - 1, self.columnCount() - 1)
        for curve_id, factor_id in touch.levels:
            if curve_id in self.curve_ids and factor_id in self.factor_ids:
                row, col = self.factor_ids.index(factor_id), FIRST_CURVE + self.curve_ids.index(curve_id)
                self._changed(row, col, row, col)
        for factor_id in touch.factors:
            if factor_id in self.factor_ids:
                row = self.factor_ids.index(factor_id)
                self._changed(row, NAME, row, DEAR)
        for curve_id in touch.curves:
            if curve_id in self.curve_ids:
                col = FIRST_CURVE + self.curve_ids.index(curve_id)
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, col, col)

    def retranslate(self) -> None:
        """Headers and tooltips in the current language."""
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self._changed(0, 0, len(self.factor_ids) - 1, self.columnCount() - 1)

    def _changed(self, r0: int, c0: int, r1: int, c1: int) -> None:
        if r1 >= r0 and c1 >= c0:
            self.dataChanged.emit(self.index(r0, c0), self.index(r1, c1))

    def _sync(self, ids: list[str], wanted: list[str], rows: bool) -> None:
        """Bring `ids` (the rows or the curve columns shown) to `wanted` by removals, insertions and moves."""
        offset = 0 if rows else FIRST_CURVE
        parent = QModelIndex()
        keep = set(wanted)
        for i in reversed(range(len(ids))):
            if ids[i] not in keep:
                (self.beginRemoveRows if rows else self.beginRemoveColumns)(parent, offset + i, offset + i)
                ids.pop(i)
                (self.endRemoveRows if rows else self.endRemoveColumns)()
        shown = set(ids)
        for i, obj_id in enumerate(wanted):
            if obj_id not in shown:
                at = min(i, len(ids))
                (self.beginInsertRows if rows else self.beginInsertColumns)(parent, offset + at, offset + at)
                ids.insert(at, obj_id)
                (self.endInsertRows if rows else self.endInsertColumns)()
        for i, obj_id in enumerate(wanted):  # ids[:i] == wanted[:i] here, so the one to bring is further on
            j = ids.index(obj_id)
            if j == i:
                continue
            begin = self.beginMoveRows if rows else self.beginMoveColumns
            if begin(parent, offset + j, offset + j, parent, offset + i):
                ids.insert(i, ids.pop(j))
                (self.endMoveRows if rows else self.endMoveColumns)()
            else:  # Qt refused the move: show the list from scratch
                self.reset()
                return

    # ------------------------------------------------------------- model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.factor_ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else FIRST_CURVE + len(self.curve_ids)

    def factor(self, row: int) -> m.Factor:
        """The factor shown in `row`."""
        return self.ctx.document.get(self.factor_ids[row])

    def curve(self, column: int) -> m.Curve | None:
        """The curve shown in `column`, or None for the factor columns."""
        return self.ctx.document.find(self.curve_ids[column - FIRST_CURVE]) if column >= FIRST_CURVE else None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        role = int(role)
        if role not in (DISPLAY, EDIT, TOOLTIP, CHECK, ALIGN, FOREGROUND) or not index.isValid():
            return None
        col = index.column()
        factor = self.ctx.document.find(self.factor_ids[index.row()])
        if factor is None:  # gone with a canvas the editor is about to leave
            return None
        if col == NAME:
            return factor.name if role in (DISPLAY, EDIT, TOOLTIP) else None
        if col == DEAR:
            if role == CHECK:
                return Qt.CheckState.Checked if factor.higher_is_costlier else Qt.CheckState.Unchecked
            if role == TOOLTIP:
                return self.tr("Price-like: a higher level means dearer for the buyer")
            return None
        curve = self.ctx.document.find(self.curve_ids[col - FIRST_CURVE])
        level = curve.levels.get(factor.id) if curve is not None else None
        if role == DISPLAY:
            return "–" if level is None else format_level(level)
        if role == EDIT:
            return format_level(level)
        if role == ALIGN:
            return CENTER
        if level is None:
            if role == FOREGROUND:
                return QBrush(QColor(MUTED))
            if role == TOOLTIP:
                return self.tr("Not scored yet: type a level")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == NAME:
            return self.tr("Factor") if role == Qt.ItemDataRole.DisplayRole else None
        if section == DEAR:
            if role == Qt.ItemDataRole.DisplayRole:
                return "▲"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Price-like factor: higher = dearer")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(DEAR_COLOR))
            return None
        if section >= self.columnCount():
            return None
        curve = self.curve(section)
        if curve is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return curve.name
        if role == Qt.ItemDataRole.DecorationRole:
            return qcolor(curve.color)  # the header draws it as a swatch beside the name
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == DEAR:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        factor = self.factor(index.row())
        doc = self.ctx.document
        if index.column() == NAME:
            name = " ".join(str(value).split())
            if not name or name == factor.name:
                return False
            return self.ctx.push(changes.update(doc, factor.id, name=name),
                                 lambda: QCoreApplication.translate("LevelsModel", "Rename factor"))
        if index.column() == DEAR:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            return self.ctx.push(changes.update(doc, factor.id, higher_is_costlier=bool(checked)))
        curve = self.curve(index.column())
        canvas = self.ctx.canvas
        assert curve is not None and canvas is not None
        text = str(value).strip().replace(",", ".")
        if text in ("", "–", "-"):
            level = None
        else:
            try:
                typed = float(text)
            except ValueError:
                typed = None
            low, high = canvas.scale
            if typed is None or typed != typed:  # not a number (NaN too)
                self.ctx.hinted.emit(self.tr("“%1” is not a level: type a number from %2 to %3")
                                     .replace("%1", str(value)).replace("%2", format_level(low))
                                     .replace("%3", format_level(high)))
                return False
            if not low <= typed <= high:  # refused, not clamped: the user sees why nothing changed
                self.ctx.hinted.emit(self.tr("%1 is outside the scale: type a level from %2 to %3")
                                     .replace("%1", str(value).strip()).replace("%2", format_level(low))
                                     .replace("%3", format_level(high)))
                return False
            level = snap_level(typed, canvas.scale, canvas.step)
        if curve.levels.get(factor.id) == level:
            return False
        return self.ctx.push(changes.set_level(doc, curve.id, factor.id, level))


class CurveHeader(QHeaderView):
    """The column headers: each curve's name on up to two lines beside its colour swatch, never under it."""

    SWATCH = 12
    PAD = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def _font(self, section: int) -> QFont:
        font = QFont(self.font())
        selection = self.selectionModel()
        if selection is not None and self.highlightSections() and selection.columnIntersectsSelection(section):
            font.setBold(True)
        return font

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        bold = QFont(self.font())
        bold.setBold(True)
        return QSize(hint.width(), max(hint.height(), math.ceil(2 * QFontMetricsF(bold).lineSpacing()) + 8))

    def label_lines(self, section: int, width: float | None = None) -> list[str]:
        """The curve's name as drawn in its header: wrapped on at most two lines, the last elided if need be."""
        model = self.model()
        text = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        if width is None:
            width = self.sectionSize(section) - self.text_left() - self.PAD
        return wrap_elided(text, Metrics(self._font(section)), max(8.0, width), 2)

    def text_left(self) -> int:
        """Where a curve's name starts in its section: right of the swatch and a gap."""
        return self.PAD + self.SWATCH + self.PAD

    def needed_width(self, section: int) -> int:
        """The width that shows the curve's name whole on two lines (its longest word on one)."""
        model = self.model()
        text = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        fm = Metrics(self._bold())  # measured bold: the current curve's header is set bold
        words = text.split() or [""]
        best = max(fm.horizontalAdvance(w) for w in words)
        if len(words) > 1:  # the narrowest split into two lines
            halves = ((" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words)))
            best = max(best, min(max(fm.horizontalAdvance(a), fm.horizontalAdvance(b)) for a, b in halves))
        return math.ceil(best) + self.text_left() + self.PAD

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802 - Qt override
        model = self.model()
        color = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) \
            if model is not None else None
        if not isinstance(color, QColor):
            super().paintSection(painter, rect, section)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = section
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        lines = self.label_lines(section)
        font = self._font(section)
        line_h = QFontMetricsF(font).lineSpacing()
        block = len(lines) * line_h
        top = rect.top() + (rect.height() - block) / 2
        swatch_y = top + min(line_h, block) / 2 - self.SWATCH / 2
        painter.fillRect(QRectF(rect.left() + self.PAD, swatch_y, self.SWATCH, self.SWATCH), color)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        left = rect.left() + self.text_left()
        for i, line in enumerate(lines):
            painter.drawText(QRectF(left, top + i * line_h, rect.right() - left - self.PAD + 2, line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        painter.restore()


class LevelsTable(QTableView):
    """The levels as a grid; Delete clears the selected levels in one undoable edit; selection follows the chart."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.levels = LevelsModel(ctx)
        self.setHorizontalHeader(CurveHeader(self))
        self.setModel(self.levels)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(66)
        header.setMinimumSectionSize(28)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self._syncing = False
        self.selectionModel().currentChanged.connect(self._current_changed)
        ctx.selection_changed.connect(self.show_selection)

    def reset_canvas(self) -> None:
        """Show the context's canvas."""
        self.levels.reset()
        self._size_columns()
        self.show_selection()

    def _size_columns(self) -> None:
        """Each curve column as wide as its name needs on two lines, plus a share of the width left over."""
        header = self.horizontalHeader()
        assert isinstance(header, CurveHeader)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DEAR, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(DEAR, 28)
        curves = range(FIRST_CURVE, self.levels.columnCount())
        needed = {c: max(66, header.needed_width(c)) for c in curves}
        room = self.viewport().width() - 28
        header.resizeSection(NAME, int(max(120, min(170, room - sum(needed.values())))))  # factor names give way
        room -= header.sectionSize(NAME)
        share = max(0.0, room - sum(needed.values())) / max(1, len(needed))  # the width left, shared out
        for column in curves:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, int(needed[column] + share))
        header.updateGeometry()

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(ev)
        self._size_columns()

    def apply(self, changes: Changes) -> None:
        """Follow one applied edit (the current cell moving with removed rows does not change the selection)."""
        touch = touch_in(changes, self.ctx.canvas_id)
        self._syncing = True
        try:
            self.levels.apply(touch)
        finally:
            self._syncing = False
        if touch.curve_structure or touch.everything:
            self._size_columns()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        """The column headers and the cells' tooltips in the current language."""
        self.levels.retranslate()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        factor_id = self.levels.factor_ids[current.row()]
        curve = self.levels.curve(current.column())
        if curve is not None:
            self.ctx.select(curve.id, factor_id)
        else:
            self.ctx.select(factor_id=factor_id)

    def show_selection(self) -> None:
        """Make the selected point (or factor) the current cell."""
        ids, curves = self.levels.factor_ids, self.levels.curve_ids
        if self.ctx.factor_id not in ids:
            return
        row = ids.index(self.ctx.factor_id)
        current = self.currentIndex()
        col = FIRST_CURVE + curves.index(self.ctx.curve_id) if self.ctx.curve_id in curves else NAME
        if current.isValid() and current.row() == row and (current.column() == col or col == NAME):
            return
        self._syncing = True
        try:
            self.selectionModel().setCurrentIndex(self.levels.index(row, col),
                                                  QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._syncing = False

    def event(self, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.ShortcutOverride and ev.matches(QKeySequence.StandardKey.Delete):
            ev.accept()  # Delete clears the selected levels here, not what a window-wide action would delete
            return True
        if ev.type() == QEvent.Type.ShortcutOverride and ev.matches(QKeySequence.StandardKey.Paste) \
                and self.state() != QAbstractItemView.State.EditingState:
            ev.accept()  # Ctrl+V adds the clipboard's factor names
            return True
        return super().event(ev)

    def keyPressEvent(self, ev: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if ev.matches(QKeySequence.StandardKey.Delete) and self.state() != QAbstractItemView.State.EditingState:
            self.clear_selected()
            ev.accept()
            return
        if ev.matches(QKeySequence.StandardKey.Paste) and self.state() != QAbstractItemView.State.EditingState:
            paste_factor_names(self.ctx)
            ev.accept()
            return
        super().keyPressEvent(ev)

    def clear_selected(self) -> None:
        """Unscore every selected level: one batch."""
        doc = self.ctx.document
        edits = []
        for index in self.selectedIndexes():
            curve = self.levels.curve(index.column())
            factor_id = self.levels.factor_ids[index.row()]
            if curve is not None and curve.levels.get(factor_id) is not None:
                edits.append(changes.set_level(doc, curve.id, factor_id, None))
        if edits:
            self.ctx.push(Batch(tuple(edits)), lambda: QCoreApplication.translate("LevelsTable", "Clear levels"))

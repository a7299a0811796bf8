"""An editable list of authorities or resources: each item with its granted tick, edited with the keyboard."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import model as m

_INDEX = Qt.ItemDataRole.UserRole + 1


class GrantListView(QListWidget):
    """The list: Insert or Ctrl+N adds an item, Delete removes it, Alt+Up/Down reorders, Space ticks, F2 edits."""

    add_requested = Signal()
    remove_requested = Signal()
    move_requested = Signal(int)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Insert or event.matches(QKeySequence.StandardKey.New) \
                    or event.matches(QKeySequence.StandardKey.Delete):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Insert or event.matches(QKeySequence.StandardKey.New):
                self.add_requested.emit()
                return
            if event.matches(QKeySequence.StandardKey.Delete) and self.currentItem() is not None:
                self.remove_requested.emit()
                return
            if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
                return
        super().keyPressEvent(event)


class GrantList(QWidget):
    """Authorities or resources of one promise; every change is emitted as the whole new tuple (one edit)."""

    grants_edited = Signal(tuple)

    def __init__(self, new_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_text = new_text
        self.grants: tuple[m.Grant, ...] = ()
        self.view = GrantListView(self)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.itemChanged.connect(self._item_changed)
        self.view.add_requested.connect(self.add)
        self.view.remove_requested.connect(self.remove_current)
        self.view.move_requested.connect(self.move_current)
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for name, text, slot in (("add", "+", self.add), ("remove", "−", self.remove_current),
                                 ("up", "↑", lambda: self.move_current(-1)),
                                 ("down", "↓", lambda: self.move_current(1))):
            button = self.buttons[name] = QToolButton(self)
            button.setText(text)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._pending_edit: int | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The buttons' and the ticks' tooltips in the current language."""
        for name, tip in (("add", self.tr("Add (Insert)")), ("remove", self.tr("Remove (Delete)")),
                          ("up", self.tr("Move up (Alt+Up)")), ("down", self.tr("Move down (Alt+Down)"))):
            self.buttons[name].setToolTip(tip)
            self.buttons[name].setStatusTip(tip)
        blocked = self.view.blockSignals(True)  # a tooltip is no edit
        try:
            for row in range(self.view.count()):
                item = self.view.item(row)
                item.setToolTip(self._tick_tip(item.checkState() == Qt.CheckState.Checked))
        finally:
            self.view.blockSignals(blocked)

    def _tick_tip(self, granted: bool) -> str:
        return self.tr("Granted") if granted else self.tr("Not granted yet")

    def set_grants(self, grants: tuple[m.Grant, ...]) -> None:
        """Show `grants` (from the document), keeping the current row."""
        row = self.view.currentRow()
        self.grants = tuple(grants)
        self.view.blockSignals(True)
        self.view.clear()
        for i, g in enumerate(self.grants):
            item = QListWidgetItem(g.text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if g.granted else Qt.CheckState.Unchecked)
            item.setData(_INDEX, i)
            item.setToolTip(self._tick_tip(g.granted))
            self.view.addItem(item)
        self.view.blockSignals(False)
        if self.grants:
            self.view.setCurrentRow(min(max(row, 0), len(self.grants) - 1))
        self.view.setFixedHeight(max(56, min(6, len(self.grants) + 1) * 26 + 6))
        if self._pending_edit is not None and self._pending_edit < self.view.count():
            item = self.view.item(self._pending_edit)
            self._pending_edit = None
            self.view.setCurrentItem(item)
            self.view.editItem(item)

    def _item_changed(self, item: QListWidgetItem) -> None:
        i = item.data(_INDEX)
        if i is None or not 0 <= i < len(self.grants):
            return
        text = " ".join(item.text().split())
        granted = item.checkState() == Qt.CheckState.Checked
        old = self.grants[i]
        if not text:  # emptied: the item goes
            self.grants_edited.emit(self.grants[:i] + self.grants[i + 1:])
        elif (text, granted) != (old.text, old.granted):
            self.grants_edited.emit(self.grants[:i] + (replace(old, text=text, granted=granted),) + self.grants[i + 1:])

    def add(self) -> None:
        """Add an item after the current one and start typing its text."""
        at = self.view.currentRow() + 1 if self.view.currentRow() >= 0 else len(self.grants)
        self._pending_edit = at
        self.view.setFocus()
        self.grants_edited.emit(self.grants[:at] + (m.Grant(self.new_text, False),) + self.grants[at:])

    def remove_current(self) -> None:
        """Remove the current item."""
        i = self.view.currentRow()
        if 0 <= i < len(self.grants):
            self.grants_edited.emit(self.grants[:i] + self.grants[i + 1:])

    def move_current(self, step: int) -> None:
        """Move the current item up (-1) or down (+1)."""
        i = self.view.currentRow()
        j = i + step
        if 0 <= i < len(self.grants) and 0 <= j < len(self.grants):
            items = list(self.grants)
            items[i], items[j] = items[j], items[i]
            self.view.setCurrentRow(j)
            self.grants_edited.emit(tuple(items))

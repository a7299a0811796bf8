"""A table page: what the stage asks for, buttons to add and delete rows, and the editable table itself."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import changes
from app.document import Document
from widgets.base.table_specs import NewRow
from widgets.base.tables import Column, ObjectTable, ObjectTableModel
from widgets.base.undo import push_edit


class TablePage(QWidget):
    """One list of the workshop as a table, with its explanation; rows are added after the current one."""

    hint = Signal(str)

    def __init__(self, document: Document, undo_stack: QUndoStack, kind: str, columns: list[Column],
                 new_row: NewRow, first_key: str, about: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.new_row = new_row
        self.first_key = first_key
        self._about = about
        self.model = ObjectTableModel(document, undo_stack, kind, columns, self)
        self.table = ObjectTable(self.model)
        self.about_label = QLabel(objectName="pageAbout", wordWrap=True)
        self.add_button = QPushButton(objectName="addRow")
        self.delete_button = QPushButton(objectName="deleteRows")
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.table.delete_selected)
        self.table.add_requested.connect(self.add_row)
        self.table.selection_changed.connect(lambda ids: self.delete_button.setEnabled(bool(ids)))
        self.model.edit_refused.connect(self.hint)
        self.delete_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 10, 12, 8)
        bar.addWidget(self.about_label, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def add_row(self) -> None:
        """Add a row after the current one (or at the end) and start typing into it."""
        current = self.table.current_id()
        near = self.document.find(current) if current else None
        obj = self.new_row(self.document, near)
        if isinstance(obj, str):
            self.hint.emit(obj)
            return
        index = self.model.position_of(current) + 1 if current else None  # its row when sorted differs
        reason = push_edit(self.undo_stack, self.document, changes.insert(self.document, obj, index))
        if reason is not None:
            self.hint.emit(reason)
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.select_ids([obj.id])
        self.table.edit_cell(obj.id, self.first_key)

    def select_ids(self, ids: list[str], column: str | None = None) -> None:
        """Select the rows of `ids` and, given a column key, put the keyboard on that cell."""
        self.table.select_ids(ids)
        if column and ids:
            index = self.table.proxy_index(ids[0], max(self.model.column_of(column), 0))
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.about_label.setText(QCoreApplication.translate("pages", self._about) if self._about else "")
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add a row after the current one (Insert)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected rows and what hangs on them (Delete); "
                                              "Undo brings them back"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

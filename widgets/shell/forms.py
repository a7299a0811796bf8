"""The workshop's own page: the evolutionary goal, the workshop's details, and the root values with their holders."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app.changed import WORKSHOP, Changes
from app.document import Document
from widgets.base.live import changes_of
from widgets.base.table_specs import VALUES_COLUMNS, new_value
from widgets.base.tables import parse_date
from widgets.base.undo import push_edit
from widgets.shell.i18n import LANGUAGES
from widgets.shell.table_page import TablePage


class TextBox(QPlainTextEdit):
    """A multi-line field that commits when it loses the focus or on Ctrl+Enter; Tab moves on."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.committed.emit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if control and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.committed.emit()
            return
        super().keyPressEvent(event)


class WorkshopForm(QWidget):
    """Fields of the workshop's details; each finished field is one undoable edit, undo shows here at once."""

    hint = Signal(str)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopForm")
        self.document = document
        self.undo_stack = undo_stack
        self.fields: dict[str, QLineEdit | TextBox | QComboBox] = {}
        self.labels: dict[str, QLabel] = {}

        goal_box = QFrame(objectName="goalBox")
        goal = QVBoxLayout(goal_box)
        goal.setContentsMargins(16, 10, 16, 12)
        goal.setSpacing(4)
        self.goal_caption = QLabel(objectName="goalCaption")
        goal.addWidget(self.goal_caption)
        goal.addWidget(self._text("evolutionary_goal", 3, "goalEdit"))
        self.rationale_caption = QLabel(objectName="fieldCaption")
        goal.addWidget(self.rationale_caption)
        goal.addWidget(self._text("goal_rationale", 2))

        details = QFormLayout()
        details.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        details.setHorizontalSpacing(12)
        details.setVerticalSpacing(8)
        for name in ("title", "organization", "facilitator", "date"):
            self.labels[name] = QLabel()
            details.addRow(self.labels[name], self._line(name))
        self.labels["language"] = QLabel()
        language = QComboBox(objectName="languageField")
        for code, label in LANGUAGES.items():
            language.addItem(label, code)
        language.activated.connect(lambda _i: self.commit("language"))
        self.fields["language"] = language
        details.addRow(self.labels["language"], language)
        self.labels["notes"] = QLabel()
        details.addRow(self.labels["notes"], self._text("notes", 2))

        self.values_caption = QLabel(objectName="sectionCaption")
        self.values = TablePage(document, undo_stack, "value", VALUES_COLUMNS, new_value, "name", parent=self)
        self.values.hint.connect(self.hint)

        grid = QGridLayout(self)
        grid.setContentsMargins(20, 16, 20, 8)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        grid.addWidget(goal_box, 0, 0)
        grid.addLayout(details, 0, 1)
        grid.addWidget(self.values_caption, 1, 0, 1, 2)
        grid.addWidget(self.values, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(2, 1)

        self.show_fields()
        self.retranslate()
        changes_of(document).changed.connect(self._on_changes)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(objectName=f"{name}Field")
        edit.editingFinished.connect(lambda: self.commit(name))
        self.fields[name] = edit
        return edit

    def _text(self, name: str, lines: int, object_name: str = "") -> TextBox:
        box = TextBox()
        box.setObjectName(object_name or f"{name}Field")
        box.committed.connect(lambda: self.commit(name))
        height = box.fontMetrics().lineSpacing() * lines + 14
        box.setMinimumHeight(height)
        box.setMaximumHeight(height + box.fontMetrics().lineSpacing() * 2)
        self.fields[name] = box
        return box

    def value_of(self, name: str) -> str:
        """What the field of `name` holds now."""
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        return widget.toPlainText().strip()

    def commit(self, name: str) -> None:
        """Turn the field's text into one edit of the workshop's details (nothing when unchanged)."""
        value = self.value_of(name)
        if value == getattr(self.document.model.info, name):
            return
        if name == "date" and value:
            try:
                value = parse_date(value, self.tr("“{text}” is not a date: type it as YYYY-MM-DD")) or ""
            except ValueError as problem:
                self.hint.emit(str(problem))
                self.show_fields([name])
                return
        reason = push_edit(self.undo_stack, self.document, changes.update(self.document, "", **{name: value}))
        if reason is not None:
            self.hint.emit(reason)
            self.show_fields([name])

    def show_fields(self, names: list[str] | None = None) -> None:
        """Show the model's values in the fields (all, or those named)."""
        info = self.document.model.info
        for name in names or list(self.fields):
            widget, value = self.fields[name], getattr(info, name)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QLineEdit):
                if widget.text() != value:
                    widget.setText(value)
            elif widget.toPlainText() != value:
                widget.setPlainText(value)
            widget.blockSignals(False)

    def focus_field(self, name: str) -> None:
        """Put the keyboard into a field (the goal when a stage asks for it)."""
        widget = self.fields.get(name)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changes(self, changed: Changes) -> None:
        """Show the details an edit changed (all of them after a snapshot is restored)."""
        if changed.everything:
            self.show_fields()
            return
        names = [name for name in changed.fields(WORKSHOP) if name in self.fields]
        if names:
            self.show_fields(names)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.goal_caption.setText(self.tr("EVOLUTIONARY GOAL"))
        self.fields["evolutionary_goal"].setPlaceholderText(
            self.tr("Why the company exists for its clients: the goal that every team serves"))
        self.rationale_caption.setText(self.tr("Why this goal"))
        captions = {
            "title": self.tr("Workshop"),
            "organization": self.tr("Organisation"),
            "facilitator": self.tr("Facilitator"),
            "date": self.tr("Date"),
            "language": self.tr("Handout language"),
            "notes": self.tr("Notes"),
        }
        for name, text in captions.items():
            self.labels[name].setText(text)
        self.fields["date"].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.values_caption.setText(self.tr("Root values and their holders in the council of managers"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The one QUndoCommand that wraps the core's edits: redo applies the edit, undo applies its inverse."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.document import Document, EditRefused
from app.edits import Edit, describe


class EditCommand(QUndoCommand):
    """An edit of the document on Qt's undo stack; its text names the edit ("Move team")."""

    def __init__(self, document: Document, edit: Edit, text: str | None = None, applied: bool = False) -> None:
        super().__init__(text or QCoreApplication.translate("edits", describe(edit)))
        self.document = document
        self.edit = edit
        self._skip_first_redo = applied

    def redo(self) -> None:
        if self._skip_first_redo:  # QUndoStack.push calls redo; the edit was applied already
            self._skip_first_redo = False
            return
        self.document.apply(self.edit)

    def undo(self) -> None:
        self.document.apply(self.edit.inverse())


def push_edit(stack: QUndoStack, document: Document, edit: Edit, text: str | None = None) -> str | None:
    """Apply `edit` and put it on the undo stack; returns None, or why the document refused it (nothing pushed)."""
    try:
        document.apply(edit)
    except EditRefused as refused:
        return str(refused)
    stack.push(EditCommand(document, edit, text, applied=True))
    return None

"""Undo and redo for scripts and tests: a stack of applied edits, each undone by applying its inverse."""

from __future__ import annotations

from app.document import Document
from app.edits import Edit, describe


class History:
    """Applies edits to a document and keeps them so they can be undone and redone."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._done: list[Edit] = []
        self._undone: list[Edit] = []

    def push(self, edit: Edit) -> None:
        """Apply `edit` and remember it; the redo stack is forgotten."""
        self.document.apply(edit)
        self._done.append(edit)
        self._undone.clear()

    def undo(self) -> Edit | None:
        """Undo the last edit (apply its inverse); returns it, or None when there is nothing to undo."""
        if not self._done:
            return None
        edit = self._done[-1]
        self.document.apply(edit.inverse())
        self._undone.append(self._done.pop())
        return edit

    def redo(self) -> Edit | None:
        """Apply again the last undone edit; returns it, or None."""
        if not self._undone:
            return None
        edit = self._undone[-1]
        self.document.apply(edit)
        self._done.append(self._undone.pop())
        return edit

    @property
    def undo_text(self) -> str:
        """What Undo would undo, for a menu ("" when nothing)."""
        return describe(self._done[-1]) if self._done else ""

    @property
    def redo_text(self) -> str:
        """What Redo would redo, for a menu ("" when nothing)."""
        return describe(self._undone[-1]) if self._undone else ""

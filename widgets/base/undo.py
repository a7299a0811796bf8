"""The QUndoCommands that wrap the core's edits: redo applies the edit, undo applies its inverse.

A command's text is the edit's name in the current language: it is computed when shown, not when made, so
`retranslate_commands` renames the whole history after the language changes.
"""

from __future__ import annotations

import logging
from typing import Callable, Union

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.collab.rebase import is_shared, rebased
from app.document import Document, EditRefused
from app.edits import Edit, describe

log = logging.getLogger(__name__)

Name = Union[str, Callable[[], str], None]
"""How a command is named: None (the edit's own description, translated), a function that names it in the
current language, or a fixed text (kept as it is: pass a function when it should follow the language)."""


def edit_text(edit: Edit, name: Name = None) -> str:
    """The undo history's name of `edit` in the current language."""
    if callable(name):
        return name()
    if name:
        return name
    return QCoreApplication.translate("edits", describe(edit))


class EditCommand(QUndoCommand):
    """An edit of the document on Qt's undo stack; its text names the edit ("Move team")."""

    def __init__(self, document: Document, edit: Edit, text: Name = None, applied: bool = False) -> None:
        super().__init__(edit_text(edit, text))
        self.document = document
        self.edit = edit
        self._name = text
        self._skip_first_redo = applied

    def retranslate(self) -> None:
        """Name the command again in the current language."""
        self.setText(edit_text(self.edit, self._name))

    def redo(self) -> None:
        if self._skip_first_redo:  # QUndoStack.push calls redo; the edit was applied already
            self._skip_first_redo = False
            return
        apply_again(self.document, self.edit)

    def undo(self) -> None:
        apply_again(self.document, self.edit.inverse())


class EditGroup(QUndoCommand):
    """Several edits, each applied as it is added, undone and redone as one step ("Delete 3 rows")."""

    def __init__(self, document: Document, name: Callable[[], str]) -> None:
        super().__init__(name())
        self.document = document
        self._name = name
        self.edits: list[Edit] = []
        self._skip_first_redo = True

    def add(self, edit: Edit) -> str | None:
        """Apply `edit` now as part of the group; returns None, or why the document refused it (not added)."""
        try:
            self.document.apply(edit)
        except EditRefused as refused:
            return str(refused)
        self.edits.append(edit)
        return None

    def retranslate(self) -> None:
        """Name the group again in the current language."""
        self.setText(self._name())

    def redo(self) -> None:
        if self._skip_first_redo:  # the edits were applied as they were added
            self._skip_first_redo = False
            return
        for edit in self.edits:
            apply_again(self.document, edit)

    def undo(self) -> None:
        for edit in reversed(self.edits):
            apply_again(self.document, edit.inverse())


def apply_again(document: Document, edit: Edit) -> None:
    """Apply an undo or redo step; on a shared workshop, where others' edits may have come since, its objects are
    found where they now stand, and a step whose objects others removed is skipped (logged), not an error."""
    try:
        document.apply(rebased(document, edit))
    except EditRefused:
        if not is_shared(document):
            raise
        log.info("an undo step no longer applies on the shared workshop: %s", edit, exc_info=True)


def push_edit(stack: QUndoStack, document: Document, edit: Edit, text: Name = None) -> str | None:
    """Apply `edit` and put it on the undo stack; returns None, or why the document refused it (nothing pushed).

    The edit is on the stack whatever the views following it do: a view that fails is the error handler's
    business, never a reason to lose the undo step of an edit already committed.
    """
    try:
        document.apply(edit)
    except EditRefused as refused:
        return str(refused)
    stack.push(EditCommand(document, edit, text, applied=True))
    return None


def push_group(stack: QUndoStack, group: EditGroup) -> None:
    """Put a group on the undo stack (nothing when none of its edits was applied)."""
    if group.edits:
        stack.push(group)


def retranslate_commands(stack: QUndoStack) -> None:
    """Name every command of `stack` again in the current language (after a language change)."""
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, (EditCommand, EditGroup)):
            command.retranslate()

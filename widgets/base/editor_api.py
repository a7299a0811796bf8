"""The interface every drawing editor offers the shell: Edit and View menu actions, selection, language."""

from __future__ import annotations

from enum import Enum
from typing import Protocol


class EditorAction(Enum):
    """Shell actions that act on the editor in front."""

    DELETE = "delete"
    SELECT_ALL = "select_all"
    COPY_PICTURE = "copy_picture"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_FIT = "zoom_fit"
    FIND = "find"


class Editor(Protocol):
    """A drawing editor (strategy canvas, structure, promise map) as the shell sees it.

    The shell calls these without probing for names: `unavailable(action)` says, in the current language,
    why an action does not apply now (the action is then disabled with that reason as its status tip), or
    None when it does.
    """

    def unavailable(self, action: EditorAction) -> str | None:
        """Why `action` cannot be used now (shown as the disabled action's status tip), or None."""
        ...

    def delete_selection(self) -> None:
        """Delete what is selected, as one undoable edit."""
        ...

    def select_all(self) -> None:
        """Select every object the editor shows."""
        ...

    def copy_picture(self) -> None:
        """Put a picture of what the editor shows on the clipboard."""
        ...

    def zoom_in(self) -> None:
        """Show larger."""
        ...

    def zoom_out(self) -> None:
        """Show smaller."""
        ...

    def zoom_fit(self) -> None:
        """Fit everything in the window."""
        ...

    def find(self, text: str) -> int:
        """Select the objects whose text contains `text` (case-insensitive) and show the first; returns how many."""
        ...

    def selected_ids(self) -> list[str]:
        """Ids of the selected objects, in a stable order."""
        ...

    def select_ids(self, ids: list[str]) -> None:
        """Select these objects and bring the first into view."""
        ...

    def retranslate(self) -> None:
        """Every text the editor shows (not the workshop's own data) in the current language."""
        ...

"""The one Qt object per open workshop that re-emits what each edit changed; views connect a bound method to it."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject, Signal

from app.changed import Changes
from app.document import Document

_CHANNELS: WeakKeyDictionary[Document, DocumentChanges] = WeakKeyDictionary()


class DocumentChanges(QObject):
    """Emits `changed(Changes)` after every edit applied to its document.

    Connect a bound method of a QObject (`changes_of(doc).changed.connect(self._on_changes)`): Qt drops the
    connection when that object is destroyed, so a view never unsubscribes by hand. A slot that raises is
    logged and shown by the error handler; the edit is already on the undo stack and the other slots still run.
    """

    changed = Signal(object)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.setObjectName("documentChanges")
        document.listen(self._announce)  # no reference back to the document: it may go when its window does

    def _announce(self, changes: Changes) -> None:
        self.changed.emit(changes)


def changes_of(document: Document) -> DocumentChanges:
    """The change channel of `document` (made on first use; it lives as long as the document)."""
    channel = _CHANNELS.get(document)
    if channel is None:
        channel = DocumentChanges(document)
        _CHANNELS[document] = channel
    return channel

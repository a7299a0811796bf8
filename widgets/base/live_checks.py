"""The one live checks object per open workshop: findings kept up to date edit by edit, in the user's language.

The checks panel, the promise editor and the stage navigator read the same `app.live_checks.LiveChecks`; it
checks the whole workshop once (when first asked), then after each edit only what the edit can affect, and
emits `updated(FindingsUpdate)` when findings changed.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary, ref

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.changed import Changes
from app.document import Document
from app.live_checks import FindingsUpdate, LiveChecks
from widgets.base.findings_text import TEMPLATES, translated_templates

_CHECKS: WeakKeyDictionary[Document, ref[DocumentChecks]] = WeakKeyDictionary()
"""Weak both ways: the document keeps its checks (as a listener), the checks keep the document; a closed workshop
goes with its checks."""


class DocumentChecks(QObject):
    """Emits `updated(FindingsUpdate)` after an edit changed findings (or the language changed their words).

    Connect a bound method of a QObject, as for `widgets.base.live`. `live()` gives the findings (checking the
    whole workshop the first time it is called: a view asks after its first frame).
    """

    updated = Signal(object)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.setObjectName("documentChecks")
        self.document = document
        self._live: LiveChecks | None = None
        self._words: tuple[str, ...] = ()
        # Told by the document itself, as the change channel is: no view's slot, it goes with the document.
        document.listen(self._on_changes)

    @property
    def ready(self) -> bool:
        """Whether the findings have been worked out (else `live()` checks the whole workshop first)."""
        return self._live is not None

    def live(self) -> LiveChecks:
        """The findings, up to date."""
        if self._live is None:
            self._words = _words()
            self._live = LiveChecks(self.document, translated_templates(document=self.document))
        return self._live

    def retranslate(self) -> None:
        """Word every finding in the current language (nothing happens when it has not changed)."""
        if self._live is None or _words() == self._words:
            return
        self._words = _words()
        self.updated.emit(self._live.set_templates(translated_templates(document=self.document)))

    def _on_changes(self, changes: Changes) -> None:
        if self._live is None:
            return
        found = self._live.update(changes)
        if found.codes:
            self.updated.emit(found)


def _words() -> tuple[str, ...]:
    """The check templates in the current language (to tell whether the language changed)."""
    return tuple(QCoreApplication.translate("checks", text) for text in TEMPLATES.values())


def checks_of(document: Document) -> DocumentChecks:
    """The live checks of `document` (made on first use; they live as long as the document)."""
    known = _CHECKS.get(document)
    found = known() if known is not None else None
    if found is None:
        found = DocumentChecks(document)
        _CHECKS[document] = ref(found)
    return found


__all__ = ["DocumentChecks", "FindingsUpdate", "checks_of"]

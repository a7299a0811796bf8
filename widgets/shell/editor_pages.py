"""Pages for the drawing editors: each editor is imported and built only when its page is first shown."""

from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.document import Document
from widgets.base.editor_api import Editor, EditorAction
from widgets.shell import heap

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EditorSpec:
    """Where an editor lives and how its page is named and explained."""

    key: str
    module: str
    cls: str
    title: str
    about: str


EDITORS: dict[str, EditorSpec] = {
    spec.key: spec
    for spec in (
        EditorSpec("canvas", "widgets.canvas.editor", "CanvasEditor", QT_TRANSLATE_NOOP("pages", "Strategy canvas"),
                   QT_TRANSLATE_NOOP("pages", "Competing factors, value curves and the ERRC grid (stage 3).")),
        EditorSpec("structure", "widgets.structure.editor", "StructureEditor", QT_TRANSLATE_NOOP("pages", "Structure"),
                   QT_TRANSLATE_NOOP("pages", "The organisation drawn from the client: segments, client-facing "
                                              "and service teams, the council (stage 6).")),
        EditorSpec("promises", "widgets.promises.editor", "PromiseMapEditor", QT_TRANSLATE_NOOP("pages", "Promise map"),
                   QT_TRANSLATE_NOOP("pages", "Who promises what to whom, with metrics, authorities and resources "
                                              "(stages 4 and 5).")),
        EditorSpec("dashboard", "widgets.dashboard.view", "DashboardView", QT_TRANSLATE_NOOP("pages", "Dashboard"),
                   QT_TRANSLATE_NOOP("pages", "Transparency in figures: every client and internal promise and every "
                                              "team's indicator, its latest figures, kept or broken.")),
    )
}


def editor_available(spec: EditorSpec) -> bool:
    """Whether the editor's module exists in this build (looked up without importing the editor itself)."""
    try:
        return importlib.util.find_spec(spec.module) is not None
    except (ImportError, ValueError):
        return False


class EditorPage(QWidget):
    """Holds one editor; builds it on first show (or first select), or a calm placeholder while it does not exist."""

    selection_changed = Signal(list)

    def __init__(self, spec: EditorSpec, document: Document, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{spec.key}Page")
        self.spec = spec
        self.document = document
        self.undo_stack = undo_stack
        self.editor: Editor | None = None
        self.placeholder: QLabel | None = None
        self._built = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        """Whether the page has been built (the editor, or its placeholder)."""
        return self._built

    def ensure_built(self) -> Editor | None:
        """Build the editor now if it is not built yet; returns it, or None when it is not available."""
        if self._built:
            return self.editor
        self._built = True
        if editor_available(self.spec):
            try:
                module = importlib.import_module(self.spec.module)
                with heap.reading():  # a large workshop's diagram is many objects that live as long as the page
                    self.editor = getattr(module, self.spec.cls)(self.document, self.undo_stack, self)
            except Exception:  # a broken editor must not take the workshop down with it
                log.exception("could not build the %s editor", self.spec.key)
                self.editor = None
        if self.editor is not None:
            widget = cast(QWidget, self.editor)
            self._layout.addWidget(widget)
            widget.show()  # now, not when the event loop next runs: its keys work at once
            widget.selection_changed.connect(self.selection_changed)  # every editor has it (Signal(list))
        else:
            self.placeholder = QLabel(objectName="editorPlaceholder", alignment=Qt.AlignmentFlag.AlignCenter,
                                      wordWrap=True)
            self._layout.addWidget(self.placeholder)
            self.retranslate()
        return self.editor

    def select_ids(self, ids: list[str]) -> bool:
        """Select objects in the editor (building it first); False when there is no editor to select in."""
        editor = self.ensure_built()
        if editor is None:
            return False
        editor.select_ids(list(ids))
        return True

    def unavailable(self, action: EditorAction) -> str | None:
        """Why `action` cannot act on this page now (in the current language), or None when it can."""
        editor = self.ensure_built()
        if editor is None:
            return self.tr("This editor is coming.")
        return editor.unavailable(action)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)

    def retranslate(self) -> None:
        """The placeholder's text in the current language."""
        if self.placeholder is not None:
            title = QCoreApplication.translate("pages", self.spec.title)
            about = QCoreApplication.translate("pages", self.spec.about)
            coming = self.tr("This editor is coming.")
            self.placeholder.setText(f"{title}\n\n{about}\n\n{coming}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

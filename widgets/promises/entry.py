"""Typing a new promise where it was drawn: a line edit over the arrow's middle; Enter adds it, Escape drops it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QLineF, QRect, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from widgets.diagram.inline_edit import ViewLineEdit
from widgets.diagram.items import NodeItem
from widgets.diagram.style import SELECTION, diagram_font
from widgets.diagram.view import DiagramView

Done = Callable[[str, str, "str | None"], None]
"""Called once with the promiser, the promisee and the typed text (None when dropped)."""


class PromiseEntry(ViewLineEdit):
    """A line edit over the middle of a dashed preview arrow from the promiser to the promisee."""

    def __init__(self, view: DiagramView, source: NodeItem, target: NodeItem, prompt: str, done: Done) -> None:
        super().__init__(view, "promiseEntry", "3px 6px")
        self.source_id, self.target_id = source.node_id, target.node_id
        self._done = done
        self.preview = QGraphicsLineItem(QLineF(source.pos(), target.pos()))
        pen = QPen(SELECTION, 2.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.preview.setPen(pen)
        self.preview.setZValue(-1.0)
        view.scene().addItem(self.preview)
        self.setFont(diagram_font(max(12.0, min(20.0, 15 * view.zoom))))
        self.setPlaceholderText(prompt)
        middle = view.mapFromScene((source.pos() + target.pos()) / 2)
        width = max(320, min(560, view.viewport().width() - 40))
        height = self.sizeHint().height()
        x = min(max(middle.x() - width // 2, 10), max(10, view.viewport().width() - width - 10))
        y = min(max(middle.y() - height // 2, 10), max(10, view.viewport().height() - height - 10))
        self.setGeometry(QRect(x, y, width, height))
        self.returnPressed.connect(self.commit)
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tear_down(self) -> None:
        scene = self.preview.scene()
        if scene is not None:
            scene.removeItem(self.preview)

    def _report(self, text: str | None) -> None:
        self._done(self.source_id, self.target_id, text)

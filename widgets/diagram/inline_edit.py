"""Renaming a node in place: a line edit laid over the node's name, Enter or leaving it commits, Escape cancels."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit

from widgets.diagram.items import NodeItem
from widgets.diagram.style import NAME_PIXELS, diagram_font
from widgets.diagram.view import DiagramView

Done = Callable[[str, "str | None"], None]
"""Called once with the node id and the new name (None when cancelled)."""


class InlineNameEditor(QLineEdit):
    """A line edit over a node of a diagram view, sized to the zoom."""

    def __init__(self, view: DiagramView, node: NodeItem, done: Done) -> None:
        super().__init__(view.viewport())
        self.setObjectName("inlineNameEditor")
        self.node_id = node.node_id
        self._done = done
        self._finished = False
        scale = view.zoom
        font = diagram_font(max(11.0, min(28.0, NAME_PIXELS * scale)), bold=node.kind in ("segment", "council"))
        self.setFont(font)
        self.setText(node.name)
        self.selectAll()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("#inlineNameEditor { border: 2px solid #0072B2; border-radius: 4px; background: white;"
                           " color: #1D2733; padding: 2px 4px; }")
        self._view = view
        self._node = node
        self._place()
        self.editingFinished.connect(self.commit)
        view.horizontalScrollBar().valueChanged.connect(self._place)
        view.verticalScrollBar().valueChanged.connect(self._place)
        view.zoom_changed.connect(self.commit)
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self, *_args: object) -> None:
        """Lay the editor over the node's body (again after the view scrolled)."""
        body = self._view.node_view_rect(self._node)
        height = self.sizeHint().height()
        width = max(round(body.width()) + 40, 220)
        centre = body.center().toPoint()
        self.setGeometry(QRect(centre.x() - width // 2, centre.y() - height // 2, width, height))

    def commit(self) -> None:
        """Finish with the typed name (blank names are not taken: the old one stays)."""
        text = " ".join(self.text().split())
        self._finish(text or None)

    def cancel(self) -> None:
        """Finish without renaming."""
        self._finish(None)

    def _finish(self, name: str | None) -> None:
        if self._finished:
            return
        self._finished = True
        for signal, slot in ((self._view.horizontalScrollBar().valueChanged, self._place),
                             (self._view.verticalScrollBar().valueChanged, self._place),
                             (self._view.zoom_changed, self.commit)):
            signal.disconnect(slot)
        self.hide()
        parent = self.parentWidget()
        if parent is not None and parent.parentWidget() is not None:
            parent.parentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        self.deleteLater()
        self._done(self.node_id, name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

"""Typing on a diagram in place: a line edit laid over the view; Enter or leaving it commits, Escape cancels.

ViewLineEdit is the common part (finish once, give the keyboard back to the view); InlineNameEditor renames a
node over its name (the promise map's PromiseEntry types a new promise over the arrow being drawn).
"""

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


class ViewLineEdit(QLineEdit):
    """A line edit over a diagram view's viewport that finishes once: with the typed text, or None when cancelled."""

    def __init__(self, view: DiagramView, name: str, padding: str) -> None:
        super().__init__(view.viewport())
        self.setObjectName(name)
        self._finished = False
        self._view = view
        self.setStyleSheet(f"#{name} {{ border: 2px solid #0072B2; border-radius: 4px; background: white;"
                           f" color: #1D2733; padding: {padding}; }}")

    def commit(self) -> None:
        """Finish with the typed text, its blanks folded (an empty text counts as cancelled)."""
        self._finish(" ".join(self.text().split()) or None)

    def cancel(self) -> None:
        """Finish without the text."""
        self._finish(None)

    def _tear_down(self) -> None:
        """Hook: undo what the editor set up around it (called once, before it hides)."""

    def _report(self, text: str | None) -> None:
        """Hook: tell the owner how the editing ended."""
        raise NotImplementedError

    def _finish(self, text: str | None) -> None:
        if self._finished:
            return
        self._finished = True
        self._tear_down()
        self.hide()
        parent = self.parentWidget()
        if parent is not None and parent.parentWidget() is not None:
            parent.parentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        self.deleteLater()
        self._report(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()


class InlineNameEditor(ViewLineEdit):
    """A line edit over a node of a diagram view, sized to the zoom."""

    def __init__(self, view: DiagramView, node: NodeItem, done: Done) -> None:
        super().__init__(view, "inlineNameEditor", "2px 4px")
        self.node_id = node.node_id
        self._done = done
        scale = view.zoom
        font = diagram_font(max(11.0, min(28.0, NAME_PIXELS * scale)), bold=node.kind in ("segment", "council"))
        self.setFont(font)
        self.setText(node.name)
        self.selectAll()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
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

    def _tear_down(self) -> None:
        for signal, slot in ((self._view.horizontalScrollBar().valueChanged, self._place),
                             (self._view.verticalScrollBar().valueChanged, self._place),
                             (self._view.zoom_changed, self.commit)):
            signal.disconnect(slot)

    def _report(self, text: str | None) -> None:
        self._done(self.node_id, text)

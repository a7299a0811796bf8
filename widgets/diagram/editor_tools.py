"""What the diagram editors (structure, promise map) share around their view: actions, snapping, copy picture."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from widgets.diagram.picture import copy_picture

if TYPE_CHECKING:
    from widgets.diagram.scene import DiagramScene
    from widgets.diagram.view import DiagramView


class DiagramEditorTools:
    """Mixin for a QWidget editor that owns `scene`, `view` and a checkable `snap_action`."""

    scene: DiagramScene
    view: DiagramView
    snap_action: QAction

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)  # type: ignore[call-overload]
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip or text)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # type: ignore[attr-defined]
        return action

    @staticmethod
    def set_action_texts(action: QAction, text: str, tip: str = "") -> None:
        """Give `action` its text, and `tip` (or the text) as tooltip and status tip (again on a language change)."""
        action.setText(text)
        action.setToolTip(tip or text)
        action.setStatusTip(tip or text)

    def set_snapping(self, on: bool) -> None:
        """Switch the snap grid on or off (it shows while on)."""
        self.scene.snapping = on
        self.view.show_grid = on
        self.snap_action.setChecked(on)
        self.view.viewport().update()

    def zoom_in(self) -> None:
        """One step closer (around the cursor when it is over the diagram)."""
        self.view.zoom_in()

    def zoom_out(self) -> None:
        """One step further (around the cursor when it is over the diagram)."""
        self.view.zoom_out()

    def zoom_fit(self) -> None:
        """Show every party (at readable names: see DiagramView.fit_all)."""
        self.view.fit_all()

    def copy_picture(self) -> None:
        """Copy the selection (or, with nothing selected, the view) to the clipboard as a picture."""
        copy_picture(self.view, selection_only=bool(self.scene.selectedItems()))
        self.view.show_hint(self.tr("Picture copied to the clipboard."), 2000)  # type: ignore[attr-defined]

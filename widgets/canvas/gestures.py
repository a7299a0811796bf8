"""The chart's gestures: drag a point, click a column, reorder and rename factors, menus and keys."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QLineEdit, QMenu

from app import changes
from app.strategy import step_level
from widgets.canvas.paste import paste_factor_names

if TYPE_CHECKING:
    from widgets.canvas.chart import ChartView


def tr(text: str) -> str:
    """Translate a string of the chart's gestures (the chart's context: this is a mixin of ChartView)."""
    return QCoreApplication.translate("ChartView", text)


def level_name(factor: str, curve: str) -> str:
    """The undo step of setting a curve's level on a factor, in the language shown."""
    return tr("Set “%1” on “%2”").replace("%1", factor).replace("%2", curve)


# Keys the chart handles itself, even when the window has an action with the same shortcut (Delete).
OWN_KEYS = frozenset({Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left,
                      Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_F2})


class ChartGestures:
    """Mixin of ChartView: every gesture ends in at most one edit pushed through the context."""

    def view_clicked(self: ChartView, ev) -> None:  # noqa: ANN001 - pyqtgraph event
        """Click a point to select it; click an empty spot of a column to set the selected curve's level there."""
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            found = self.hit(ev.pos())
            if found is not None:
                self.ctx.select(*found)
                self.point_menu(*found).popup(ev.screenPos().toPoint())
            return
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        found = self.hit(ev.pos())
        if found is not None:
            self.ctx.select(*found)
            return
        factor, level = self.column_at(ev.pos())
        if factor is None:
            return
        self.ctx.select(factor_id=factor)
        self.set_level(self.ctx.curve_id, factor, level)

    def view_dragged(self: ChartView, ev) -> None:  # noqa: ANN001 - pyqtgraph event
        """Drag a point up or down: the value shows while dragging; one edit when the button is released."""
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            found = self.hit(ev.buttonDownPos())
            if found is None:
                factor, _level = self.column_at(ev.buttonDownPos())
                curve = self.ctx.document.find(self.ctx.curve_id) if self.ctx.curve_id else None
                if factor is None or curve is None or not curve.visible:
                    ev.ignore()
                    return
                found = (curve.id, factor)
            self.drag = found
            self.preview = None
            self.ctx.select(*found)
            self.setFocus(Qt.FocusReason.MouseFocusReason)  # Esc reaches the chart and cancels the drag
            self.freeze(found[0])
        if self.drag is None:
            ev.ignore()
            return
        ev.accept()
        curve_id, factor_id = self.drag
        _factor, level = self.column_at(ev.pos())
        if level != self.preview:
            self.preview = level
            self.items[curve_id].set_level(self.factor_ids.index(factor_id), level)
            self._show_mark()
        if ev.isFinish():
            self.drag = None
            self.thaw()
            curve = self.ctx.document.find(curve_id)
            if curve is not None and curve.levels.get(factor_id) != level:
                if not self.set_level(curve_id, factor_id, level):
                    self._redraw(curve)
            elif curve is not None:
                self._redraw(curve)
            self.preview = None
            self._show_mark()

    def cancel_drag(self: ChartView) -> bool:
        """Esc while dragging a point: it goes back where it was and nothing is recorded; False when not dragging."""
        if self.drag is None:
            return False
        curve_id, _factor_id = self.drag
        self.drag = None  # the rest of this drag, release included, is ignored
        self.preview = None
        self.thaw()
        curve = self.ctx.document.find(curve_id)
        if curve is not None:
            self._redraw(curve)
        self._show_mark()
        return True

    def freeze(self: ChartView, moving: str) -> None:
        """Draw the grid and every curve but `moving` once into a picture that each drag step only blits."""
        viewport = self.viewport()
        ratio = viewport.devicePixelRatioF()
        pixmap = QPixmap(viewport.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        clip = self.mapFromScene(self.view.sceneBoundingRect()).boundingRect()
        painter.setClipRect(clip)
        to_viewport = self.viewportTransform()
        still = [self.grid] + sorted((i for cid, i in self.items.items() if cid != moving and i.isVisible()),
                                     key=lambda i: i.zValue())
        for item in still:
            painter.save()
            painter.setTransform(item.deviceTransform(to_viewport))
            item.paint(painter, None, None)
            painter.restore()
            item.frozen = True
        painter.end()
        self.snapshot.set_pixmap(pixmap, len(self.factor_ids), self.low, self.high)

    def thaw(self: ChartView) -> None:
        """Back to drawing every item live (after a drag)."""
        if self.snapshot.pixmap is None:
            return
        for item in [self.grid, *self.items.values()]:
            item.frozen = False
        self.snapshot.set_pixmap(None, len(self.factor_ids), self.low, self.high)

    def set_level(self: ChartView, curve_id: str | None, factor_id: str, level: float | None) -> bool:
        """Set a curve's level through the undo stack (a hint when no visible curve is selected)."""
        curve = self.ctx.document.find(curve_id) if curve_id else None
        if curve is None or not curve.visible:
            self.ctx.hinted.emit(tr("Select a visible curve first (click its name in the legend)."))
            return False
        if curve.levels.get(factor_id) == level:
            return True
        factor = self.ctx.document.get(factor_id)
        return self.ctx.push(changes.set_level(self.ctx.document, curve_id, factor_id, level),
                             partial(level_name, factor.name, curve.name))

    def point_menu(self: ChartView, curve_id: str, factor_id: str) -> QMenu:
        """What can be done to one point: clear its level (unscored), or the factor's own actions."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per click: gone once closed
        menu.addAction(tr("Clear this level (not scored)")).triggered.connect(
            lambda: self.set_level(curve_id, factor_id, None))
        menu.addSeparator()
        self._factor_actions(menu, factor_id)
        return menu

    def factor_menu(self: ChartView, factor_id: str) -> QMenu:
        """What can be done to one factor: rename, price-like, move, delete."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per click: gone once closed
        self._factor_actions(menu, factor_id)
        return menu

    def _factor_actions(self: ChartView, menu: QMenu, factor_id: str) -> None:
        factor = self.ctx.document.get(factor_id)
        index = self.factor_ids.index(factor_id)
        menu.addAction(tr("Rename factor…")).triggered.connect(lambda: self.begin_rename(factor_id))
        dear = menu.addAction(tr("Price-like: higher = dearer"))
        dear.setCheckable(True)
        dear.setChecked(factor.higher_is_costlier)
        dear.triggered.connect(lambda on: self.ctx.push(changes.update(self.ctx.document, factor_id,
                                                                       higher_is_costlier=on)))
        left = menu.addAction(tr("Move left"))
        left.setEnabled(index > 0)
        left.triggered.connect(lambda: self.factor_dropped(factor_id, index - 1))
        right = menu.addAction(tr("Move right"))
        right.setEnabled(index < len(self.factor_ids) - 1)
        right.triggered.connect(lambda: self.factor_dropped(factor_id, index + 1))
        menu.addSeparator()
        menu.addAction(tr("Delete factor")).triggered.connect(lambda: self.delete_factor(factor_id))

    def factor_clicked(self: ChartView, factor_id: str, double: bool) -> None:
        """A click on a factor's name selects it; a double-click renames it."""
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.ctx.select(factor_id=factor_id)
        if double:
            self.begin_rename(factor_id)

    def factor_dropped(self: ChartView, factor_id: str, index: int) -> None:
        """A factor's name dragged sideways to position `index`: one move."""
        self.ctx.push(changes.move(self.ctx.document, factor_id, index), lambda: tr("Reorder factors"))

    # -------------------------------------------------------------- rename
    def begin_rename(self: ChartView, factor_id: str) -> None:
        """Edit a factor's name in place, over its label (Enter keeps, Esc cancels)."""
        self.finish_rename(False)
        factor = self.ctx.document.find(factor_id)
        if factor is None:
            return
        rect = self.factor_axis.label_rect(factor_id)
        top_left = self.mapFromScene(self.factor_axis.mapToScene(rect.topLeft()))
        editor = QLineEdit(factor.name, self)
        editor.setObjectName("factorRename")
        editor.setProperty("factor_id", factor_id)
        editor.setFont(self.factor_axis.font())
        width = int(rect.width())
        x = max(0, min(self.width() - width, top_left.x()))
        editor.setGeometry(x, max(0, top_left.y()), width, int(rect.height()))
        editor.selectAll()
        editor.returnPressed.connect(lambda: self.finish_rename(True))
        editor.editingFinished.connect(lambda: self.finish_rename(True))
        editor.installEventFilter(self)
        self.editor = editor
        editor.show()
        editor.setFocus()

    def finish_rename(self: ChartView, keep: bool) -> None:
        """Close the in-place editor, renaming the factor when `keep` and the name changed."""
        editor, self.editor = self.editor, None
        if editor is None:
            return
        factor_id, name = editor.property("factor_id"), " ".join(editor.text().split())
        editor.removeEventFilter(self)
        editor.hide()
        editor.deleteLater()
        self.setFocus()
        factor = self.ctx.document.find(factor_id)
        if keep and factor is not None and name and name != factor.name:
            self.ctx.push(changes.update(self.ctx.document, factor_id, name=name), lambda: tr("Rename factor"))

    def eventFilter(self: ChartView, obj, ev) -> bool:  # noqa: ANN001, N802 - Qt override
        if obj is self.editor and ev.type() == QEvent.Type.KeyPress and ev.key() == Qt.Key.Key_Escape:
            self.finish_rename(False)
            return True
        return super().eventFilter(obj, ev)

    # ------------------------------------------------------------ keyboard
    def event(self: ChartView, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.ShortcutOverride and ev.matches(QKeySequence.StandardKey.Paste):
            ev.accept()  # Ctrl+V on the chart adds the clipboard's factor names
            return True
        if ev.type() == QEvent.Type.ShortcutOverride and ev.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier) and (
                ev.key() in OWN_KEYS or (ev.key() == Qt.Key.Key_Escape and self.drag is not None)):
            ev.accept()  # the chart's own keys win over a window-wide Delete action
            return True
        if ev.type() == QEvent.Type.KeyPress and ev.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not ev.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            back = ev.key() == Qt.Key.Key_Backtab or bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if self.walk_factors(-1 if back else 1, wrap=False):
                return True
        return super().event(ev)

    def walk_factors(self: ChartView, delta: int, wrap: bool = True) -> bool:
        """Select the next (or previous) factor; False at an end when not wrapping."""
        if not self.factor_ids:
            return False
        if self.ctx.factor_id not in self.factor_ids:
            i = 0 if delta > 0 else len(self.factor_ids) - 1
        else:
            i = self.factor_ids.index(self.ctx.factor_id) + delta
            if not 0 <= i < len(self.factor_ids):
                if not wrap:
                    return False
                i %= len(self.factor_ids)
        self.ctx.select(factor_id=self.factor_ids[i])
        return True

    def walk_curves(self: ChartView, delta: int) -> None:
        """Select the next (or previous) visible curve."""
        canvas = self.ctx.canvas
        visible = [c.id for c in canvas.curves if c.visible] if canvas else []
        if not visible:
            return
        i = visible.index(self.ctx.curve_id) + delta if self.ctx.curve_id in visible else 0
        self.ctx.select(curve_id=visible[i % len(visible)])

    def keyPressEvent(self: ChartView, ev: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = ev.key()
        curve_id, factor_id = self.ctx.curve_id, self.ctx.factor_id
        if key == Qt.Key.Key_Escape and self.cancel_drag():
            pass
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and curve_id and factor_id:
            curve = self.ctx.document.get(curve_id)
            level = step_level(curve.levels.get(factor_id), 1 if key == Qt.Key.Key_Up else -1,
                               (self.low, self.high), self.step)
            self.set_level(curve_id, factor_id, level)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.walk_factors(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.walk_curves(-1 if key == Qt.Key.Key_PageUp else 1)
        elif ev.matches(QKeySequence.StandardKey.Delete) and factor_id:
            self.delete_factor(factor_id)
        elif ev.matches(QKeySequence.StandardKey.Paste):
            paste_factor_names(self.ctx)
        elif key == Qt.Key.Key_Backspace and curve_id and factor_id:
            self.set_level(curve_id, factor_id, None)
        elif key == Qt.Key.Key_F2 and factor_id:
            self.begin_rename(factor_id)
        else:
            super().keyPressEvent(ev)
            return
        ev.accept()

    def delete_factor(self: ChartView, factor_id: str) -> None:
        """Delete a factor with its levels on every curve: one undoable batch."""
        self.ctx.push(changes.delete(self.ctx.document, factor_id), lambda: tr("Delete factor"))

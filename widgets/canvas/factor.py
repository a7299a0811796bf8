"""The selected factor's details: name, description, price-like mark, ERRC action and note, each change one edit."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app import model as m
from widgets.base.text_size import text_size
from widgets.canvas.common import (
    DEAR_COLOR,
    ERRC_COLORS,
    ERRC_TINTS,
    MUTED,
    RULE,
    CanvasContext,
    FollowsWhenShown,
    Touch,
)
from widgets.canvas.errc import action_names
from widgets.canvas.fonts import SizedFonts

ACTIONS: tuple[str | None, ...] = (None, "eliminate", "reduce", "raise", "create")
# (row, column, rows, columns) of each action's button: "not decided" above, then the four as the ERRC grid has them
ACTION_CELLS: dict[str | None, tuple[int, int, int, int]] = {
    None: (0, 0, 1, 2), "eliminate": (1, 0, 1, 1), "raise": (1, 1, 1, 1),
    "reduce": (2, 0, 1, 1), "create": (2, 1, 1, 1),
}
CAPTION_STYLE = f"color: {MUTED}; font-weight: 600;"


def action_style(action: str | None) -> str:
    """The style of an ERRC action's button: its colour when chosen, plain otherwise."""
    color, tint = (ERRC_COLORS[action], ERRC_TINTS[action]) if action else (MUTED, "#EEF0F3")
    return (f"QPushButton {{ border: 1px solid {RULE}; border-radius: 4px; padding: 4px 8px; background: white; }}"
            f" QPushButton:checked {{ border: 2px solid {color}; padding: 3px 7px; background: {tint}; }}")


class NoteEdit(QPlainTextEdit):
    """A multi-line field that reports when editing is finished: focus out or Ctrl+Enter; Esc drops the typing."""

    editing_finished = Signal()
    editing_cancelled = Signal()

    def focusOutEvent(self, ev: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(ev)
        self.editing_finished.emit()

    def keyPressEvent(self, ev: QKeyEvent) -> None:  # noqa: N802 - Qt override
        enter = ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.editing_finished.emit()
            ev.accept()
            return
        if ev.key() == Qt.Key.Key_Escape:
            self.editing_cancelled.emit()
            ev.accept()
            return
        super().keyPressEvent(ev)


class FactorPanel(FollowsWhenShown, QWidget):
    """Edit the selected factor's fields; it follows the selection and the document (an undo shows at once)."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fonts = SizedFonts()  # set in pixels: they follow the text size (View ▸ Larger text)
        text_size().changed.connect(self.follow_text_size)
        self.ctx = ctx
        self.factor_id: str | None = None  # the factor shown
        self.shown: dict[str, Any] = {}  # the field values last shown, to tell the user's typing from new values
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {MUTED};")
        self.fonts.set(self.empty, 15)
        self.pages.addWidget(self.empty)
        self.captions: dict[str, QLabel] = {}
        scroll = QScrollArea(self)  # a short or narrow side panel scrolls the form instead of forcing the window wider
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._build_form())
        self.pages.addWidget(scroll)
        self._set_texts()
        ctx.selection_changed.connect(self._selection_changed)

    def _caption(self, key: str, form: QWidget) -> QLabel:
        label = QLabel(form)
        label.setStyleSheet(CAPTION_STYLE)
        self.captions[key] = label
        return label

    def _set_texts(self) -> None:
        self.empty.setText(self.tr("Select a factor on the chart, in the table or in the ERRC grid "
                                   "to edit its details."))
        self.captions["factor"].setText(self.tr("Factor"))
        self.captions["description"].setText(self.tr("Description (printed in the handout)"))
        self.captions["action"].setText(self.tr("ERRC action"))
        self.captions["note"].setText(self.tr("ERRC note (printed in the handout)"))
        self.dear.setText(self.tr("▲ Higher means dearer (a price-like factor)"))
        for action, name in action_names().items():
            self.action_buttons[action].setText(name)

    def follow_text_size(self) -> None:
        """Set the texts sized in pixels at the app's new text size."""
        self.fonts.apply()
        self.updateGeometry()

    def retranslate(self) -> None:
        """Captions, placeholders and the ERRC actions' names in the current language."""
        self._set_texts()

    def _build_form(self) -> QWidget:
        form = QWidget(self)
        col = QVBoxLayout(form)
        col.setContentsMargins(8, 8, 8, 8)
        col.setSpacing(4)
        col.addWidget(self._caption("factor", form))
        self.name = QLineEdit(form)
        self.name.setObjectName("factorName")
        self.fonts.set(self.name, 17, bold=True)
        self.name.editingFinished.connect(self.commit_name)
        col.addWidget(self.name)
        col.addSpacing(4)
        col.addWidget(self._caption("description", form))
        self.description = NoteEdit(form)
        self.description.setObjectName("factorDescription")
        self.fonts.set(self.description, 15)
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(72)
        self.description.setMaximumHeight(120)
        self.description.editing_finished.connect(self.commit_description)
        self.description.editing_cancelled.connect(lambda: self._show_field("description", force=True))
        col.addWidget(self.description)
        self.dear = QCheckBox(form)
        self.dear.setObjectName("factorDear")
        self.dear.setStyleSheet(f"QCheckBox {{ color: {DEAR_COLOR}; }}")
        self.fonts.set(self.dear, 14)
        self.dear.clicked.connect(self.commit_dear)
        col.addWidget(self.dear)
        col.addSpacing(6)
        col.addWidget(self._caption("action", form))
        grid = QGridLayout()  # laid out as the ERRC grid is: fits a narrow side panel (1280×720)
        grid.setSpacing(4)
        self.action_group = QButtonGroup(form)
        self.action_group.setExclusive(True)
        self.action_buttons: dict[str | None, QPushButton] = {}
        for action in ACTIONS:
            button = QPushButton(form)
            button.setObjectName(f"errc-{action or 'none'}")
            button.setCheckable(True)
            button.setStyleSheet(action_style(action))
            self.fonts.set(button, 14)
            button.clicked.connect(lambda _c=False, a=action: self.commit_action(a))
            self.action_group.addButton(button)
            self.action_buttons[action] = button
            grid.addWidget(button, *ACTION_CELLS[action])
        col.addLayout(grid)
        col.addSpacing(4)
        col.addWidget(self._caption("note", form))
        self.errc_note = QLineEdit(form)
        self.errc_note.setObjectName("factorErrcNote")
        self.fonts.set(self.errc_note, 15)
        self.errc_note.editingFinished.connect(self.commit_note)
        col.addWidget(self.errc_note)
        col.addStretch(1)
        return form

    # ------------------------------------------------------------ follow
    @property
    def factor(self) -> m.Factor | None:
        """The factor shown, or None (none selected, or it no longer exists)."""
        if self.factor_id is None:
            return None
        found = self.ctx.document.find(self.factor_id)
        return found if isinstance(found, m.Factor) else None

    def _selection_changed(self) -> None:
        if self.ctx.factor_id == self.factor_id:
            return
        self.commit_all()  # typing not yet stored belongs to the factor it was typed for
        if self.isVisible():
            self._stale = False
            self.rebuild()
        else:
            self._stale = True

    def rebuild(self) -> None:
        """Show the selected factor from scratch."""
        self.factor_id = self.ctx.factor_id
        self.shown = {}
        self.refresh(force=True)

    def follow(self, touch: Touch) -> None:
        """Follow one edit: the fields of the factor shown that it changed."""
        if self.factor_id in touch.factors or touch.factor_structure:
            self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Show the factor's values in the fields whose value changed (all of them with `force`)."""
        factor = self.factor
        self.pages.setCurrentIndex(0 if factor is None else 1)
        if factor is None:
            return
        for key in ("name", "description", "higher_is_costlier", "errc", "errc_note"):
            self._show_field(key, force)

    def _show_field(self, key: str, force: bool = False) -> None:
        factor = self.factor
        if factor is None:
            return
        value = getattr(factor, key)
        if not force and self.shown.get(key, object()) == value:
            return  # unchanged in the document: leave what the user may be typing
        self.shown[key] = value
        if key == "name":
            if self.name.text() != value:
                self.name.setText(value)
                self.name.setCursorPosition(0)
        elif key == "description":
            if self.description.toPlainText() != value:
                self.description.setPlainText(value)
        elif key == "errc_note":
            if self.errc_note.text() != value:
                self.errc_note.setText(value)
                self.errc_note.setCursorPosition(0)
        elif key == "higher_is_costlier":
            self.dear.setChecked(bool(value))
        else:
            self.action_buttons[value if value in self.action_buttons else None].setChecked(True)

    # ------------------------------------------------------------- edits
    def _push(self, undo_name: Callable[[], str], /, **fields: Any) -> None:
        """Store changed `fields` of the factor shown as one undo step named by `undo_name` (in the language shown)."""
        factor = self.factor
        if factor is None:
            return
        fields = {k: v for k, v in fields.items() if getattr(factor, k) != v}
        if fields:
            self.ctx.push(changes.update(self.ctx.document, factor.id, **fields), undo_name)
        for key in fields:
            self._show_field(key, force=True)  # a refused edit shows the stored value again

    def commit_name(self) -> None:
        """Store the typed name (an empty name is not taken: the stored one comes back)."""
        factor = self.factor
        if factor is None:
            return
        name = " ".join(self.name.text().split())
        if not name:
            self._show_field("name", force=True)
            return
        self._push(lambda: QCoreApplication.translate("FactorPanel", "Rename factor"), name=name)

    def commit_description(self) -> None:
        """Store the typed description."""
        if self.factor is not None:
            self._push(lambda: QCoreApplication.translate("FactorPanel", "Edit factor description"),
                       description=self.description.toPlainText().strip())

    def commit_note(self) -> None:
        """Store the typed ERRC note."""
        if self.factor is not None:
            self._push(lambda: QCoreApplication.translate("FactorPanel", "Edit ERRC note"),
                       errc_note=" ".join(self.errc_note.text().split()))

    def commit_dear(self, checked: bool) -> None:
        """Mark the factor price-like or not."""
        self._push(lambda: QCoreApplication.translate("FactorPanel", "Change price-like mark"),
                   higher_is_costlier=bool(checked))

    def commit_action(self, action: str | None) -> None:
        """Set the factor's ERRC action."""
        factor = self.factor
        if factor is not None:
            name = factor.name
            self._push(lambda: QCoreApplication.translate("FactorPanel", "Set ERRC action of “%1”").replace("%1", name),
                       errc=action)

    def commit_all(self) -> None:
        """Store whatever was typed and not yet stored (before the panel shows another factor)."""
        if self.factor is None:
            return
        if self.name.text() != self.shown.get("name", self.name.text()):
            self.commit_name()
        if self.description.toPlainText() != self.shown.get("description", self.description.toPlainText()):
            self.commit_description()
        if self.errc_note.text() != self.shown.get("errc_note", self.errc_note.text()):
            self.commit_note()

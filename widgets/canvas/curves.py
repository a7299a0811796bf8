"""The curves panel: add, rename, recolour, change kind, show or hide, order, delete, mark the reference curve."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app import model as m
from app.edits import Batch, Update
from app.strategy import PALETTE, new_curve
from widgets.canvas.common import CanvasContext, FollowsWhenShown, Touch, qcolor


def kind_names() -> dict[str, str]:
    """The curve kinds as people call them."""
    return {
        "as_is": QCoreApplication.translate("CurvesPanel", "As is"),
        "to_be": QCoreApplication.translate("CurvesPanel", "To be"),
        "competitor": QCoreApplication.translate("CurvesPanel", "Competitor"),
        "alternative": QCoreApplication.translate("CurvesPanel", "Alternative"),
    }


_PALETTE_NAMES = (
    QT_TRANSLATE_NOOP("CurvesPanel", "Blue"), QT_TRANSLATE_NOOP("CurvesPanel", "Vermillion"),
    QT_TRANSLATE_NOOP("CurvesPanel", "Bluish green"), QT_TRANSLATE_NOOP("CurvesPanel", "Reddish purple"),
    QT_TRANSLATE_NOOP("CurvesPanel", "Orange"), QT_TRANSLATE_NOOP("CurvesPanel", "Sky blue"),
    QT_TRANSLATE_NOOP("CurvesPanel", "Yellow"), QT_TRANSLATE_NOOP("CurvesPanel", "Black"),
)


def palette_names() -> dict[str, str]:
    """Names of the Okabe–Ito colours, for the colour menu."""
    return {c: QCoreApplication.translate("CurvesPanel", n) for c, n in zip(PALETTE, _PALETTE_NAMES, strict=True)}


def swatch(color: str, size: int = 16) -> QIcon:
    """A square of `color` as an icon."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.fillRect(1, 1, size - 2, size - 2, qcolor(color))
    painter.end()
    return QIcon(pixmap)


class CurveRow(QFrame):
    """One curve's controls in a row."""

    def __init__(self, panel: CurvesPanel, curve_id: str) -> None:
        super().__init__(panel.rows_widget)
        self.panel = panel
        self.curve_id = curve_id
        self.setObjectName("curveRow")
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(4)
        self.visible = QCheckBox(self)
        self.color = QToolButton(self)
        self.color.clicked.connect(self._show_color_menu)
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        for key, text in kind_names().items():
            self.kind.addItem(text, key)
        self.reference = QToolButton(self)
        self.reference.setText("☆")
        self.reference.setCheckable(True)
        self.reference.toggled.connect(lambda on: self.reference.setText("★" if on else "☆"))
        self.up = QToolButton(self)
        self.up.setText("↑")
        self.down = QToolButton(self)
        self.down.setText("↓")
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.retranslate()
        for w in (self.visible, self.color, self.name, self.kind, self.reference, self.up, self.down, self.remove):
            row.addWidget(w)
        row.setStretchFactor(self.name, 1)
        self.visible.clicked.connect(lambda on: self.panel.update_curve(self.curve_id, visible=on))
        self.name.editingFinished.connect(self._rename)
        self.kind.activated.connect(lambda _i: self.panel.update_curve(self.curve_id, kind=self.kind.currentData()))
        self.reference.clicked.connect(lambda on: self.panel.set_reference(self.curve_id, on))
        self.up.clicked.connect(lambda: self.panel.move_curve(self.curve_id, -1))
        self.down.clicked.connect(lambda: self.panel.move_curve(self.curve_id, 1))
        self.remove.clicked.connect(lambda: self.panel.delete_curve(self.curve_id))
        for w in (self.name, self.kind, self.visible, self.color):
            w.installEventFilter(self)
        self.refresh()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        """Tooltips, the placeholder and the curve kinds in the current language."""
        self.visible.setToolTip(self.tr("Show this curve on the chart"))
        self.color.setToolTip(self.tr("Colour"))
        self.name.setPlaceholderText(self.tr("Curve name"))
        for i, text in enumerate(kind_names().values()):
            self.kind.setItemText(i, text)
        self.reference.setToolTip(self.tr("Reference: the industry curve the ERRC grid is judged against "
                                          "(one per canvas)"))
        self.up.setToolTip(self.tr("Draw earlier (further back)"))
        self.down.setToolTip(self.tr("Draw later (further in front)"))
        self.remove.setToolTip(self.tr("Delete this curve"))

    def _show_color_menu(self) -> None:
        self._color_menu().exec(self.color.mapToGlobal(self.color.rect().bottomLeft()))

    def _color_menu(self) -> QMenu:
        """The palette's colours by name, and any other colour."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per click: gone once closed
        for color, name in palette_names().items():
            action = menu.addAction(swatch(color), name)
            action.triggered.connect(lambda _c=False, col=color: self.panel.update_curve(self.curve_id, color=col))
        menu.addSeparator()
        menu.addAction(self.tr("Other colour…")).triggered.connect(self._pick_color)
        return menu

    def _pick_color(self) -> None:
        curve = self.panel.ctx.document.get(self.curve_id)
        chosen = QColorDialog.getColor(qcolor(curve.color), self, self.tr("Curve colour"))
        if chosen.isValid():
            self.panel.update_curve(self.curve_id, color=chosen.name().upper())

    def _rename(self) -> None:
        name = " ".join(self.name.text().split())
        curve = self.panel.ctx.document.find(self.curve_id)
        if curve is not None and name and name != curve.name:
            self.panel.update_curve(self.curve_id, name=name)
        elif curve is not None:
            self.name.setText(curve.name)
            self.name.setCursorPosition(0)  # a narrow field shows the name's start, not its end

    def refresh(self) -> None:
        """Show the curve's current fields."""
        curve: m.Curve | None = self.panel.ctx.document.find(self.curve_id)
        if curve is None:  # deleted; the panel drops this row when it follows the edit
            return
        self.visible.setChecked(curve.visible)
        self.color.setIcon(swatch(curve.color))
        if not self.name.hasFocus():
            self.name.setText(curve.name)
            self.name.setCursorPosition(0)  # a narrow side panel shows the name's start («Мы сейч»), not its end
        self.kind.setCurrentIndex(max(0, self.kind.findData(curve.kind)))
        self.reference.setChecked(curve.reference)
        selected = curve.id == self.panel.ctx.curve_id
        self.setStyleSheet("#curveRow { background: #E4EEF8; border-radius: 4px; }" if selected else "")

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.FocusIn:
            self.panel.ctx.select(curve_id=self.curve_id)
        return False

    def mousePressEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        self.panel.ctx.select(curve_id=self.curve_id)
        super().mousePressEvent(ev)


class CurvesPanel(FollowsWhenShown, QWidget):
    """The canvas's curves in drawing order, each row editing one curve through the document."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.rows_widget = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_widget)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(2)
        self.rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.rows_widget)
        outer.addWidget(scroll, 1)
        self.add_button = QPushButton(self)
        menu = QMenu(self.add_button)
        self.add_actions = {kind: menu.addAction("") for kind in kind_names()}
        for kind, action in self.add_actions.items():
            action.triggered.connect(lambda _c=False, k=kind: self.add_curve(k))
        self.add_button.setMenu(menu)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: dict[str, CurveRow] = {}
        ctx.selection_changed.connect(self._selection_changed)
        self._selected = ctx.curve_id
        self.retranslate()

    def retranslate(self) -> None:
        """The add button and its menu in the current language (each row retranslates itself)."""
        self.add_button.setText(self.tr("Add curve"))
        for kind, text in kind_names().items():
            self.add_actions[kind].setText(text)

    # ------------------------------------------------------------- follow
    def rebuild(self) -> None:
        """Show the context's canvas's curves."""
        for row in self.rows.values():
            row.deleteLater()
        self.rows.clear()
        self.sync_rows()

    def sync_rows(self) -> None:
        """Keep one row per curve, in the canvas's order (rows of surviving curves are kept)."""
        canvas = self.ctx.canvas
        ids = [c.id for c in canvas.curves] if canvas else []
        for gone in [cid for cid in self.rows if cid not in ids]:
            row = self.rows.pop(gone)
            self.rows_layout.removeWidget(row)
            row.deleteLater()
        for i, cid in enumerate(ids):
            row = self.rows.get(cid)
            if row is None:
                row = self.rows[cid] = CurveRow(self, cid)
            if self.rows_layout.indexOf(row) != i:
                self.rows_layout.removeWidget(row)
                self.rows_layout.insertWidget(i, row)

    def follow(self, touch: Touch) -> None:
        """Follow one applied edit: rows added, removed or moved; fields of changed curves."""
        if touch.curve_structure:
            self.sync_rows()
        for cid in touch.curves:
            if cid in self.rows:
                self.rows[cid].refresh()

    def _selection_changed(self) -> None:
        if self.ctx.curve_id == self._selected:
            return
        for cid in (self._selected, self.ctx.curve_id):
            if cid in self.rows:
                self.rows[cid].refresh()
        self._selected = self.ctx.curve_id

    # -------------------------------------------------------------- edits
    def update_curve(self, curve_id: str, **fields: object) -> None:
        """Change fields of a curve (one undoable edit)."""
        if self.ctx.document.find(curve_id) is None:
            return
        if not self.ctx.push(changes.update(self.ctx.document, curve_id, **fields)) and curve_id in self.rows:
            self.rows[curve_id].refresh()

    def set_reference(self, curve_id: str, on: bool) -> None:
        """Mark (or unmark) the reference curve; the previous reference loses the mark in the same edit."""
        canvas = self.ctx.canvas
        if canvas is None:
            return
        edits = [Update("curve", c.id, {"reference": (True, False)}) for c in canvas.curves
                 if c.reference and c.id != curve_id]
        curve = self.ctx.document.get(curve_id)
        if curve.reference != on:
            edits.append(Update("curve", curve_id, {"reference": (curve.reference, on)}))
        if edits:
            self.ctx.push(Batch(tuple(edits)),
                          lambda: QCoreApplication.translate("CurvesPanel", "Mark reference curve"))

    def move_curve(self, curve_id: str, delta: int) -> None:
        """Draw a curve one place earlier or later."""
        canvas = self.ctx.canvas
        if canvas is None:
            return
        i = self.ctx.document.index_of(curve_id) + delta
        if 0 <= i < len(canvas.curves):
            self.ctx.push(changes.move(self.ctx.document, curve_id, i),
                          lambda: QCoreApplication.translate("CurvesPanel", "Reorder curves"))

    def delete_curve(self, curve_id: str) -> None:
        """Delete a curve with its levels."""
        self.ctx.push(changes.delete(self.ctx.document, curve_id),
                      lambda: QCoreApplication.translate("CurvesPanel", "Delete curve"))

    def add_curve(self, kind: str) -> str | None:
        """Add a curve of `kind` with the next free palette colour; returns its id."""
        canvas = self.ctx.canvas
        if canvas is None:
            return None
        names = kind_names()
        count = sum(1 for c in canvas.curves if c.kind == kind) + 1
        name = names[kind] if count == 1 else f"{names[kind]} {count}"
        curve = new_curve(canvas, name, kind)
        if self.ctx.push(changes.insert(self.ctx.document, curve, parent=canvas.id),
                         lambda: QCoreApplication.translate("CurvesPanel", "Add curve")):
            self.ctx.select(curve_id=curve.id)
            row = self.rows.get(curve.id)
            if row is not None:
                row.name.setFocus()
                row.name.selectAll()
            return curve.id
        return None


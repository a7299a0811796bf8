"""The ERRC grid: eliminate, reduce, raise, create; drag a factor between quadrants, accept suggestions from curves."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app import model as m
from app.checks import findings_by_id
from app.strategy import (
    Suggestion,
    accept_suggestions,
    canvas_findings,
    format_level,
    reference_curve,
    suggest_errc,
    to_be_curve,
)
from widgets.base.findings_text import translated_templates
from widgets.base.text_size import text_scale, text_size
from widgets.canvas.axis import font_px, text_font
from widgets.canvas.common import (
    ERRC_COLORS,
    ERRC_TINTS,
    INK,
    MUTED,
    RULE,
    CanvasContext,
    FollowsWhenShown,
    Touch,
)

# Where each action sits: the classic grid, eliminate | raise over reduce | create.
QUADRANTS: tuple[tuple[str, int, int], ...] = (("eliminate", 0, 0), ("raise", 1, 0), ("reduce", 0, 1), ("create", 1, 1))
HEADER = 30
CHIP_H = 28
CHIP_GAP = 6  # between two chips, across and down
PAD = 8  # between an area's edge and its chips
UNSET_H = 64
MIN_QUADRANT_H = 110  # a quadrant with few chips still reads as a quarter of the grid
GAP = 8  # between the quadrants and the undecided strip
ERRC_ACTIONS = ("eliminate", "reduce", "raise", "create")
WARNING = "#B86E00"


def action_names() -> dict[str | None, str]:
    """The ERRC actions as people call them."""
    return {
        "eliminate": QCoreApplication.translate("ErrcGrid", "Eliminate"),
        "reduce": QCoreApplication.translate("ErrcGrid", "Reduce"),
        "raise": QCoreApplication.translate("ErrcGrid", "Raise"),
        "create": QCoreApplication.translate("ErrcGrid", "Create"),
        None: QCoreApplication.translate("ErrcGrid", "Not decided"),
    }


class ErrcGrid(QWidget):
    """Four quadrants and a strip of undecided factors; each factor a chip you drag; suggestions as dashed chips."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setFont(text_font(self.font(), 14))
        self.scale = text_scale()
        """How much larger than normal the chips and headers are (the editor follows the text size)."""
        self.setMinimumWidth(260)  # chips wrap and elide: a narrow side panel (1280×720) shows the whole grid
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.suggestions: dict[str, Suggestion] = {}
        self.warnings: dict[str, str] = {}
        self.chips: list[tuple[str, str | None, QRectF, bool]] = []  # (factor, area, rect, suggested)
        self.press: tuple[str, QPointF] | None = None
        self.drag_pos: QPointF | None = None
        self._needed: dict[str | None, float] = {}  # each area's height that holds its chips
        ctx.selection_changed.connect(self.update)

    # ------------------------------------------------------------- areas
    def areas(self) -> dict[str | None, QRectF]:
        """The quadrants' rectangles by action, and the undecided strip under None: each tall enough for its chips."""
        w, h = self.width() - 1.0, self.height() - 1.0
        half_w = w / 2
        need = self._needed
        top = max(need.get("eliminate", 0.0), need.get("raise", 0.0), MIN_QUADRANT_H)
        bottom = max(need.get("reduce", 0.0), need.get("create", 0.0), MIN_QUADRANT_H)
        unset = max(need.get(None, 0.0), UNSET_H)
        extra = max(0.0, h - (top + bottom + GAP + unset))
        top, bottom = top + extra / 2, bottom + extra / 2
        found: dict[str | None, QRectF] = {}
        for action, col, row in QUADRANTS:
            found[action] = QRectF(col * half_w, 0 if row == 0 else top, half_w, top if row == 0 else bottom)
        found[None] = QRectF(0, top + bottom + GAP, w, unset)
        return found

    def needed_height(self) -> int:
        """The height at which every chip fits inside its area at the grid's width."""
        need = self._needed
        top = max(need.get("eliminate", 0.0), need.get("raise", 0.0), MIN_QUADRANT_H)
        bottom = max(need.get("reduce", 0.0), need.get("create", 0.0), MIN_QUADRANT_H)
        return int(math.ceil(top + bottom + GAP + max(need.get(None, 0.0), UNSET_H))) + 1

    def area_at(self, pos: QPointF) -> str | None | bool:
        """The action of the area under `pos` (None: undecided), or False outside every area."""
        for action, rect in self.areas().items():
            if rect.contains(pos):
                return action
        return False

    def chip_at(self, pos: QPointF) -> tuple[str, bool] | None:
        """The factor whose chip is under `pos` and whether it is a suggestion."""
        for factor_id, _area, rect, suggested in reversed(self.chips):
            if rect.contains(pos):
                return factor_id, suggested
        return None

    def chip_rect(self, factor_id: str, suggested: bool = False) -> QRectF:
        """Where a factor's chip (or its suggestion) is drawn."""
        return next(r for f, _a, r, s in self.chips if f == factor_id and s == suggested)

    # ------------------------------------------------------------- follow
    def refresh(self) -> None:
        """Lay the chips out again from the canvas (and the warnings of the ERRC check)."""
        canvas = self.ctx.canvas
        self.warnings = {}
        if canvas is not None:
            found_here = canvas_findings(canvas, translated_templates())
            by_id = findings_by_id(f for f in found_here if f.code == "errc-contradicts-curves")
            self.warnings = {fid: found[0].message for fid, found in by_id.items()}
        self._layout(canvas)
        self.update()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        """Quadrant names, warnings and tooltips in the current language."""
        self.setToolTip("")
        self.refresh()

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        """Show these suggestions as dashed chips in their suggested quadrants."""
        self.suggestions = {s.factor: s for s in suggestions}
        self.refresh()

    def _layout(self, canvas: m.Canvas | None) -> None:
        """Flow each area's chips in rows inside it, size the areas to hold them, then place the chips."""
        fm = QFontMetricsF(self.font())
        if canvas is None:
            self.chips, self._needed = [], {}
            return
        entries = [(f.id, f.errc, f.name, False) for f in canvas.factors]
        entries += [(s.factor, s.action, self.ctx.document.get(s.factor).name, True)
                    for s in self.suggestions.values() if self.ctx.document.find(s.factor) is not None]
        widths = {action: (self.width() - 1.0) / (1 if action is None else 2) for action in (*ERRC_ACTIONS, None)}
        flowed: list[tuple[str, str | None, QRectF, bool]] = []  # rectangles relative to their area's top left
        cursor: dict[str | None, QPointF] = {a: QPointF(PAD, self._chips_top(a)) for a in widths}
        for factor_id, action, name, suggested in entries:
            area_w = widths[action]
            text = ("→ " if suggested else "") + (name or "—")
            extra = 22 + (16 if factor_id in self.warnings and not suggested else 0)
            width = max(24.0, min(fm.horizontalAdvance(text) + extra, area_w - 2 * PAD))
            at = cursor[action]
            if at.x() > PAD and at.x() + width > area_w - PAD:
                at = QPointF(PAD, at.y() + self.chip_h + CHIP_GAP)
            flowed.append((factor_id, action, QRectF(at.x(), at.y(), width, self.chip_h), suggested))
            cursor[action] = QPointF(at.x() + width + CHIP_GAP, at.y())
        used = {action for _f, action, _r, _s in flowed}
        chip_h = self.chip_h
        self._needed = {a: (cursor[a].y() + chip_h + PAD if a in used else self._chips_top(a) + PAD) for a in widths}
        self._fit_height()
        areas = self.areas()
        self.chips = [(f, a, r.translated(areas[a].topLeft()), s) for f, a, r, s in flowed]

    @property
    def chip_h(self) -> float:
        """A chip's height at the grid's text size."""
        return round(CHIP_H * self.scale)

    @property
    def header_h(self) -> float:
        """A quadrant's header height at the grid's text size."""
        return round(HEADER * self.scale)

    def _chips_top(self, action: str | None) -> float:
        """Where the first row of chips starts below an area's top: under its header (or the strip's caption)."""
        return self.header_h + 8 if action is not None else round(28 * self.scale)

    def _fit_height(self) -> None:
        """Ask the scroll area for the height the chips need (it scrolls when the panel is shorter)."""
        needed = self.needed_height()
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(ev)
        self._layout(self.ctx.canvas)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, max(380, self.needed_height()))

    # -------------------------------------------------------------- paint
    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        names = action_names()
        bold = font_px(self.font(), self.font().pixelSize(), bold=True)
        target = self.area_at(self.drag_pos) if self.drag_pos is not None else False
        for action, rect in self.areas().items():
            if action is None:
                p.fillRect(rect, QColor("#F6F7F9") if target is not None else QColor("#E4EEF8"))
                p.setPen(QColor(MUTED))
                p.setFont(self.font())
                p.drawText(rect.adjusted(8, 4, -8, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                           names[None])
                continue
            color = QColor(ERRC_COLORS[action])
            p.fillRect(rect.adjusted(2, 2, -2, -2), QColor(ERRC_TINTS[action]))
            if target == action:
                p.setPen(QPen(color, 2))
                p.drawRect(rect.adjusted(3, 3, -3, -3))
            header = QRectF(rect.left() + 2, rect.top() + 2, rect.width() - 4, self.header_h)
            p.fillRect(header, color)
            p.setFont(bold)
            p.setPen(QColor("white"))
            p.drawText(header.adjusted(10, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, names[action].upper())
        fm = QFontMetricsF(self.font())
        dragged = self.press[0] if self.press is not None and self.drag_pos is not None else None
        for factor_id, action, rect, suggested in self.chips:
            if factor_id == dragged and not suggested:
                continue
            self._paint_chip(p, fm, factor_id, action, rect, suggested)
        if dragged is not None and self.drag_pos is not None:
            rect = self.chip_rect(dragged)
            chip_h = self.chip_h
            ghost = QRectF(self.drag_pos.x() - rect.width() / 2, self.drag_pos.y() - chip_h / 2, rect.width(), chip_h)
            p.setOpacity(0.85)
            self._paint_chip(p, fm, dragged, None, ghost, False)
        p.end()

    def _paint_chip(self, p: QPainter, fm: QFontMetricsF, factor_id: str, action: str | None, rect: QRectF,
                    suggested: bool) -> None:
        factor = self.ctx.document.find(factor_id)
        if factor is None:
            return
        color = QColor(ERRC_COLORS[action]) if action else QColor(RULE)
        selected = factor_id == self.ctx.factor_id
        if suggested:
            pen = QPen(color, 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(QColor(255, 255, 255, 170))
        else:
            p.setPen(QPen(QColor(INK) if selected else color, 2 if selected else 1))
            p.setBrush(QColor("white"))
        p.drawRoundedRect(rect, 6, 6)
        text_rect = rect.adjusted(10, 0, -8, 0)
        p.setFont(self.font())
        if factor_id in self.warnings and not suggested:
            p.setPen(QColor(WARNING))
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, "⚠")
            text_rect.setLeft(text_rect.left() + 16)
        p.setPen(QColor(MUTED) if suggested else QColor(INK))
        text = ("→ " if suggested else "") + (factor.name or "—")
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   fm.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()))

    # -------------------------------------------------------------- mouse
    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        found = self.chip_at(ev.position()) if ev.button() == Qt.MouseButton.LeftButton else None
        if found is None:
            super().mousePressEvent(ev)
            return
        factor_id, suggested = found
        if suggested:
            self.accept([self.suggestions[factor_id]])
            return
        self.press = (factor_id, ev.position())
        self.ctx.select(factor_id=factor_id)
        ev.accept()

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.press is not None and ev.buttons() & Qt.MouseButton.LeftButton:
            if self.drag_pos is not None or (ev.position() - self.press[1]).manhattanLength() >= 4:
                self.drag_pos = ev.position()
                self.update()
            return
        found = self.chip_at(ev.position())
        tip = ""
        if found is not None:
            factor = self.ctx.document.get(found[0])
            if found[1]:
                s = self.suggestions[found[0]]
                tip = self.tr("Suggested from the curves (to be %1, reference %2): click to accept") \
                    .replace("%1", format_level(s.to_be)).replace("%2", format_level(s.reference))
            else:
                parts = [factor.name]
                if factor.errc_note:
                    parts.append(factor.errc_note)
                if found[0] in self.warnings:
                    parts.append("⚠ " + self.warnings[found[0]])
                parts.append(self.tr("Drag to another quadrant to change the action."))
                tip = "\n".join(parts)
        self.setToolTip(tip)
        super().mouseMoveEvent(ev)

    def mouseReleaseEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        press, dragging = self.press, self.drag_pos is not None
        self.press = None
        self.drag_pos = None
        if press is None or ev.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(ev)
            return
        self.update()
        target = self.area_at(ev.position())
        if dragging and target is not False:
            self.set_action(press[0], target)  # type: ignore[arg-type]

    def contextMenuEvent(self, ev: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        found = self.chip_at(QPointF(ev.pos()))
        factor_id = found[0] if found else self.ctx.factor_id
        if factor_id is None or self.ctx.document.find(factor_id) is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per click: gone once closed
        for action, name in action_names().items():
            item = menu.addAction(name)
            item.triggered.connect(lambda _c=False, a=action: self.set_action(factor_id, a))
        menu.exec(ev.globalPos())

    # -------------------------------------------------------------- edits
    def set_action(self, factor_id: str, action: str | None) -> None:
        """Set a factor's ERRC action: one undoable edit."""
        factor = self.ctx.document.find(factor_id)
        if factor is None or factor.errc == action:
            return
        name = factor.name
        self.ctx.push(changes.update(self.ctx.document, factor_id, errc=action),
                      lambda: QCoreApplication.translate("ErrcGrid", "Set ERRC action of “%1”").replace("%1", name))

    def accept(self, suggestions: list[Suggestion]) -> None:
        """Apply suggestions as one batch."""
        if len(suggestions) > 1:
            self.ctx.push(accept_suggestions(suggestions),
                          lambda: QCoreApplication.translate("ErrcGrid", "Accept ERRC suggestions"))
        elif suggestions:
            self.ctx.push(accept_suggestions(suggestions),
                          lambda: QCoreApplication.translate("ErrcGrid", "Accept ERRC suggestion"))


class ErrcPanel(FollowsWhenShown, QWidget):
    """The grid with its "Suggest from curves" action and the list of suggestions to accept one by one or all."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.showing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.suggest_button = QPushButton(self)
        self.suggest_button.setCheckable(True)
        self.accept_all = QPushButton(self)
        bar.addWidget(self.suggest_button)
        bar.addWidget(self.accept_all)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.grid = ErrcGrid(ctx, self)
        self.grid_scroll = QScrollArea(self)  # many factors: the quadrants grow and the grid scrolls
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.grid_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid_scroll.setWidget(self.grid)
        layout.addWidget(self.grid_scroll, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(self.note)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_widget)
        scroll.setMaximumHeight(170)
        self.scroll = scroll
        layout.addWidget(scroll)
        self.suggest_button.toggled.connect(self.show_suggestions)
        self.accept_all.clicked.connect(lambda: self.grid.accept(list(self.grid.suggestions.values())))
        self._set_texts()
        self.show_suggestions(False)
        text_size().changed.connect(self.follow_text_size)

    def follow_text_size(self) -> None:
        """Chips, headers and their names at the app's new text size."""
        self.grid.scale = text_scale()
        self.grid.setFont(text_font(self.grid.font(), 14))
        self.grid.refresh()
        self.grid.updateGeometry()

    def _set_texts(self) -> None:
        self.suggest_button.setText(self.tr("Suggest from curves"))
        self.suggest_button.setToolTip(self.tr("Compare the to-be curve with the reference curve and suggest actions"))
        self.accept_all.setText(self.tr("Accept all"))

    def retranslate(self) -> None:
        """Buttons, the note and the suggestions in the current language."""
        self._set_texts()
        self.refresh()

    def rebuild(self) -> None:
        """Show the context's canvas (suggestions are recomputed for it)."""
        self.refresh()

    def follow(self, touch: Touch) -> None:
        """Follow one edit: the chips, and the suggestions while they are shown."""
        if touch.on_canvas:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the suggestions (when shown) and redraw the grid."""
        canvas = self.ctx.canvas
        found = suggest_errc(canvas) if self.showing and canvas is not None else []
        self.grid.set_suggestions(found)
        self._list(found)

    def show_suggestions(self, on: bool) -> None:
        """Show or hide the suggestions from the curves."""
        self.showing = on
        self.accept_all.setVisible(on)
        self.scroll.setVisible(on)
        self.note.setVisible(on)
        self.refresh()

    def _list(self, found: list[Suggestion]) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.accept_all.setEnabled(bool(found))
        canvas = self.ctx.canvas
        if not self.showing or canvas is None:
            return
        if to_be_curve(canvas) is None or reference_curve(canvas) is None:
            self.note.setText(self.tr("Suggestions need a visible to-be curve and a reference curve "
                                      "(mark one in Curves)."))
        elif not found:
            self.note.setText(self.tr("The grid agrees with the curves: nothing to suggest."))
        else:
            self.note.setText(self.tr("Dashed chips are suggestions: click one, or Accept, to apply it."))
        names = action_names()
        for s in found:
            row = QHBoxLayout()
            factor = self.ctx.document.get(s.factor)
            text = self.tr("%1: %2 → %3 (to be %4, reference %5)") \
                .replace("%1", factor.name).replace("%2", names[s.current]).replace("%3", names[s.action]) \
                .replace("%4", format_level(s.to_be)).replace("%5", format_level(s.reference))
            label = QLabel(text)
            label.setWordWrap(True)
            button = QPushButton(self.tr("Accept"))
            button.setObjectName("accept-" + s.factor)
            button.clicked.connect(lambda _c=False, sug=s: self.grid.accept([sug]))
            row.addWidget(label, 1)
            row.addWidget(button)
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self.list_layout.addWidget(holder)
        self.list_layout.addStretch(1)

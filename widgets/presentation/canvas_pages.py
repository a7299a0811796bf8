"""Canvas pages: the canvas editor's chart in the projector theme, revealing curves one at a time; its ERRC grid.

The chart is the canvas editor's own ChartView (every gesture and key edits the document through the same undo
stack); this subclass only draws it larger and thicker, and shows the curves revealed so far. Revealing is a
presentation matter: it never touches `curve.visible` or anything else in the model.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QUndoStack
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from app import model as m
from app.changed import Changes
from app.document import Document
from widgets.canvas import errc
from widgets.canvas.chart import HIT_RADIUS, ChartView
from widgets.canvas.common import CanvasContext, qcolor
from widgets.canvas.errc import ErrcGrid
from widgets.canvas.items import CurveItem
from widgets.canvas.legend import WrappingLegend
from widgets.presentation import theme
from widgets.presentation.page import StoryPage
from widgets.presentation.story import StoryStep, reveal_order
from widgets.presentation.strokes import draw_curve, draw_sample
from widgets.presentation.zoom_host import ZoomHost


def tr(text: str) -> str:
    """Translate a text of the presentation's canvas pages."""
    return QCoreApplication.translate("PresentationCanvas", text)


class ProjectorCurveItem(CurveItem):
    """A value curve drawn thick with large markers (see widgets.presentation.strokes)."""

    scale = 1.0
    """Line widths and markers are multiplied by this (the screen's height over 1080 lines)."""

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ANN001 - Qt override
        if self.frozen:
            return
        points = self.device_points(p)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        draw_curve(p, self.kind, self.color, points, self.scale, self.selected)
        p.restore()


class ProjectorChart(ChartView):
    """The canvas editor's chart in the projector theme, showing only the curves revealed so far."""

    revealed: set[str] | None = None
    """The curves shown (None: every curve the model shows)."""
    type_scale = 1.0
    curve_item_class = ProjectorCurveItem

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_type_scale(1.0)

    def set_type_scale(self, scale: float) -> None:
        """Type, lines and margins for a screen `scale` times 1080 lines."""
        self.type_scale = scale
        self.factor_axis.base_px = theme.CHART_LABEL_PX * scale
        self.factor_axis.min_px = max(11.0, 15 * scale)
        self.factor_axis.setFont(theme.font(theme.CHART_LABEL_PX * scale))
        self.tick_font = theme.font(theme.CHART_TICK_PX * scale)
        self.mark.font = theme.font(theme.CHART_TICK_PX * scale, bold=True)
        self.level_axis.setLabel(tr("Offering level"), color=theme.MUTED,
                                 **{"font-size": f"{round(18 * scale)}px", "font-family": self.tick_font.family()})
        self.getPlotItem().layout.setContentsMargins(round(6 * scale), round(16 * scale), round(30 * scale), 0)
        canvas = self.ctx.canvas
        if canvas is not None:
            self.set_canvas(canvas)
        self.factor_axis.relayout(force=True)

    def level_label(self, level: float) -> str:
        return tr("not offered") if abs(level - self.low) < 1e-9 else f"{level:g}"

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange:  # after the chart's own texts: the projector's look wins
            self.set_type_scale(self.type_scale)

    # ------------------------------------------------------------------ reveal
    def is_shown(self, curve: m.Curve) -> bool:
        """Whether a curve is drawn: shown in the model and revealed."""
        return curve.visible and (self.revealed is None or curve.id in self.revealed)

    def set_revealed(self, revealed: set[str] | None) -> None:
        """Show only these curves (None: all that the model shows)."""
        self.revealed = None if revealed is None else set(revealed)
        canvas = self.ctx.canvas
        if canvas is None:
            return
        for curve in canvas.curves:
            if curve.id in self.items:
                self._restyle(curve)
        self._show_mark()

    def curve_shown(self, curve: m.Curve) -> bool:
        """Whether a curve is drawn: shown in the model and revealed."""
        return self.is_shown(curve)

    def hit_radius(self) -> float:
        return HIT_RADIUS * max(1.0, self.type_scale)

    def _new_item(self, curve: m.Curve) -> CurveItem:
        curve_item = super()._new_item(curve)
        curve_item.scale = self.type_scale
        return curve_item

    def set_level(self, curve_id: str | None, factor_id: str, level: float | None) -> bool:
        curve = self.ctx.document.find(curve_id) if curve_id else None
        if curve is not None and not self.is_shown(curve):
            self.ctx.hinted.emit(tr("Reveal this curve first."))
            return False
        return super().set_level(curve_id, factor_id, level)


class RevealLegend(WrappingLegend):
    """The revealed curves in the order they came, each with a sample of its line; a click selects the curve."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ids: list[str] = []
        self.scale = 1.0
        self.entries: list[tuple[str | None, QRectF]] = []
        self._rows = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        ctx.selection_changed.connect(self.update)

    def set_curves(self, ids: list[str]) -> None:
        """List these curves (in this order)."""
        self.ids = list(ids)
        self.relayout()

    def set_scale(self, scale: float) -> None:
        """Type and samples for a screen `scale` times 1080 lines."""
        self.scale = scale
        self.setFont(theme.font(theme.LEGEND_PX * scale))
        self.relayout()

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 14 * self.scale

    def relayout(self) -> None:
        """Place the entries in rows that wrap to the width."""
        fm = QFontMetricsF(self.font())
        small = QFontMetricsF(theme.font(18 * self.scale, italic=True))
        sample, gap, row_h = 54 * self.scale, 40 * self.scale, self._row_height()
        x, row = 0.0, 0
        placed: list[tuple[str | None, QRectF]] = []
        for curve_id in self.ids:
            curve = self.ctx.document.find(curve_id)
            if curve is None:
                continue
            width = sample + 12 * self.scale + fm.horizontalAdvance(curve.name or "—") + 4
            if curve.reference:
                width += 10 * self.scale + small.horizontalAdvance(tr("(reference)"))
            width = min(width, max(60.0, self.width() - 4.0))
            if x > 0 and x + width > self.width():
                x, row = 0.0, row + 1
            placed.append((curve_id, QRectF(x, row * row_h, width, row_h)))
            x += width + gap
        self._placed(placed, row + 1)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, math.ceil(self._rows * self._row_height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the page needs: the entries wrap into more rows (and long names are elided)."""
        return QSize(round(120 * self.scale), self.sizeHint().height())

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self.scale
        fm = QFontMetricsF(self.font())
        small = theme.font(18 * s, italic=True)
        for curve_id, rect in self.entries:
            curve = self.ctx.document.find(curve_id)
            if curve is None:
                continue
            color = qcolor(curve.color)
            mid = rect.center().y()
            draw_sample(p, curve.kind, color, QPointF(rect.left() + 4 * s, mid), 46 * s, s)
            text_rect = QRectF(rect.left() + 66 * s, rect.top(), rect.width() - 66 * s + 4, rect.height())
            p.setFont(self.font())
            p.setPen(QColor(theme.INK))
            name = fm.elidedText(curve.name or "—", Qt.TextElideMode.ElideRight, text_rect.width())
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            if curve.reference:
                p.setFont(small)
                p.setPen(QColor(theme.MUTED))
                x = text_rect.left() + fm.horizontalAdvance(name) + 10 * s
                p.drawText(QRectF(x, rect.top(), max(0.0, rect.right() - x), rect.height()),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, tr("(reference)"))
            if curve_id == self.ctx.curve_id:
                p.setPen(QPen(color, max(2.0, 3 * s)))
                y = mid + fm.height() / 2 + 3 * s
                p.drawLine(QPointF(text_rect.left(), y), QPointF(text_rect.left() + fm.horizontalAdvance(name), y))
        p.end()


class CanvasPage(StoryPage):
    """A strategy canvas on the projector: title, the strategy's tagline, the legend of revealed curves, the chart."""

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self.ctx = CanvasContext(document, undo_stack, self)
        self.ctx.canvas_id = step.canvas_id
        self.order: list[str] = []
        col = QVBoxLayout(self.body)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        self.legend = RevealLegend(self.ctx, self.body)
        self.chart = ProjectorChart(self.ctx, self.body)
        self.chart.setFrameShape(QFrame.Shape.NoFrame)
        col.addWidget(self.legend)
        col.addWidget(self.chart, 1)
        self.ctx.hinted.connect(self._hinted)
        self.chart.set_canvas(self.ctx.canvas)
        self._show_fields()
        self.order = reveal_order(self.ctx.canvas) if self.ctx.canvas else []
        self.show_step(self.steps_count() - 1)
        self.apply_scale()

    def apply_scale(self) -> None:
        self.legend.set_scale(self.scale)
        self.legend.setContentsMargins(0, 0, 0, 0)
        self.body.layout().setSpacing(round(self.px(10)))
        self.body.layout().setContentsMargins(0, round(self.px(18)), 0, 0)
        self.chart.set_type_scale(self.scale)
        self.chart.set_revealed(self._revealed())

    def _show_fields(self) -> None:
        canvas = self.ctx.canvas
        if canvas is None:
            return
        self.set_header(canvas.title or tr("Untitled canvas"), canvas.tagline.strip())

    def _hinted(self, text: str) -> None:
        window = self.window()
        show = getattr(window, "show_hint", None)
        if callable(show):
            show(text)

    # ------------------------------------------------------------------ reveal
    def steps_count(self) -> int:
        return max(1, len(self.order))

    def _revealed(self) -> set[str]:
        return set(self.order[: self.step + 1])

    def show_step(self, step: int) -> None:
        super().show_step(step)
        self.chart.set_revealed(self._revealed())
        self.legend.set_curves(self.order[: self.step + 1])
        newest = self.order[self.step] if self.order else None
        self.ctx.select(curve_id=newest, factor_id=None)

    def reveal_text(self) -> str:
        if len(self.order) <= 1:
            return ""
        return tr("curve %1 of %2").replace("%1", str(self.step + 1)).replace("%2", str(len(self.order)))

    # --------------------------------------------------------------- selection
    def has_user_selection(self) -> bool:
        return self.ctx.factor_id is not None

    def clear_user_selection(self) -> None:
        self.ctx.select(factor_id=None)

    # --------------------------------------------------------------- following
    def follow(self, changes: Changes) -> None:
        canvas = self.ctx.canvas
        if canvas is None:
            return  # the canvas is gone: the story drops this page
        if changes.fields("canvas", canvas.id) & {"title", "tagline"}:
            self._show_fields()
        if not changes.in_canvas(canvas.id):
            return
        self.chart.apply(changes)
        self._follow_order(canvas)

    def renew(self) -> None:
        canvas = self.ctx.canvas
        if canvas is None:
            return
        self._show_fields()
        self.chart.set_canvas(canvas)
        self._follow_order(canvas)

    def _follow_order(self, canvas: m.Canvas) -> None:
        """Keep the reveal on the curves revealed so far when curves come, go or change kind."""
        order = reveal_order(canvas)
        if order != self.order:
            everything = self.step >= len(self.order) - 1
            kept = [c for c in order if c in self._revealed()]
            self.order = order
            self.step = len(order) - 1 if everything else max(0, len(kept) - 1)
        self.chart.set_revealed(self._revealed())
        self.legend.set_curves(self.order[: self.step + 1])
        self.ctx.repair_selection()
        if self.ctx.curve_id not in self._revealed() and self.order:
            self.ctx.select(curve_id=self.order[self.step])

    def retranslate(self) -> None:
        super().retranslate()
        self._show_fields()
        self.legend.relayout()

    def on_shown(self) -> None:
        self.chart.setFocus(Qt.FocusReason.OtherFocusReason)

    def input_widgets(self) -> list[QWidget]:
        """Where the mouse edits the canvas (the lock guards these)."""
        return [self.chart.viewport(), self.legend]


class ErrcPage(StoryPage):
    """A canvas's ERRC grid, magnified for the projector; chips still drag between quadrants (one edit each)."""

    DESIGN = QSizeF(900, 430)

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self.ctx = CanvasContext(document, undo_stack, self)
        self.ctx.canvas_id = step.canvas_id
        self.grid = ErrcGrid(self.ctx)
        self.grid.setFont(theme.font(15))
        self.host = ZoomHost(self.grid, self.DESIGN, self.body)
        col = QVBoxLayout(self.body)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.host)
        self._show_fields()
        self.refresh()

    def refresh(self) -> None:
        """Lay the chips out from the canvas; the strip of undecided factors shows only while there are some."""
        canvas = self.ctx.canvas
        undecided = canvas is not None and any(f.errc is None for f in canvas.factors)
        hidden = 0.0 if undecided else float(getattr(errc, "UNSET_H", 64) + 8)
        if hidden != self.host.hidden_bottom:
            self.host.hidden_bottom = hidden
            self.host.fit()
        self.grid.refresh()

    def apply_scale(self) -> None:
        self.body.layout().setContentsMargins(0, round(self.px(22)), 0, 0)

    def _show_fields(self) -> None:
        canvas = self.ctx.canvas
        if canvas is None:
            return
        subtitle = tr("Eliminate · Reduce · Raise · Create — what changes against the industry")
        self.set_header(canvas.title or tr("Untitled canvas"), subtitle)

    def follow(self, changes: Changes) -> None:
        canvas = self.ctx.canvas
        if canvas is None:
            return
        if changes.everything or "title" in changes.fields("canvas", canvas.id):
            self._show_fields()
        if changes.in_canvas(canvas.id):
            self.refresh()
            self.ctx.repair_selection()

    def retranslate(self) -> None:
        super().retranslate()
        self._show_fields()
        self.refresh()

    def input_widgets(self) -> list[QWidget]:
        """Where the mouse edits the grid (the lock guards these)."""
        return [self.host.viewport()]

"""The strategy canvas chart (pyqtgraph): value curves over the factors, edited by direct manipulation."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QWidget

from app import model as m
from app.changed import Changes
from app.strategy import format_level, snap_level
from widgets.base.text_size import text_scale, text_size
from widgets.canvas.axis import FactorAxis, LevelAxis, text_font
from widgets.canvas.common import MUTED, CanvasContext, qcolor, touch_in
from widgets.canvas.gestures import ChartGestures
from widgets.canvas.items import CurveItem, GridItem, PointMarkItem, SnapshotItem
from widgets.canvas.remote import RemoteSelections

HIT_RADIUS = 12.0  # pixels from a marker that still grab it


class CanvasViewBox(pg.ViewBox):
    """The plot area: no pan or zoom; clicks and drags go to the chart's editing gestures."""

    def __init__(self) -> None:
        super().__init__(enableMenu=False, defaultPadding=0)
        self.chart: ChartView | None = None
        self.setMouseEnabled(False, False)

    def mouseClickEvent(self, ev) -> None:  # noqa: ANN001, N802 - pyqtgraph event
        if self.chart is not None:
            self.chart.view_clicked(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: ANN001, N802 - pyqtgraph event
        if self.chart is not None:
            self.chart.view_dragged(ev)

    def wheelEvent(self, ev, axis=None) -> None:  # noqa: ANN001, N802 - no zoom on a canvas
        ev.ignore()


class ChartView(ChartGestures, pg.PlotWidget):
    """Factors along x, levels on y, one item per curve; follows the document and edits it through the context."""

    hinted = Signal(str)
    curve_item_class: type[CurveItem] = CurveItem
    """The item that draws a curve (the presentation draws thicker ones)."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        view = CanvasViewBox()
        factor_axis = FactorAxis(None)  # type: ignore[arg-type]
        level_axis = LevelAxis()
        super().__init__(parent, background="w", viewBox=view, axisItems={"bottom": factor_axis, "left": level_axis})
        self.ctx = ctx
        self.view, self.factor_axis, self.level_axis = view, factor_axis, level_axis
        view.chart = self
        factor_axis.chart = self
        self.setAntialiasing(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 240)  # a readable chart that still fits a 1280×720 projector with every panel open
        item = self.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        # pyqtgraph leaves its options menu without a parent: the chart owns it, so it dies with the chart
        # (collected later as garbage, after the plot it refers to, it crashes the process).
        item.ctrlMenu.setParent(self, item.ctrlMenu.windowFlags())
        for name in ("top", "right", "left", "bottom"):  # no SI prefixes: they only re-render unused labels
            item.getAxis(name).enableAutoSIPrefix(False)
        item.layout.setContentsMargins(6, 10, 18, 2)
        self.tick_font = text_font(self.font(), 14)
        self.factor_axis.setFont(text_font(self.font(), 15))
        self._set_level_label()
        self.grid = GridItem()
        self.mark = PointMarkItem(text_font(self.font(), 15, bold=True))
        self.snapshot = SnapshotItem()
        view.addItem(self.grid, ignoreBounds=True)
        view.addItem(self.mark, ignoreBounds=True)
        view.addItem(self.snapshot, ignoreBounds=True)
        self.items: dict[str, CurveItem] = {}
        self.factor_ids: list[str] = []
        self.low, self.high, self.step = 0.0, 5.0, 0.5
        self.drag: tuple[str, str] | None = None  # (curve, factor) of the point being dragged
        self.preview: float | None = None
        self.editor: QLineEdit | None = None
        self.remote = RemoteSelections(self)  # others' selections in a live session
        ctx.selection_changed.connect(self.show_selection)
        text_size().changed.connect(self.follow_text_size)

    def follow_text_size(self) -> None:
        """Set the names, ticks, caption and value tag at the app's text size; the names are laid out again."""
        base = QFont(self.font())
        self.tick_font = text_font(base, 14)
        self.factor_axis.setFont(text_font(base, 15))
        self.mark.font = text_font(base, 15, bold=True)
        self._set_level_label()
        if self.ctx.canvas is not None:
            self.level_axis.set_scale(self.low, self.high, self.tick_font, self.level_label)
        self.factor_axis.relayout(force=True)
        self.mark.update()

    # ----------------------------------------------------------- language
    def _set_level_label(self) -> None:
        size = f"{round(13 * text_scale())}px"
        self.level_axis.setLabel(self.tr("Offering level"), color=MUTED, **{"font-size": size})

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        """The axis caption, "not offered" and the price-like note under the names in the current language."""
        self._set_level_label()
        self.factor_axis.setToolTip("")
        canvas = self.ctx.canvas
        if canvas is not None:
            self.level_axis.set_scale(self.low, self.high, self.tick_font, self.level_label)
        self.factor_axis.relayout(force=True)

    # ----------------------------------------------------------- building
    def set_canvas(self, canvas: m.Canvas | None) -> None:
        """Draw `canvas` from scratch (None: an empty chart)."""
        self.thaw()
        for curve_item in self.items.values():
            self.view.removeItem(curve_item)
        self.items.clear()
        self.drag = None
        self.preview = None
        if canvas is None:
            self.factor_ids = []
            self.factor_axis.set_factors([])
            self.grid.set_grid(0, 0, 5, [], [], None)
            self.mark.show_at(None, None, "", qcolor(MUTED))
            return
        self._set_scale(canvas)
        self._set_factors(canvas)
        for curve in canvas.curves:
            self._add_item(canvas, curve)
        self._restack(canvas)
        self.show_selection()

    def _set_scale(self, canvas: m.Canvas) -> None:
        self.low, self.high = float(canvas.scale[0]), float(canvas.scale[1])
        self.step = float(canvas.step)
        self.level_axis.set_scale(self.low, self.high, self.tick_font, self.level_label)
        self._set_range()
        self._update_grid(canvas)
        self.mark.set_bounds(len(self.factor_ids), self.low, self.high)

    def _set_range(self) -> None:
        pad = 0.07 * (self.high - self.low)
        n = max(1, len(self.factor_ids))
        self.view.setRange(xRange=(-0.5, n - 0.5), yRange=(self.low - pad, self.high + pad), padding=0)

    def _set_factors(self, canvas: m.Canvas) -> None:
        self.factor_ids = [f.id for f in canvas.factors]
        self._set_range()
        self.factor_axis.set_factors(canvas.factors)
        self._update_grid(canvas)
        self.mark.set_bounds(len(self.factor_ids), self.low, self.high)

    def _update_grid(self, canvas: m.Canvas) -> None:
        span = self.high - self.low
        every = 1.0 if span <= 10 else 2.0
        levels = [self.low + k * every for k in range(int(span / every + 1e-9) + 1)]
        selected = self.factor_ids.index(self.ctx.factor_id) if self.ctx.factor_id in self.factor_ids else None
        self.grid.set_grid(len(self.factor_ids), self.low, self.high, levels,
                           [f.higher_is_costlier for f in canvas.factors], selected)

    def level_label(self, level: float) -> str:
        """How the y axis writes a level (the minimum is "not offered")."""
        return self.tr("not offered") if abs(level - self.low) < 1e-9 else f"{level:g}"

    def curve_shown(self, curve: m.Curve) -> bool:
        """Whether a curve is drawn (and its points can be grabbed): here, whether the model shows it."""
        return curve.visible

    def hit_radius(self) -> float:
        """How many pixels from a marker still grab it."""
        return HIT_RADIUS

    def _new_item(self, curve: m.Curve) -> CurveItem:
        return self.curve_item_class(curve.id, len(self.factor_ids), self.low, self.high)

    def _add_item(self, canvas: m.Canvas, curve: m.Curve) -> None:
        curve_item = self._new_item(curve)
        self.items[curve.id] = curve_item
        self.view.addItem(curve_item, ignoreBounds=True)
        self._restyle(curve)
        self._redraw(curve)

    def _restyle(self, curve: m.Curve) -> None:
        curve_item = self.items[curve.id]
        curve_item.set_style(curve.kind, curve.color, curve.id == self.ctx.curve_id)
        curve_item.setVisible(self.curve_shown(curve))

    def _redraw(self, curve: m.Curve) -> None:
        self.items[curve.id].set_data([curve.levels.get(f) for f in self.factor_ids], self.low, self.high)

    def _restack(self, canvas: m.Canvas) -> None:
        for z, curve in enumerate(canvas.curves):
            self.items[curve.id].setZValue(500 if curve.id == self.ctx.curve_id else 10 + z)

    # ---------------------------------------------------------- following
    def apply(self, changes: Changes) -> None:
        """Update what an edit changed: a level redraws one curve; new factors or scale redraw them all."""
        canvas = self.ctx.canvas
        if canvas is None:
            return
        touch = touch_in(changes, canvas.id)
        if touch.everything:
            self.set_canvas(canvas)
            return
        self.thaw()
        if touch.curve_structure:
            present = {c.id for c in canvas.curves}
            for gone in [cid for cid in self.items if cid not in present]:
                self.view.removeItem(self.items.pop(gone))
            for curve in canvas.curves:
                if curve.id not in self.items:
                    self._add_item(canvas, curve)
            self._restack(canvas)
        if touch.canvas_fields & {"scale", "step"}:
            self._set_scale(canvas)
        if touch.factor_structure or any(f & {"name", "higher_is_costlier"} for f in touch.factors.values()):
            self._set_factors(canvas)
        if touch.factor_structure or touch.canvas_fields & {"scale", "step"}:
            for curve in canvas.curves:
                self._redraw(curve)
        else:
            for curve_id in {c for c, _f in touch.levels}:
                if curve_id in self.items:
                    self._redraw(self.ctx.document.get(curve_id))
        for curve_id in touch.curves:
            if curve_id in self.items:
                self._restyle(self.ctx.document.get(curve_id))
        if touch.curves and any("kind" in f or "visible" in f for f in touch.curves.values()):
            self._restack(canvas)
        self.show_selection()

    def show_selection(self) -> None:
        """Ring the selected point, bold the selected factor's name, lift the selected curve above the others."""
        self.remote.refresh()
        canvas = self.ctx.canvas
        if canvas is None:
            return
        for curve in canvas.curves:
            curve_item = self.items.get(curve.id)
            if curve_item is not None and curve_item.selected != (curve.id == self.ctx.curve_id):
                self._restyle(curve)
        self._restack(canvas)
        if self.factor_axis.selected != self.ctx.factor_id:
            self.factor_axis.selected = self.ctx.factor_id
            self.factor_axis.update()
            self._update_grid(canvas)
        self._show_mark()

    def _show_mark(self) -> None:
        curve_id, factor_id = self.ctx.curve_id, self.ctx.factor_id
        curve = self.ctx.document.find(curve_id) if curve_id else None
        if curve is None or factor_id not in self.factor_ids or not self.curve_shown(curve):
            self.mark.show_at(None, None, "", qcolor(MUTED))
            return
        level = self.preview if self.drag == (curve_id, factor_id) else curve.levels.get(factor_id)
        if level is None:
            self.mark.show_at(None, None, "", qcolor(MUTED))
            return
        self.mark.show_at(self.factor_ids.index(factor_id), level, format_level(level), qcolor(curve.color))

    # ------------------------------------------------------------ geometry
    def point_pos(self, curve_id: str, factor_id: str, level: float | None = None) -> QPoint:
        """Where a curve's point on a factor (or `level` in that factor's column) is, in viewport pixels."""
        if level is None:
            level = self.ctx.document.get(curve_id).levels[factor_id]
        scene = self.view.mapViewToScene(QPointF(self.factor_ids.index(factor_id), level))
        return self.mapFromScene(scene)

    def label_pos(self, factor_id: str) -> QPoint:
        """The middle of a factor's name on the x axis, in viewport pixels."""
        rect = self.factor_axis.label_polygons()[self.factor_ids.index(factor_id)].boundingRect()
        return self.mapFromScene(self.factor_axis.mapToScene(rect.center()))

    def hit(self, pos: QPointF) -> tuple[str, str] | None:
        """The (curve, factor) point under `pos` (view box pixels): the selected curve first, then the topmost."""
        canvas = self.ctx.canvas
        if canvas is None:
            return None
        to_pixels = self.view.childTransform()
        radius = self.hit_radius()
        best: tuple[float, float, str, str] | None = None
        for curve in canvas.curves:
            curve_item = self.items.get(curve.id)
            if curve_item is None or not self.curve_shown(curve):
                continue
            for i, factor_id in enumerate(self.factor_ids):
                level = curve.levels.get(factor_id)
                if level is None:
                    continue
                q = to_pixels.map(QPointF(i, level))
                d = math.hypot(q.x() - pos.x(), q.y() - pos.y())
                if d > radius:
                    continue
                rank = (d - (radius if curve.id == self.ctx.curve_id else 0), -curve_item.zValue())
                if best is None or rank < best[:2]:
                    best = (*rank, curve.id, factor_id)
        return None if best is None else (best[2], best[3])

    def column_at(self, pos: QPointF) -> tuple[str | None, float]:
        """The factor whose column holds `pos` (view box pixels) and the snapped level there."""
        v = self.view.mapToView(pos)
        i = int(math.floor(v.x() + 0.5))
        factor = self.factor_ids[i] if 0 <= i < len(self.factor_ids) else None
        return factor, snap_level(v.y(), (self.low, self.high), self.step)

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(ev)
        if self.__dict__.get("factor_axis") is None:  # pyqtgraph resizes the view inside its own __init__
            return
        self.thaw()
        self.factor_axis.max_height = max(60.0, self.height() * 0.38)
        self.factor_axis.relayout()

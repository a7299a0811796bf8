"""Other participants' selections on the strategy canvas: the factor column and the curve each one selected,
outlined in their colour, their name on hover. Never stored in the workshop."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from widgets.base.remote_selection import RemoteSelection, halo_colour

if TYPE_CHECKING:
    from widgets.canvas.chart import ChartView

INSET = 0.04
"""How far inside its column (in factors) the first participant's outline runs; the next ones further in."""


class RemoteSelectionItem(pg.GraphicsObject):
    """One participant's marks: an outline round each selected factor's column and a broad band under the curve."""

    def __init__(self, name: str, colour: str, rank: int) -> None:
        super().__init__()
        self.colour = halo_colour(QColor(colour))
        self.rank = rank
        self.columns: list[int] = []
        self.curves: list[list[tuple[float, float]]] = []
        self.low, self.high = 0.0, 5.0
        self.setZValue(5)  # over the grid, under the curves
        self.setToolTip(QCoreApplication.translate("DiagramScene", "Selected by {names}").format(names=name))

    def set_marks(self, columns: list[int], curves: list[list[tuple[float, float]]], low: float,
                  high: float) -> None:
        self.prepareGeometryChange()
        self.columns, self.curves, self.low, self.high = columns, curves, low, high
        self.update()

    def _column(self, i: int) -> QRectF:
        pad = 0.07 * (self.high - self.low)
        inset = INSET * (1 + self.rank % 3)
        return QRectF(i - 0.5 + inset, self.low - pad * 0.6, 1 - 2 * inset, self.high - self.low + pad * 1.2)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        rect = QRectF()
        for i in self.columns:
            rect = rect.united(self._column(i))
        for points in self.curves:
            for x, y in points:
                rect = rect.united(QRectF(x - 0.5, y - 0.5, 1.0, 1.0))
        return rect

    def shape(self) -> QPainterPath:  # noqa: N802 - Qt override: the name shows on hover over the columns
        path = QPainterPath()
        for i in self.columns:
            path.addRect(self._column(i))
        return path

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ANN001 - Qt override
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        band = QColor(self.colour)
        band.setAlpha(80)
        pen = QPen(band, 10)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        for points in self.curves:
            if len(points) > 1:
                p.drawPolyline([QPointF(x, y) for x, y in points])
        pen = QPen(self.colour, 3)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for i in self.columns:
            p.drawRect(self._column(i))
        p.restore()


class RemoteSelections:
    """The chart's marks of the other participants; `show` replaces them, `refresh` follows an edit."""

    def __init__(self, chart: ChartView) -> None:
        self.chart = chart
        self.selections: list[RemoteSelection] = []
        self.items: list[RemoteSelectionItem] = []

    def show(self, selections: list[RemoteSelection]) -> None:
        """Mark what each participant selected (their factor columns and curves on the canvas shown)."""
        self.selections = list(selections)
        self.refresh()

    def refresh(self) -> None:
        """Draw the marks again on the canvas as it is now."""
        for item in self.items:
            self.chart.view.removeItem(item)
        self.items = []
        chart = self.chart
        canvas = chart.ctx.canvas
        if canvas is None or not self.selections:
            return
        curves = {c.id: c for c in canvas.curves if chart.curve_shown(c)}
        for rank, selection in enumerate(self.selections):
            columns = [i for i, f in enumerate(chart.factor_ids) if f in selection.ids]
            lines = [[(float(i), float(level)) for i, f in enumerate(chart.factor_ids)
                      if (level := curves[c].levels.get(f)) is not None]
                     for c in selection.ids if c in curves]
            if not columns and not lines:
                continue
            item = RemoteSelectionItem(selection.name, selection.colour, rank)
            item.set_marks(columns, lines, chart.low, chart.high)
            chart.view.addItem(item, ignoreBounds=True)
            self.items.append(item)

"""The chart's legend: a sample of each visible curve's line and marker with its name; a click selects the curve."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.changed import Changes
from widgets.base.text_size import text_scale, text_size
from widgets.canvas.axis import text_font
from widgets.canvas.common import DEAR_COLOR, INK, MUTED, CanvasContext, qcolor, touch_in
from widgets.canvas.items import draw_sample

SAMPLE = 34  # pixels of line sample before each name
GAP = 26  # between entries
ROW = 30
MIN_WIDTH = 160  # the narrowest a legend gets: its entries wrap into more rows


class WrappingLegend(QWidget):
    """The part every curve legend shares: entries placed in rows that wrap to the width; a click selects a curve."""

    ctx: CanvasContext
    entries: list[tuple[str | None, QRectF]]
    _rows: int

    def relayout(self) -> None:
        """Place the entries for the current width (then call `_placed`)."""
        raise NotImplementedError

    def _placed(self, placed: list[tuple[str | None, QRectF]], rows: int) -> None:
        """Keep the placed entries; ask for a new height when the number of rows changed."""
        self.entries = placed
        if rows != self._rows:
            self._rows = rows
            self.updateGeometry()
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As tall as its rows, but narrow: the entries wrap, so a legend never makes the window wider."""
        return QSize(MIN_WIDTH, self.sizeHint().height())

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(ev)
        self.relayout()

    def curve_at(self, pos: QPointF) -> str | None:
        """The curve whose entry is under `pos`."""
        return next((cid for cid, rect in self.entries if cid and rect.contains(pos)), None)

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        curve_id = self.curve_at(ev.position())
        if curve_id is not None and ev.button() == Qt.MouseButton.LeftButton:
            self.ctx.select(curve_id=curve_id)
            ev.accept()
            return
        super().mousePressEvent(ev)


class Legend(WrappingLegend):
    """Entries laid out in rows that wrap to the width; the selected curve's entry is underlined."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setFont(text_font(self.font(), 15))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.entries: list[tuple[str | None, QRectF]] = []  # (curve id or None for the note, area)
        self._rows = 1
        ctx.selection_changed.connect(self.update)
        text_size().changed.connect(self.follow_text_size)

    def follow_text_size(self) -> None:
        """The names and notes at the app's new text size, in rows as tall as they need."""
        self.setFont(text_font(self.font(), 15))
        self.relayout()
        self.updateGeometry()

    @staticmethod
    def row_height() -> float:
        """One row of entries at the app's text size."""
        return round(ROW * text_scale())

    def apply(self, changes: Changes) -> None:
        """Lay out again when curves were added, removed, renamed, recoloured, shown or hidden."""
        touch = touch_in(changes, self.ctx.canvas_id)
        if touch.everything or touch.curve_structure or touch.curves or touch.factor_structure or touch.factors:
            self.relayout()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        """"(reference)" and "higher = dearer" in the current language (their widths change too)."""
        self.setToolTip("")
        self.relayout()

    def relayout(self) -> None:
        """Place the entries for the current width."""
        canvas = self.ctx.canvas
        fm = QFontMetricsF(self.font())
        small = QFontMetricsF(text_font(self.font(), 13, italic=True))
        entries: list[tuple[str | None, float]] = []
        if canvas is not None:
            for c in canvas.curves:
                if c.visible:
                    text = c.name or "—"
                    width = SAMPLE + 8 + fm.horizontalAdvance(text)
                    if c.reference:
                        width += 6 + small.horizontalAdvance(self.tr("(reference)"))
                    entries.append((c.id, min(width, self.width() - 8.0)))
            if any(f.higher_is_costlier for f in canvas.factors):
                entries.append((None, small.horizontalAdvance("▲ " + self.tr("higher = dearer")) + 4))
        x, row, row_h = 4.0, 0, self.row_height()
        placed = []
        for curve_id, width in entries:
            if x > 4 and x + width > self.width() - 4:
                x, row = 4.0, row + 1
            placed.append((curve_id, QRectF(x, 4 + row * row_h, width, row_h - 4)))
            x += width + GAP
        self._placed(placed, row + 1)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(400, round(self._rows * self.row_height()) + 6)

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        canvas = self.ctx.canvas
        if canvas is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fm = QFontMetricsF(self.font())
        small = text_font(self.font(), 13, italic=True)
        for curve_id, rect in self.entries:
            mid = rect.center().y()
            if curve_id is None:
                p.setFont(small)
                p.setPen(QColor(DEAR_COLOR))
                p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                           "▲ " + self.tr("higher = dearer"))
                continue
            curve = self.ctx.document.find(curve_id)
            if curve is None:
                continue
            draw_sample(p, curve.kind, qcolor(curve.color), QPointF(rect.left() + 2, mid), SAMPLE - 6)
            text_rect = QRectF(rect.left() + SAMPLE + 8, rect.top(), rect.width() - SAMPLE - 8, rect.height())
            p.setFont(self.font())
            p.setPen(QColor(INK))
            name = fm.elidedText(curve.name or "—", Qt.TextElideMode.ElideRight, text_rect.width())
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            if curve.reference:
                p.setFont(small)
                p.setPen(QColor(MUTED))
                x = text_rect.left() + fm.horizontalAdvance(name) + 6
                p.drawText(QRectF(x, rect.top(), rect.right() - x, rect.height()),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.tr("(reference)"))
            if curve_id == self.ctx.curve_id:
                p.setPen(qcolor(curve.color))
                y = rect.bottom() - 1
                for dy in (0.0, 1.0):
                    p.drawLine(QPointF(text_rect.left(), y + dy),
                               QPointF(text_rect.left() + fm.horizontalAdvance(name), y + dy))
        p.end()

    def entry_rect(self, curve_id: str) -> QRectF:
        """Where a curve's entry is (for tests and tooltips)."""
        return next(rect for cid, rect in self.entries if cid == curve_id)

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        curve_id = self.curve_at(ev.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if curve_id else Qt.CursorShape.ArrowCursor)
        if curve_id:
            curve = self.ctx.document.get(curve_id)
            self.setToolTip(self.tr("%1 — click to draw this curve with the mouse and keys").replace("%1", curve.name))
        else:
            self.setToolTip("")
        super().mouseMoveEvent(ev)
